// Fuzz target: the whole pipeline from a document's data file (XML naming its built-in
// template) through template, markup and layout, to the layout trace or, when
// VANBAN_FUZZ_PDF is defined, to PDF bytes: one request to the engine (vanban/engine.h), which
// keeps each template it has made ready. Images are read from samples/.
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
#ifdef VANBAN_FUZZ_PDF
  constexpr bool want_pdf = true;
#else
  constexpr bool want_pdf = false;
#endif
  vanban::fuzz::render_once(data, size, vanban::DataFormat::xml, "samples", want_pdf);
  return 0;
}
