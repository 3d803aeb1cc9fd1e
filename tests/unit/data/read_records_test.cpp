// Batch records from CSV (as Excel and LibreOffice export it), JSON and XML lists: one data
// map per record, with its number and line, and located errors.
#include <catch2/catch.hpp>

#include "data/read_records.h"

using namespace vanban;
using data::RecordFormat;

namespace {

std::string field(const data::Value& map, std::string_view path) {
  const data::Value* value = &map;
  for (std::size_t from = 0; value && from <= path.size();) {
    const auto slash = std::min(path.find('/', from), path.size());
    value = value->find(path.substr(from, slash - from));
    from = slash + 1;
  }
  return value ? value->plain_text() : "<absent>";
}

}  // namespace

TEST_CASE("CSV: a BOM, CRLF, quoted commas, line breaks and quotes, nested columns, empty cells absent") {
  const std::string csv =
      "\xEF\xBB\xBFstt,ho_ten,recipient/name,recipient/role,ghi_chu\r\n"
      "1,Nguyễn Văn An,\"Hội Cựu chiến binh, phường 1\",Chủ tịch,\r\n"
      "2,\"Trần Thị \"\"Bé\"\" Ba\",\"Trường Tiểu học\r\nLong Toàn A\",Giáo viên,Nữ\r\n"
      "\r\n"
      "3,  Lê Hoàng Đạt  ,Phòng Nội vụ,,\r\n";
  const auto records = data::read_records(csv, RecordFormat::csv, "ds.csv");
  REQUIRE(records.size() == 3);
  CHECK(records[0].number == 1);
  CHECK(field(data::fields_of(records[0]), "ho_ten") == "Nguyễn Văn An");
  CHECK(field(data::fields_of(records[0]), "recipient/name") == "Hội Cựu chiến binh, phường 1");
  CHECK(field(data::fields_of(records[0]), "recipient/role") == "Chủ tịch");
  CHECK(field(data::fields_of(records[0]), "ghi_chu") == "<absent>");
  CHECK(field(data::fields_of(records[1]), "ho_ten") == "Trần Thị \"Bé\" Ba");
  CHECK(field(data::fields_of(records[1]), "recipient/name") == "Trường Tiểu học\r\nLong Toàn A");
  CHECK(field(data::fields_of(records[2]), "ho_ten") == "Lê Hoàng Đạt");  // spaces around a cell trimmed
  CHECK(field(data::fields_of(records[2]), "recipient/role") == "<absent>");
  // Each record knows the line it starts on: record 3 comes after a field over two lines
  // and a blank line.
  CHECK(data::fields_of(records[0]).where.line == 2);
  CHECK(data::fields_of(records[1]).where.line == 3);
  CHECK(data::fields_of(records[2]).where.line == 6);
  for (const auto& record : records) CHECK_FALSE(record.problem);
}

TEST_CASE("CSV: a ragged row is kept with its problem, the rows around it are read") {
  const std::string csv = "stt,ho_ten,don_vi\n1,An,Phường 1\n2,Bình\n3,Chi,Phường 3,thừa\n4,Dung,Phường 4\n";
  const auto records = data::read_records(csv, RecordFormat::csv, "ds.csv");
  REQUIRE(records.size() == 4);
  CHECK_FALSE(records[0].problem);
  REQUIRE(records[1].problem);
  CHECK(records[1].problem->code == "data.csv-ragged");
  CHECK(records[1].problem->where.line == 3);
  CHECK_THAT(records[1].problem->message, Catch::Contains("record 2 has 2 cells") && Catch::Contains("3 columns"));
  REQUIRE(records[2].problem);
  CHECK_THAT(records[2].problem->message, Catch::Contains("record 3 has 4 cells"));
  CHECK_FALSE(records[3].problem);
  CHECK(field(data::fields_of(records[3]), "don_vi") == "Phường 4");
}

TEST_CASE("CSV: a quote left open or misplaced is an error at its line, a file without a header too") {
  try {
    data::read_records("stt,ho_ten\n1,An\n2,\"Bình\n3,Chi\n", RecordFormat::csv, "ds.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.csv-syntax");
    CHECK(e.diagnostic().where.line >= 3);
  }
  try {
    data::read_records("stt,ho_ten\n1,An\n2,Bì\"nh\"x\n", RecordFormat::csv, "ds.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.csv-syntax");
    CHECK(e.diagnostic().where.line == 3);
  }
  CHECK_THROWS_AS(data::read_records("\n\n", RecordFormat::csv, "empty.csv"), Error);
  try {
    data::read_records("stt,,ten\n1,a,b\n", RecordFormat::csv, "ds.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.csv-header");
    CHECK_THAT(e.diagnostic().message, Catch::Contains("column 2"));
  }
}

