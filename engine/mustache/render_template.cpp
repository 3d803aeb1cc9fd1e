#include "mustache/render_template.h"

#include <charconv>
#include <deque>
#include <set>
#include <unordered_map>

#include <kainjow/mustache.hpp>

namespace vanban::mustache {

namespace km = kainjow::mustache;

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string rich_text_markup(const std::vector<data::TextSpan>& spans) {
  std::string out;
  for (const auto& span : spans) {
    std::string open, close;
    if (span.style.bold) { open += "<b>"; close = "</b>" + close; }
    if (span.style.italic) { open += "<i>"; close = "</i>" + close; }
    if (span.style.underline) { open += "<u>"; close = "</u>" + close; }
    out += open + escape_markup(span.text) + close;
  }
  return out;
}

// Collects every field name (attribute or element) used by any map in the data.
void collect_field_names(const data::Value& value, std::set<std::string>& names) {
  for (const auto& field : value.fields) {
    names.insert(field.name);
    collect_field_names(field.get(), names);
  }
}

// The data as kainjow sees it, made on demand.
//
// kainjow copies a value whenever it is stored in a map or a list, so converting the tree
// up front copies each subtree once per level above it (a map holds its children both by
// name and in `content`). Instead, a map is handed to kainjow as an empty stand-in object
// whose address this class knows, and names are looked up in the DataTree itself when the
// template asks for them. Each value is made once, when first used, and kept here at a
// stable address for the whole render.
class LazyData {
 public:
  explicit LazyData(const data::DataTree& tree) : root_node_(tree.root) {
    collect_field_names(tree.root, field_names_);
    field_names_.insert("text");
    field_names_.insert("content");
  }

  const km::data* root() { return value_of(root_node_); }

  // Looks a name up in a scope that kainjow pushed; nullptr when the scope has no fields
  // (text) or the name is not one the data uses.
  //
  // A scope that is a map answers every name of the data: its own field, or false. Plain
  // Mustache would look further out, so an item without a title would find the title of
  // the section around it; here a name always means the innermost map's own field.
  const km::data* lookup(const km::data* scope, const std::string& name) {
    const auto found = scopes_.find(scope);
    if (found == scopes_.end()) return nullptr;
    const Scope& where = found->second;
    if (where.entry) {  // an entry of `content`: {name: value}
      if (name == where.entry->name) return value_of(where.entry->get());
    } else {
      if (const km::data* field = field_of(*where.map, name)) return field;
    }
    return field_names_.count(name) ? &false_ : nullptr;
  }

 private:
  struct Scope {
    const data::Value* map = nullptr;
    const data::Field* entry = nullptr;  // set for an entry of `content`
  };

  const km::data* store(km::data value) {
    storage_.push_back(std::move(value));
    return &storage_.back();
  }

  // A stand-in object kainjow can push as a scope.
  const km::data* make_scope(Scope scope) {
    const km::data* stand_in = store(km::data(km::data::type::object));
    scopes_.emplace(stand_in, scope);
    return stand_in;
  }

  const km::data* value_of(const data::Value& value) {
    if (const auto cached = values_.find(&value); cached != values_.end()) return cached->second;
    const km::data* made;
    if (value.kind == data::Value::Kind::text) {
      made = value.text.empty() ? &false_ : store(km::data(rich_text_markup(value.text)));
    } else {
      made = make_scope({&value, nullptr});
    }
    values_.emplace(&value, made);
    return made;
  }

  // The field `name` of a map: its value if it occurs once, a list if it repeats, and
  // `content`, the element children in order; nullptr if the map has no such field.
  const km::data* field_of(const data::Value& map, const std::string& name) {
    const auto key = std::make_pair(&map, name);
    if (const auto cached = fields_.find(key); cached != fields_.end()) return cached->second;
    std::vector<const data::Field*> matching;
    for (const auto& field : map.fields) {
      if (field.name == name) matching.push_back(&field);
    }
    const km::data* made = nullptr;
    if (matching.size() == 1) {
      made = value_of(matching.front()->get());
    } else if (matching.size() > 1) {
      made = make_list(matching, false);
    } else if (name == "content") {
      std::vector<const data::Field*> children;
      for (const auto& field : map.fields) {
        if (!field.is_attribute) children.push_back(&field);
      }
      made = make_list(children, true);
    }
    fields_.emplace(key, made);
    return made;
  }

