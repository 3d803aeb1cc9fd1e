// A template checked against its data contract when it loads, before any document: every tag
// must name a field the contract declares, in the scope where the tag stands, and every field
// the contract declares must be printed by some tag. A misspelt field ({{{subjet}}}, {{#too}})
// would otherwise print a blank and exit 0; a declared field no tag prints would drop its data.
//
// Names resolve as render_template resolves them (mustache/render_template.h): in the
// innermost map the sections have entered, through sections over text, which add no scope;
// {{@root.x}} from the top; {{#content}} walks a map's fields in order; vn.* are helpers.
#pragma once

#include <map>

#include "check/contract.h"
#include "mustache/render_template.h"

namespace vanban::pipeline {

struct TemplateReads {
  // The first tag that prints (or, for a flag, tests) each field: where an error about a
  // value that was not printed points in the template.
  std::map<const check::FieldSpec*, SourceLocation> first_read;
};

// Throws Error with every problem found: "template.unknown-field" (a tag naming no field
// there), "template.not-text" (a tag printing a group, a list or a flag), "template.attribute-kind"
// (text with emphasis placed in a markup attribute, where its <b> would break the markup),
// "template.unknown-helper", "template.unprinted-field" (a declared field no tag prints).
TemplateReads check_template_fields(const mustache::Template& tmpl, const check::Contract& contract,
                                    const mustache::Helpers& helpers);

// Proves that every value of the data reached the markup: each text value the contract says
// is printed (all but flags, and fields read outside the document) must be among the values
// the rendering placed. One that is not is an error, "template.unprinted-value", naming the
// data's place and the template's line that prints that field. data must have passed
// check::validate_data and check::normalize_data.
std::vector<Diagnostic> find_unprinted_values(const data::Value& root, const check::Contract& contract,
                                              const mustache::Rendered& rendered, const TemplateReads& reads);

}  // namespace vanban::pipeline
