// Fuzz target: the whole pipeline from a document's data file (XML naming its built-in
// template) through template, markup and layout, to the layout trace or, when
// VANBAN_FUZZ_PDF is defined, to PDF bytes: one request to the engine (vanban/engine.h), which
// keeps each template it has made ready.
#include <vanban/engine.h>

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vanban::Engine engine(vanban::fuzz::engine_options());
  static const auto samples = vanban::folder_resources(vanban::fuzz::home() + "/samples");
  vanban::RenderRequest request;
  request.data = vanban::fuzz::input(data, size);
  request.data_name = "fuzz.xml";
  request.format = vanban::DataFormat::xml;
  request.files = samples;
#ifdef VANBAN_FUZZ_PDF
  request.want_pdf = true;
#else
  request.want_pdf = false;
  request.want_trace = true;
#endif
  vanban::fuzz::judge(engine.render(request).diagnostics);
  return 0;
}
