#include "markup/parse_markup.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <regex>
#include <tuple>
#include <vector>

#include <pugixml.hpp>

#include "base/paper.h"
#include "base/prose.h"
#include "base/source_index.h"
#include "base/spelling.h"
#include "base/units.h"
#include "xml/xml_input.h"

namespace vanban::markup {

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& run : inlines) out += run.text;
  return out;
}

namespace {

class Parser {
 public:
  Parser(std::string_view markup, const std::string& file_name, const Limits& limits)
      : positions_(file_name, markup), limits_(limits) {}

  SourceLocation where(const pugi::xml_node& node) const { return positions_.locate_element(node.offset_debug()); }

  [[noreturn]] void unknown(const pugi::xml_node& node, std::string_view parent) const {
    // What may stand there (docs/markup.md), for a "did you mean" and the list itself.
    static const std::vector<std::string> blocks{"p", "heading", "list", "page-break", "keep", "table", "image", "box", "rule"};
    static const std::vector<std::string> inlines{"b", "i", "u", "span"};
    static const std::map<std::string_view, std::vector<std::string>> allowed{
        {"document", {"page", "page-border", "header", "title", "addressees", "body", "side-note", "recipients",
                      "signature", "contact", "appendix"}},
        {"body", blocks}, {"keep", blocks}, {"box", blocks}, {"appendix", blocks},
        {"p", inlines}, {"heading", inlines}, {"item", inlines}, {"cell", inlines}, {"b", inlines}, {"i", inlines},
        {"u", inlines}, {"span", inlines},
        {"header", {"issuer", "emblem", "number", "subject", "place-date", "circulation", "electronic-signature"}}, {"title", {"type", "subject", "note"}},
        {"addressees", {"addressee"}}, {"contact", {"line"}}, {"side-note", {"line"}},
        {"signature", {"place-date", "authority", "position", "signature-image", "seal", "name"}},
        {"table", {"column", "row"}}, {"row", {"cell"}}, {"list", {"item"}}, {"recipients", {"recipient"}}};
    std::vector<Hint> hints;
    if (const auto found = allowed.find(parent); found != allowed.end()) {
      std::string names;
      for (const auto& name : found->second) names += (names.empty() ? "<" : ", <") + name + ">";
      if (const auto near = nearest_name(node.name(), found->second)) hints.push_back({"did you mean <{}>?", {*near}});
      hints.push_back({"<{}> holds {} (docs/markup.md)", {std::string(parent), names}});
    }
    fail_with("markup.unknown-element", "unknown element <{}> in <{}>", {node.name(), std::string(parent)}, where(node),
              std::move(hints));
  }

  void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed) const {
    for (const auto& attribute : node.attributes()) {
      bool known = false;
      for (auto name : allowed) known = known || name == attribute.name();
      if (!known) {
        fail_with("markup.unknown-attribute", "unknown attribute '{}' on <{}>", {attribute.name(), node.name()}, where(node));
      }
    }
  }

