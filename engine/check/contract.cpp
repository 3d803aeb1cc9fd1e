#include "check/contract.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "base/spelling.h"
#include "text/formats.h"
#include "text/unicode.h"

namespace vanban::check {

namespace {

constexpr std::pair<FieldKind, std::string_view> kind_names[] = {
    {FieldKind::text, "text"},     {FieldKind::inline_text, "inline"}, {FieldKind::date, "date"},
    {FieldKind::number, "number"}, {FieldKind::notation, "notation"}, {FieldKind::image, "image"},
    {FieldKind::flag, "flag"},     {FieldKind::group, "group"},        {FieldKind::blocks, "body"},
};

FieldSpec leaf(std::string name, FieldKind kind, bool required, std::string description) {
  FieldSpec spec;
  spec.name = spec.path = std::move(name);
  spec.kind = kind;
  spec.required = required;
  spec.description = std::move(description);
  return spec;
}

FieldSpec group(std::string name, std::string description, std::vector<FieldSpec> children, bool blocks = false) {
  FieldSpec spec = leaf(std::move(name), FieldKind::group, false, std::move(description));
  spec.max = 0;
  spec.children = std::move(children);
  spec.takes_blocks = blocks;
  return spec;
}

// The body (docs/data-schema.md, "The body"): Decree 30's parts of a text (Phụ lục I, mục
// II.6): report-style sections "I.", numbered khoản "1." with or without a title, điểm "a)",
// bullets "-" with their own "+" bullets, paragraphs, and tables.
std::vector<FieldSpec> make_block_vocabulary() {
  std::vector<FieldSpec> blocks;
  FieldSpec paragraph = leaf("p", FieldKind::inline_text, false, "a paragraph");
  paragraph.max = 0;
  blocks.push_back(paragraph);
  blocks.push_back(group("section", "a section: I. TITLE, then its blocks",
                         {leaf("number", FieldKind::text, true, "its Roman numeral: I, II …"),
                          leaf("title", FieldKind::inline_text, true, "its title, printed in bold")},
                         true));
  blocks.push_back(group("item", "a numbered khoản: 1. text, or 1. Title on its own line, then its blocks",
                         {leaf("number", FieldKind::text, true, "its number: 1, 2 …"),
                          leaf("title", FieldKind::inline_text, false, "a title, printed in bold on its own line"),
                          leaf("text", FieldKind::inline_text, false, "its text")},
                         true));
  blocks.push_back(group("point", "a điểm: a) text, then its blocks",
                         {leaf("letter", FieldKind::text, true, "its letter: a, b, c, d, đ …"),
                          leaf("text", FieldKind::inline_text, false, "its text")},
                         true));
  FieldSpec inner_bullet = group("bullet", "a + bullet under a - bullet",
                                 {leaf("text", FieldKind::inline_text, false, "its text")});
  blocks.push_back(group("bullet", "a - bullet, with its own + bullets",
                         {leaf("text", FieldKind::inline_text, false, "its text"), inner_bullet}));
  FieldSpec cell = group("cell", "a cell of the row",
                         {leaf("text", FieldKind::inline_text, false, "its text"),
                          leaf("span", FieldKind::number, false, "how many columns it covers"),
                          leaf("align", FieldKind::text, false, "left, center or right")});
  FieldSpec header = leaf("header", FieldKind::flag, false, "yes: a header row, repeated on every page");
  FieldSpec total = leaf("total", FieldKind::flag, false, "yes: a total row (Tổng cộng), bold, kept with the rows above");
  FieldSpec row = group("row", "a row of the table", {header, total, cell});
  row.required = false;
  FieldSpec column = group("column", "a column: its width (30mm, 2*, auto) and alignment",
                           {leaf("width", FieldKind::text, false, "30mm, 2* (a share of the rest) or auto"),
                            leaf("align", FieldKind::text, false, "left, center or right")});
  blocks.push_back(group("table", "a table: optional columns, then its rows", {column, row}));
  // Paths for messages: "section/number", "table/row/cell/span".
  std::function<void(FieldSpec&, const std::string&)> name_paths = [&](FieldSpec& spec, const std::string& prefix) {
    spec.path = prefix.empty() ? spec.name : prefix + "/" + spec.name;
    for (auto& child : spec.children) name_paths(child, spec.path);
  };
  for (auto& block : blocks) name_paths(block, "");
  return blocks;
}

bool is_blank(const data::Value& value) {
  if (value.kind == data::Value::Kind::map) return value.fields.empty();
  return text::is_blank_text(value.plain_text());
}

std::string code_point_name(char32_t c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) hex += digits[(c >> shift) & 15];
  return "U+" + hex;
}

class Validator {
 public:
  Validator(const Contract& contract, bool lenient) : contract_(contract), lenient_(lenient) {}

