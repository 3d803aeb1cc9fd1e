#include "pipeline/template_check.h"

#include <functional>
#include <set>

#include "base/spelling.h"
#include "mustache/template_tags.h"

namespace vanban::pipeline {

namespace {

using check::FieldKind;
using check::FieldSpec;
using Tag = mustache::TemplateTag;

// What a section has entered.
struct Scope {
  enum class Kind {
    map,        // a group's value (or the document): names are its fields
    entries,    // {{#content}} of a group: names are the fields it may hold, one at a time
    text,       // a text value, or a helper's section: adds no scope, {{.}} is the text
    unknown,    // a section over a name that was reported: nothing inside is checked again
  };
  Kind kind = Kind::map;
  const FieldSpec* spec = nullptr;  // map, entries: the group; text: the text field (or null for a helper)
};

// For each tag of a text, whether it stands inside a quoted attribute value of the markup
// around it: <number value="{{number}}">. The literal text between tags is read as markup.
std::vector<bool> in_attribute(std::string_view text, const std::vector<Tag>& tags) {
  std::vector<bool> inside;
  enum class State { outside, in_tag, in_value } state = State::outside;
  char quote = 0;
  std::size_t at = 0;
  const auto lex = [&](std::size_t end) {
    for (; at < end; ++at) {
      const char c = text[at];
      if (state == State::outside && c == '<') state = State::in_tag;
      else if (state == State::in_tag && (c == '"' || c == '\'')) state = State::in_value, quote = c;
      else if (state == State::in_tag && c == '>') state = State::outside;
      else if (state == State::in_value && c == quote) state = State::in_tag;
    }
  };
  for (const auto& tag : tags) {
    lex(tag.begin);
    inside.push_back(state == State::in_value);
    at = tag.end;
  }
  return inside;
}

class Checker {
 public:
  Checker(const mustache::Template& tmpl, const check::Contract& contract, const mustache::Helpers& helpers)
      : tmpl_(tmpl), contract_(contract), helpers_(helpers) {}

  TemplateReads run() {
    std::vector<Scope> stack{{Scope::Kind::map, &contract_.root}};
    walk("", stack);
    require_printed(contract_.root);
    if (!errors_.empty()) throw Error(std::move(errors_));
    return std::move(reads_);
  }

 private:
  // Where a name may lead: a field, the content of a group, or nowhere (an error, reported).
  struct Target {
    const FieldSpec* field = nullptr;
    const FieldSpec* content_of = nullptr;
  };

  const std::string& text_of(const std::string& partial) const {
    return partial.empty() ? tmpl_.text : tmpl_.partials.at(partial);
  }
  std::string file_of(const std::string& partial) const {
    return partial.empty() ? tmpl_.file : tmpl_.partial_files.at(partial);
  }

  // An error made of its format and arguments (base/messages.h), at a tag of a partial.
  void error(const char* code, std::string format, std::vector<std::string> arguments, const std::string& partial,
             std::size_t offset, std::vector<Hint> hints = {}) {
    const SourceLocation where = locate_offset(file_of(partial), text_of(partial), offset);
    // The same tag reached twice (a partial included in two places) is reported once.
    if (!reported_.insert(where.file + ":" + std::to_string(offset) + code).second) return;
    errors_.push_back(formatted(Severity::error, code, std::move(format), std::move(arguments), where, std::move(hints)));
  }

  void note_read(const FieldSpec* spec, const std::string& partial, std::size_t offset) {
    if (!spec) return;
    reads_.first_read.emplace(spec, locate_offset(file_of(partial), text_of(partial), offset));
  }

  static const Scope& innermost_map(const std::vector<Scope>& stack) {
    for (auto scope = stack.rbegin(); scope != stack.rend(); ++scope) {
      if (scope->kind != Scope::Kind::text) return *scope;
    }
    return stack.front();
  }


