#include "mustache/render_template.h"

#include <charconv>
#include <deque>
#include <optional>
#include <tuple>
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


// Applies a function to each run of text between tags, keeping the tags: upper-casing
// "<b>nguyễn</b> văn an" keeps the bold.
std::string map_text_runs(std::string_view markup, const std::function<std::string(const std::string&)>& apply) {
  std::string out;
  for (std::size_t at = 0; at < markup.size();) {
    if (markup[at] == '<') {
      const auto close = markup.find('>', at);
      const auto end = close == std::string_view::npos ? markup.size() : close + 1;
      out += markup.substr(at, end - at);
      at = end;
      continue;
    }
    const auto next_tag = std::min(markup.find('<', at), markup.size());
    out += escape_markup(apply(markup_to_plain(markup.substr(at, next_tag - at))));
    at = next_tag;
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

  // Where in the data a piece of placed markup came from, if one text value made it. Only an
  // error asks, so the values made so far are searched rather than indexed on every render.
  std::optional<SourceLocation> origin_of(const std::string& markup) const {
    for (const auto& [value, made] : values_) {
      if (made->is_string() && made->string_value() == markup) return value->where;
    }
    return std::nullopt;
  }

  // The list (or single value) `source` in the order `order` gives for the elements' sort
  // texts: an element's text, or its field key_field. nullptr if source is not a field of
  // the data. Made once per source, order and key.
  const km::data* sorted(const km::data* source, const std::string& order_name, const Helpers::Order& order,
                         const std::string& key_field, const std::string& template_file) {
    const auto fields = sources_.find(source);
    if (fields == sources_.end()) return nullptr;
    const auto key = std::make_tuple(source, order_name, key_field);
    if (const auto cached = sorted_.find(key); cached != sorted_.end()) return cached->second;
    std::vector<std::string> sort_texts;
    for (const auto* field : fields->second) {
      const data::Value& element = field->get();
      const data::Value* text = element.kind == data::Value::Kind::text ? &element : element.find(key_field);
      if (!text || text->kind != data::Value::Kind::text) {
        fail("template.sort-key", "vn." + order_name + " sorts '" + field->name + "' by its field '" + key_field +
             "', which this element does not have (used in " + template_file + ")", element.where);
      }
      sort_texts.push_back(text->plain_text());
    }
    std::vector<const data::Field*> ordered;
    for (const auto position : order(sort_texts)) ordered.push_back(fields->second.at(position));
    const km::data* made = make_list(ordered, false);
    sorted_.emplace(key, made);
    return made;
  }

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
    }
    if (made && made != &false_) sources_.emplace(made, matching);
    if (matching.empty() && name == "content") {
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
  std::unordered_map<const km::data*, std::vector<const data::Field*>> sources_;
  std::map<std::tuple<const km::data*, std::string, std::string>, const km::data*> sorted_;
  const km::data false_{false};
};

// The helpers as kainjow sees them: one lambda2 per formatter, made when first named, and
// sorted lists, made by LazyData.
class HelperData {
 public:
  HelperData(const Helpers& helpers, LazyData& data, const std::string& template_file)
      : helpers_(helpers), data_(data), template_file_(template_file) {}

  // Resolves "vn.NAME" or "vn.ORDER[FIELD].PATH" (parts without "vn"); find_path looks PATH
  // up as an ordinary name. Throws Error "template.unknown-helper" for a name it does not know.
  template <typename FindPath>
  const km::data* resolve(const std::vector<std::string>& parts, const FindPath& find_path) {
    const std::string& name = parts.at(1);
    std::string full_name = "vn";
    for (std::size_t k = 1; k < parts.size(); ++k) full_name += "." + parts[k];
    if (parts.size() == 2) {
      if (const auto formatter = helpers_.formatters.find(name); formatter != helpers_.formatters.end()) {
        return lambda_for(name, formatter->second);
      }
    } else {
      const auto bracket = name.find('[');
      const std::string order_name = name.substr(0, bracket);
      std::string key_field = "name";
      if (bracket != std::string::npos && name.back() == ']') key_field = name.substr(bracket + 1, name.size() - bracket - 2);
      if (const auto order = helpers_.orders.find(order_name); order != helpers_.orders.end()) {
        const km::data* source = find_path(std::vector<std::string>(parts.begin() + 2, parts.end()));
        if (!source || source->is_false()) return source;
        return data_.sorted(source, order_name, order->second, key_field, template_file_);
      }
    }
    std::string known;
    for (const auto& [formatter, unused] : helpers_.formatters) known += " vn." + formatter;
    for (const auto& [order, unused] : helpers_.orders) known += " vn." + order + ".LIST";
    fail("template.unknown-helper", "'" + full_name + "' is not a helper; the helpers are:" + known, {template_file_});
  }

 private:
  const km::data* lambda_for(const std::string& name, const Helpers::Formatter& formatter) {
    if (const auto made = lambdas_.find(name); made != lambdas_.end()) return &made->second;
    km::lambda2 apply = [this, &formatter](const std::string& section, const km::renderer& render) {
      const std::string markup = render(section);
      const SourceLocation in_template{template_file_};
      try {
        if (formatter.per_text_run) {
          return map_text_runs(markup, [&](const std::string& text) { return formatter.apply(text, in_template); });
        }
        return escape_markup(formatter.apply(markup_to_plain(markup), in_template));
      } catch (const Error& e) {
        // Bad input is reported where the data holds it, when one data value was placed.
        const auto origin = data_.origin_of(markup);
        if (!origin) throw;
        Diagnostic moved = e.diagnostic();
        moved.where = *origin;
        throw Error(std::move(moved));
      }
    };
    return &lambdas_.emplace(name, km::data(apply)).first->second;
  }

  const Helpers& helpers_;
  LazyData& data_;
  const std::string& template_file_;
  std::map<std::string, km::data> lambdas_;
};

// The context kainjow renders in: names resolve through LazyData, "vn." names through
// HelperData; partials come from the template's own table, so data can never shadow them.
class TemplateContext : public km::basic_context<std::string> {
 public:
  TemplateContext(LazyData& data, HelperData& helpers, const std::map<std::string, km::data>& partials,
                  const Template& tmpl)
      : data_(data), helpers_(helpers), partials_(partials), template_(tmpl) {
    stack_.push_back(data_.root());
  }

  // A partial that includes itself through a section (a tree printed by recursion) ends when
  // the data does; one whose section is always true would not, and would overflow the stack.
  void push(const km::data* scope) override {
    if (static_cast<int>(stack_.size()) >= template_.max_depth) {
      fail("limit.depth", "the template '" + template_.name + "' nests sections more than " +
                              std::to_string(template_.max_depth) + " deep: a partial that includes itself without end?",
           {template_.file}, {"raise the limit with --max-depth if the data really nests so deep"});
    }
    partials_since_push_ = 0;
    stack_.push_back(scope);
  }
  void pop() override {
    partials_since_push_ = 0;
    stack_.pop_back();
  }

  const km::data* get(const std::string& name) const override {
    if (name == ".") return stack_.back();
    std::vector<std::string> parts;
    for (std::size_t begin = 0;;) {
      const auto dot = name.find('.', begin);
      parts.push_back(name.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin));
      if (dot == std::string::npos) break;
      begin = dot + 1;
    }
    if (parts.front() == "vn" && parts.size() >= 2) {
      return helpers_.resolve(parts, [this](const std::vector<std::string>& path) { return find(path); });
    }
    return find(parts);
  }

  // Partials included one inside the other with no section between them cannot end; the
  // template loader refuses such cycles (pipeline/templates.h), this stops any it missed.
  const km::data* get_partial(const std::string& name) const override {
    if (++partials_since_push_ > 10000) {
      fail("template.partial-cycle", "the partial '" + name + "' of template '" + template_.name +
                                         "' is included inside itself without end", {template_.file});
    }
    const auto found = partials_.find(name);
    return found == partials_.end() ? nullptr : &found->second;
  }

 private:
  // Looks a dotted name up from the innermost scope out; "@root.a.b" starts at the top of
  // the data, whatever the sections around it.
  const km::data* find(const std::vector<std::string>& parts) const {
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

  LazyData& data_;
  HelperData& helpers_;
  const std::map<std::string, km::data>& partials_;
  const Template& template_;
  std::vector<const km::data*> stack_;
  mutable int partials_since_push_ = 0;
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

std::string render_template(const Template& tmpl, const data::DataTree& tree, const Helpers& helpers) {
  km::mustache compiled(tmpl.text);
  if (!compiled.is_valid()) {
    // kainjow ends its message with " at OFFSET", which the location now says.
    std::string message = compiled.error_message();
    if (const auto at = message.rfind(" at "); at != std::string::npos) message.resize(at);
    std::vector<std::string> hints;
    if (message.rfind("Unclosed section", 0) == 0) hints.push_back("close every {{#name}} with {{/name}}, in order");
    fail("template.syntax", message, locate_kainjow_error(compiled.error_message(), tmpl), std::move(hints));
  }
  // Data values are already markup-safe (rich_text_markup), so escaping again would double it.
  compiled.set_custom_escape([](const std::string& text) { return text; });

  std::map<std::string, km::data> partials;
  for (const auto& [name, text] : tmpl.partials) partials.emplace(name, km::data(text));

  LazyData lazy(tree);
  HelperData helper_data(helpers, lazy, tmpl.file);
  TemplateContext context(lazy, helper_data, partials, tmpl);
  std::string markup = compiled.render(context);
  if (!compiled.is_valid()) {
    fail("template.render", "in a partial of template '" + tmpl.name + "': " + compiled.error_message(), {tmpl.file});
  }
  return markup;
}

std::string markup_to_plain(std::string_view markup) {
  static constexpr std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (std::size_t at = 0; at < markup.size();) {
    if (markup[at] == '<') {
      const auto close = markup.find('>', at);
      at = close == std::string_view::npos ? markup.size() : close + 1;
      continue;
    }
    bool decoded = false;
    for (const auto& [entity, character] : entities) {
      if (markup.substr(at, entity.size()) == entity) {
        out += character;
        at += entity.size();
        decoded = true;
        break;
      }
    }
    if (!decoded) out += markup[at++];
  }
  return out;
}

}  // namespace vanban::mustache
