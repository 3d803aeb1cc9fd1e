// Stage 3, markup: markup text -> DocTree. The vocabulary is documented in docs/markup.md.
// An unknown element or attribute, or malformed XML, is an Error at file:line:col.
#pragma once

#include <string>
#include <string_view>

#include "markup/doc_tree.h"

namespace vanban::markup {

// Parses document markup; file_name names the markup in diagnostics.
DocTree parse_markup(std::string_view markup, const std::string& file_name);

}  // namespace vanban::markup