  // Resolves a dotted name ("recipient.name", "@root.issuer") where the stack stands.
  std::optional<Target> resolve(const std::string& name, const std::vector<Scope>& stack, const std::string& partial,
                                std::size_t offset) {
    const std::vector<std::string> parts = mustache::split_dotted_name(name);
    const FieldSpec* holder = nullptr;
    bool entries = false;
    std::size_t first = 0;
    if (parts.front() == "@root") {
      holder = &contract_.root;
      first = 1;
      if (parts.size() == 1) return Target{holder, nullptr};
    } else {
      const Scope& scope = innermost_map(stack);
      holder = scope.spec;
      entries = scope.kind == Scope::Kind::entries;
    }
    Target target;
    for (std::size_t k = first; k < parts.size(); ++k) {
      const std::string& part = parts[k];
      if (!holder || holder->kind == FieldKind::flag || check::is_text_kind(holder->kind)) {
        error("template.unknown-field", "{}: '{}' is text, it has no field '{}'", {current_tag_, parts[k - 1], part},
              partial, offset);
        return std::nullopt;
      }
      const FieldSpec* field = check::find_field(*holder, part);
      // A group's own field named content wins over the walk of its fields, as it does when rendering.
      if (!field && part == "content" && !entries && k + 1 == parts.size()) return Target{nullptr, holder};
      if (!field) {
        std::vector<Hint> hints;
        const auto names = check::field_names(*holder);
        if (const auto near = nearest_name(part, names)) hints.push_back({"did you mean '{}'?", {*near}});
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        const bool in_document = holder->path.empty();
        if (!list.empty()) {
          hints.push_back(in_document ? Hint("here the document has {} (template.xml)", {list})
                                      : Hint("here '{}' has {} (template.xml)", {holder->path, list}));
        }
        hints.push_back("a name means the innermost section's own field; {{@root.NAME}} reaches the document's");
        if (in_document) {
          error("template.unknown-field", "{}: the contract of '{}' has no field '{}' in the document",
                {current_tag_, contract_.template_name, part}, partial, offset, std::move(hints));
        } else {
          error("template.unknown-field", "{}: the contract of '{}' has no field '{}' in '{}'",
                {current_tag_, contract_.template_name, part, holder->path}, partial, offset, std::move(hints));
        }
        return std::nullopt;
      }
      entries = false;
      holder = field;
      target.field = field;
    }
    return target;
  }

  // A formatter helper (vn.upper), or an order over a list (vn.sort-by-name.delegate,
  // vn.sort-by-name[title].group): the list's field, or null for a formatter.
  std::optional<const FieldSpec*> resolve_helper(const std::string& name, const std::vector<Scope>& stack,
                                                 const std::string& partial, std::size_t offset, bool& known) {
    known = false;
    const std::string rest = name.substr(3);
    const auto dot = rest.find('.');
    const std::string helper = rest.substr(0, dot);
    if (dot == std::string::npos) {
      if (helpers_.formatters.count(helper)) {
        known = true;
        return nullptr;
      }
    } else {
      const auto bracket = helper.find('[');
      const std::string order = helper.substr(0, bracket);
      if (helpers_.orders.count(order)) {
        known = true;
        const auto target = resolve(rest.substr(dot + 1), stack, partial, offset);
        if (!target || !target->field) return std::nullopt;
        if (target->field->kind != FieldKind::group || target->field->max == 1) {
          error("template.not-text", "{} sorts a list of groups; '{}' is not one", {current_tag_, target->field->path},
                partial, offset);
          return std::nullopt;
        }
        std::string key = "name";
        if (bracket != std::string::npos && helper.back() == ']') key = helper.substr(bracket + 1, helper.size() - bracket - 2);
        const FieldSpec* sort_key = check::find_field(*target->field, key);
        if (!sort_key || !check::is_text_kind(sort_key->kind)) {
          error("template.unknown-field", "{} sorts by '{}', which '{}' does not have",
                {current_tag_, key, target->field->path}, partial, offset);
          return std::nullopt;
        }
        return target->field;
      }
    }
    std::string list;
    for (const auto& [formatter, unused] : helpers_.formatters) list += " vn." + formatter;
    for (const auto& [order, unused] : helpers_.orders) list += " vn." + order + ".LIST";
    error("template.unknown-helper", "'{}' is not a helper; the helpers are:{}", {name, list}, partial, offset);
    return std::nullopt;
  }