TEST_CASE("JSON: an array of objects, nested objects, lists, numbers and booleans become fields") {
  const std::string json = R"([
    {"stt": 1, "ho_ten": "Nguyễn Văn An", "recipient": {"name": "An", "role": "Chủ tịch"}, "tien": 447000.5,
     "nu": false, "dang_vien": true, "ghi_chu": null, "tags": ["a", "b"]},
    "not an object"
  ])";
  const auto records = data::read_records(json, RecordFormat::json, "ds.json");
  REQUIRE(records.size() == 2);
  const auto& first = data::fields_of(records[0]);
  CHECK(field(first, "stt") == "1");
  CHECK(field(first, "recipient/role") == "Chủ tịch");
  CHECK(field(first, "tien") == "447000.5");
  CHECK(field(first, "nu") == "<absent>");
  CHECK(field(first, "dang_vien") == "yes");
  CHECK(field(first, "ghi_chu") == "<absent>");
  CHECK(std::count_if(first.fields.begin(), first.fields.end(), [](const auto& f) { return f.name == "tags"; }) == 2);
  REQUIRE(records[1].problem);
  CHECK_THAT(records[1].problem->message, Catch::Contains("record 2"));
  try {
    data::read_records("[\n  {\"a\": 1},\n  {\"b\": }\n]", RecordFormat::json, "bad.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.json-syntax");
    CHECK(e.diagnostic().where.line == 3);
  }
  CHECK_THROWS_AS(data::read_records("{\"a\": 1}", RecordFormat::json, "one.json"), Error);
}

TEST_CASE("XML: each child of the root is a record, with_common puts the shared fields under each") {
  const std::string xml = "<records>\n  <r><ho_ten>An</ho_ten></r>\n  <r><ho_ten>Bình</ho_ten><place>Trà Vinh</place></r>\n</records>";
  const auto records = data::read_records(xml, RecordFormat::xml, "ds.xml");
  REQUIRE(records.size() == 2);
  CHECK(data::fields_of(records[1]).where.line == 3);
  const auto common = data::fields_of(data::read_records(
      "<c><x><place>Duyên Hải</place><signer><name>Lê Vũ Phương</name></signer></x></c>", RecordFormat::xml, "common.xml")[0]);
  const auto first = data::with_common(common, data::fields_of(records[0]));
  CHECK(field(first, "place") == "Duyên Hải");
  CHECK(field(first, "signer/name") == "Lê Vũ Phương");
  CHECK(field(data::with_common(common, data::fields_of(records[1])), "place") == "Trà Vinh");  // the record's own wins
  CHECK(data::record_format_of("Danh sach.CSV") == RecordFormat::csv);
  CHECK_FALSE(data::record_format_of("ds.ods"));
}

TEST_CASE("JSON: fields in the order written, each at its own line and column, numbers as written") {
  const std::string json = "[\n  {\"z\": \"last first\", \"a\": 123456789012345678901234567890,\n   \"m\": {\"k\": 1e3}}\n]";
  const auto records = data::read_records(json, RecordFormat::json, "ds.json");
  REQUIRE(records.size() == 1);
  const auto& fields = data::fields_of(records[0]);
  REQUIRE(fields.fields.size() == 3);
  CHECK(fields.fields[0].name == "z");  // not sorted: a plan's closing stays after its sections
  CHECK(fields.fields[1].name == "a");
  CHECK(field(fields, "a") == "123456789012345678901234567890");
  CHECK(field(fields, "m/k") == "1e3");
  CHECK(records[0].where.line == 2);
  CHECK(records[0].where.column == 3);
  CHECK(fields.fields[0].get().where.line == 2);
  CHECK(fields.fields[0].get().where.column == 9);
  CHECK(fields.find("m")->find("k")->where.line == 3);
  CHECK(fields.find("m")->find("k")->where.column == 15);
}

TEST_CASE("JSON: bytes that are not UTF-8 stay with their record, whose values keep them as they were") {
  const std::string json = "[{\"name\": \"An\"}, {\"name\": \"Nguy\xD4n \\\"V\xA8n\\\"\"}]";
  const auto records = data::read_records(json, RecordFormat::json, "ds.json");
  REQUIRE(records.size() == 2);
  CHECK(field(data::fields_of(records[0]), "name") == "An");
  CHECK(field(data::fields_of(records[1]), "name") == "Nguy\xD4n \"V\xA8n\"");  // the bytes, unescaped
}
