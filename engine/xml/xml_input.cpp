#include "xml/xml_input.h"

#include <cstdio>
#include <optional>

#include "base/diagnostics.h"
#include "base/limits.h"

namespace vanban {

namespace {

// The first element nested deeper than max_depth, found without recursion (pugixml's
// traverse walks the tree iteratively), so a 100,000-deep file cannot overflow the stack here.
class DepthFinder : public pugi::xml_tree_walker {
 public:
  explicit DepthFinder(int max_depth) : max_depth_(max_depth) {}
  bool for_each(pugi::xml_node& node) override {
    // depth() counts from the document's children at 0: the root element is depth 1.
    if (node.type() == pugi::node_element && depth() + 1 > max_depth_) {
      too_deep = node;
      return false;
    }
    return true;
  }
  pugi::xml_node too_deep;

 private:
  int max_depth_;
};

// XML 1.0's Char production (§2.2): tab, line feed, carriage return, and U+0020 up, without
// the surrogates and U+FFFE, U+FFFF. Nothing else may stand in XML, written or as a
// character reference; pugixml reads &#0; all the same, and a NUL in a value cuts it short.
bool is_xml_char(unsigned long c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// The first character XML does not allow: a control byte, or a reference to one (&#0;).
struct BadCharacter {
  std::size_t offset;
  std::string what;
};
std::optional<BadCharacter> find_non_xml_character(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x20 && !is_xml_char(byte)) {
      char code[8];
      std::snprintf(code, sizeof code, "%02X", byte);
      return BadCharacter{at, "the control character U+00" + std::string(code)};
    }
    if (byte != '&' || at + 2 >= text.size() || text[at + 1] != '#') continue;
    const bool hex = text[at + 2] == 'x';
    std::size_t end = at + (hex ? 3 : 2);
    unsigned long value = 0;
    bool digits = false;
    for (; end < text.size() && end - at < 16; ++end) {
      const char c = text[end];
      const int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
      if (value > 0x10FFFF) value = 0x110000;
      digits = true;
    }
    if (!digits || end >= text.size() || text[end] != ';' || is_xml_char(value)) continue;
    return BadCharacter{at, "the character reference " + std::string(text.substr(at, end - at + 1)) +
                                " stands for a character XML does not allow"};
  }
  return std::nullopt;
}

}  // namespace

void parse_xml(pugi::xml_document& document, std::string_view text, const std::string& file_name,
               std::string_view kind, std::string_view what, unsigned flags, int max_depth) {
  max_depth = depth_limit(max_depth);
  if (const auto bad = find_non_xml_character(text)) {
    fail(std::string(kind) + ".xml-syntax", "malformed " + std::string(what) + ": " + bad->what,
         locate_offset(file_name, text, bad->offset), {"remove it: no document's text holds it"});
  }
  const auto result = document.load_buffer(text.data(), text.size(), flags | pugi::parse_doctype, pugi::encoding_utf8);
  if (!result) {
    fail(std::string(kind) + ".xml-syntax", "malformed " + std::string(what) + ": " + result.description(),
         locate_offset(file_name, text, static_cast<std::size_t>(result.offset)));
  }
  for (const auto& node : document.children()) {
    if (node.type() != pugi::node_doctype) continue;
    const auto at = text.find("<!DOCTYPE");
    fail(std::string(kind) + ".doctype",
         "a DOCTYPE is not allowed: vanban expands no entities and reads no DTD, so nothing outside this file is "
         "ever read into it",
         locate_offset(file_name, text, at == std::string_view::npos ? 0 : at),
         {"remove the <!DOCTYPE …> declaration, and write the text itself where an &entity; stands"});
  }
  DepthFinder finder(max_depth);
  document.traverse(finder);
  if (finder.too_deep) {
    fail_with("limit.depth", "elements are nested more than {} deep here", {std::to_string(max_depth)},
         locate_element(file_name, text, finder.too_deep.offset_debug()),
         {"no document needs this: look for elements left open, or raise the limit with --max-depth"});
  }
}

}  // namespace vanban
