// Images (an emblem, a signature, a seal) decoded whole before anything is laid out, with
// libpng and libjpeg-turbo under error handlers of our own. libharu 2.3 decodes PNGs with
// libpng's default handler, which aborts the process on a damaged chunk (a bad IDAT, a short
// one, a bad IHDR); here every libpng and libjpeg error becomes an Error for the document
// that names the image, and the PDF writer only embeds what decoded.
//
// What is read: PNG of any colour type and bit depth, interlaced or not, with or without
// transparency (as 8-bit grey or RGB samples and an alpha channel); JPEG, baseline or
// progressive, 8-bit grey, RGB or CMYK, kept as its own bytes once every scanline decoded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/image_data.h"

namespace vanban::image {

// Decodes a PNG or JPEG file's bytes, told apart by their signatures. An image of more than
// max_pixels pixels is refused from its header, before anything is decoded ("image.too-large",
// naming --max-image-mp). Errors, at where: "image.bad-png", "image.bad-jpeg",
// "image.unsupported", "image.too-large"; file names the image in messages.
std::shared_ptr<const ImageData> decode_image(std::string_view bytes, const std::string& file, std::uint64_t max_pixels,
                                              const SourceLocation& where);

}  // namespace vanban::image
