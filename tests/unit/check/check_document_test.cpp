// Decree 30 checks on data: the seed passes (one warning it deserves), and a broken copy is
// flagged at the right lines with the right codes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "base/files.h"
#include "check/check_document.h"
#include "data/read_data.h"
#include "support/paths.h"

using namespace vanban;

namespace {

std::string seed() { return read_file(testing::sample("ke-hoach-54.xml")); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The 1-based line on which `needle` first stands in text.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

std::vector<Diagnostic> findings_of(const std::string& xml) { return check::check_document(data::read_data(xml, "d.xml")); }

bool has(const std::vector<Diagnostic>& findings, const std::string& code, Severity severity, int line) {
  return std::any_of(findings.begin(), findings.end(), [&](const Diagnostic& d) {
    return d.code == code && d.severity == severity && d.where.line == line;
  });
}

}  // namespace

TEST_CASE("the seed plan has no errors, and one warning for its 'Lưu.'") {
  const std::string xml = seed();
  const auto findings = findings_of(xml);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == Severity::warning);
  CHECK(findings[0].code == "check.recipient");
  CHECK(findings[0].where.line == line_of(xml, "<recipient>Lưu.</recipient>"));
}

TEST_CASE("a broken copy of the seed is flagged at each broken line") {
  std::string xml = seed();
  xml = replaced(xml, "<notation>KH-UBND</notation>", "<notation>QĐ-UBND</notation>");
  xml = replaced(xml, "<place>Duyên Hải</place>", "");
  xml = replaced(xml, "<authority>TM.</authority>", "<authority>TM</authority>");
  xml = replaced(xml, "<name>Lê Vũ Phương</name>", "<name>TS. Lê Vũ Phương</name>");
  xml = replaced(xml, "<recipient>UBND các xã, phường;</recipient>", "<recipient>UBND các xã, phường</recipient>");
  xml = replaced(xml, "<recipient>Lưu.</recipient>", "<recipient>Lưu: VT, VP.</recipient>");
  const auto findings = findings_of(xml);
  CHECK(findings.size() == 5);
  CHECK(has(findings, "check.notation-type", Severity::error, line_of(xml, "<notation>")));
  CHECK(has(findings, "check.place", Severity::warning, line_of(xml, "<date>")));
  CHECK(has(findings, "check.authority", Severity::error, line_of(xml, "<authority>")));
  CHECK(has(findings, "check.signer-title", Severity::warning, line_of(xml, "<name>TS.")));
  CHECK(has(findings, "check.recipient", Severity::warning, line_of(xml, "phường</recipient>")));
}

TEST_CASE("signer rules: the line after each authority, a KT. deputy, titles") {
  const auto signer = [](const std::string& inner) { return findings_of("<d><signer>" + inner + "</signer></d>"); };
  CHECK(signer("<authority>TM.</authority><on-behalf-of>Ủy ban nhân dân</on-behalf-of><position>Chủ tịch</position>"
               "<name>Lê Vũ Phương</name>").empty());
  CHECK(signer("<authority>KT.</authority><on-behalf-of>Chủ tịch</on-behalf-of><position>Phó Chủ tịch</position>"
               "<name>Nguyễn Văn An</name>").empty());
  CHECK(signer("<position>Chủ tịch</position><name>Lê Vũ Phương</name>").empty());  // the head signs alone
  const auto no_second_line = signer("<authority>KT.</authority><on-behalf-of>Chủ tịch</on-behalf-of><name>A B</name>");
  REQUIRE(no_second_line.size() == 1);
  CHECK(no_second_line[0].code == "check.authority");
  CHECK(no_second_line[0].severity == Severity::error);
  const auto not_deputy = signer("<authority>KT.</authority><on-behalf-of>Chủ tịch</on-behalf-of>"
                                 "<position>Chánh Văn phòng</position><name>A B</name>");
  REQUIRE(not_deputy.size() == 1);
  CHECK(not_deputy[0].severity == Severity::warning);
  CHECK(signer("<authority>TL.</authority><position>Chánh Văn phòng</position><name>A B</name>").at(0).code ==
        "check.authority");
  CHECK(signer("<position>Hiệu trưởng</position><name>PGS.TS. Trần Văn Ba</name>").at(0).code == "check.signer-title");
  CHECK(signer("<position>Chủ tịch</position><name>Tsang Văn Ba</name>").empty());  // a name, not a title
}

TEST_CASE("Phụ lục VI lengths are warnings at the field") {
  // Words of five characters ("word "), the last one cut to reach the length.
  const auto text = [](std::size_t length) {
    std::string out;
    while (out.size() < length) out += "word ";
    out.resize(length);
    return out;
  };
  const auto findings = findings_of("<d>\n<subject>" + text(501) + "</subject>\n</d>");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "check.field-length");
  CHECK(findings[0].where.line == 2);
  CHECK(findings_of("<d><subject>" + text(499) + "d</subject></d>").empty());
}