  // Walks a text (the template's, or a partial's) with the scopes its includer stands in.
  void walk(const std::string& partial, std::vector<Scope> stack) {
    // A partial in the same scope is walked once: recursive partials (a plan's blocks) end.
    const Scope& scope = innermost_map(stack);
    const Scope& top = stack.back();
    const std::string key = partial + "|" + std::to_string(reinterpret_cast<std::uintptr_t>(scope.spec)) + "|" +
                            std::to_string(static_cast<int>(scope.kind)) + "|" +
                            std::to_string(reinterpret_cast<std::uintptr_t>(top.kind == Scope::Kind::text ? top.spec : nullptr));
    if (!walked_.insert(key).second) return;
    const std::string& text = text_of(partial);
    const auto scan = mustache::scan_template_tags(text);
    const auto attribute = in_attribute(text, scan.tags);
    const std::size_t base = stack.size();
    for (std::size_t k = 0; k < scan.tags.size(); ++k) {
      const Tag& tag = scan.tags[k];
      current_tag_ = text.substr(tag.begin, std::min<std::size_t>(tag.end - tag.begin, 80));  // as written, for messages
      switch (tag.kind) {
        case Tag::Kind::comment:
        case Tag::Kind::set_delimiter: break;
        case Tag::Kind::partial:
          if (tmpl_.partials.count(tag.name)) walk(tag.name, stack);  // load_template refused unknown ones
          break;
        case Tag::Kind::section_end:
          if (stack.size() > base) stack.pop_back();
          break;
        case Tag::Kind::section:
        case Tag::Kind::inverted:
          stack.push_back(stack.back().kind == Scope::Kind::unknown ? stack.back() : enter(tag, stack, partial));
          break;
        case Tag::Kind::variable:
        case Tag::Kind::unescaped:
          if (stack.back().kind != Scope::Kind::unknown) print(tag, stack, partial, attribute[k]);
          break;
      }
    }
  }

  Scope enter(const Tag& tag, const std::vector<Scope>& stack, const std::string& partial) {
    const Scope unchanged{Scope::Kind::text, nullptr};
    const Scope unknown{Scope::Kind::unknown, nullptr};
    const bool inverted = tag.kind == Tag::Kind::inverted;
    if (tag.name.rfind("vn.", 0) == 0) {
      bool known = false;
      const auto list = resolve_helper(tag.name, stack, partial, tag.begin, known);
      if (!list) return unknown;
      if (!*list || inverted) return unchanged;
      return {Scope::Kind::map, *list};
    }
    if (tag.name == "." || tag.name == "@first" || tag.name == "@last") return unchanged;
    const auto target = resolve(tag.name, stack, partial, tag.begin);
    if (!target) return unknown;
    if (target->content_of) return inverted ? unchanged : Scope{Scope::Kind::entries, target->content_of};
    const FieldSpec* field = target->field;
    if (field->kind == FieldKind::flag) note_read(field, partial, tag.begin);
    if (inverted) return unchanged;
    if (field->kind == FieldKind::group || field->kind == FieldKind::blocks) {
      note_read(field, partial, tag.begin);
      return {Scope::Kind::map, field};
    }
    return {Scope::Kind::text, field};
  }

  void print(const Tag& tag, const std::vector<Scope>& stack, const std::string& partial, bool in_attribute) {
    const FieldSpec* field = nullptr;
    if (tag.name == ".") {
      const Scope& top = stack.back();
      if (top.kind != Scope::Kind::text || !top.spec) {
        error("template.not-text", "{{.}} here is {}: it prints nothing",
              {top.kind == Scope::Kind::text ? "a helper's text" : "a group"}, partial, tag.begin,
              {"print a field of it by name"});
        return;
      }
      field = top.spec;
    } else {
      if (tag.name == "@first" || tag.name == "@last") {
        error("template.not-text", "{} says yes or no: use it as a section, {{#{}}}…{{/{}}}",
              {current_tag_, tag.name, tag.name}, partial, tag.begin);
        return;
      }
      if (tag.name.rfind("vn.", 0) == 0) {
        error("template.not-text", "{}: a helper is a section, {{#{}}}…{{/{}}}", {current_tag_, tag.name, tag.name},
              partial, tag.begin);
        return;
      }
      const auto target = resolve(tag.name, stack, partial, tag.begin);
      if (!target) return;
      if (!target->field || target->content_of) {
        error("template.not-text", "{} is a list of blocks: a tag prints only text", {current_tag_}, partial, tag.begin,
              {"walk it with {{#content}}…{{/content}}"});
        return;
      }
      field = target->field;
      if (field->kind == FieldKind::group || field->kind == FieldKind::blocks) {
        error("template.not-text", "{} is '{}', which holds fields: a tag prints only text", {current_tag_, field->path},
              partial, tag.begin, {Hint("enter it with {{#{}}}…{{/{}}} and print its fields", {tag.name, tag.name})});
        return;
      }
      if (field->kind == FieldKind::flag) {
        error("template.not-text", "{} is a flag (yes or no): it chooses what is printed, with {{#{}}}…{{/{}}}",
              {current_tag_, tag.name, tag.name}, partial, tag.begin);
        return;
      }
      if (field->max != 1) {
        error("template.not-text", "{} is '{}', which may have several values: a tag would print none of them",
              {current_tag_, field->path}, partial, tag.begin, {Hint("print each with {{#{}}}{{.}}{{/{}}}", {tag.name, tag.name})});
        return;
      }
    }
    if (in_attribute && field->kind == FieldKind::inline_text) {
      error("template.attribute-kind",
            "{} places '{}', text that may hold emphasis, inside a markup attribute, where its <b> or <i> would break "
            "the markup", {current_tag_, field->path}, partial, tag.begin, {"declare it kind=\"text\" in template.xml (plain text), or place it in an element"});
    }
    note_read(field, partial, tag.begin);
  }

