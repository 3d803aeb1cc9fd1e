// The PDF writer's pure parts: content-stream operators from layout items, and which items
// of a print file's pages go into a stream they share.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "output/content_stream.h"
#include "output/font_subset.h"
#include "output/page_sharing.h"
#include "text/unicode.h"

using namespace vanban;
using layout::Item;
using layout::PathItem;
using layout::PathSegment;
using layout::TextItem;
using output::content_stream;
using output::pdf_number;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

// A document that draws A, B and "ệ": codes 1, 2 and 3.
output::CharacterCodes test_codes() { return output::CharacterCodes({U'ệ', U'B', U'A'}); }

output::ContentResources test_resources(const output::CharacterCodes& codes) {
  output::ContentResources resources;
  resources.font_names[0] = "F1";
  resources.codes = &codes;
  resources.image_name = [](const layout::ImageItem&) { return std::string("Im1"); };
  return resources;
}

TextItem text_at(double x, double y, std::string text) {
  return TextItem{x, y, text::FaceStyle::regular, 12, std::move(text), Color{}};
}

std::vector<const Item*> pointers(const std::vector<Item>& items) {
  std::vector<const Item*> out;
  for (const auto& item : items) out.push_back(&item);
  return out;
}

}  // namespace

using namespace std::string_literals;

TEST_CASE("PDF numbers: rounded, no trailing zeros, no leading zero") {
  CHECK(pdf_number(12.3456, 2) == "12.35");
  CHECK(pdf_number(3.0, 2) == "3");
  CHECK(pdf_number(0, 2) == "0");
  CHECK(pdf_number(-0.05, 2) == "-.05");
  CHECK(pdf_number(0.5, 3) == ".5");
  CHECK(pdf_number(192 / 255.0, 3) == ".753");
  CHECK(pdf_number(-521.5759, 3) == "-521.576");
  CHECK(pdf_number(100.004, 2) == "100");
}

TEST_CASE("character codes: one per character, in character order, 0 for one not drawn") {
  const auto codes = test_codes();
  CHECK(codes.code_of(U'A') == 1);
  CHECK(codes.code_of(U'ệ') == 3);
  CHECK(codes.code_of(U'Z') == 0);
  CHECK(codes.string("Bệ") == "(\0\2\0\3)"s);
}

TEST_CASE("character codes: a code byte that is a delimiter, the escape or an end of line is escaped") {
  // Characters U+0100 on: code k is the k-th of them, so each byte value can be reached.
  std::set<char32_t> characters;
  for (char32_t c = 0x100; c < 0x100 + 0x160; ++c) characters.insert(c);
  const output::CharacterCodes codes(characters);
  const auto text_of_code = [](unsigned code) {
    std::string utf8;
    text::append_utf8(static_cast<char32_t>(0x100 + code - 1), utf8);
    return utf8;
  };
  CHECK(codes.string(text_of_code(0x28)) == "(\0\\()"s);
  CHECK(codes.string(text_of_code(0x29)) == "(\0\\))"s);
  CHECK(codes.string(text_of_code(0x5C)) == "(\0\\\\)"s);
  CHECK(codes.string(text_of_code(0x0D)) == "(\0\\r)"s);
  CHECK(codes.string(text_of_code(0x0A)) == "(\0\\n)"s);
  // The high byte too: code 0x128 is 01 28.
  CHECK(codes.string(text_of_code(0x128)) == "(\1\\()"s);
  CHECK(codes.string(text_of_code(0x41)) == "(\0A)"s);
}

TEST_CASE("content: text as character codes, each line moved from the last in exact hundredths") {
  const auto codes = test_codes();
  const auto resources = test_resources(codes);
  // y runs down in the frame: on a 100 pt page, y 90 is 10 pt above the bottom.
  const std::vector<Item> items{text_at(10.004, 90, "AB"), text_at(10.004, 80, "Bệ"), text_at(20.5, 80, "Z")};
  const std::string ops = content_stream(pointers(items), 100, resources, false);
  CHECK(ops == "BT\n/F1 12 Tf\n10 10 Td(\0\1\0\2)Tj\n0 10 Td(\0\2\0\3)Tj\n10.5 0 Td(\0\0)Tj\nET\n"s);
}

TEST_CASE("content: graphics before text, a colour and a width written only when they change") {
  const auto codes = test_codes();
  const auto resources = test_resources(codes);
  const Color red{255, 0, 0};
  std::vector<Item> items;
  items.emplace_back(text_at(0, 50, "A"));
  items.emplace_back(layout::RuleItem{0, 10, 100, 10, 0.5, red});
  items.emplace_back(layout::RuleItem{0, 20, 100, 20, 0.5, red});
  const std::string ops = content_stream(pointers(items), 100, resources, true);
  CHECK(ops == "q\n1 0 0 RG\n.5 w\n0 90 m 100 90 l S\n0 80 m 100 80 l S\nBT\n/F1 12 Tf\n0 50 Td(\0\1)Tj\nET\nQ\n"s);
}

