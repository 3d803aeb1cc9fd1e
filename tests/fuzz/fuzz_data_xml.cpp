// Fuzz target: a document's data file (XML) through input hygiene, the reader and the
// Decree 30 checks, as `vanban check` runs them.
#include "check/check_document.h"
#include "fuzz_input.h"
#include "pipeline/generate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = vanban::fuzz::input(data, size);
  try {
    const vanban::pipeline::GenerateOptions options;
    const std::string clean = vanban::pipeline::clean_data_text(bytes, "fuzz.xml", options);
    const auto tree = vanban::pipeline::read_clean_data(clean, "fuzz.xml");
    vanban::check::check_document(tree, {});
  } catch (const vanban::Error& error) {
    vanban::fuzz::refused(error);
  }
  return 0;
}
