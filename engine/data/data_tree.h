// DataTree: the value model that templates read (stage 1 output).
//
// A data file is read into a tree of maps, lists and rich text. Rich text keeps inline
// emphasis (bold, italic, underline) as spans, so that a template can place emphasised data
// without the data ever being able to inject markup. Every value remembers where it came from.
//
// A span also keeps the typeface that legacy text was set in, when the data says so
// (docs/data-schema.md, "Legacy fonts"): TCVN3 text set in an "H" face (.VnTimeH) was typed in
// lower case and shown as capitals, so the pipeline upper-cases it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace vanban::data {

struct SpanStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  std::string font;  // the legacy typeface named in the data, e.g. ".VnTimeH"; usually empty
  bool operator==(const SpanStyle&) const = default;
};

// A stretch of text with one style.
struct TextSpan {
  std::string text;
  SpanStyle style;
};

struct Value;

// One named entry of a map. Entries keep document order, and a name may repeat
// (several <recipient> elements); attributes come first and are marked as such.
struct Field {
  std::string name;
  bool is_attribute = false;
  std::vector<Value> value;  // exactly one element; a vector so Value can be incomplete here
  const Value& get() const { return value.front(); }
};

struct Value {
  enum class Kind { text, map };
  Kind kind = Kind::text;
  std::vector<TextSpan> text;  // kind == text
  std::vector<Field> fields;   // kind == map
  SourceLocation where;

  // Returns the text without emphasis.
  std::string plain_text() const;
  // Returns the first field with this name, or nullptr.
  const Value* find(std::string_view name) const;
};

struct DataTree {
  std::string root_name;  // the root element's name, e.g. "document"
  Value root;             // always a map
};

}  // namespace vanban::data