  // A list of the fields' values, or of `content` entries. kainjow pushes the address of
  // each element as the scope of an iteration, so elements are registered once in place.
  const km::data* make_list(const std::vector<const data::Field*>& fields, bool entries) {
    km::data list(km::data::type::list);
    for (const auto* field : fields) {
      const data::Value& value = field->get();
      if (entries || value.kind == data::Value::Kind::map) list.push_back(km::data(km::data::type::object));
      else list.push_back(*value_of(value));
    }
    const km::data* stored = store(std::move(list));
    const auto& elements = stored->list_value();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const data::Value& value = fields[i]->get();
      if (entries) scopes_.emplace(&elements[i], Scope{nullptr, fields[i]});
      else if (value.kind == data::Value::Kind::map) scopes_.emplace(&elements[i], Scope{&value, nullptr});
    }
    return stored;
  }

  const data::Value& root_node_;
  std::set<std::string> field_names_;
  std::deque<km::data> storage_;
  std::unordered_map<const km::data*, Scope> scopes_;
  std::unordered_map<const data::Value*, const km::data*> values_;
  std::map<std::pair<const data::Value*, std::string>, const km::data*> fields_;
  const km::data false_{false};
};

// The context kainjow renders in: names resolve through LazyData; partials come from the
// template's own table, so data can never shadow them.
class TemplateContext : public km::basic_context<std::string> {
 public:
  TemplateContext(LazyData& data, const std::map<std::string, km::data>& partials)
      : data_(data), partials_(partials) {
    stack_.push_back(data_.root());
  }

  void push(const km::data* scope) override { stack_.push_back(scope); }
  void pop() override { stack_.pop_back(); }

  const km::data* get(const std::string& name) const override {
    if (name == ".") return stack_.back();
    std::vector<std::string> parts;
    for (std::size_t begin = 0;;) {
      const auto dot = name.find('.', begin);
      parts.push_back(name.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin));
      if (dot == std::string::npos) break;
      begin = dot + 1;
    }
    // "@root.a.b" starts at the top of the data, whatever the sections around it.
    if (parts.front() == "@root") {
      const km::data* value = stack_.front();
      for (std::size_t i = 1; value && i < parts.size(); ++i) value = data_.lookup(value, parts[i]);
      return value;
    }
    for (auto scope = stack_.rbegin(); scope != stack_.rend(); ++scope) {
      const km::data* value = data_.lookup(*scope, parts.front());
      for (std::size_t i = 1; value && i < parts.size(); ++i) value = data_.lookup(value, parts[i]);
      if (value) return value;
    }
    return nullptr;
  }

  const km::data* get_partial(const std::string& name) const override {
    const auto found = partials_.find(name);
    return found == partials_.end() ? nullptr : &found->second;
  }

 private:
  LazyData& data_;
  const std::map<std::string, km::data>& partials_;
  std::vector<const km::data*> stack_;
};

// kainjow reports parse errors as '... at N' with a byte offset; turn it into line:col.
SourceLocation locate_kainjow_error(const std::string& message, const Template& tmpl) {
  const auto at = message.rfind(" at ");
  if (at != std::string::npos) {
    std::size_t offset = 0;
    const char* begin = message.data() + at + 4;
    const char* end = message.data() + message.size();
    if (std::from_chars(begin, end, offset).ec == std::errc()) {
      return locate_offset(tmpl.file, tmpl.text, offset);
    }
  }
  return {tmpl.file};
}

}  // namespace

std::string render_template(const Template& tmpl, const data::DataTree& tree) {
  km::mustache compiled(tmpl.text);
  if (!compiled.is_valid()) {
    fail("template.syntax", compiled.error_message(), locate_kainjow_error(compiled.error_message(), tmpl));
  }
  // Data values are already markup-safe (rich_text_markup), so escaping again would double it.
  compiled.set_custom_escape([](const std::string& text) { return text; });

  std::map<std::string, km::data> partials;
  for (const auto& [name, text] : tmpl.partials) partials.emplace(name, km::data(text));

  LazyData lazy(tree);
  TemplateContext context(lazy, partials);
  std::string markup = compiled.render(context);
  if (!compiled.is_valid()) {
    fail("template.render", "in a partial of template '" + tmpl.name + "': " + compiled.error_message(), {tmpl.file});
  }
  return markup;
}

}  // namespace vanban::mustache
