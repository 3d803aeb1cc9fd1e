#include "image/decode_image.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>
// jpeglib.h needs size_t and FILE declared before it.
#include <jerror.h>
#include <jpeglib.h>

namespace vanban::image {

namespace {

[[noreturn]] void too_large(const std::string& file, std::uint64_t width, std::uint64_t height, std::uint64_t max_pixels,
                            const SourceLocation& where) {
  const auto one_decimal = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return std::string(text);
  };
  fail_with("image.too-large", "{} is {} × {} pixels ({} megapixels), more than the {} allowed",
            {file, std::to_string(width), std::to_string(height),
             one_decimal(static_cast<double>(width) * static_cast<double>(height) / 1e6),
             one_decimal(static_cast<double>(max_pixels) / 1e6)},
            where,
       {"an emblem, a signature or a seal needs a few hundred pixels a side; scale the image down, or raise the limit "
        "with --max-image-mp"});
}

// ---- PNG (libpng 1.6) --------------------------------------------------------------------
//
// libpng reports an error by calling our handler, which must not return: it longjmps back to
// the setjmp of the phase that called libpng. Each phase is a function of its own that holds
// no C++ object with a destructor, so the jump skips none (the C++ rule for setjmp/longjmp,
// [csetjmp.syn]); the buffers are made between the phases.

struct PngSource {
  const unsigned char* data;
  std::size_t size, at;
};

struct PngReader {
  png_structp png = nullptr;
  png_infop info = nullptr;
  PngSource source{};
  char message[256] = "";
  // libpng tells a side over png_set_user_limits as a warning, then fails with only
  // "Invalid IHDR data" (png_check_IHDR): the warning says which it was.
  bool over_user_limit = false;
  ~PngReader() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

void png_failed(png_structp png, png_const_charp message) {
  auto* reader = static_cast<PngReader*>(png_get_error_ptr(png));
  std::snprintf(reader->message, sizeof reader->message, "%s", message);
  png_longjmp(png, 1);
}

// A warning leaves the image as it is; the one about the user limits is kept for the error
// that follows it.
void png_warned(png_structp png, png_const_charp message) {
  if (std::strstr(message, "exceeds user limit")) static_cast<PngReader*>(png_get_error_ptr(png))->over_user_limit = true;
}

void png_read_bytes(png_structp png, png_bytep out, png_size_t length) {
  auto* reader = static_cast<PngReader*>(png_get_io_ptr(png));
  PngSource& source = reader->source;
  if (length > source.size - source.at) png_error(png, "the file ends inside the image data");
  std::memcpy(out, source.data + source.at, length);
  source.at += length;
}

struct PngHeader {
  png_uint_32 width = 0, height = 0;
  int channels = 0;  // after the transforms: 1 grey, 2 grey + alpha, 3 RGB, 4 RGB + alpha
  png_size_t row_bytes = 0;
};

// Phase 1: the header, and the transforms to 8-bit grey or RGB with an optional alpha.
bool png_read_header(PngReader& reader, PngHeader& header, png_uint_32 max_side) {
  if (setjmp(png_jmpbuf(reader.png))) return false;
  png_set_read_fn(reader.png, &reader, png_read_bytes);
  // Sloppy encoders' "benign" errors are errors too: a damaged image is not printed half.
  png_set_benign_errors(reader.png, 0);
  png_set_user_limits(reader.png, max_side, max_side);
  png_read_info(reader.png, reader.info);
  png_set_expand(reader.png);      // palette to RGB, grey below 8 bits to 8, tRNS to alpha
  png_set_scale_16(reader.png);    // 16 bits to 8
  png_set_interlace_handling(reader.png);  // Adam7 rows come out whole
  png_read_update_info(reader.png, reader.info);
  header.width = png_get_image_width(reader.png, reader.info);
  header.height = png_get_image_height(reader.png, reader.info);
  header.channels = png_get_channels(reader.png, reader.info);
  header.row_bytes = png_get_rowbytes(reader.png, reader.info);
  return true;
}

// Phase 2: every row, and the chunks after them up to IEND (their CRCs checked).
bool png_read_pixels(PngReader& reader, png_bytepp rows) {
  if (setjmp(png_jmpbuf(reader.png))) return false;
  png_read_image(reader.png, rows);
  png_read_end(reader.png, nullptr);
  return true;
}

std::shared_ptr<const ImageData> decode_png(std::string_view bytes, const std::string& file, std::uint64_t max_pixels,
                                            const SourceLocation& where) {
  PngReader reader;
  const auto bad = [&](const std::string& why) -> std::shared_ptr<const ImageData> {
    fail_with("image.bad-png", "{} is not a usable PNG: {}", {file, why}, where);
  };
  reader.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, png_failed, png_warned);
  if (!reader.png) return bad("libpng could not start");
  reader.info = png_create_info_struct(reader.png);
  if (!reader.info) return bad("libpng could not start");
  reader.source = {reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0};
  PngHeader header;
  // No side may be longer than the pixel limit allows even for a one-pixel-wide image.
  const auto max_side = static_cast<png_uint_32>(std::min<std::uint64_t>(max_pixels, 0x7FFFFFFF));
  if (!png_read_header(reader, header, max_side)) {
    if (reader.over_user_limit || std::strstr(reader.message, "exceeds user limit")) {
      fail_with("image.too-large", "{} is wider or taller than the pixel limit allows", {file}, where,
           {"scale the image down, or raise the limit with --max-image-mp"});
    }
    return bad(reader.message);
  }
  if (static_cast<std::uint64_t>(header.width) * header.height > max_pixels) {
    too_large(file, header.width, header.height, max_pixels, where);
  }
  if (header.channels < 1 || header.channels > 4 || header.row_bytes != header.width * static_cast<png_size_t>(header.channels)) {
    return bad("an unexpected sample layout");
  }
  std::vector<unsigned char> pixels(header.row_bytes * header.height);
  std::vector<png_bytep> rows(header.height);
  for (png_uint_32 y = 0; y < header.height; ++y) rows[y] = pixels.data() + y * header.row_bytes;
  if (!png_read_pixels(reader, rows.data())) return bad(reader.message);