  // Collects inline content: text, <b>, <i>, <u>, with XML prose whitespace. Child elements
  // named skip are left for the caller (an item's nested <list>).
  void collect_inlines(const pugi::xml_node& node, InlineStyle style, Inlines& out,
                       std::string_view skip = {}) const {
    for (const auto& child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append_prose(out, child.value(), style);
      } else if (child.type() == pugi::node_element) {
        const std::string_view name = child.name();
        if (!skip.empty() && name == skip) continue;
        InlineStyle inner = style;
        if (name == "b") inner.bold = true;
        else if (name == "i") inner.italic = true;
        else if (name == "u") inner.underline = true;
        else if (name != "span") unknown(child, node.name());
        if (name == "span") {
          check_attributes(child, {"color"});
          inner.color = color(child, "color", style.color);
        } else {
          check_attributes(child, {});
        }
        collect_inlines(child, inner, out);
      }
    }
  }

  Inlines inlines(const pugi::xml_node& node, InlineStyle style = {}) const {
    Inlines out;
    collect_inlines(node, style, out);
    trim_prose(out);
    return out;
  }

  // A cell's or box's content: inline text, or paragraphs <p>, each one entry.
  std::vector<Inlines> paragraphs(const pugi::xml_node& node) const {
    std::vector<Inlines> out;
    if (node.child("p")) {
      for (const auto& paragraph : node.children()) {
        if (paragraph.type() != pugi::node_element) continue;
        if (std::string_view(paragraph.name()) != "p") unknown(paragraph, node.name());
        check_attributes(paragraph, {"color"});
        out.push_back(inlines(paragraph, {false, false, false, color(paragraph, "color", {})}));
      }
    } else {
      auto text = inlines(node);
      if (!text.empty()) out.push_back(std::move(text));
    }
    return out;
  }

  std::string attribute(const pugi::xml_node& node, const char* name, bool required) const {
    const auto found = node.attribute(name);
    if (!found && required) {
      fail_with("markup.missing-attribute", "<{}> needs attribute '{}'", {node.name(), name}, where(node));
    }
    return found.value();
  }

  void parse_header(const pugi::xml_node& node, Header& header) const {
    check_attributes(node, {});
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "issuer") {
        check_attributes(child, {});
        for (const auto& line : child.children()) {
          if (line.type() != pugi::node_element) continue;
          const std::string_view kind = line.name();
          if (kind == "parent") header.parent_lines.push_back(inlines(line));
          else if (kind == "name") header.issuer_lines.push_back(inlines(line));
          else unknown(line, "issuer");
        }
      } else if (name == "number") {
        check_attributes(child, {"value", "notation"});
        header.number = attribute(child, "value", true);
        header.notation = attribute(child, "notation", true);
      } else if (name == "place-date") {
        check_attributes(child, {"place", "date"});
        header.place = attribute(child, "place", true);
        header.date = attribute(child, "date", true);
        header.date_where = where(child);
        header.date_line = true;
      } else if (name == "subject") {
        check_attributes(child, {});
        header.subject = inlines(child);
      } else if (name == "circulation") {
        check_attributes(child, {});
        header.circulation = inlines(child);
      } else if (name == "electronic-signature") {
        check_attributes(child, {"time"});
        header.electronic_signing_time = attribute(child, "time", true);
        header.electronic_where = where(child);
        static const std::regex iso_time(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))");
        if (!std::regex_match(header.electronic_signing_time, iso_time)) {
          fail_with("markup.bad-attribute", "the signing time '{}' of <electronic-signature> is not ISO 8601 with its offset",
                    {header.electronic_signing_time}, where(child), {"write it as 2026-12-04T09:30:00+07:00"});
        }
      } else if (name == "emblem") {
        header.emblem = image(child);
      } else {
        unknown(child, "header");
      }
    }
    // A header without an issuer is a certificate's: Quốc hiệu and Tiêu ngữ alone, centred.
    if (header.issuer_lines.empty() && (!header.number.empty() || !header.date.empty())) {
      fail("markup.missing-element", "a <header> with a Số or date line needs an <issuer> with a <name>", where(node));
    }
  }

  void parse_title(const pugi::xml_node& node, Title& title) const {
    check_attributes(node, {});
    for (const auto& part : node.children()) {
      if (part.type() != pugi::node_element) continue;
      const std::string_view name = part.name();
      if (name == "type") title.type = plain_text(inlines(part));
      else if (name == "subject") title.subject = inlines(part);
      else if (name == "note") title.note = inlines(part);
      else unknown(part, "title");
    }
  }

  // <page>: the paper, its orientation and the margins, for a document that sets its own.
  PageSetup page_setup(const pugi::xml_node& node) const {
    check_attributes(node, {"size", "print-on", "orientation", "valign", "max-pages", "margin-top", "margin-bottom",
                            "margin-left", "margin-right"});
    PageSetup page;
    std::tie(page.width, page.height) = paper_size(node, "size");
    if (node.attribute("print-on")) std::tie(page.print_width, page.print_height) = paper_size(node, "print-on");
    page.landscape = choice(node, "orientation", {"portrait", "landscape"}, 0) == 1;
    page.centre_vertically = choice(node, "valign", {"top", "center"}, 0) == 1;
    page.max_pages = small_number(node, "max-pages", 0, 1, 9999);
    page.where = where(node);
    if (node.attribute("margin-top")) page.margin_top = length(node, "margin-top");
    if (node.attribute("margin-bottom")) page.margin_bottom = length(node, "margin-bottom");
    if (node.attribute("margin-left")) page.margin_left = length(node, "margin-left");
    if (node.attribute("margin-right")) page.margin_right = length(node, "margin-right");
    return page;
  }

  // ---- attribute values --------------------------------------------------------------

  // A paper (base/paper.h): A4 when absent. Returns its sides in points.
  std::pair<double, double> paper_size(const pugi::xml_node& node, const char* name) const {
    const auto found = node.attribute(name);
    if (!found) return {mm(210), mm(297)};
    const auto sides = paper_size_mm(found.value());
    if (!sides) bad_value(node, name, found.value(), paper_sizes_accepted);
    return {mm(sides->first), mm(sides->second)};
  }

  [[noreturn]] void bad_value(const pugi::xml_node& node, const char* name, const std::string& value,
                              std::string_view expected) const {
    fail_with("markup.bad-attribute", "<{}> {}='{}': expected {}", {node.name(), name, value, std::string(expected)},
              where(node));
  }

  // Reads a choice attribute: the index of its value in choices, or fallback when absent.
  int choice(const pugi::xml_node& node, const char* name, std::initializer_list<std::string_view> choices,
             int fallback) const {
    const auto found = node.attribute(name);
    if (!found) return fallback;
    int index = 0;
    std::string expected;
    for (auto option : choices) {
      if (option == found.value()) return index;
      expected += (index ? " or " : "one of ") + std::string(option);
      ++index;
    }
    bad_value(node, name, found.value(), expected);
  }

  bool flag(const pugi::xml_node& node, const char* name) const {
    return choice(node, name, {"false", "true"}, 0) == 1;
  }

  Align alignment(const pugi::xml_node& node, Align fallback) const {
    return static_cast<Align>(choice(node, "align", {"justify", "left", "center", "right"}, static_cast<int>(fallback)));
  }

  // Reads a colour: #RRGGBB, #RGB, or one of the names black, red (Decree 30's bright red
  // for stamps), dark-red (the usual red of certificates), blue.
  Color color(const pugi::xml_node& node, const char* name, Color fallback) const {
    const auto found = node.attribute(name);
    if (!found) return fallback;
    const std::string value = found.value();
    if (value == "black") return {0, 0, 0};
    if (value == "red") return {255, 0, 0};
    if (value == "dark-red") return {192, 0, 0};
    if (value == "blue") return {0, 0, 255};
    const bool hex = (value.size() == 7 || value.size() == 4) && value[0] == '#' &&
                     value.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
    if (!hex) bad_value(node, name, value, "a colour such as #C00000, #c00, red, dark-red, blue or black");
    auto channel = [&](std::size_t at, std::size_t digits) {
      const int v = std::stoi(value.substr(at, digits), nullptr, 16);
      return static_cast<std::uint8_t>(digits == 1 ? v * 17 : v);
    };
    if (value.size() == 4) return {channel(1, 1), channel(2, 1), channel(3, 1)};
    return {channel(1, 2), channel(3, 2), channel(5, 2)};
  }

  std::optional<Color> optional_color(const pugi::xml_node& node, const char* name) const {
    if (!node.attribute(name)) return std::nullopt;
    return color(node, name, {});
  }

  // Reads a length: a number with mm, cm or pt ("20mm", "1.27cm", "36pt"); returns points.
  // "nanmm", "infpt" and the like parse as numbers, so each is checked finite, and no length
  // exceeds the largest page a PDF has (14,400 pt, 200 inches).
  double length(const pugi::xml_node& node, const char* name, double largest = 14400) const {
    const std::string value = node.attribute(name).value();
    std::size_t used = 0;
    double number = 0;
    const bool digits = !value.empty() && (std::isdigit(static_cast<unsigned char>(value[0])) || value[0] == '.' ||
                                           value[0] == '-' || value[0] == '+');
    try {
      if (digits) number = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || !std::isfinite(number)) bad_value(node, name, value, "a length such as 20mm, 1.5cm or 36pt");
    std::string unit = value.substr(used);
    unit.erase(0, std::min(unit.find_first_not_of(' '), unit.size()));  // "36 mm", as a clerk types it
    if (number < 0) bad_value(node, name, value, "a length that is not negative");
    double points = 0;
    if (unit == "mm") points = mm(number);
    else if (unit == "cm") points = cm(number);
    else if (unit == "pt") points = number;
    else bad_value(node, name, value, "a length such as 20mm, 1.5cm or 36pt");
    if (points > largest) {
      char most[32];
      std::snprintf(most, sizeof most, "%gpt", largest);
      bad_value(node, name, value, "a length of at most " + std::string(most));
    }
    return points;
  }

  // A type size: more than 0 and at most 500 pt (a certificate's title is 40 pt).
  double font_size(const pugi::xml_node& node, const char* name) const {
    const double value = length(node, name, 500);
    if (value <= 0) bad_value(node, name, node.attribute(name).value(), "a size greater than zero");
    return value;
  }

  double positive_length(const pugi::xml_node& node, const char* name) const {
    const double value = length(node, name);
    if (value <= 0) bad_value(node, name, node.attribute(name).value(), "a length greater than zero");
    return value;
  }

  int small_number(const pugi::xml_node& node, const char* name, int fallback, int low, int high) const {
    const auto found = node.attribute(name);
    if (!found) return fallback;
    const std::string value = found.value();
    int number = 0;
    const bool digits = !value.empty() && value.size() <= 6 && value.find_first_not_of("0123456789") == std::string::npos;
    if (digits) number = std::stoi(value);
    if (!digits || number < low || number > high) {
      bad_value(node, name, value, "a number from " + std::to_string(low) + " to " + std::to_string(high));
    }
    return number;
  }

  // ---- body blocks -----------------------------------------------------------------------

  // Reads the block elements of node; the first `skip` elements were read by the caller (an
  // appendix's header and title).
  void parse_blocks(const pugi::xml_node& node, std::vector<Block>& out, int skip = 0) const {
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (skip > 0) {
        --skip;
        continue;
      }
      const std::string_view name = child.name();
      Block block;
      block.where = where(child);
      if (name == "p" || name == "heading") {
        check_attributes(child, {"label", "level", "align", "color", "size", "space-before", "max-lines", "min-size"});
        block.kind = name == "p" ? BlockKind::paragraph : BlockKind::heading;
        block.label = attribute(child, "label", false);
        // A label stands before the first line, in the indent: "1.", "a)", "IV.", "Điều 12.".
        // One longer than a line's start would push its text off the page.
        const auto characters = std::count_if(block.label.begin(), block.label.end(),
                                              [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
        if (characters > 20) {
          bad_value(child, "label", block.label, "a label of at most 20 characters, as '1.', 'a)' or 'Điều 12.'");
        }
        block.level = small_number(child, "level", 0, 0, 9);
        block.align = alignment(child, Align::justify);
        if (child.attribute("size")) block.size = font_size(child, "size");
        if (child.attribute("space-before")) block.space_before = length(child, "space-before");
        block.max_lines = small_number(child, "max-lines", 0, 1, 99);
        if (child.attribute("min-size")) block.min_size = font_size(child, "min-size");
        if (block.min_size > 0 && block.max_lines == 0) {
          fail("markup.bad-attribute", "min-size is the floor of shrinking to max-lines: give max-lines too", block.where);
        }
        block.text = inlines(child, {false, false, false, color(child, "color", {})});
      } else if (name == "list") {
        parse_list(child, 0, out);
        continue;
      } else if (name == "page-break") {
        check_attributes(child, {"orientation", "numbering"});
        block.kind = BlockKind::page_break;
        block.page_break.orientation =
            static_cast<PageBreak::Orientation>(choice(child, "orientation", {"unchanged", "portrait", "landscape"}, 0));
        block.page_break.restart_numbering = choice(child, "numbering", {"continue", "restart"}, 0) == 1;
      } else if (name == "keep") {
        check_attributes(child, {});
        block.kind = BlockKind::keep;
        parse_blocks(child, block.children);
      } else if (name == "table") {
        block.kind = BlockKind::table;
        parse_table(child, block.table);
      } else if (name == "image") {
        block.kind = BlockKind::image;
        block.image = image(child);
      } else if (name == "box") {
        block.kind = BlockKind::box;
        block.box = box(child);
      } else if (name == "rule") {
        check_attributes(child, {"width"});
        block.kind = BlockKind::rule;
        if (child.attribute("width")) block.rule_share = small_number(child, "width", 100, 1, 100) / 100.0;
      } else {
        unknown(child, node.name());
      }
      out.push_back(std::move(block));
    }
  }

  // A list flattens into labelled paragraphs; an item's own lists follow it one level deeper.
  void parse_list(const pugi::xml_node& node, int level, std::vector<Block>& out) const {
    check_attributes(node, {"style", "start"});
    const auto style = static_cast<LabelStyle>(
        1 + choice(node, "style", {"roman", "arabic", "letter", "dash", "plus"}, level == 0 ? 3 : 4));
    int ordinal = small_number(node, "start", 1, 1, 99999);
    for (const auto& item : node.children()) {
      if (item.type() != pugi::node_element) continue;
      if (std::string_view(item.name()) != "item") unknown(item, "list");
      check_attributes(item, {"align"});
      Block block;
      block.kind = BlockKind::paragraph;
      block.label_style = style;
      block.ordinal = ordinal++;
      block.level = level;
      block.align = alignment(item, Align::justify);
      block.where = where(item);
      collect_inlines(item, {}, block.text, "list");
      trim_prose(block.text);
      out.push_back(std::move(block));
      for (const auto& inner : item.children("list")) parse_list(inner, std::min(level + 1, 9), out);
    }
  }

  void parse_table(const pugi::xml_node& node, Table& table) const {
    check_attributes(node, {"borders", "size"});
    table.borders = choice(node, "borders", {"none", "thin"}, 1) == 1;
    if (node.attribute("size")) table.size = font_size(node, "size");
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "column") {
        check_attributes(child, {"width", "align", "number"});
        Column column;
        const std::string width = attribute(child, "width", false);
        if (width.empty() || width == "auto") {
          column.sizing = Column::Sizing::content;
        } else if (width.back() == '*') {
          column.sizing = Column::Sizing::proportional;
          const std::string weight = width.substr(0, width.size() - 1);
          if (!weight.empty() && (weight.size() > 4 || weight.find_first_not_of("0123456789") != std::string::npos ||
                                  std::stoi(weight) == 0)) {
            bad_value(child, "width", width, "a weight such as * or 2*");
          }
          column.value = weight.empty() ? 1 : std::stoi(weight);
        } else {
          column.sizing = Column::Sizing::fixed;
          column.value = length(child, "width");
        }
        column.align = alignment(child, Align::left);
        column.numbered = flag(child, "number");
        table.columns.push_back(column);
      } else if (name == "row") {
        check_attributes(child, {"header", "keep", "total"});
        Row row;
        row.where = where(child);
        row.header = flag(child, "header");
        row.keep = flag(child, "keep");
        row.total = flag(child, "total");
        for (const auto& cell_node : child.children()) {
          if (cell_node.type() != pugi::node_element) continue;
          if (std::string_view(cell_node.name()) != "cell") unknown(cell_node, "row");
          check_attributes(cell_node, {"span", "align", "valign", "fill"});
          Cell cell;
          cell.where = where(cell_node);
          cell.span = small_number(cell_node, "span", 1, 1, 100);
          cell.has_align = static_cast<bool>(cell_node.attribute("align"));
          cell.align = alignment(cell_node, Align::left);
          cell.vertical_align = static_cast<VerticalAlign>(choice(cell_node, "valign", {"top", "middle", "bottom"}, 0));
          cell.fill = optional_color(cell_node, "fill");
          cell.paragraphs = paragraphs(cell_node);
          row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
        if (table.rows.size() > static_cast<std::size_t>(limits_.max_table_rows)) {
          fail_with("limit.table-rows", "the table has more than {} rows", {std::to_string(limits_.max_table_rows)},
               where(node), {"split the list into several tables or documents, or raise the limit with --max-table-rows"});
        }
      } else {
        unknown(child, "table");
      }
    }
    // Without <column>s, a column for each cell of the widest row, as wide as its content.
    if (table.columns.empty()) {
      std::size_t widest = 0;
      for (const auto& row : table.rows) {
        std::size_t covered = 0;
        for (const auto& cell : row.cells) covered += static_cast<std::size_t>(cell.span);
        widest = std::max(widest, covered);
      }
      if (widest == 0) fail("markup.missing-element", "<table> needs at least one <column> or a row with a cell", where(node));
      table.columns.resize(widest);
    }
    for (const auto& row : table.rows) {
      int covered = 0;
      for (const auto& cell : row.cells) covered += cell.span;
      if (covered > static_cast<int>(table.columns.size())) {
        fail_with("markup.table-row", "row has cells for {} columns; the table has {}",
                  {std::to_string(covered), std::to_string(table.columns.size())}, row.where);
      }
    }
  }

  Image image(const pugi::xml_node& node) const {
    check_attributes(node, {"src", "width", "height", "align"});
    Image result;
    result.where = where(node);
    result.source = attribute(node, "src", true);
    if (result.source.empty()) fail_with("markup.bad-attribute", "<{}> src is empty", {node.name()}, result.where);
    if (node.attribute("width")) result.width = length(node, "width");
    if (node.attribute("height")) result.height = length(node, "height");
    result.align = alignment(node, Align::center);
    return result;
  }

  Box box(const pugi::xml_node& node) const {
    check_attributes(node, {"border", "color", "fill", "width", "height", "padding", "size", "align"});
    Box result;
    result.border = static_cast<BorderStyle>(choice(node, "border", {"single", "thick", "double"}, 0));
    result.color = color(node, "color", {});
    result.fill = optional_color(node, "fill");
    if (node.attribute("width")) result.width = length(node, "width");
    if (node.attribute("height")) result.height = length(node, "height");
    if (node.attribute("padding")) result.padding = length(node, "padding");
    if (node.attribute("size")) result.size = font_size(node, "size");
    result.align = alignment(node, Align::center);
    result.paragraphs = paragraphs(node);
    return result;
  }

  PageBorder page_border(const pugi::xml_node& node) const {
    check_attributes(node, {"style", "color", "inset", "thickness"});
    PageBorder border;
    border.present = true;
    border.style = static_cast<BorderStyle>(choice(node, "style", {"single", "thick", "double", "ornamental"}, 0));
    border.color = color(node, "color", {});
    if (node.attribute("inset")) border.inset = length(node, "inset");
    if (node.attribute("thickness")) border.thickness = length(node, "thickness");
    return border;
  }

  // The children of node, all named item and each a line of inline text (Nơi nhận, Kính
  // gửi, a side note, the contact lines); any other element is unknown there.
  std::vector<Inlines> lines_of(const pugi::xml_node& node, std::string_view item) const {
    std::vector<Inlines> lines;
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::string_view(child.name()) != item) unknown(child, node.name());
      lines.push_back(inlines(child));
    }
    return lines;
  }

  // One signer's block: boxes 7a–7c and 8 (Phụ lục I, mục II.7–8).
  Signature signature(const pugi::xml_node& node) const {
    check_attributes(node, {"space", "space-before"});
    Signature result;
    result.where = where(node);
    if (node.attribute("space")) result.space = positive_length(node, "space");
    if (node.attribute("space-before")) result.space_before = length(node, "space-before");
    for (const auto& line : node.children()) {
      if (line.type() != pugi::node_element) continue;
      const std::string_view kind = line.name();
      if (kind == "place-date") {
        check_attributes(line, {"place", "date"});
        result.place = attribute(line, "place", false);
        result.date = attribute(line, "date", true);
        result.date_where = where(line);
      } else if (kind == "authority" || kind == "position") {
        result.authority_lines.push_back(inlines(line));
      } else if (kind == "name") {
        result.name = inlines(line);
      } else if (kind == "signature-image") {
        result.signature_image = image(line);
      } else if (kind == "seal") {
        result.seal_image = image(line);
      } else {
        unknown(line, "signature");
      }
    }
    return result;
  }

  DocTree parse(const pugi::xml_node& root) const {
    if (std::string_view(root.name()) != "document") {
      fail_with("markup.root", "the markup root must be <document>, not <{}>", {root.name()}, where(root));
    }
    check_attributes(root, {"profile"});
    DocTree doc;
    doc.profile = static_cast<Profile>(choice(root, "profile", {"state", "party"}, 0));
    bool has_header = false;
    for (const auto& child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "page") {
        doc.page = page_setup(child);
      } else if (name == "page-border") {
        doc.page_border = page_border(child);
      } else if (name == "header") {
        parse_header(child, doc.header);
        has_header = true;
      } else if (name == "title") {
        parse_title(child, doc.title);
      } else if (name == "side-note") {
        check_attributes(child, {});
        doc.side_note.lines = lines_of(child, "line");
      } else if (name == "body") {
        check_attributes(child, {});
        parse_blocks(child, doc.body);
      } else if (name == "recipients") {
        check_attributes(child, {"label"});
        if (child.attribute("label")) doc.recipients.label = child.attribute("label").value();
        doc.recipients.items = lines_of(child, "recipient");
      } else if (name == "addressees") {
        check_attributes(child, {"label"});
        if (child.attribute("label")) doc.addressees.label = child.attribute("label").value();
        doc.addressees.items = lines_of(child, "addressee");
      } else if (name == "contact") {
        check_attributes(child, {});
        doc.contact.lines = lines_of(child, "line");
      } else if (name == "signature") {
        doc.signatures.push_back(signature(child));
      } else if (name == "appendix") {
        check_attributes(child, {"orientation", "label"});
        Appendix appendix;
        appendix.where = where(child);
        appendix.label = attribute(child, "label", false);
        appendix.page_break.orientation =
            static_cast<PageBreak::Orientation>(choice(child, "orientation", {"unchanged", "portrait", "landscape"}, 1));
        appendix.page_break.restart_numbering = true;
        // An attached document's own header and title come first (Mẫu 1.3), then its blocks.
        int read = 0;
        pugi::xml_node first = child.first_child();
        while (first && first.type() != pugi::node_element) first = first.next_sibling();
        if (first && std::string_view(first.name()) == "header") {
          parse_header(first, appendix.header.emplace());
          first = first.next_sibling();
          while (first && first.type() != pugi::node_element) first = first.next_sibling();
          ++read;
        }
        if (first && std::string_view(first.name()) == "title") {
          parse_title(first, appendix.title);
          ++read;
        }
        parse_blocks(child, appendix.blocks, read);
        doc.appendices.push_back(std::move(appendix));
      } else {
        unknown(child, "document");
      }
    }
    if (!has_header) fail("markup.missing-element", "<document> needs a <header>", where(root));
    if (doc.page.where.file.empty()) doc.page.where = where(root);  // what page limits are reported at
    return doc;
  }

 private:
  SourceIndex positions_;
  const Limits& limits_;
};

}  // namespace

DocTree parse_markup(std::string_view markup, const std::string& file_name, const Limits& limits) {
  pugi::xml_document document;
  parse_xml(document, markup, file_name, "markup", "markup", pugi::parse_default | pugi::parse_ws_pcdata,
            limits.max_depth);
  return Parser(markup, file_name, limits).parse(document.document_element());
}

}  // namespace vanban::markup
