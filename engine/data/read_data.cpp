#include "data/read_data.h"

#include "xml/xml_input.h"

#include <pugixml.hpp>

#include "base/prose.h"
#include "base/source_index.h"

namespace vanban::data {

std::string Value::plain_text() const {
  std::string out;
  for (const auto& span : text) out += span.text;
  return out;
}

const Value* Value::find(std::string_view name) const {
  for (const auto& field : fields) {
    if (field.name == name) return &field.get();
  }
  return nullptr;
}

namespace {

bool is_inline_element(std::string_view name) {
  return name == "b" || name == "i" || name == "u" || name == "strong" || name == "em" || name == "font";
}

// The attribute that names a legacy typeface: "face" on <font>, "font" on any other element.
const char* font_attribute_of(std::string_view element) { return element == "font" ? "face" : "font"; }

// True if an element's attributes are at most its font: then it can still be rich text.
bool has_only_font_attribute(const pugi::xml_node& element) {
  for (const auto& attribute : element.attributes()) {
    if (std::string_view(attribute.name()) != font_attribute_of(element.name())) return false;
  }
  return true;
}

// The style inside an element: what is around it, plus what the element adds.
SpanStyle with_style_of(const pugi::xml_node& element, SpanStyle around) {
  const std::string_view name = element.name();
  if (name == "b" || name == "strong") around.bold = true;
  if (name == "i" || name == "em") around.italic = true;
  if (name == "u") around.underline = true;
  if (const auto font = element.attribute(font_attribute_of(name))) around.font = font.value();
  return around;
}

class Reader {
 public:
  Reader(std::string_view xml, const std::string& file_name) : positions_(file_name, xml) {}

  SourceLocation where(const pugi::xml_node& node) const { return positions_.locate_element(node.offset_debug()); }

  static bool is_rich_text(const pugi::xml_node& element) {
    if (!has_only_font_attribute(element)) return false;
    for (const auto& child : element.children()) {
      if (child.type() == pugi::node_element) {
        if (!is_inline_element(child.name()) || !is_rich_text(child)) return false;
      }
    }
    return true;
  }

  // Appends the text of node to spans with XML prose whitespace: every run of white space
  // becomes one space; leading and trailing space is trimmed later, once, for the whole value.
  static void collect_spans(const pugi::xml_node& node, const SpanStyle& style, std::vector<TextSpan>& spans) {
    for (const auto& child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append_prose(spans, child.value(), style);
      } else if (child.type() == pugi::node_element) {
        collect_spans(child, with_style_of(child, style), spans);
      }
    }
  }

  Value read(const pugi::xml_node& element) const {
    Value value;
    value.where = where(element);
    // The element's own text and attributes are in its legacy font, if it names one.
    const SpanStyle own_style = with_style_of(element, {});
    if (is_rich_text(element)) {
      value.kind = Value::Kind::text;
      collect_spans(element, own_style, value.text);
      trim_prose(value.text);
      return value;
    }
    value.kind = Value::Kind::map;
    for (const auto& attribute : element.attributes()) {
      if (std::string_view(attribute.name()) == font_attribute_of(element.name())) continue;
      Value text;
      text.where = value.where;
      std::vector<TextSpan> spans;
      append_prose(spans, attribute.value(), own_style);
      trim_prose(spans);
      text.text = std::move(spans);
      value.fields.push_back({attribute.name(), true, {std::move(text)}});
    }
    std::vector<TextSpan> own_text;
    for (const auto& child : element.children()) {
      if (child.type() == pugi::node_element && is_inline_element(child.name()) && is_rich_text(child)) {
        // Emphasis is part of the element's own text, not a field: <item n="3">… (<i>…</i>)</item>
        collect_spans(child, with_style_of(child, own_style), own_text);
      } else if (child.type() == pugi::node_element) {
        value.fields.push_back({child.name(), false, {read(child)}});
      } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append_prose(own_text, child.value(), own_style);
      }
    }
    trim_prose(own_text);
    if (!own_text.empty()) {
      Value text;
      text.where = value.where;
      text.text = std::move(own_text);
      value.fields.push_back({"text", false, {std::move(text)}});
    }
    return value;
  }

 private:
  SourceIndex positions_;
};

}  // namespace

DataTree read_data(std::string_view xml, const std::string& file_name, int max_depth) {
  if (xml.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    fail("data.empty", "the data file is empty", {file_name, 1, 1},
         {"a document's data is an XML file: 'vanban templates NAME' lists the fields a template reads"});
  }
  pugi::xml_document document;
  parse_xml(document, xml, file_name, "data", "XML", pugi::parse_default | pugi::parse_ws_pcdata, max_depth);
  const auto root = document.document_element();
  if (!root) fail("data.empty", "the data file has no root element", {file_name});
  Reader reader(xml, file_name);
  DataTree tree;
  tree.root_name = root.name();
  tree.root = reader.read(root);
  if (tree.root.kind != Value::Kind::map) {
    Value map;
    map.kind = Value::Kind::map;
    map.where = tree.root.where;
    map.fields.push_back({"text", false, {std::move(tree.root)}});
    tree.root = std::move(map);
  }
  return tree;
}

}  // namespace vanban::data
