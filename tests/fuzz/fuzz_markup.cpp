// Fuzz target: document markup (docs/markup.md) through the parser and the layout to the
// layout trace, as one request to the engine (vanban/engine.h). Images are read from
// samples/layout, where the seed corpus's images are.
#include <vanban/engine.h>

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vanban::Engine engine(vanban::fuzz::engine_options());
  static const auto images = vanban::folder_resources(vanban::fuzz::home() + "/samples/layout");
  vanban::RenderRequest request;
  request.data = vanban::fuzz::input(data, size);
  request.data_name = "fuzz.xml";
  request.format = vanban::DataFormat::markup;
  request.files = images;
  request.want_pdf = false;
  request.want_trace = true;
  vanban::fuzz::judge(engine.render(request).diagnostics);
  return 0;
}