  std::vector<Diagnostic> run(const data::Value& root) {
    check_map(root, contract_.root, "");
    return std::move(findings_);
  }

 private:
  // A finding whose message is format with its arguments (base/diagnostics.h, formatted).
  void report(Severity severity, const char* code, std::string format, std::vector<std::string> arguments,
              const SourceLocation& where, std::vector<Hint> hints = {}) {
    findings_.push_back(formatted(severity, code, std::move(format), std::move(arguments), where, std::move(hints)));
  }

  static std::string join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "/" + name; }

  // The fields of a map, by name, in the order each name first appears.
  static std::vector<std::pair<std::string, std::vector<const data::Field*>>> by_name(const data::Value& map) {
    std::vector<std::pair<std::string, std::vector<const data::Field*>>> groups;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const auto& field : map.fields) {
      const auto [at, added] = index.emplace(field.name, groups.size());
      if (added) groups.push_back({field.name, {}});
      groups[at->second].second.push_back(&field);
    }
    return groups;
  }

  void check_map(const data::Value& map, const FieldSpec& spec, const std::string& path) {
    const std::string holder = path.empty() ? "the document" : "'" + path + "'";
    for (const auto& [name, fields] : by_name(map)) {
      // The root's template attribute names the template; a font attribute never reaches here.
      if (path.empty() && name == "template" && fields.front()->is_attribute) continue;
      const std::string child_path = join(path, name);
      const FieldSpec* child = find_field(spec, name);
      if (!child) {
        unknown(name, child_path, spec, fields);
        continue;
      }
      std::vector<const data::Field*> present;
      for (const auto* field : fields) {
        if (!is_blank(field->get())) present.push_back(field);
      }
      if (child->max > 0 && static_cast<int>(present.size()) > child->max) {
        const data::Field* extra = present[static_cast<std::size_t>(child->max)];
        const data::Field* first = present.front();
        const SourceLocation& at = first->get().where;
        std::vector<std::string> arguments{child_path, std::to_string(present.size()), contract_.template_name};
        if (child->max > 1) arguments.push_back(std::to_string(child->max));
        // Where the first is, when it has a line (a value from a records file may not).
        const bool placed = at.line > 0;
        if (placed) {
          arguments.push_back(std::to_string(at.line));
          arguments.push_back(std::to_string(at.column));
        }
        const char* format =
            child->max == 1
                ? (placed ? "'{}' is given {} times, where the template '{}' prints one (the first at line {}, column {})"
                          : "'{}' is given {} times, where the template '{}' prints one")
                : (placed ? "'{}' is given {} times, where the template '{}' prints at most {} (the first at line {}, column {})"
                          : "'{}' is given {} times, where the template '{}' prints at most {}");
        report(Severity::error, "data.repeated-field", format, std::move(arguments), extra->get().where,
               {child->max == 1 ? Hint("keep the one to print: a second value here would not be on the paper")
                                : Hint("keep at most {} values", {std::to_string(child->max)})});
      }
      for (const auto* field : present) check_value(field->get(), *child, child_path);
    }
    for (const auto& child : spec.children) {
      if (!child.required) continue;
      bool found = false;
      for (const auto& field : map.fields) found = found || (field.name == child.name && !is_blank(field.get()));
      if (!found) missing(map, spec, child, join(path, child.name), holder);
    }
  }

  void unknown(const std::string& name, const std::string& child_path, const FieldSpec& spec,
               const std::vector<const data::Field*>& fields) {
    const auto names = field_names(spec);
    std::vector<Hint> hints;
    if (const auto near = nearest_name(name, names)) {
      hints.push_back({"did you mean '{}'?", {*near}});
    } else if (!names.empty()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      if (spec.path.empty()) hints.push_back({"the document takes {}", {list}});
      else hints.push_back({"'{}' takes {}", {spec.path, list}});
    }
    if (lenient_) hints.push_back("it is left out of the document (--lenient)");
    report(lenient_ ? Severity::warning : Severity::error, "check.unknown-field",
           "the template '{}' has no field '{}': it would not be printed", {contract_.template_name, child_path},
           fields.front()->get().where, std::move(hints));
  }

  void missing(const data::Value& map, const FieldSpec& holder_spec, const FieldSpec& child, const std::string& child_path,
               const std::string& holder) {
    // The holder is "the document" or a field's path in quotes; the field's label (the
    // header a clerk's sheet gives it, in Vietnamese) and description are said when it has
    // them: the Vietnamese message names the field by its label alone.
    constexpr const char* code = "check.required-field";
    // By what is said of the field: nothing, its label, its description (English, which the
    // Vietnamese message leaves out), both.
    constexpr const char* formats[4][2] = {
        {"the template '{}' needs '{}': it is missing or blank in the document",
         "the template '{}' needs '{}': it is missing or blank in '{}'"},
        {"the template '{}' needs '{}' ({}): it is missing or blank in the document",
         "the template '{}' needs '{}' ({}): it is missing or blank in '{}'"},
        {"the template '{}' needs '{}', that is {}: it is missing or blank in the document",
         "the template '{}' needs '{}', that is {}: it is missing or blank in '{}'"},
        {"the template '{}' needs '{}' ({}: {}): it is missing or blank in the document",
         "the template '{}' needs '{}' ({}: {}): it is missing or blank in '{}'"}};
    const bool in_document = holder.size() < 2 || holder.front() != '\'';
    std::vector<std::string> arguments{contract_.template_name, child_path};
    if (!child.label.empty()) arguments.push_back(child.label);
    if (!child.description.empty()) arguments.push_back(child.description);
    if (!in_document) arguments.push_back(holder.substr(1, holder.size() - 2));
    const int said = (child.label.empty() ? 0 : 1) + (child.description.empty() ? 0 : 2);
    std::string format = formats[said][in_document ? 0 : 1];
    std::vector<Hint> hints;
    // A field the template does not take, spelt nearly as the one missing.
    std::vector<std::string> strays;
    for (const auto& field : map.fields) {
      if (!find_field(holder_spec, field.name)) strays.push_back(field.name);
    }
    if (const auto near = nearest_name(child.name, strays)) {
      const data::Value* slip = map.find(*near);
      if (slip->where.line > 0) {
        hints.push_back({"did you mean '{}'? the data has '{}' at line {}, column {}",
                         {child.name, *near, std::to_string(slip->where.line), std::to_string(slip->where.column)}});
      } else {
        hints.push_back({"did you mean '{}'? the data has '{}'", {child.name, *near}});
      }
    }
    report(Severity::error, code, std::move(format), std::move(arguments), map.where, std::move(hints));
    // It points at the map that lacks it; the field it is about is the one missing.
    findings_.back().field = child_path;
  }

  void check_value(const data::Value& value, const FieldSpec& spec, const std::string& path) {
    if (spec.kind == FieldKind::group || spec.kind == FieldKind::blocks) {
      if (value.kind == data::Value::Kind::text) {
        // Bare text is a group's text, or a body's one paragraph (normalize_data).
        if (spec.kind == FieldKind::blocks || find_field(spec, "text")) {
          check_text(value, spec.kind == FieldKind::blocks ? FieldKind::inline_text : find_field(spec, "text")->kind, path);
          return;
        }
        report(Severity::error, "data.field-kind", "'{}' holds fields of its own ({}), not text", {path, names_of(spec)},
               value.where,
               {Hint("write its fields inside it: 'vanban templates {}' lists them", {contract_.template_name})});
        return;
      }
      check_map(value, spec, path);
      return;
    }
    if (value.kind == data::Value::Kind::map) {
      std::string inside;
      for (const auto& field : value.fields) {
        if (!field.is_attribute && field.name == "text") continue;  // its own text, around the others
        const std::string shown = field.is_attribute ? field.name + "=\"…\"" : "<" + field.name + ">";
        if (inside.find(shown) == std::string::npos) inside += (inside.empty() ? "" : ", ") + shown;
      }
      report(Severity::error, "data.field-kind", "'{}' is printed as {}, but it holds {}: that would not be printed",
             {path, std::string(describe(spec.kind)), inside}, value.where,
             {spec.kind == FieldKind::text || spec.kind == FieldKind::inline_text
                  ? "write the text alone, without attributes or other elements; line breaks are the template's to make"
                  : "write the value alone"});
      return;
    }
    check_text(value, spec.kind, path);
  }

  static std::string_view describe(FieldKind kind) {
    switch (kind) {
      case FieldKind::text: return "plain text";
      case FieldKind::inline_text: return "text";
      case FieldKind::date: return "a date";
      case FieldKind::number: return "a number";
      case FieldKind::notation: return "a ký hiệu";
      case FieldKind::image: return "an image file";
      case FieldKind::flag: return "yes or no";
      case FieldKind::group: return "fields";
      case FieldKind::blocks: return "a body";
    }
    return "text";
  }

  static std::string names_of(const FieldSpec& spec) {
    std::string list;
    for (const auto& name : field_names(spec)) list += (list.empty() ? "" : ", ") + name;
    return list;
  }

  void check_text(const data::Value& value, FieldKind kind, const std::string& path) {
    const std::string text = value.plain_text();
    if (const auto bad = text::find_forbidden_character(text)) {
      report(Severity::error, "data.control-character", "'{}' holds the character {}, which has no place in a document's text",
             {path, code_point_name(bad->code_point)}, value.where, {"remove it: it was probably pasted in with the text"});
      return;
    }
    const bool emphasis = std::any_of(value.text.begin(), value.text.end(), [](const data::TextSpan& span) {
      return span.style.bold || span.style.italic || span.style.underline;
    });
    if (emphasis && kind != FieldKind::inline_text) {
      report(Severity::error, "data.field-kind", "'{}' is printed as {}: its emphasis (<b>, <i>, <u>) would not be printed",
             {path, std::string(describe(kind))}, value.where, {"write it without <b>, <i> or <u>: the template sets its style"});
      return;
    }
    switch (kind) {
      case FieldKind::date:
        try {
          text::parse_date(text, value.where);
        } catch (const Error& e) {
          findings_.insert(findings_.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
        break;
      case FieldKind::number:
        if (text.find_first_not_of("0123456789") != std::string::npos || text.size() > 15) {
          report(Severity::error, "data.field-kind", "'{}' is a number, written in digits: not '{}'", {path, text}, value.where);
        }
        break;
      case FieldKind::flag:
        if (text != "yes" && text != "no") {
          report(Severity::error, "data.field-kind", "'{}' is yes or no, not '{}'", {path, text}, value.where);
        }
        break;
      default: break;
    }
  }

  const Contract& contract_;
  bool lenient_;
  std::vector<Diagnostic> findings_;
};

void normalize_map(data::Value& map, const FieldSpec& spec, bool lenient, bool root) {
  std::erase_if(map.fields, [&](const data::Field& field) {
    if (root && field.name == "template" && field.is_attribute) return false;
    const FieldSpec* child = find_field(spec, field.name);
    if (!child) return lenient;
    if (child->kind == FieldKind::flag) return field.get().kind == data::Value::Kind::text && field.get().plain_text() == "no";
    return is_blank(field.get());
  });
  for (auto& field : map.fields) {
    const FieldSpec* child = find_field(spec, field.name);
    if (!child) continue;
    data::Value& value = field.value.front();
    if (child->kind != FieldKind::group && child->kind != FieldKind::blocks) continue;
    if (value.kind == data::Value::Kind::text) {
      data::Value wrapped;
      wrapped.kind = data::Value::Kind::map;
      wrapped.where = value.where;
      wrapped.fields.push_back({child->kind == FieldKind::blocks ? "p" : "text", false, {std::move(value)}});
      value = std::move(wrapped);
      continue;
    }
    normalize_map(value, *child, lenient, false);
  }
}

}  // namespace