TEST_CASE("a word longer than a line is a warning at its field; 80 characters are not") {
  const auto findings = findings_of("<d>\n<subject>Trang " + std::string(81, 'x') + " chủ</subject>\n</d>");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "check.long-word");
  CHECK(findings[0].where.line == 2);
  CHECK(findings_of("<d><subject>Trang " + std::string(80, 'x') + " chủ</subject></d>").empty());
}

TEST_CASE("every field named date is checked, nested ones too, each at its line") {
  const auto findings = findings_of("<d>\n<place>Hà Nội</place><date>2019-02-29</date>\n<event>\n<date>2019-04-31</date>\n</event>\n</d>");
  REQUIRE(findings.size() == 2);
  CHECK(has(findings, "data.bad-date", Severity::error, 2));
  CHECK(has(findings, "data.bad-date", Severity::error, 4));
}

TEST_CASE("a template's required fields: missing or empty ones are errors at the element that lacks them") {
  check::TemplateRules rules{"giay-moi", "Giấy mời", {{"invitee", "who is invited"},
                                                       {"meeting/date", "the day"},
                                                       {"signer/name", "the signer's full name"}},
                             {}};
  const std::string xml =
      "<document>\n"
      "  <invitee> </invitee>\n"
      "  <meeting><time>07 giờ 00</time></meeting>\n"
      "  <signer><name>Trần Minh Trí</name></signer>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "check.required-field");
  CHECK(findings[0].where.line == 1);  // invitee is blank: the document lacks it
  CHECK_THAT(findings[0].message, Catch::Contains("'invitee' (who is invited)") && Catch::Contains("giay-moi"));
  CHECK(findings[1].where.line == 3);  // the meeting without its date
  CHECK_THAT(findings[1].message, Catch::Contains("'meeting/date'") && Catch::Contains("in this meeting"));
}

TEST_CASE("a misspelt field: the missing required one hints at it, and it is itself a field not read") {
  check::TemplateRules rules{"giay-khen", "", {{"recipient/name", "the full name"}},
                             {"recipient/name", "recipient/role", "achievement", "body"}};
  const std::string xml =
      "<document template=\"giay-khen\">\n"
      "  <recipient>\n"
      "    <nmae>Nguyễn Văn An</nmae>\n"
      "    <role>Chủ tịch</role>\n"
      "  </recipient>\n"
      "  <achievment>Đã có thành tích</achievment>\n"
      "  <body><p>anything below a declared leaf</p></body>\n"
      "  <golden>27</golden>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].code == "check.required-field");
  CHECK(findings[0].where.line == 2);
  REQUIRE(findings[0].hints.size() == 1);
  CHECK(findings[0].hints[0] == "did you mean 'name'? the data has 'nmae' at line 3, column 5");
  CHECK(findings[1].code == "check.unknown-field");
  CHECK(findings[1].severity == Severity::warning);
  CHECK(findings[1].where.line == 3);
  CHECK_THAT(findings[1].message, Catch::Contains("does not read 'recipient/nmae'"));
  CHECK(findings[1].hints == std::vector<std::string>{"did you mean 'name'?"});
  CHECK(findings[2].where.line == 6);
  CHECK(findings[2].hints == std::vector<std::string>{"did you mean 'achievement'?"});
  CHECK(findings[3].where.line == 8);  // nothing near: the listing command instead
  CHECK_THAT(findings[3].hints.at(0), Catch::Contains("vanban templates giay-khen"));
}

TEST_CASE("a list's required field is looked for in each of its entries") {
  check::TemplateRules rules{"chuong-trinh", "Chương trình", {{"session/item/time", ""}}, {}};
  const std::string xml =
      "<document>\n"
      "  <session><item><time>7 giờ</time></item>\n"
      "    <item><content>Khai mạc</content></item></session>\n"
      "  <session><item><time>9 giờ</time></item></session>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].where.line == 3);
  CHECK_THAT(findings[0].message, Catch::Contains("in this session/item"));
}

TEST_CASE("the template's type stands in for a missing type; a cited decision is checked as a Quyết định") {
  const std::string xml =
      "<document>\n"
      "  <number>18</number>\n"
      "  <notation>KH-UBND</notation>\n"
      "  <decision><number>215</number>\n"
      "    <notation>QD-UBND</notation><date>2019-10-15</date></decision>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), {"chuong-trinh", "Chương trình", {}, {}});
  CHECK(has(findings, "check.notation-type", Severity::error, 3));  // KH for a Chương trình (CTr)
  CHECK(has(findings, "check.notation-type", Severity::error, 5));  // QD is not QĐ
  CHECK(findings_of(xml).size() == 1);  // without the template, only the decision is wrong
}
