// Stage 3, markup: markup text -> DocTree. The vocabulary is documented in docs/markup.md.
// An unknown element or attribute, or malformed XML, is an Error at file:line:col.
#pragma once

#include <string>
#include <string_view>

#include "base/limits.h"
#include "markup/doc_tree.h"

namespace vanban::markup {

// Parses document markup; file_name names the markup in diagnostics. Nesting and table rows
// beyond limits are errors "limit.depth" and "limit.table-rows"; a DOCTYPE is refused.
DocTree parse_markup(std::string_view markup, const std::string& file_name, const Limits& limits = {});

}  // namespace vanban::markup
