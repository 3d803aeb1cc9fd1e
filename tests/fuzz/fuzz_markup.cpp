// Fuzz target: document markup (docs/markup.md) through the parser and the layout to the
// layout trace. Images resolve in samples/layout, where the seed corpus's images are.
#include "fuzz_input.h"
#include "output/trace_writer.h"
#include "pipeline/generate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vanban::text::FontFamily fonts = vanban::text::load_font_family(vanban::fuzz::home() + "/fonts");
  static const vanban::pipeline::GenerateOptions options = [] {
    vanban::pipeline::GenerateOptions made;
    made.home = vanban::fuzz::home();
    made.base_dir = made.home + "/samples/layout";
    return made;
  }();
  const std::string bytes = vanban::fuzz::input(data, size);
  try {
    const auto generated = vanban::pipeline::generate_from_markup(bytes, "fuzz.xml", options, fonts);
    vanban::output::write_trace(generated.frame);
  } catch (const vanban::Error& error) {
    vanban::fuzz::refused(error);
  }
  return 0;
}
