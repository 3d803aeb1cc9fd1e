#include <catch2/catch.hpp>

#include "markup/parse_markup.h"

using namespace vanban;

TEST_CASE("the markup vocabulary parses into a DocTree") {
  const auto doc = markup::parse_markup(R"(<document>
  <header>
    <issuer><parent>Bộ Nội vụ</parent><name>Ủy ban nhân dân</name><name>thị xã Duyên Hải</name></issuer>
    <number value="54" notation="KH-UBND"/>
    <place-date place="Duyên Hải" date="2019-08-26"/>
  </header>
  <title><type>Kế hoạch</type><subject>Tổ chức <b>Hội nghị</b></subject></title>
  <body>
    <heading label="I.">MỤC ĐÍCH</heading>
    <p label="1.">Đánh   giá (<i>nghiêng</i>).</p>
    <p label="+" level="1">con</p>
  </body>
  <recipients label="Nơi nhận:"><recipient>- Lưu.</recipient></recipients>
  <signature><authority>TM. Ủy ban nhân dân</authority><position>Chủ tịch</position><name>Lê Vũ Phương</name></signature>
</document>)", "m.xml");
  CHECK(doc.header.parent_lines.size() == 1);
  CHECK(doc.header.issuer_lines.size() == 2);
  CHECK(doc.header.number == "54");
  CHECK(doc.header.notation == "KH-UBND");
  CHECK(doc.header.date == "2019-08-26");
  CHECK(doc.title.type == "Kế hoạch");
  REQUIRE(doc.title.subject.size() == 2);
  CHECK(doc.title.subject[1].style.bold);
  REQUIRE(doc.body.size() == 3);
  CHECK(doc.body[0].kind == markup::BlockKind::heading);
  CHECK(doc.body[0].label == "I.");
  CHECK(markup::plain_text(doc.body[1].text) == "Đánh giá (nghiêng).");
  CHECK(doc.body[1].text[1].style.italic);
  CHECK(doc.body[2].level == 1);
  CHECK(doc.recipients.items.size() == 1);
  CHECK(doc.signature.authority_lines.size() == 2);
  CHECK(markup::plain_text(doc.signature.name) == "Lê Vũ Phương");
}

TEST_CASE("unknown elements and attributes are errors at their place") {
  const std::string bad = "<document>\n<header><issuer><name>A</name></issuer></header>\n<body>\n  <tabel/>\n</body></document>";
  try {
    markup::parse_markup(bad, "m.xml");
    FAIL("accepted <tabel>");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "markup.unknown-element");
    CHECK(e.diagnostic().where.line == 4);
    CHECK(e.diagnostic().where.column == 3);
  }
  CHECK_THROWS_AS(markup::parse_markup("<document><header><issuer><name>A</name></issuer></header><body><p colour='red'>x</p></body></document>", "m.xml"),
                  Error);
  CHECK_THROWS_AS(markup::parse_markup("<document><body/></document>", "m.xml"), Error);  // no header
}
