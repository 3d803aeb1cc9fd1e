#include "mustache/render_template.h"

#include <charconv>
#include <set>

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
    if (span.emphasis.bold) { open += "<b>"; close = "</b>" + close; }
    if (span.emphasis.italic) { open += "<i>"; close = "</i>" + close; }
    if (span.emphasis.underline) { open += "<u>"; close = "</u>" + close; }
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

class Converter {
 public:
  explicit Converter(const data::DataTree& tree) {
    collect_field_names(tree.root, field_names_);
    field_names_.insert("text");
    field_names_.insert("content");
  }

  km::data convert(const data::Value& value) const {
    if (value.kind == data::Value::Kind::text) {
      if (value.text.empty()) return km::data(false);
      return km::data(rich_text_markup(value.text));
    }
    km::data object = blank_map();
    std::vector<std::string> order;
    std::map<std::string, std::vector<const data::Value*>> by_name;
    for (const auto& field : value.fields) {
      auto& group = by_name[field.name];
      if (group.empty()) order.push_back(field.name);
      group.push_back(&field.get());
    }
    for (const auto& name : order) {
      const auto& group = by_name[name];
      if (group.size() == 1) {
        object.set(name, convert(*group.front()));
      } else {
        km::data list(km::data::type::list);
        for (const auto* item : group) list.push_back(convert(*item));
        object.set(name, list);
      }
    }
    if (by_name.find("content") == by_name.end()) {
      km::data content(km::data::type::list);
      for (const auto& field : value.fields) {
        if (field.is_attribute) continue;
        km::data entry = blank_map();
        entry.set(field.name, convert(field.get()));
        content.push_back(entry);
      }
      object.set("content", content);
    }
    return object;
  }

 private:
  // A map in which every field name of the document is present and false. Mustache looks a
  // name up the whole context stack, so an item without a title would otherwise find the
  // title of the section around it; with every name defined, a name always means the
  // innermost map's own field.
  km::data blank_map() const {
    km::data map(km::data::type::object);
    for (const auto& name : field_names_) map.set(name, km::data(false));
    return map;
  }

  std::set<std::string> field_names_;
};

// A context whose partials come from the template's table, not from the data stack.
class TemplateContext : public km::context<std::string> {
 public:
  TemplateContext(const km::data* root, const std::map<std::string, km::data>& partials)
      : km::context<std::string>(root), partials_(partials) {}

  const km::data* get_partial(const std::string& name) const override {
    const auto found = partials_.find(name);
    return found == partials_.end() ? nullptr : &found->second;
  }

 private:
  const std::map<std::string, km::data>& partials_;
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

  const km::data root = Converter(tree).convert(tree.root);
  TemplateContext context(&root, partials);
  std::string markup = compiled.render(context);
  if (!compiled.is_valid()) {
    fail("template.render", "in a partial of template '" + tmpl.name + "': " + compiled.error_message(), {tmpl.file});
  }
  return markup;
}

}  // namespace vanban::mustache
