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
  // A column without a header loses nothing: a record with a value under it fails, at the cell.
  const auto records = data::read_records("stt,,ten\n1,a,b\n2,,c\n", RecordFormat::csv, "ds.csv");
  REQUIRE(records.size() == 2);
  REQUIRE(records[0].problem);
  CHECK(records[0].problem->code == "data.csv-unnamed-column");
  CHECK(records[0].problem->where.column == 3);
  CHECK_FALSE(records[1].problem);
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

namespace {

// The names a certificate's template gives its columns (templates/giay-khen/template.xml).
data::ReadOptions certificate_columns() {
  data::ReadOptions options;
  options.columns.known = {{"recipient/honorific", {"Danh xưng", "Xưng hô"}},
                           {"recipient/name", {"Họ và tên", "Họ tên", "Tên"}},
                           {"recipient/role", {"Chức vụ, đơn vị", "Chức vụ"}},
                           {"golden-book", {"Số sổ vàng"}}};
  return options;
}

const data::ColumnUse& column(const data::RecordFile& file, std::size_t index) { return file.table->columns.at(index); }

}  // namespace

TEST_CASE("a clerk's table: the header found below the title rows, headers matched by the template's names") {
  const std::string csv =
      "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN,,,,,\n"
      "\"(Kèm theo Quyết định số 1250/QĐ-UBND, ngày 22/6/2020)\",,,,,\n"
      ",,,,,\n"
      // "Họ và tên" in NFD and capitals, the role's header without its comma.
      "STT,Danh xưng,HO\xCC\xA3 VA\xCC\x80 TE\xCC\x82N,Chức vụ - đơn vị,Số sổ vàng,Ghi chú\n"
      "1,Ông,Nguyễn Văn An,Chủ tịch Hội Cựu chiến binh,101,đã nhận\n"
      "2,Bà,Thạch Thị Sa Phia,Giáo viên,102,\n";
  const auto file = data::read_record_file(csv, RecordFormat::csv, "ds.csv", certificate_columns());
  REQUIRE(file.table);
  CHECK(file.table->header_row == 4);
  REQUIRE(file.table->skipped.size() == 2);
  CHECK_THAT(file.table->skipped[0], Catch::StartsWith("line 1: DANH SÁCH"));
  REQUIRE(file.records.size() == 2);
  CHECK(file.records[0].where.line == 5);
  CHECK(column(file, 0).kind == data::ColumnUse::Kind::row_number);
  CHECK(column(file, 2).field == "recipient/name");
  CHECK(column(file, 2).by == "label");
  CHECK(column(file, 3).field == "recipient/role");
  CHECK(column(file, 5).kind == data::ColumnUse::Kind::note);
  const auto first = data::fields_of(file.records[0]);
  CHECK(field(first, "recipient/name") == "Nguyễn Văn An");
  CHECK(field(first, "recipient/role") == "Chủ tịch Hội Cựu chiến binh");
  CHECK(field(first, "golden-book") == "101");
  CHECK(field(first, "stt") == "1");
  CHECK_FALSE(first.find("Ghi chú"));  // the clerk's notes are never printed
}

TEST_CASE("columns: --map names what the template cannot guess, or leaves a column out, and is checked") {
  const std::string csv = "TT,Người được khen,Đơn vị công tác,Điện thoại\n1,Nguyễn Văn An,Phường 1,0901\n";
  auto options = certificate_columns();
  options.columns.map = {{"người được khen", "recipient/name"}, {"Đơn vị công tác", "recipient/role"}, {"Điện thoại", "-"}};
  const auto file = data::read_record_file(csv, RecordFormat::csv, "ds.csv", options);
  CHECK(file.table->header_row == 1);
  CHECK(column(file, 1).by == "--map");
  CHECK(column(file, 3).kind == data::ColumnUse::Kind::left_out);
  const auto fields = data::fields_of(file.records.at(0));
  CHECK(field(fields, "recipient/name") == "Nguyễn Văn An");
  CHECK_FALSE(fields.find("Điện thoại"));

  // Without the map, the phone column is unknown: the template's check fails its records.
  options.columns.map = {{"người được khen", "recipient/name"}, {"Đơn vị công tác", "recipient/role"}};
  CHECK(column(data::read_record_file(csv, RecordFormat::csv, "ds.csv", options), 3).kind == data::ColumnUse::Kind::unknown);

  options.columns.map = {{"Người được khen", "recipient/nam"}};
  try {
    data::read_record_file(csv, RecordFormat::csv, "ds.csv", options);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.column-map");
    REQUIRE_FALSE(e.diagnostic().hints.empty());
    CHECK(e.diagnostic().hints[0] == "did you mean 'recipient/name'?");
  }
  options.columns.map = {{"Ngày sinh", "-"}};
  try {
    data::read_record_file(csv, RecordFormat::csv, "ds.csv", options);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.column-map");
  }
}

