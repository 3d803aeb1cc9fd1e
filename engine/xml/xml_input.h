// XML input for the stages that read XML (data, markup): one parse with the same safety rules.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace vanban {

// Parses text into document. A DOCTYPE is refused: vanban expands no entities (pugixml knows
// only XML's five), so a DOCTYPE could only be an attempt to pull in a file or a URL
// (XXE), or a mistake. Nesting deeper than max_depth elements is refused before any stage
// walks the tree. Errors, at file:line:col: "<kind>.xml-syntax" (the message starts with
// "malformed <what>: "), "<kind>.doctype", "limit.depth".
void parse_xml(pugi::xml_document& document, std::string_view text, const std::string& file_name,
               std::string_view kind, std::string_view what, unsigned flags, int max_depth);

}  // namespace vanban
