// Fuzz target: a batch's records file, in the format VANBAN_FUZZ_FORMAT names (csv, json,
// xlsx), read and each record turned into its fields as a batch prints them: once with no
// template's names (the header is the first row), once with a certificate's labels and
// aliases and a --map (the header found among title rows, each header matched); JSON also
// as one document's data.
#include "data/read_records.h"
#include "fuzz_input.h"

namespace {

const vanban::data::ReadOptions& certificate_columns() {
  static const vanban::data::ReadOptions options = [] {
    vanban::data::ReadOptions made;
    made.columns.known = {{"recipient/honorific", {"Danh xưng", "Xưng hô"}},
                          {"recipient/name", {"Họ và tên", "Họ tên", "Tên"}},
                          {"recipient/role", {"Chức vụ, đơn vị", "Chức vụ"}},
                          {"golden-book", {"Số sổ vàng"}},
                          {"date", {"Ngày ký"}}};
    made.columns.map = {{"Người được khen", "recipient/name"}, {"Điện thoại", "-"}};
    return made;
  }();
  return options;
}

}  // namespace

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
  try {
    const auto file = vanban::data::read_record_file(bytes, RecordFormat::VANBAN_FUZZ_FORMAT, "fuzz.records", certificate_columns());
    for (const auto& record : file.records) {
      if (!record.problem) vanban::data::fields_of(record);
    }
  } catch (const vanban::Error& error) {
    vanban::fuzz::refused(error);
  }
  // JSON: the same bytes as one document's data too (vanban render data.json).
  if constexpr (RecordFormat::VANBAN_FUZZ_FORMAT == RecordFormat::json) {
    try {
      vanban::data::read_json_data(bytes, "fuzz.json");
    } catch (const vanban::Error& error) {
      vanban::fuzz::refused(error);
    }
  }
  return 0;
}
