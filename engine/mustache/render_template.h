// Stage 2, template: Template + DataTree -> document markup text. kainjow lives here only.
//
// How data reaches a template (docs/templates.md):
//  - rich text arrives already converted to markup: its characters escaped (& < > " ') and
//    its emphasis as <b>, <i>, <u>. No data value can open a tag or a Mustache tag, whatever
//    braces or brackets it holds, and {{x}} and {{{x}}} place the same safe string;
//  - an empty value is false, so {{#parent}}…{{/parent}} skips a missing parent body;
//  - a map answers every name with its own field, or false where it has none: a name always
//    means the innermost map's own field, never an outer one's (a section over text adds no
//    map); {{@root.name}} reaches the top of the data from anywhere;
//  - a name that occurs once is that value; a name that repeats is a list in document order;
//    inside a list's section, {{#@first}} and {{#@last}} say whether this is its first or
//    last element ({{^@last}}, {{/@last}} between elements);
//  - every map also has "content": its child elements in document order, each as a
//    one-entry map {name: value}, so a template can walk mixed blocks (paragraphs, items,
//    bullets) in order with {{#content}}{{#p}}…{{/p}}{{#item}}…{{/item}}{{/content}}.
// Partials come from the Template's own table; data names can never shadow them.
//
// Helpers (docs/templates.md, "Helpers") are names under "vn.", which data names cannot
// shadow either. The pipeline supplies them, because they need the text layer (ICU), which
// this stage does not link:
//  - {{#vn.NAME}}…{{/vn.NAME}} renders the section, reads its markup back to plain text,
//    applies the formatter and places the result escaped. The result is never rendered
//    again (kainjow's lambda2), so a value holding "{{" or "<" stays text;
//  - {{#vn.ORDER.LIST}}…{{/vn.ORDER.LIST}} visits the list LIST in the order the ordering
//    function gives for its elements' sort texts: an element's own text, or its field "name";
//    {{#vn.ORDER[FIELD].LIST}} sorts by another field.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/data_tree.h"

namespace vanban::mustache {

struct Template {
  std::string name;                            // e.g. "ke-hoach"
  std::string file;                            // where text came from, for diagnostics
  std::string text;                            // the main template
  std::map<std::string, std::string> partials{};       // partial name -> template text
  std::map<std::string, std::string> partial_files{};  // partial name -> its file, for diagnostics
  // Sections inside sections, partials inside partials, while rendering: a partial that
  // recurses through sections without end is stopped here ("limit.depth").
  int max_depth = 100;
  // The markup it may make, and the steps (a section entered, a name looked up) it may take:
  // sections over the same list nested in one another multiply, and would fill the memory
  // ("limit.template-output"). A plan's markup is 30 KB; 20,000 table rows are about 6 MB.
  std::size_t max_output_bytes = std::size_t{64} << 20;
  std::size_t max_steps = 4'000'000;
};

struct Helpers {
  struct Formatter {
    // Plain text in, plain text out. Throws Error for bad input, at where (the template); the
    // error is moved to the data value the section placed, when it placed one.
    std::function<std::string(const std::string& text, const SourceLocation& where)> apply;
    // Case mappings apply to each run of text between tags, so emphasis survives them.
    bool per_text_run = false;
  };
  using Order = std::function<std::vector<std::size_t>(const std::vector<std::string>& sort_texts)>;
  std::map<std::string, Formatter> formatters;  // by name without "vn."
  std::map<std::string, Order> orders;          // by name without "vn."
};

// A data value that reached the markup: the bytes it became there, and the value. A value
// placed twice is there twice; one a helper formatted covers the helper's result.
struct PlacedValue {
  std::size_t begin = 0, end = 0;  // in Rendered::markup
  const data::Value* value = nullptr;
};

struct Rendered {
  std::string markup;
  std::vector<PlacedValue> placed;  // in the order of the markup (of their starts)
};

// A template parsed once for every document made from it: the main text and each partial.
// kainjow parses a partial's text again at each inclusion (a plan's recursive body, once a
// block), so the parsed partials' tags {{> name}} become calls of the parsed partials, which
// render in the same context. A text that sets other delimiters ({{=<% %>=}}) keeps kainjow's
// own inclusion. Safe to share between threads: each render works on copies.
class CompiledTemplate {
 public:
  // Throws Error "template.syntax" at the place in the main text or the partial.
  explicit CompiledTemplate(Template tmpl);
  ~CompiledTemplate();
  CompiledTemplate(CompiledTemplate&&) noexcept;
  CompiledTemplate& operator=(CompiledTemplate&&) noexcept;

  const Template& source() const { return template_; }

 private:
  friend Rendered render_template(const CompiledTemplate&, const data::DataTree&, const Helpers&);
  struct Parsed;
  Template template_;
  std::unique_ptr<const Parsed> parsed_;
};

// Renders the template over the data, and says where each data value went: every text value
// is followed through the rendering (marked with Unicode noncharacters, which data never
// holds, and which are taken out again here), so the pipeline can prove that each value of
// the data reached the document, and place a markup error at the data value behind it.
// Throws Error "template.syntax" / "template.render", and "template.unknown-helper" /
// "template.sort-key" for a helper misused.
Rendered render_template(const CompiledTemplate& tmpl, const data::DataTree& data, const Helpers& helpers = {});
// The same for a template used once: parses it, then renders.
Rendered render_template(const Template& tmpl, const data::DataTree& data, const Helpers& helpers = {});

// Reads markup back to text: tags dropped, the five escapes undone.
std::string markup_to_plain(std::string_view markup);

// Escapes text for inclusion in markup (& < > " ').
std::string escape_markup(std::string_view text);

}  // namespace vanban::mustache
