// Fuzz target: a batch's records file, in the format VANBAN_FUZZ_FORMAT names (csv, json,
// xlsx), read and each record turned into its fields as a batch prints them.
#include "data/read_records.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vanban::data::RecordFormat;
  const std::string bytes = vanban::fuzz::input(data, size);
  try {
    for (const auto& record : vanban::data::read_records(bytes, RecordFormat::VANBAN_FUZZ_FORMAT, "fuzz.records")) {
      if (!record.problem) vanban::data::fields_of(record);
    }
  } catch (const vanban::Error& error) {
    vanban::fuzz::refused(error);
  }
  return 0;
}
