#include <catch2/catch.hpp>

#include "data/read_data.h"

using namespace vanban;
using data::Value;

TEST_CASE("text elements become rich text with emphasis and collapsed whitespace") {
  const auto tree = data::read_data(R"(<document>
    <p>Báo cáo   tổng kết
       (<i>Đây là nội dung <b>quan trọng</b></i>).</p>
  </document>)", "d.xml");
  const Value* p = tree.root.find("p");
  REQUIRE(p);
  REQUIRE(p->kind == Value::Kind::text);
  REQUIRE(p->text.size() == 4);
  CHECK(p->text[0].text == "Báo cáo tổng kết (");
  CHECK(p->text[1].text == "Đây là nội dung ");
  CHECK(p->text[1].style.italic);
  CHECK_FALSE(p->text[1].style.bold);
  CHECK(p->text[2].text == "quan trọng");
  CHECK(p->text[2].style.italic);
  CHECK(p->text[2].style.bold);
  CHECK(p->text[3].text == ").");
  CHECK(p->plain_text() == "Báo cáo tổng kết (Đây là nội dung quan trọng).");
}

TEST_CASE("elements with attributes or children become maps in document order") {
  const auto tree = data::read_data(R"(<document template="ke-hoach">
    <section number="I" title="MỤC ĐÍCH">
      <item number="1">Một</item>
      <p>Hai</p>
      <item number="2">Ba</item>
    </section>
  </document>)", "d.xml");
  CHECK(tree.root_name == "document");
  REQUIRE(tree.root.find("template"));
  CHECK(tree.root.find("template")->plain_text() == "ke-hoach");
  const Value* section = tree.root.find("section");
  REQUIRE(section);
  REQUIRE(section->kind == Value::Kind::map);
  std::vector<std::string> names;
  for (const auto& field : section->fields) names.push_back(field.name);
  CHECK(names == std::vector<std::string>{"number", "title", "item", "p", "item"});
  CHECK(section->fields[0].is_attribute);
  CHECK_FALSE(section->fields[2].is_attribute);
  CHECK(section->fields[2].get().find("text")->plain_text() == "Một");
  CHECK(section->where.line == 2);
}

TEST_CASE("malformed XML is an error at its line and column") {
  try {
    data::read_data("<document>\n  <p>Độc lập</q>\n</document>", "plan.xml");
    FAIL("accepted malformed XML");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.xml-syntax");
    CHECK(e.diagnostic().where.file == "plan.xml");
    CHECK(e.diagnostic().where.line == 2);
    CHECK(e.diagnostic().where.column == 15);  // at "</q>", counted in characters
  }
}

TEST_CASE("an empty file is an error") {
  CHECK_THROWS_AS(data::read_data("", "empty.xml"), Error);
}

TEST_CASE("a legacy font is kept on the text it covers and is never a field") {
  const auto tree = data::read_data(
      "<d><title font='.VnTimeH'>môc ®Ých</title>"
      "<section number='I' title='môc' font='.VnTimeH'><item>a</item></section>"
      "<p><font face='.VnTimeH'>ñ</font>y ban <b>x</b></p></d>",
      "legacy.xml");
  const Value* title = tree.root.find("title");
  REQUIRE(title);
  REQUIRE(title->kind == Value::Kind::text);  // a font alone leaves an element rich text
  CHECK(title->text.at(0).style.font == ".VnTimeH");
  const Value* section = tree.root.find("section");
  REQUIRE(section);
  CHECK_FALSE(section->find("font"));
  CHECK(section->find("title")->text.at(0).style.font == ".VnTimeH");
  // Child elements are not in the parent's font.
  CHECK(section->find("item")->text.at(0).style.font.empty());
  const Value* p = tree.root.find("p");
  REQUIRE(p->kind == Value::Kind::text);
  REQUIRE(p->text.size() == 3);
  CHECK(p->text[0].text == "ñ");
  CHECK(p->text[0].style.font == ".VnTimeH");
  CHECK(p->text[1].text == "y ban ");
  CHECK(p->text[1].style.font.empty());
  CHECK(p->text[2].style.bold);
}