TEST_CASE("content: a repeated path is its operators again under a moved origin, row by row") {
  const auto codes = test_codes();
  const auto resources = test_resources(codes);
  PathItem square{layout::rectangle_path(0, 0, 5, 5), 0, std::nullopt, Color{}, std::nullopt, std::nullopt};
  square.repeat = layout::Repeat{3, 2, 10, 20};
  const std::vector<Item> items{square};
  const std::string ops = content_stream(pointers(items), 100, resources, false);
  const std::string shape = "0 100 m\n5 100 l\n5 95 l\n0 95 l\nh\nf\n";
  CHECK(count_of(ops, shape) == 6);
  CHECK(count_of(ops, "1 0 0 1 10 0 cm\n") == 4);     // along each row
  CHECK(count_of(ops, "1 0 0 1 -20 -20 cm\n") == 1);  // back to the row's start, one row down
  CHECK(ops.substr(0, 2) == "q\n");
  CHECK(ops.substr(ops.size() - 2) == "Q\n");
}

TEST_CASE("sharing: a print file's pages share their border and every line they all draw alike") {
  PathItem border{layout::rectangle_path(5, 5, 90, 90), 1, Color{}, std::nullopt, std::nullopt, std::nullopt};
  const auto certificate = [&](const std::string& name, double shift) {
    layout::Page page;
    page.width = page.height = 100;
    page.items = {border, text_at(20, 20, "GIẤY KHEN"), text_at(20, 40, name), text_at(20, 60 + shift, "CHỦ TỊCH"),
                  layout::RuleItem{20, 22 + shift, 80, 22 + shift, 0.5, Color{}}};
    page.background_items = 1;
    return page;
  };
  layout::Frame frame;
  frame.pages = {certificate("An", 0), certificate("Bình", 0), certificate("Cường", 0), certificate("Dũng", 3)};
  const auto plan = output::plan_content(frame);
  REQUIRE(plan.pages.size() == 4);
  REQUIRE(plan.shared.size() == 2);
  // The three alike: border, rule and the two common lines shared; each keeps its name.
  const auto& alike = plan.shared[0].items;
  CHECK(alike.size() == 4);
  CHECK(*alike[0] == Item{border});
  for (int p = 0; p < 3; ++p) {
    CHECK(plan.pages[p].shared == 0);
    REQUIRE(plan.pages[p].own.size() == 1);
    CHECK(*plan.pages[p].own[0] == frame.pages[p].items[2]);
  }
  // The one whose rule moved shares the border only, and keeps everything else.
  CHECK(plan.pages[3].shared == 1);
  CHECK(plan.shared[1].items.size() == 1);
  CHECK(plan.pages[3].own.size() == 4);
}

TEST_CASE("sharing: a text drawn twice on every page is shared twice, one drawn twice on one page stays once") {
  layout::Page page;
  page.width = page.height = 100;
  PathItem border{layout::rectangle_path(5, 5, 90, 90), 1, Color{}, std::nullopt, std::nullopt, std::nullopt};
  page.items = {border, text_at(20, 20, "x"), text_at(20, 20, "x")};
  page.background_items = 1;
  layout::Frame frame;
  frame.pages = {page, page};
  frame.pages[1].items.pop_back();  // the second page draws it once
  const auto plan = output::plan_content(frame);
  REQUIRE(plan.shared.size() == 1);
  CHECK(plan.shared[0].items.size() == 2);  // the border and one "x"
  CHECK(plan.pages[0].own.size() == 1);     // the first page's second "x"
  CHECK(plan.pages[1].own.empty());
}

TEST_CASE("sharing: a single page, or pages without a background, share nothing") {
  layout::Page page;
  page.width = page.height = 100;
  page.items = {text_at(20, 20, "x")};
  layout::Frame frame;
  frame.pages = {page, page};
  auto plan = output::plan_content(frame);
  CHECK(plan.shared.empty());
  CHECK(std::all_of(plan.pages.begin(), plan.pages.end(), [](const auto& p) { return p.shared < 0 && p.own.size() == 1; }));
  frame.pages[0].items.insert(frame.pages[0].items.begin(),
                              PathItem{layout::rectangle_path(5, 5, 90, 90), 1, Color{}, std::nullopt, std::nullopt, std::nullopt});
  frame.pages[0].background_items = 1;
  frame.pages.pop_back();
  plan = output::plan_content(frame);
  CHECK(plan.shared.empty());
  CHECK(plan.pages[0].own.size() == 2);
}