  auto image = std::make_shared<ImageData>();
  image->encoding = ImageData::Encoding::samples;
  image->width = static_cast<int>(header.width);
  image->height = static_cast<int>(header.height);
  const bool has_alpha = header.channels == 2 || header.channels == 4;
  image->components = has_alpha ? header.channels - 1 : header.channels;
  if (!has_alpha) {
    image->samples = std::move(pixels);
    return image;
  }
  const std::size_t count = static_cast<std::size_t>(header.width) * header.height;
  image->samples.resize(count * static_cast<std::size_t>(image->components));
  image->alpha.resize(count);
  bool opaque = true;
  for (std::size_t k = 0; k < count; ++k) {
    const unsigned char* pixel = pixels.data() + k * static_cast<std::size_t>(header.channels);
    std::memcpy(image->samples.data() + k * static_cast<std::size_t>(image->components), pixel,
                static_cast<std::size_t>(image->components));
    image->alpha[k] = pixel[image->components];
    opaque = opaque && pixel[image->components] == 0xFF;
  }
  if (opaque) image->alpha.clear();  // no mask for an image that shows everywhere
  return image;
}

// ---- JPEG (libjpeg-turbo, the libjpeg 6.2 API) --------------------------------------------
//
// The same two-phase rule as for PNG. libjpeg goes on after damage it can patch over (a
// file cut short gets a made-up end), reporting it as a warning: here a warning is an error,
// so a damaged JPEG is refused rather than printed half grey.

struct JpegReader {
  jpeg_decompress_struct info{};
  jpeg_error_mgr errors{};
  std::jmp_buf jump{};
  char message[JMSG_LENGTH_MAX] = "";
  bool created = false;
  ~JpegReader() {
    if (created) jpeg_destroy_decompress(&info);
  }
};

JpegReader& reader_of(j_common_ptr info) { return *static_cast<JpegReader*>(info->client_data); }

void jpeg_failed(j_common_ptr info) {
  (*info->err->format_message)(info, reader_of(info).message);
  std::longjmp(reader_of(info).jump, 1);
}

void jpeg_message(j_common_ptr info, int level) {
  if (level < 0) jpeg_failed(info);  // a warning: corrupt data
}

bool jpeg_read_all(JpegReader& reader, const unsigned char* data, unsigned long size, std::uint64_t max_pixels,
                   bool& too_big, unsigned char* row, std::size_t row_size) {
  if (setjmp(reader.jump)) return false;
  jpeg_create_decompress(&reader.info);
  reader.created = true;
  jpeg_mem_src(&reader.info, data, size);
  jpeg_read_header(&reader.info, TRUE);
  if (static_cast<std::uint64_t>(reader.info.image_width) * reader.info.image_height > max_pixels) {
    too_big = true;
    return false;
  }
  // One row's buffer was made for the widest image the limit allows; decode row by row.
  if (static_cast<std::size_t>(reader.info.image_width) * static_cast<std::size_t>(reader.info.num_components) >
      row_size) {
    too_big = true;
    return false;
  }
  jpeg_start_decompress(&reader.info);
  JSAMPROW rows[1] = {row};
  while (reader.info.output_scanline < reader.info.output_height) jpeg_read_scanlines(&reader.info, rows, 1);
  jpeg_finish_decompress(&reader.info);
  return true;
}

std::shared_ptr<const ImageData> decode_jpeg(std::string_view bytes, const std::string& file, std::uint64_t max_pixels,
                                             const SourceLocation& where) {
  const auto bad = [&](const std::string& why) -> std::shared_ptr<const ImageData> {
    fail_with("image.bad-jpeg", "{} is not a usable JPEG: {}", {file, why}, where);
  };
  JpegReader reader;
  reader.info.err = jpeg_std_error(&reader.errors);
  reader.errors.error_exit = jpeg_failed;
  reader.errors.emit_message = jpeg_message;
  reader.info.client_data = &reader;
  // A row of the widest image: JPEG sides are at most 65,535 pixels, in at most 4 components.
  std::vector<unsigned char> row(65535 * 4);
  bool too_big = false;
  if (!jpeg_read_all(reader, reinterpret_cast<const unsigned char*>(bytes.data()),
                     static_cast<unsigned long>(bytes.size()), max_pixels, too_big, row.data(), row.size())) {
    if (too_big) too_large(file, reader.info.image_width, reader.info.image_height, max_pixels, where);
    return bad(reader.message);
  }
  // What libharu 2.3 embeds as a DCT stream: 8-bit samples, Huffman coding, 1, 3 or 4 components.
  if (reader.info.arith_code) return bad("arithmetic-coded JPEGs are not supported");
  if (reader.info.data_precision != 8) return bad("only 8-bit samples are supported");
  if (reader.info.num_components != 1 && reader.info.num_components != 3 && reader.info.num_components != 4) {
    return bad("only grey, RGB and CMYK are supported");
  }
  auto image = std::make_shared<ImageData>();
  image->encoding = ImageData::Encoding::jpeg;
  image->width = static_cast<int>(reader.info.image_width);
  image->height = static_cast<int>(reader.info.image_height);
  image->components = reader.info.num_components;
  image->jpeg = std::string(bytes);
  return image;
}

}  // namespace

std::shared_ptr<const ImageData> decode_image(std::string_view bytes, const std::string& file, std::uint64_t max_pixels,
                                              const SourceLocation& where) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return decode_jpeg(bytes, file, max_pixels, where);
  if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return decode_png(bytes, file, max_pixels, where);
  fail_with("image.unsupported", "{} is neither a PNG nor a JPEG file", {file}, where);
}

}  // namespace vanban::image
