// Decree 30 checks on data: the seed passes (one warning it deserves), and a broken copy is
// flagged at the right lines with the right codes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "base/files.h"
#include "base/messages.h"
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

// Rules with a contract made of declarations: {path, required, kind, max}.
struct Declared {
  std::string path;
  bool required = false;
  check::FieldKind kind = check::FieldKind::inline_text;
  int max = 1;
};
check::TemplateRules rules_of(const std::string& name, const std::string& type, const std::vector<Declared>& fields,
                              bool lenient = false) {
  std::vector<check::FieldDeclaration> declarations;
  for (const auto& field : fields) {
    check::FieldDeclaration declaration;
    declaration.path = field.path;
    declaration.required = field.required;
    declaration.kind = field.kind;
    declaration.kind_given = true;
    declaration.max = field.max;
    declaration.description = field.path == "invitee" ? "who is invited" : "";
    declarations.push_back(declaration);
  }
  return {name, type, check::make_contract(name, declarations), lenient};
}

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

TEST_CASE("a word longer than a line is a warning at its field, 80 characters are not") {
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

TEST_CASE("a template's required fields: missing or blank ones are errors at the element that lacks them") {
  using check::FieldKind;
  const auto rules = rules_of("giay-moi", "Giấy mời",
                              {{"invitee", true}, {"meeting", false, FieldKind::group}, {"meeting/time", false, FieldKind::text},
                               {"meeting/date", true, FieldKind::date}, {"signer", false, FieldKind::group},
                               {"signer/name", true, FieldKind::text}});
  const std::string xml =
      "<document>\n"
      "  <invitee> \u200B </invitee>\n"
      "  <meeting><time>07 giờ 00</time></meeting>\n"
      "  <signer><name>Trần Minh Trí</name></signer>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "check.required-field");
  CHECK(findings[0].where.line == 1);  // invitee is blank, a zero-width space is nothing: the document lacks it
  CHECK_THAT(findings[0].message, Catch::Contains("'invitee', that is who is invited") && Catch::Contains("giay-moi") &&
                                      Catch::Contains("in the document"));
  // In Vietnamese a field with no label is named by its path: its English description is left out.
  CHECK(translate(findings[0], Language::vietnamese).message ==
        "mẫu 'giay-moi' cần 'invitee': văn bản thiếu trường này hoặc để trống");
  CHECK(findings[1].where.line == 3);  // the meeting without its date
  CHECK_THAT(findings[1].message, Catch::Contains("'meeting/date'") && Catch::Contains("in 'meeting'"));
}

TEST_CASE("lenient rules: the template's and the decree's errors are kept, as warnings that say the document is printed anyway") {
  using check::FieldKind;
  const std::vector<Declared> fields{{"invitee", true}, {"signer", false, FieldKind::group}, {"signer/name", true, FieldKind::text}};
  const std::string xml = "<document>\n  <signer><name>Trần Minh Trí</name></signer>\n</document>\n";
  const auto strict = check::check_document(data::read_data(xml, "d.xml"), rules_of("giay-moi", "Giấy mời", fields));
  const auto lenient = check::check_document(data::read_data(xml, "d.xml"), rules_of("giay-moi", "Giấy mời", fields, true));
  REQUIRE(strict.size() == 1);
  CHECK(strict[0].severity == Severity::error);
  REQUIRE(lenient.size() == 1);
  CHECK(lenient[0].code == strict[0].code);
  CHECK(lenient[0].severity == Severity::warning);
  CHECK(lenient[0].message == strict[0].message + " (printed anyway: --lenient)");
}

TEST_CASE("a misspelt field: it is an error with a \"did you mean\", and the required one it stands for hints at it") {
  using check::FieldKind;
  const auto rules = rules_of("giay-khen", "", {{"recipient", false, FieldKind::group}, {"recipient/name", true, FieldKind::text},
                                                {"recipient/role"}, {"achievement"}, {"body", false, FieldKind::blocks}});
  const std::string xml =
      "<document template=\"giay-khen\">\n"
      "  <recipient>\n"
      "    <nmae>Nguyễn Văn An</nmae>\n"
      "    <role>Chủ tịch</role>\n"
      "  </recipient>\n"
      "  <achievment>Đã có thành tích</achievment>\n"
      "  <body><p>a paragraph</p><paragraph>not a block./.</paragraph></body>\n"
      "  <golden>27</golden>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].code == "check.required-field");
  CHECK(findings[0].where.line == 2);
  CHECK(findings[0].hints == std::vector<std::string>{"did you mean 'name'? the data has 'nmae' at line 3, column 5"});
  CHECK(findings[1].code == "check.unknown-field");
  CHECK(findings[1].severity == Severity::error);
  CHECK(findings[1].where.line == 3);
  CHECK_THAT(findings[1].message, Catch::Contains("has no field 'recipient/nmae'"));
  CHECK(findings[1].hints == std::vector<std::string>{"did you mean 'name'?"});
  CHECK(findings[2].where.line == 6);
  CHECK(findings[2].hints == std::vector<std::string>{"did you mean 'achievement'?"});
  CHECK(findings[3].where.line == 7);  // inside a body too: its blocks are known
  CHECK_THAT(findings[3].message, Catch::Contains("'body/paragraph'"));
  CHECK(findings[4].where.line == 8);  // nothing near: what the document takes instead
  CHECK_THAT(findings[4].hints.at(0), Catch::Contains("the document takes recipient, achievement, body"));
  // --lenient: the unknown fields are warnings, and say they are left out.
  const auto lenient = check::check_document(data::read_data(xml, "d.xml"), rules_of("giay-khen", "", {
      {"recipient", false, FieldKind::group}, {"recipient/name", true, FieldKind::text}, {"recipient/role"}, {"achievement"},
      {"body", false, FieldKind::blocks}}, true));
  CHECK(lenient[1].severity == Severity::warning);
  CHECK(lenient[1].hints.back() == "it is left out of the document (--lenient)");
}

TEST_CASE("a list's required field is looked for in each of its entries") {
  using check::FieldKind;
  const auto rules = rules_of("chuong-trinh", "Chương trình",
                              {{"session", true, FieldKind::group, 0}, {"session/item", true, FieldKind::group, 0},
                               {"session/item/time", true, FieldKind::text}, {"session/item/content"}});
  const std::string xml =
      "<document>\n"
      "  <session><item><time>7 giờ</time></item>\n"
      "    <item><content>Khai mạc</content></item></session>\n"
      "  <session><item><time>9 giờ</time></item></session>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].where.line == 3);
  CHECK_THAT(findings[0].message, Catch::Contains("in 'session/item'"));
}

TEST_CASE("a value given twice where one is printed is an error naming both places") {
  using check::FieldKind;
  const auto rules = rules_of("giay-khen", "", {{"recipient", false, FieldKind::group}, {"recipient/name", true, FieldKind::text},
                                                {"signer", false, FieldKind::group}, {"signer/position", false, FieldKind::text, 2}});
  const std::string xml =
      "<document>\n"
      "  <recipient><name>Nguyễn Văn An</name>\n"
      "    <name>Trần Văn Bình</name></recipient>\n"
      "  <signer><position>KT. CHỦ TỊCH</position><position>PHÓ CHỦ TỊCH</position></signer>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 1);  // two positions are allowed, two names are not
  CHECK(findings[0].code == "data.repeated-field");
  CHECK(findings[0].where.line == 3);
  CHECK_THAT(findings[0].message, Catch::Contains("'recipient/name' is given 2 times") &&
                                      Catch::Contains("(the first at line 2, column 14)"));
}

TEST_CASE("a value of the wrong shape: elements where text is printed, emphasis where plain text is, words for a number") {
  using check::FieldKind;
  const auto rules = rules_of("t", "", {{"name", false, FieldKind::text}, {"number", false, FieldKind::number},
                                        {"ranked", false, FieldKind::flag}, {"recipient", false, FieldKind::group},
                                        {"recipient/name"}});
  const std::string xml =
      "<document>\n"
      "  <name>Nguyễn<br/>An</name>\n"
      "  <number>mười hai</number>\n"
      "  <ranked>có</ranked>\n"
      "  <recipient>Nguyễn Văn An</recipient>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), rules);
  REQUIRE(findings.size() == 4);
  for (const auto& finding : findings) CHECK(finding.code == "data.field-kind");
  CHECK_THAT(findings[0].message, Catch::Contains("holds <br>"));
  CHECK(findings[1].where.line == 3);
  CHECK(findings[2].where.line == 4);
  CHECK_THAT(findings[3].message, Catch::Contains("holds fields of its own (name), not text"));
  const auto emphasis = check::check_document(data::read_data("<document><name><b>An</b></name></document>", "d.xml"), rules);
  REQUIRE(emphasis.size() == 1);
  CHECK_THAT(emphasis[0].message, Catch::Contains("its emphasis (<b>, <i>, <u>) would not be printed"));
}

TEST_CASE("a control character or a noncharacter in a value is refused at it") {
  const auto rules = rules_of("t", "", {{"name"}});
  const auto findings = check::check_document(data::read_data("<document>\n<name>An\u0085</name></document>", "d.xml"), rules);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "data.control-character");
  CHECK_THAT(findings[0].message, Catch::Contains("U+0085"));
  CHECK(findings[0].where.line == 2);
}

TEST_CASE("the template's type stands in for a missing type, a cited decision is checked as a Quyết định") {
  const std::string xml =
      "<document>\n"
      "  <number>18</number>\n"
      "  <notation>KH-UBND</notation>\n"
      "  <place>Duyên Hải</place><date>2019-10-20</date>\n"
      "  <decision><number>215</number>\n"
      "    <notation>QD-UBND</notation><date>2019-10-15</date></decision>\n"
      "</document>\n";
  const auto findings = check::check_document(data::read_data(xml, "d.xml"), {"chuong-trinh", "Chương trình", {}, false});
  CHECK(has(findings, "check.notation-type", Severity::error, 3));  // KH for a Chương trình (CTr)
  CHECK(has(findings, "check.notation-type", Severity::error, 6));  // QD is not QĐ
  CHECK(findings_of(xml).size() == 1);  // without the template, only the decision is wrong
}
