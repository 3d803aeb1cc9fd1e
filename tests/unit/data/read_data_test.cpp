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
