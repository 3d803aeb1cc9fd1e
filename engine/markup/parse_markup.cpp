#include "markup/parse_markup.h"

#include <initializer_list>

#include <pugixml.hpp>

#include "base/prose.h"

namespace vanban::markup {

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& run : inlines) out += run.text;
  return out;
}

namespace {

class Parser {
 public:
  Parser(std::string_view markup, const std::string& file_name) : markup_(markup), file_name_(file_name) {}

  SourceLocation where(const pugi::xml_node& node) const {
    return locate_element(file_name_, markup_, node.offset_debug());
  }

  [[noreturn]] void unknown(const pugi::xml_node& node, std::string_view parent) const {
    fail("markup.unknown-element",
         "unknown element <" + std::string(node.name()) + "> in <" + std::string(parent) + ">", where(node));
  }

  void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed) const {
    for (const auto& attribute : node.attributes()) {
      bool known = false;
      for (auto name : allowed) known = known || name == attribute.name();
      if (!known) {
        fail("markup.unknown-attribute",
             "unknown attribute '" + std::string(attribute.name()) + "' on <" + node.name() + ">", where(node));
      }
    }
  }

  // Collects inline content: text, <b>, <i>, <u>, with XML prose whitespace.
  void collect_inlines(const pugi::xml_node& node, InlineStyle style, Inlines& out) const {
    for (const auto& child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append_prose(out, child.value(), style);
      } else if (child.type() == pugi::node_element) {
        const std::string_view name = child.name();
        InlineStyle inner = style;
        if (name == "b") inner.bold = true;
        else if (name == "i") inner.italic = true;
        else if (name == "u") inner.underline = true;
        else unknown(child, node.name());
        check_attributes(child, {});
        collect_inlines(child, inner, out);
      }
    }
  }

  Inlines inlines(const pugi::xml_node& node) const {
    Inlines out;
    collect_inlines(node, {}, out);
    trim_prose(out);
    return out;
  }

  std::string attribute(const pugi::xml_node& node, const char* name, bool required) const {
    const auto found = node.attribute(name);
    if (!found && required) {
      fail("markup.missing-attribute", "<" + std::string(node.name()) + "> needs attribute '" + name + "'", where(node));
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
      } else {
        unknown(child, "header");
      }
    }
    if (header.issuer_lines.empty()) fail("markup.missing-element", "<header> needs an <issuer> with a <name>", where(node));
  }

  void parse_body(const pugi::xml_node& node, std::vector<Block>& body) const {
    check_attributes(node, {});
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      Block block;
      block.where = where(child);
      if (name == "p") {
        check_attributes(child, {"label", "level"});
        block.kind = BlockKind::paragraph;
      } else if (name == "heading") {
        check_attributes(child, {"label"});
        block.kind = BlockKind::heading;
      } else {
        unknown(child, "body");
      }
      block.label = attribute(child, "label", false);
      const std::string level = attribute(child, "level", false);
      if (!level.empty()) {
        if (level.size() > 1 || level[0] < '0' || level[0] > '9') {
          fail("markup.bad-attribute", "level must be a number 0-9, not '" + level + "'", block.where);
        }
        block.level = level[0] - '0';
      }
      block.text = inlines(child);
      body.push_back(std::move(block));
    }
  }

  DocTree parse(const pugi::xml_node& root) const {
    if (std::string_view(root.name()) != "document") {
      fail("markup.root", "the markup root must be <document>, not <" + std::string(root.name()) + ">", where(root));
    }
    check_attributes(root, {});
    DocTree doc;
    bool has_header = false;
    for (const auto& child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "header") {
        parse_header(child, doc.header);
        has_header = true;
      } else if (name == "title") {
        check_attributes(child, {});
        for (const auto& part : child.children()) {
          if (part.type() != pugi::node_element) continue;
          if (std::string_view(part.name()) == "type") doc.title.type = plain_text(inlines(part));
          else if (std::string_view(part.name()) == "subject") doc.title.subject = inlines(part);
          else unknown(part, "title");
        }
      } else if (name == "body") {
        parse_body(child, doc.body);
      } else if (name == "recipients") {
        check_attributes(child, {"label"});
        if (child.attribute("label")) doc.recipients.label = child.attribute("label").value();
        for (const auto& item : child.children()) {
          if (item.type() != pugi::node_element) continue;
          if (std::string_view(item.name()) != "recipient") unknown(item, "recipients");
          doc.recipients.items.push_back(inlines(item));
        }
      } else if (name == "signature") {
        check_attributes(child, {});
        for (const auto& line : child.children()) {
          if (line.type() != pugi::node_element) continue;
          const std::string_view kind = line.name();
          if (kind == "authority" || kind == "position") doc.signature.authority_lines.push_back(inlines(line));
          else if (kind == "name") doc.signature.name = inlines(line);
          else unknown(line, "signature");
        }
      } else {
        unknown(child, "document");
      }
    }
    if (!has_header) fail("markup.missing-element", "<document> needs a <header>", where(root));
    return doc;
  }

 private:
  std::string_view markup_;
  const std::string& file_name_;
};

}  // namespace

DocTree parse_markup(std::string_view markup, const std::string& file_name) {
  pugi::xml_document document;
  const auto result = document.load_buffer(markup.data(), markup.size(),
                                           pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!result) {
    fail("markup.xml-syntax", std::string("malformed markup: ") + result.description(),
         locate_offset(file_name, markup, static_cast<std::size_t>(result.offset)));
  }
  return Parser(markup, file_name).parse(document.document_element());
}

}  // namespace vanban::markup