std::string_view kind_name(FieldKind kind) {
  for (const auto& [k, name] : kind_names) {
    if (k == kind) return name;
  }
  return "inline";
}

bool parse_kind(std::string_view name, FieldKind& kind) {
  for (const auto& [k, n] : kind_names) {
    if (n == name) {
      kind = k;
      return true;
    }
  }
  return false;
}

bool is_text_kind(FieldKind kind) { return kind != FieldKind::group && kind != FieldKind::blocks; }

const std::vector<FieldSpec>& block_vocabulary() {
  static const std::vector<FieldSpec> vocabulary = make_block_vocabulary();
  return vocabulary;
}

const FieldSpec* find_field(const FieldSpec& spec, std::string_view name) {
  for (const auto& child : spec.children) {
    if (child.name == name) return &child;
  }
  if (spec.kind == FieldKind::blocks || spec.takes_blocks) {
    for (const auto& block : block_vocabulary()) {
      if (block.name == name) return &block;
    }
  }
  return nullptr;
}

std::vector<std::string> field_names(const FieldSpec& spec) {
  std::vector<std::string> names;
  for (const auto& child : spec.children) {
    if (!child.outside_document) names.push_back(child.name);
  }
  if (spec.kind == FieldKind::blocks || spec.takes_blocks) {
    for (const auto& block : block_vocabulary()) names.push_back(block.name);
  }
  return names;
}