  // Every declared field must be printed by some tag; below a body, every block the body
  // may hold (a table the template cannot print would vanish from the paper).
  void require_printed(const FieldSpec& spec) {
    for (const auto& child : spec.children) check_printed(child);
    if (spec.kind == FieldKind::blocks || spec.takes_blocks) {
      for (const auto& block : check::block_vocabulary()) check_printed(block);
    }
  }

  void check_printed(const FieldSpec& field) {
    if (!checked_.insert(&field).second || field.outside_document) return;
    if (!reads_.first_read.count(&field)) {
      errors_.push_back(formatted(Severity::error, "template.unprinted-field",
                                  "the template '{}' declares '{}', but no tag prints it: its data would not be on the paper",
                                  {contract_.template_name, field.path},
                                  field.declared.file.empty() ? SourceLocation{tmpl_.file} : field.declared,
                                  {"print it in the template, or remove its <field> from template.xml"}));
      return;
    }
    require_printed(field);
  }

  const mustache::Template& tmpl_;
  const check::Contract& contract_;
  const mustache::Helpers& helpers_;
  TemplateReads reads_;
  std::string current_tag_;  // the tag being checked, as written
  std::vector<Diagnostic> errors_;
  std::set<std::string> reported_, walked_;
  std::set<const FieldSpec*> checked_;
};

// Walks the data with its contract, collecting the text values that must reach the markup.
void collect_printed(const data::Value& map, const FieldSpec& spec, const std::string& path,
                     std::vector<std::pair<const data::Value*, const FieldSpec*>>& out, bool root) {
  for (const auto& field : map.fields) {
    if (root && field.is_attribute && field.name == "template") continue;
    const FieldSpec* child = check::find_field(spec, field.name);
    if (!child || child->outside_document || child->kind == FieldKind::flag) continue;
    const data::Value& value = field.get();
    if (value.kind == data::Value::Kind::map) {
      collect_printed(value, *child, path.empty() ? field.name : path + "/" + field.name, out, false);
    } else if (!value.text.empty()) {
      out.push_back({&value, child});
    }
  }
}

}  // namespace

std::vector<Diagnostic> find_unprinted_values(const data::Value& root, const check::Contract& contract,
                                              const mustache::Rendered& rendered, const TemplateReads& reads) {
  std::vector<std::pair<const data::Value*, const FieldSpec*>> printed;
  collect_printed(root, contract.root, "", printed, true);
  std::set<const data::Value*> placed;
  for (const auto& value : rendered.placed) placed.insert(value.value);
  std::vector<Diagnostic> errors;
  for (const auto& [value, spec] : printed) {
    if (placed.count(value)) continue;
    const auto read = reads.first_read.find(spec);
    const Hint hint("a section around it in the template was false for this document; 'vanban render --markup FILE' "
                    "shows what the template made");
    if (read != reads.first_read.end()) {
      const std::string place = read->second.file + ":" + std::to_string(read->second.line) + ":" +
                                std::to_string(read->second.column);
      errors.push_back(formatted(Severity::error, "template.unprinted-value",
                                 "this value of '{}' did not reach the document (the template prints '{}' at {})",
                                 {spec->path, spec->path, place}, value->where, {hint}));
    } else {
      errors.push_back(formatted(Severity::error, "template.unprinted-value", "this value of '{}' did not reach the document",
                                 {spec->path}, value->where, {hint}));
    }
  }
  return errors;
}

TemplateReads check_template_fields(const mustache::Template& tmpl, const check::Contract& contract,
                                    const mustache::Helpers& helpers) {
  return Checker(tmpl, contract, helpers).run();
}

}  // namespace vanban::pipeline
