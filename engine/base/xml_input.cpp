#include "base/xml_input.h"

#include "base/diagnostics.h"

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

}  // namespace

void parse_xml(pugi::xml_document& document, std::string_view text, const std::string& file_name,
               std::string_view kind, std::string_view what, unsigned flags, int max_depth) {
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
    fail("limit.depth",
         "elements are nested more than " + std::to_string(max_depth) + " deep here",
         locate_element(file_name, text, finder.too_deep.offset_debug()),
         {"no document needs this: look for elements left open, or raise the limit with --max-depth"});
  }
}

}  // namespace vanban