std::vector<Diagnostic> validate_data(const data::Value& root, const Contract& contract, bool lenient) {
  return Validator(contract, lenient).run(root);
}

Contract make_contract(const std::string& template_name, const std::vector<FieldDeclaration>& fields) {
  Contract contract;
  contract.template_name = template_name;
  contract.root.kind = FieldKind::group;
  std::set<std::string> declared, explicit_kind;
  // why: what is wrong with the field, a format whose first "{}" is the field's path.
  const auto bad = [&](const FieldDeclaration& field, const char* why, std::vector<std::string> arguments = {}) {
    arguments.insert(arguments.begin(), field.path);
    fail_with("template.declaration", why, std::move(arguments), field.where);
  };
  for (const auto& field : fields) {
    if (!declared.insert(field.path).second) bad(field, "the field '{}' is declared twice");
    FieldSpec* node = &contract.root;
    std::string path;
    for (std::size_t from = 0; from <= field.path.size();) {
      const std::size_t slash = std::min(field.path.find('/', from), field.path.size());
      const std::string name = field.path.substr(from, slash - from);
      if (name.empty()) bad(field, "the field '{}' has an empty step: write names separated by single slashes");
      path += (path.empty() ? "" : "/") + name;
      const bool last = slash == field.path.size();
      if (node->kind != FieldKind::group) {
        if (explicit_kind.count(node->path)) {
          bad(field, "the field '{}' is below '{}', which is declared {}: only a group has fields",
              {node->path, std::string(kind_name(node->kind))});
        }
        node->kind = FieldKind::group;  // declared before its fields, without a kind
      }
      auto child = std::find_if(node->children.begin(), node->children.end(),
                                [&](const FieldSpec& c) { return c.name == name; });
      if (child == node->children.end()) {
        FieldSpec made;
        made.name = name;
        made.path = path;
        made.kind = last ? FieldKind::inline_text : FieldKind::group;
        made.declared = field.where;
        node->children.push_back(std::move(made));
        child = node->children.end() - 1;
      }
      if (last) {
        if (!child->children.empty() && field.kind_given && field.kind != FieldKind::group) {
          bad(field, "the field '{}' has fields declared below it, so it is a group, not {}", {std::string(kind_name(field.kind))});
        }
        if (child->children.empty() || field.kind_given) child->kind = field.kind;
        if (field.kind_given) explicit_kind.insert(path);
        child->required = field.required;
        child->max = field.max;
        child->description = field.description;
        child->label = field.label;
        child->declared = field.where;
      }
      node = &*child;
      from = slash + 1;
    }
  }
  // A group with no fields would take anything and print nothing.
  std::function<void(const FieldSpec&)> check_groups = [&](const FieldSpec& spec) {
    for (const auto& child : spec.children) {
      if (child.kind == FieldKind::group && child.children.empty()) {
        fail_with("template.declaration", "the field '{}' is a group, but no field is declared below it", {child.path},
                  child.declared, {Hint("declare its fields ({}/name …), or give it a kind: text, inline, body …", {child.path})});
      }
      check_groups(child);
    }
  };
  check_groups(contract.root);
  return contract;
}

