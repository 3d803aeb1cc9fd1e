#include <catch2/catch.hpp>

#include "base/units.h"
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
  REQUIRE(doc.signatures.size() == 1);
  CHECK(doc.signatures[0].authority_lines.size() == 2);
  CHECK(markup::plain_text(doc.signatures[0].name) == "Lê Vũ Phương");
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

namespace {
std::string with_body(const std::string& body) {
  return "<document><header><issuer><name>A</name></issuer></header><body>" + body + "</body></document>";
}
}  // namespace

TEST_CASE("a list flattens into labelled paragraphs, one level deeper per nested list") {
  const auto doc = markup::parse_markup(
      with_body("<list style='arabic' start='3'><item>ba<list style='letter'><item>a</item><item>b</item></list></item>"
                "<item>bốn</item></list>"),
      "m.xml");
  REQUIRE(doc.body.size() == 4);
  CHECK(doc.body[0].label_style == markup::LabelStyle::arabic);
  CHECK(doc.body[0].ordinal == 3);
  CHECK(markup::plain_text(doc.body[0].text) == "ba");
  CHECK(doc.body[1].label_style == markup::LabelStyle::letter);
  CHECK(doc.body[1].level == 1);
  CHECK(doc.body[2].ordinal == 2);
  CHECK(doc.body[3].ordinal == 4);
  CHECK(doc.body[3].level == 0);
}

TEST_CASE("a table: columns, header rows, spans, paragraphs in cells") {
  const auto doc = markup::parse_markup(
      with_body("<table borders='none' size='12pt'><column width='20mm' number='true'/><column width='2*' align='right'/>"
                "<column/><row header='true'><cell>STT</cell><cell span='2'>Tên</cell></row>"
                "<row keep='true'><cell/><cell><p>một</p><p>hai</p></cell><cell align='center'>x</cell></row></table>"),
      "m.xml");
  REQUIRE(doc.body.size() == 1);
  const auto& table = doc.body[0].table;
  CHECK_FALSE(table.borders);
  CHECK(table.size == 12);
  REQUIRE(table.columns.size() == 3);
  CHECK(table.columns[0].sizing == markup::Column::Sizing::fixed);
  CHECK(table.columns[0].value == Approx(mm(20)));
  CHECK(table.columns[0].numbered);
  CHECK(table.columns[1].sizing == markup::Column::Sizing::proportional);
  CHECK(table.columns[1].value == 2);
  CHECK(table.columns[1].align == markup::Align::right);
  CHECK(table.columns[2].sizing == markup::Column::Sizing::content);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].header);
  CHECK(table.rows[0].cells[1].span == 2);
  CHECK(table.rows[1].keep);
  CHECK(table.rows[1].cells[0].paragraphs.empty());
  CHECK(table.rows[1].cells[1].paragraphs.size() == 2);
  CHECK(table.rows[1].cells[2].has_align);
}

TEST_CASE("bad attribute values are errors naming the value and its place") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"<p align='middle'>x</p>", "align='middle'"},
      {"<list style='greek'><item>x</item></list>", "style='greek'"},
      {"<table><column width='20 furlongs'/></table>", "width='20 furlongs'"},
      {"<table><column width='0*'/></table>", "width='0*'"},
      {"<page-break orientation='sideways'/>", "orientation='sideways'"},
      {"<table><column/><row><cell span='2'>x</cell></row></table>", "cells for 2 columns"},
      {"<table/>", "at least one <column>"},
      {"<p level='12'>x</p>", "level='12'"},
      {"<p color='#12345'>x</p>", "color='#12345'"},
      {"<p>a <span color='crimson'>b</span></p>", "color='crimson'"},
      {"<box border='dotted'>x</box>", "border='dotted'"},
      {"<table><column/><row><cell valign='centre'>x</cell></row></table>", "valign='centre'"},
  };
  for (const auto& [body, message] : cases) {
    INFO(body);
    try {
      markup::parse_markup("<document><header><issuer><name>A</name></issuer></header>\n<body>\n" + body + "</body></document>",
                           "m.xml");
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.diagnostic().message.find(message) != std::string::npos);
      CHECK(e.diagnostic().where.line == 3);
    }
  }
}

TEST_CASE("colours, boxes, shaded cells and the page border") {
  const auto doc = markup::parse_markup(R"(<document>
  <page-border style="double" color="#c00" inset="12mm" thickness="1.5pt"/>
  <header><issuer><name>A</name></issuer></header>
  <body>
    <p color="dark-red">Đỏ <span color="#0000FF">xanh</span></p>
    <box border="thick" width="30mm" height="8mm" color="red" fill="#F2F2F2" align="left"><p>Một</p><p>Hai</p></box>
    <table><column/><row><cell valign="bottom" fill="#D9D9D9">x</cell></row></table>
  </body>
</document>)", "m.xml");
  CHECK(doc.page_border.present);
  CHECK(doc.page_border.style == markup::BorderStyle::double_line);
  CHECK(doc.page_border.color == Color{0xCC, 0, 0});
  CHECK(doc.page_border.inset == Approx(mm(12)));
  CHECK(doc.page_border.thickness == Approx(1.5));
  REQUIRE(doc.body.size() == 3);
  REQUIRE(doc.body[0].text.size() == 2);
  CHECK(doc.body[0].text[0].style.color == Color{192, 0, 0});
  CHECK(doc.body[0].text[1].style.color == Color{0, 0, 255});
  const auto& box = doc.body[1].box;
  CHECK(doc.body[1].kind == markup::BlockKind::box);
  CHECK(box.border == markup::BorderStyle::thick);
  CHECK(box.width == Approx(mm(30)));
  CHECK(box.height == Approx(mm(8)));
  CHECK(box.color == Color{255, 0, 0});
  CHECK(box.fill == Color{0xF2, 0xF2, 0xF2});
  CHECK(box.align == markup::Align::left);
  CHECK(box.paragraphs.size() == 2);
  const auto& cell = doc.body[2].table.rows[0].cells[0];
  CHECK(cell.vertical_align == markup::VerticalAlign::bottom);
  CHECK(cell.fill == Color{0xD9, 0xD9, 0xD9});
}

TEST_CASE("appendices follow the signature and restart page numbering") {
  const auto doc = markup::parse_markup(
      "<document><header><issuer><name>A</name></issuer></header><body><p>x</p></body>"
      "<appendix orientation='landscape'><p>Phụ lục</p></appendix><appendix><p>Phụ lục II</p></appendix></document>",
      "m.xml");
  REQUIRE(doc.appendices.size() == 2);
  CHECK(doc.appendices[0].page_break.restart_numbering);
  CHECK(doc.appendices[0].page_break.orientation == markup::PageBreak::Orientation::landscape);
  CHECK(doc.appendices[1].page_break.orientation == markup::PageBreak::Orientation::portrait);
  CHECK(doc.appendices[1].blocks.size() == 1);
}
