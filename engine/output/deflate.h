// Flate (RFC 1950 zlib streams, as PDF's FlateDecode reads them), with libdeflate: the PDF
// writer's streams, and the images a signature's appearance adds in an update.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::output {

// The bytes deflated at libdeflate's level 1, its fastest. Throws Error "pdf.deflate".
std::string deflated(std::string_view bytes);

// The bytes of a zlib stream, inflated; at most max_size bytes come out, a stream that would
// give more (or is damaged) throws Error "pdf.inflate".
std::string inflated(std::string_view stream, std::size_t max_size);

}  // namespace vanban::output