void normalize_data(data::Value& root, const Contract& contract, bool lenient) {
  normalize_map(root, contract.root, lenient, true);
}

void join_json_blocks(data::Value& map, const FieldSpec& spec) {
  if (map.kind != data::Value::Kind::map) return;
  // Inner arrays first: an item's own blocks are joined before the body's items are.
  for (auto& field : map.fields) {
    if (const FieldSpec* inner = find_field(spec, field.name)) join_json_blocks(field.value.front(), *inner);
  }
  std::vector<data::Field> joined;
  for (std::size_t k = 0; k < map.fields.size();) {
    std::size_t end = k + 1;
    while (end < map.fields.size() && map.fields[end].name == map.fields[k].name) ++end;
    const FieldSpec* inner = find_field(spec, map.fields[k].name);
    const bool one_key_objects = std::all_of(map.fields.begin() + static_cast<std::ptrdiff_t>(k),
                                             map.fields.begin() + static_cast<std::ptrdiff_t>(end), [](const data::Field& f) {
                                               return f.get().kind == data::Value::Kind::map && f.get().fields.size() == 1;
                                             });
    // Several values of one field each: the parts of one value, in order, when joined they
    // make a value the field takes (each key known, none more often than it may be); else a
    // list ("session": [{"title": "A"}, {"title": "B"}] is two sessions).
    bool holds_blocks = inner && one_key_objects &&
                        (inner->kind == FieldKind::blocks || inner->kind == FieldKind::group || inner->takes_blocks);
    if (holds_blocks) {
      std::map<std::string, int> count;
      for (std::size_t part = k; part < end && holds_blocks; ++part) {
        const std::string& key = map.fields[part].get().fields.front().name;
        const FieldSpec* child = find_field(*inner, key);
        holds_blocks = child && (child->max == 0 || ++count[key] <= child->max);
      }
    }
    if (holds_blocks && end - k > 1) {
      data::Field whole{map.fields[k].name, false, {data::Value{data::Value::Kind::map, {}, {}, map.fields[k].get().where}}};
      for (std::size_t part = k; part < end; ++part) {
        whole.value.front().fields.push_back(std::move(map.fields[part].value.front().fields.front()));
      }
      joined.push_back(std::move(whole));
    } else {
      for (std::size_t part = k; part < end; ++part) joined.push_back(std::move(map.fields[part]));
    }
    k = end;
  }
  map.fields = std::move(joined);
}

}  // namespace vanban::check
