// The tags of a Mustache template, found as kainjow finds them: the default delimiters {{ }}
// until a set-delimiter tag ({{=<% %>=}}) changes them, a triple {{{x}}} only with the
// default braces, the tag's text trimmed. Everything that checks a template before it is
// rendered (its partials, its nesting, the fields it names) reads the tags through this one
// scanner, so that no tag escapes a check by hiding behind other delimiters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::mustache {

struct TemplateTag {
  enum class Kind { variable, unescaped, section, inverted, section_end, partial, comment, set_delimiter };
  Kind kind = Kind::variable;
  std::string name;        // trimmed, without its sigil: "recipient", "vn.upper", "." …
  std::size_t begin = 0;   // byte offset of the opening delimiter
  std::size_t end = 0;     // just past the closing delimiter
};

struct TagScan {
  std::vector<TemplateTag> tags;  // in the order of the text
  // What kainjow would refuse, and where: an unclosed tag, a bad set-delimiter tag, a
  // section closed that is not open, or one left open ("Unclosed section \"x\"").
  struct Problem {
    std::string message;
    std::size_t offset = 0;
  };
  std::optional<Problem> problem;
  int deepest_nesting = 0;             // sections inside sections
  std::size_t nested_text_bytes = 0;   // the text of every section, summed (what kainjow copies)
};

// The steps of a dotted tag name: "recipient.name" -> recipient, name; "@root.x" -> @root, x.
std::vector<std::string> split_dotted_name(std::string_view name);

// Scans a template's text. Partials start again with the default delimiters, as kainjow
// renders each partial as a template of its own.
TagScan scan_template_tags(std::string_view text);

}  // namespace vanban::mustache
