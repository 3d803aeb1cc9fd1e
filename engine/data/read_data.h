// Stage 1, data: XML bytes -> DataTree. pugixml lives here only.
//
// The XML-to-tree rule (docs/data-schema.md):
//  - an element with no attributes whose content is text and inline emphasis
//    (<b>, <i>, <u>) becomes rich text, its whitespace collapsed as XML prose;
//  - any other element becomes a map: its attributes, then its child elements in order,
//    and its own direct text (if any) under the name "text";
//  - the attribute "font" and the inline element <font face="…"> name the legacy typeface of
//    the element's own text and attributes (SpanStyle::font); they are never fields.
// Malformed XML is an Error "data.xml-syntax" at file:line:col.
#pragma once

#include <string>
#include <string_view>

#include "base/limits.h"
#include "data/data_tree.h"

namespace vanban::data {

// Parses XML data; file_name is used only in diagnostics. A DOCTYPE and nesting deeper than
// max_depth are refused (xml/xml_input.h).
DataTree read_data(std::string_view xml, const std::string& file_name, int max_depth = Limits{}.max_depth);

}  // namespace vanban::data
