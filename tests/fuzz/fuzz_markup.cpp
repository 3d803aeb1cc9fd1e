// Fuzz target: document markup (docs/markup.md) through the parser and the layout to the
// layout trace, as one request to the engine (vanban/engine.h). Images are read from
// samples/layout, where the seed corpus's images are.
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vanban::fuzz::render_once(data, size, vanban::DataFormat::markup, "samples/layout", false);
  return 0;
}
