// Fuzz target: a document's data file (XML) through input hygiene, the reader and the
// Decree 30 checks, as `vanban check` runs them.
#include "check/check_document.h"
#include "fuzz_input.h"
#include "data/data_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = vanban::fuzz::input(data, size);
  try {
    const auto input = vanban::data::read_document_data(bytes, "fuzz.xml", {}, {});
    vanban::check::check_document(input.tree, {});
  } catch (const vanban::Error& error) {
    vanban::fuzz::refused(error);
  }
  return 0;
}
