// Stage 2, template: Template + DataTree -> document markup text. kainjow lives here only.
//
// How data reaches a template (docs/templates.md):
//  - rich text arrives already converted to markup: its characters escaped (& < > " ') and
//    its emphasis as <b>, <i>, <u>. No data value can open a tag or a Mustache tag, whatever
//    braces or brackets it holds, and {{x}} and {{{x}}} place the same safe string;
//  - an empty value is false, so {{#parent}}…{{/parent}} skips a missing parent body;
//  - every map holds every field name used anywhere in the data, false where it has no such
//    field: a name always means the innermost map's own field, never an outer one's;
//    {{@root.name}} reaches the top of the data from anywhere;
//  - a name that occurs once is that value; a name that repeats is a list in document order;
//  - every map also has "content": its child elements in document order, each as a
//    one-entry map {name: value}, so a template can walk mixed blocks (paragraphs, items,
//    bullets) in order with {{#content}}{{#p}}…{{/p}}{{#item}}…{{/item}}{{/content}}.
// Partials come from the Template's own table; data names can never shadow them.
#pragma once

#include <map>
#include <string>

#include "data/data_tree.h"

namespace vanban::mustache {

struct Template {
  std::string name;                            // e.g. "ke-hoach"
  std::string file;                            // where text came from, for diagnostics
  std::string text;                            // the main template
  std::map<std::string, std::string> partials; // partial name -> template text
};

// Renders the template over the data. Throws Error "template.syntax" / "template.render".
std::string render_template(const Template& tmpl, const data::DataTree& data);

// Escapes text for inclusion in markup (& < > " ').
std::string escape_markup(std::string_view text);

}  // namespace vanban::mustache