TEST_CASE("columns: two feeding one field are refused at the second header, --header-row forces the header") {
  const std::string csv = "STT,Họ và tên,Tên,Chức vụ\n1,Nguyễn Văn An,An,Chủ tịch\n";
  try {
    data::read_record_file(csv, RecordFormat::csv, "ds.csv", certificate_columns());
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.column-twice");
    CHECK(e.diagnostic().where.line == 1);
    CHECK(e.diagnostic().where.column == 15);  // "Tên", the third column, in characters
  }
  const std::string titled = "Họ và tên,Chức vụ\nHọ và tên,Chức vụ\nNguyễn Văn An,Chủ tịch\n";
  auto options = certificate_columns();
  CHECK(data::read_record_file(titled, RecordFormat::csv, "ds.csv", options).records.size() == 2);
  options.columns.header_row = 2;
  const auto forced = data::read_record_file(titled, RecordFormat::csv, "ds.csv", options);
  REQUIRE(forced.records.size() == 1);
  CHECK(field(data::fields_of(forced.records[0]), "recipient/name") == "Nguyễn Văn An");
  options.columns.header_row = 9;
  CHECK_THROWS_AS(data::read_record_file(titled, RecordFormat::csv, "ds.csv", options), Error);
}

TEST_CASE("CSV dialects: a semicolon or a tab separator found, old Mac line ends counted as lines") {
  // Excel's CSV where the decimal mark is a comma: semicolons, and commas inside the cells.
  const std::string semicolons = "DANH SÁCH;;\nSTT;Họ và tên;Chức vụ, đơn vị\n1;Nguyễn Văn An;Chủ tịch, Hội Nông dân\n";
  const auto semi = data::read_record_file(semicolons, RecordFormat::csv, "ds.csv", certificate_columns());
  REQUIRE(semi.records.size() == 1);
  CHECK(field(data::fields_of(semi.records[0]), "recipient/role") == "Chủ tịch, Hội Nông dân");
  CHECK(semi.table->header_row == 2);
  // Excel's "Unicode Text" is tab-separated (its UTF-16 is decoded before, decode_text_file).
  const auto tabs = data::read_record_file("STT\tHọ và tên\n1\tLê Văn Bình\n", RecordFormat::csv, "ds.txt", certificate_columns());
  CHECK(field(data::fields_of(tabs.records.at(0)), "recipient/name") == "Lê Văn Bình");
  CHECK(data::record_format_of("ds.txt") == RecordFormat::csv);
  // CR alone ends each line: the third record is on line 4, the bad cell at its own column.
  const auto old_mac = data::read_record_file("STT,Họ và tên,\r1,An,\r2,Bình,\r3,Chi,x\r", RecordFormat::csv, "ds.csv", certificate_columns());
  REQUIRE(old_mac.records.size() == 3);
  CHECK(old_mac.records[2].where.line == 4);
  REQUIRE(old_mac.records[2].problem);
  CHECK(old_mac.records[2].problem->where.column == 7);
  // Told, the separator is not guessed.
  auto forced = certificate_columns();
  forced.delimiter = ';';
  const auto told = data::read_record_file("Họ và tên;Chức vụ\nAn, Bình;Chủ tịch\n", RecordFormat::csv, "ds.csv", forced);
  CHECK(field(data::fields_of(told.records.at(0)), "recipient/name") == "An, Bình");
}

TEST_CASE("JSON document: emphasis written inline as in XML, nested in order, any other '<' is text") {
  const auto tree = data::read_json_data(
      R"json({"a": "Tặng (<i>có danh sách kèm theo</i>)", "b": "<b>đậm <b>rất đậm</b> vẫn đậm</b>", "c": "x < y", "d": "<i>mở"})json",
      "d.json");
  const auto& a = tree.root.find("a")->text;
  REQUIRE(a.size() == 3);
  CHECK(a[1].text == "có danh sách kèm theo");
  CHECK(a[1].style.italic);
  CHECK_FALSE(a[2].style.italic);
  const auto& b = tree.root.find("b")->text;
  REQUIRE(b.size() == 3);
  CHECK((b[0].style.bold && b[1].style.bold && b[2].style.bold));  // the inner </b> does not end the outer
  CHECK(tree.root.find("c")->plain_text() == "x < y");
  CHECK(tree.root.find("d")->plain_text() == "<i>mở");  // not closed: all text, nothing dropped
}

TEST_CASE("a row above the found header that holds several values is told, never dropped unsaid") {
  // A first header the template does not know, then a row whose cells happen to be its names.
  const std::string csv = "ho,chuc\nAn,Chủ tịch\nTên,Chức vụ\nBình,Giáo viên\n";
  const auto file = data::read_record_file(csv, RecordFormat::csv, "ds.csv", certificate_columns());
  CHECK(file.table->header_row == 3);
  REQUIRE(file.warnings.size() == 2);
  CHECK(file.warnings[1].code == "data.row-above-header");
  CHECK(file.warnings[1].where.line == 2);
  CHECK_THAT(file.warnings[1].message, Catch::Contains("An | Chủ tịch"));
  // A title in one cell is a title: nothing to tell.
  const auto titled = data::read_record_file("DANH SÁCH,\nTên,Chức vụ\nBình,Giáo viên\n", RecordFormat::csv, "ds.csv",
                                             certificate_columns());
  CHECK(titled.warnings.empty());
}
