// The Vietnamese helpers as a template author uses them (docs/templates.md, "Helpers").
#include <catch2/catch.hpp>

#include "data/read_data.h"
#include "pipeline/template_helpers.h"

using namespace vanban;

namespace {

std::string render(const std::string& tmpl_text, const std::string& xml) {
  mustache::Template tmpl{.name = "t", .file = "t.mustache", .text = tmpl_text};
  return mustache::render_template(tmpl, data::read_data(xml, "d.xml"), pipeline::vietnamese_helpers()).markup;
}

Diagnostic error_of(const std::string& tmpl_text, const std::string& xml) {
  try {
    render(tmpl_text, xml);
  } catch (const Error& e) {
    return e.diagnostic();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("vn.date and vn.place-date write Decree 30's date line") {
  const std::string xml = "<d><place>Duyên Hải</place><date>2020-02-05</date><late>2019-08-26</late></d>";
  CHECK(render("{{#vn.date}}{{date}}{{/vn.date}}", xml) == "ngày 05 tháng 02 năm 2020");
  CHECK(render("{{#vn.place-date}}{{place}}, {{late}}{{/vn.place-date}}", xml) == "Duyên Hải, ngày 26 tháng 8 năm 2019");
  CHECK(render("{{#vn.place-date}}{{late}}{{/vn.place-date}}", xml) == "ngày 26 tháng 8 năm 2019");
  const auto bad = error_of("{{#vn.date}}{{date}}{{/vn.date}}", "<d>\n<date>2019-02-29</date>\n</d>");
  CHECK(bad.code == "data.bad-date");
  CHECK(bad.where.file == "d.xml");
  CHECK(bad.where.line == 2);
}

TEST_CASE("vn.number, vn.words and vn.amount write money") {
  const std::string xml = "<d><fee>1250000</fee><small>105</small><bad>1.25</bad></d>";
  CHECK(render("{{#vn.number}}{{fee}}{{/vn.number}} đồng", xml) == "1.250.000 đồng");
  CHECK(render("({{#vn.amount}}{{fee}}{{/vn.amount}})", xml) == "(Một triệu hai trăm năm mươi nghìn đồng)");
  CHECK(render("{{#vn.amount}}{{small}}{{/vn.amount}}", xml) == "Một trăm linh năm đồng");
  CHECK(render("{{#vn.amount-le}}{{small}}{{/vn.amount-le}}", xml) == "Một trăm lẻ năm đồng");
  CHECK(render("{{#vn.words}}{{small}}{{/vn.words}}", xml) == "một trăm linh năm");
  CHECK(render("{{#vn.words-le}}{{small}}{{/vn.words-le}}", xml) == "một trăm lẻ năm");
  CHECK(error_of("{{#vn.amount}}{{bad}}{{/vn.amount}}", xml).code == "data.bad-number");
  CHECK(error_of("{{#vn.amount}}-5{{/vn.amount}}", xml).code == "data.bad-number");
}

TEST_CASE("vn.roman and vn.diem number parts and points") {
  const std::string xml = "<d><s n='4'/><s n='5'/><s n='6'/></d>";
  CHECK(render("{{#s}}{{#vn.roman}}{{n}}{{/vn.roman}} {{#vn.diem}}{{n}}{{/vn.diem}};{{/s}}", xml) == "IV d;V đ;VI e;");
  CHECK(error_of("{{#vn.roman}}0{{/vn.roman}}", xml).code == "data.bad-number");
}

TEST_CASE("vn.upper, vn.lower and vn.title change case the Vietnamese way and keep emphasis") {
  const std::string xml = "<d><name>nguyễn <b>văn</b> đạt</name><unit>ỦY BAN NHÂN DÂN</unit></d>";
  CHECK(render("{{#vn.upper}}{{name}}{{/vn.upper}}", xml) == "NGUYỄN <b>VĂN</b> ĐẠT");
  CHECK(render("{{#vn.title}}{{name}}{{/vn.title}}", xml) == "Nguyễn <b>Văn</b> Đạt");
  CHECK(render("{{#vn.lower}}{{unit}}{{/vn.lower}}", xml) == "ủy ban nhân dân");
}

TEST_CASE("vn.type-code gives the Phụ lục III abbreviation for a ký hiệu") {
  const std::string xml = "<d><type>Tờ trình</type><issuer>UBND</issuer><cv>Công văn</cv></d>";
  CHECK(render("{{#vn.type-code}}{{type}}{{/vn.type-code}}-{{issuer}}", xml) == "TTr-UBND");
  CHECK(error_of("{{#vn.type-code}}{{cv}}{{/vn.type-code}}", xml).code == "data.bad-notation");
}

TEST_CASE("vn.sort-by-name lists delegates by tên, then họ, then đệm") {
  const std::string xml = "<d>"
                          "<delegate><name>Nguyễn Văn Bình</name><unit>A</unit></delegate>"
                          "<delegate><name>Đặng Thị An</name><unit>B</unit></delegate>"
                          "<delegate><name>Dương Văn An</name><unit>C</unit></delegate>"
                          "<delegate><name>Lê Thị Bình</name><unit>D</unit></delegate>"
                          "<unit>Đội 2</unit><unit>Ban A</unit><unit>Đội 1</unit></d>";
  CHECK(render("{{#vn.sort-by-name.delegate}}{{unit}}{{/vn.sort-by-name.delegate}}", xml) == "CBDA");
  CHECK(render("{{#vn.sort-by-name-middle-first.delegate}}{{unit}}{{/vn.sort-by-name-middle-first.delegate}}", xml) ==
        "BCDA");
  CHECK(render("{{#vn.sort.unit}}{{.}};{{/vn.sort.unit}}", xml) == "Ban A;Đội 1;Đội 2;");
}
