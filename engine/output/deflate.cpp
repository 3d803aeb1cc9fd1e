#include "output/deflate.h"

#include <algorithm>
#include <libdeflate.h>

#include "base/diagnostics.h"

namespace vanban::output {

// Level 1: with the text written as literal strings the seed's PDF is still smaller than it
// was from hexadecimal text at level 3 (docs/dependencies.md, "Compressing streams"). One
// compressor per thread: allocating it costs more than deflating a small stream.
std::string deflated(std::string_view bytes) {
  struct Compressor {
    libdeflate_compressor* state = libdeflate_alloc_compressor(1);
    ~Compressor() { libdeflate_free_compressor(state); }
  };
  thread_local const Compressor compressor;
  if (!compressor.state) fail("pdf.deflate", "out of memory for the stream compressor");
  std::string out(libdeflate_zlib_compress_bound(compressor.state, bytes.size()), '\0');
  const std::size_t size = libdeflate_zlib_compress(compressor.state, bytes.data(), bytes.size(), out.data(), out.size());
  if (size == 0) fail("pdf.deflate", "a stream did not fit its compression bound");
  out.resize(size);
  return out;
}

std::string inflated(std::string_view stream, std::size_t max_size) {
  struct Decompressor {
    libdeflate_decompressor* state = libdeflate_alloc_decompressor();
    ~Decompressor() { libdeflate_free_decompressor(state); }
  };
  thread_local const Decompressor decompressor;
  if (!decompressor.state) fail("pdf.inflate", "out of memory for the stream decompressor");
  // libdeflate inflates into a buffer of a size given: grow it until the stream fits.
  std::size_t capacity = std::min<std::size_t>(max_size, std::max<std::size_t>(4096, stream.size() * 4));
  while (true) {
    std::string out(capacity, '\0');
    std::size_t size = 0;
    const auto result = libdeflate_zlib_decompress(decompressor.state, stream.data(), stream.size(), out.data(), out.size(), &size);
    if (result == LIBDEFLATE_SUCCESS) {
      out.resize(size);
      return out;
    }
    if (result != LIBDEFLATE_INSUFFICIENT_SPACE) fail("pdf.inflate", "a Flate stream is damaged");
    if (capacity >= max_size) fail("pdf.inflate", "a Flate stream inflates to more than the limit");
    capacity = std::min(max_size, capacity * 4);
  }
}

}  // namespace vanban::output
