#include "mustache/render_template.h"

#include <charconv>
#include <deque>
#include <optional>
#include <tuple>
#include <set>
#include <unordered_map>

#include <kainjow/mustache.hpp>

#include "base/limits.h"
#include "mustache/template_tags.h"

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

// A placed value is wrapped as U+FDD0, its number in hexadecimal digits U+FDE0–U+FDEF,
// U+FDD1, its markup, U+FDD2: noncharacters, which Unicode keeps for a program's own use
// and the data is refused for holding (text::find_forbidden_character).
constexpr std::string_view mark_open = "\xEF\xB7\x90", mark_start = "\xEF\xB7\x91", mark_close = "\xEF\xB7\x92";

std::string mark_of(std::size_t id) {
  std::string digits;
  do {
    const auto digit = static_cast<char>(0xA0 + (id & 15));  // U+FDE0 + digit: EF B7 A0+digit
    digits.insert(0, std::string("\xEF\xB7") + digit);
    id >>= 4;
  } while (id > 0);
  return std::string(mark_open) + digits + std::string(mark_start);
}

// Whether the noncharacter at at is one of the marks, and which.
enum class Mark { none, open, digit, start, close };
Mark mark_at(std::string_view text, std::size_t at) {
  if (at + 3 > text.size() || text[at] != '\xEF' || text[at + 1] != '\xB7') return Mark::none;
  const auto third = static_cast<unsigned char>(text[at + 2]);
  if (third == 0x90) return Mark::open;
  if (third == 0x91) return Mark::start;
  if (third == 0x92) return Mark::close;
  if (third >= 0xA0 && third <= 0xAF) return Mark::digit;
  return Mark::none;
}

// Takes the marks out of marked markup: the clean markup, and for each marked value its
// span there and its number, in the order of the starts.
struct Unmarked {
  std::string text;
  struct Span {
    std::size_t begin, end, id;
  };
  std::vector<Span> spans;
};

Unmarked unmark(std::string_view marked) {
  Unmarked out;
  out.text.reserve(marked.size());
  std::vector<std::size_t> open;  // indices into out.spans
  for (std::size_t at = 0; at < marked.size();) {
    const Mark mark = mark_at(marked, at);
    if (mark == Mark::open) {
      std::size_t id = 0;
      at += 3;
      while (mark_at(marked, at) == Mark::digit) {
        id = id * 16 + (static_cast<unsigned char>(marked[at + 2]) - 0xA0);
        at += 3;
      }
      if (mark_at(marked, at) == Mark::start) at += 3;
      open.push_back(out.spans.size());
      out.spans.push_back({out.text.size(), out.text.size(), id});
    } else if (mark == Mark::close) {
      at += 3;
      if (!open.empty()) {
        out.spans[open.back()].end = out.text.size();
        open.pop_back();
      }
    } else if (mark != Mark::none) {
      at += 3;  // a stray digit or start mark: never made, dropped
    } else {
      out.text += marked[at++];
    }
  }
  return out;
}

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
  explicit LazyData(const data::DataTree& tree) : root_node_(tree.root) {}

  const km::data* root() { return value_of(root_node_); }

  // The text values placed so far, by the number their marks carry.
  const std::vector<const data::Value*>& marked() const { return marked_; }

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
        fail_with("template.sort-key", "vn.{} sorts '{}' by its field '{}', which this element does not have (used in {})",
                  {order_name, field->name, key_field, template_file}, element.where);
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
  // (text), so that the name is looked for further out.
  //
  // A scope that is a map answers every name: its own field, or false. Plain Mustache would
  // look further out, so an item without a title would find the title of the section around
  // it; here a name always means the innermost map's own field.
  const km::data* lookup(const km::data* scope, const std::string& name) {
    const auto found = scopes_.find(scope);
    if (found == scopes_.end() || (!found->second.map && !found->second.entry)) return nullptr;
    const Scope& where = found->second;
    if (where.entry) {  // an entry of `content`: {name: value}
      if (name == where.entry->name) return value_of(where.entry->get());
    } else {
      if (const km::data* field = field_of(*where.map, name)) return field;
    }
    return &false_;
  }

 private:
  struct Scope {
    const data::Value* map = nullptr;
    const data::Field* entry = nullptr;  // set for an entry of `content`
    // An element of a list: its place in it, for @first and @last (count 0: not in a list).
    std::size_t index = 0, count = 0;
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
      if (value.text.empty()) {
        made = &false_;
      } else {
        made = store(km::data(mark_of(marked_.size()) + rich_text_markup(value.text) + std::string(mark_close)));
        marked_.push_back(&value);
        scopes_.emplace(made, Scope{nullptr, nullptr, 0, 1});  // a value alone is a list of one
      }
    } else {
      made = make_scope({&value, nullptr, 0, 1});
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
      const Scope scope{entries || value.kind != data::Value::Kind::map ? nullptr : &value, entries ? fields[i] : nullptr, i,
                        fields.size()};
      scopes_.emplace(&elements[i], scope);
    }
    return stored;
  }

 public:
  // @first and @last: whether the innermost list element among the scopes is its list's
  // first or last; nullptr outside any list.
  const km::data* position_in_list(const std::vector<const km::data*>& stack, bool last) const {
    for (auto scope = stack.rbegin(); scope != stack.rend(); ++scope) {
      const auto found = scopes_.find(*scope);
      if (found == scopes_.end() || found->second.count == 0) continue;
      const bool at = last ? found->second.index + 1 == found->second.count : found->second.index == 0;
      return at ? &true_ : &false_;
    }
    return nullptr;
  }

 private:

  const data::Value& root_node_;
  std::vector<const data::Value*> marked_;
  std::deque<km::data> storage_;
  std::unordered_map<const km::data*, Scope> scopes_;
  std::unordered_map<const data::Value*, const km::data*> values_;
  std::map<std::pair<const data::Value*, std::string>, const km::data*> fields_;
  std::unordered_map<const km::data*, std::vector<const data::Field*>> sources_;
  std::map<std::tuple<const km::data*, std::string, std::string>, const km::data*> sorted_;
  const km::data false_{false};
  const km::data true_{true};
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
    fail_with("template.unknown-helper", "'{}' is not a helper; the helpers are:{}", {full_name, known}, {template_file_});
  }

 private:
  const km::data* lambda_for(const std::string& name, const Helpers::Formatter& formatter) {
    if (const auto made = lambdas_.find(name); made != lambdas_.end()) return &made->second;
    km::lambda2 apply = [this, &formatter](const std::string& section, const km::renderer& render) {
      // The helper formats the section's text without the marks of the values in it; its
      // result carries them again, so that those values count as placed where it is.
      const Unmarked markup = unmark(render(section));
      const SourceLocation in_template{template_file_};
      std::string result;
      try {
        if (formatter.per_text_run) {
          result = map_text_runs(markup.text, [&](const std::string& text) { return formatter.apply(text, in_template); });
        } else {
          result = escape_markup(formatter.apply(markup_to_plain(markup.text), in_template));
        }
      } catch (const Error& e) {
        // Bad input is reported where the data holds it, when a data value was placed.
        if (markup.spans.empty()) throw;
        Diagnostic moved = e.diagnostic();
        const std::size_t id = markup.spans.front().id;
        if (id >= data_.marked().size()) throw;
        moved.where = data_.marked()[id]->where;
        throw Error(std::move(moved));
      }
      if (result.empty()) return result;
      std::string wrapped;
      for (const auto& span : markup.spans) wrapped += mark_of(span.id);
      wrapped += result;
      for (std::size_t k = 0; k < markup.spans.size(); ++k) wrapped += mark_close;
      return wrapped;
    };
    return &lambdas_.emplace(name, km::data(apply)).first->second;
  }

  const Helpers& helpers_;
  LazyData& data_;
  const std::string& template_file_;
  std::map<std::string, km::data> lambdas_;
};

[[noreturn]] void fail_output_limit(const Template& tmpl) {
  fail_with("limit.template-output", "the template '{}' makes more than {} MB of markup from this data: sections over "
            "the same list nested in one another?", {tmpl.name, std::to_string(tmpl.max_output_bytes >> 20)}, {tmpl.file}, {"a section inside itself repeats its list once for every item of it"});
}

// Where kainjow writes the markup: refuses to grow past the template's limit.
class BoundedMarkup {
 public:
  explicit BoundedMarkup(const Template& tmpl) : template_(tmpl) {}
  BoundedMarkup& operator<<(const std::string& text) {
    if (text.size() > template_.max_output_bytes - markup_.size()) fail_output_limit(template_);
    markup_ += text;
    return *this;
  }
  std::string& markup() { return markup_; }

 private:
  const Template& template_;
  std::string markup_;
};

// The texts of a template as kainjow parsed them (CompiledTemplate).
struct ParsedTexts {
  std::optional<km::mustache> main;
  // Each partial parsed, its own {{> name}} tags made into calls (call_parsed_partials).
  std::map<std::string, km::mustache> partials;
  // The partials' texts, for kainjow's own {{> name}} in a text that sets other delimiters.
  std::map<std::string, km::data> partial_texts;
};

// The name a partial's call is looked up by: ">" and the partial's name, which no data name
// can shadow, as TemplateContext answers it first.
constexpr char partial_call_sigil = '>';

// The context kainjow renders in: names resolve through LazyData, "vn." names through
// HelperData; partials come from the template's own table, so data can never shadow them.
class TemplateContext : public km::basic_context<std::string> {
 public:
  TemplateContext(LazyData& data, HelperData& helpers, const ParsedTexts& parsed, const Template& tmpl)
      : data_(data), helpers_(helpers), parsed_(parsed), template_(tmpl) {
    stack_.push_back(data_.root());
  }

  // A partial that includes itself through a section (a tree printed by recursion) ends when
  // the data does; one whose section is always true would not, and would overflow the stack.
  void push(const km::data* scope) override {
    count_step();
    if (static_cast<int>(stack_.size()) >= depth_limit(template_.max_depth)) {
      fail_with("limit.depth", "the template '{}' nests sections more than {} deep: a partial that includes itself "
                "without end?", {template_.name, std::to_string(template_.max_depth)}, {template_.file}, {"raise the limit with --max-depth if the data really nests so deep"});
    }
    partials_since_push_ = 0;
    stack_.push_back(scope);
  }
  void pop() override {
    partials_since_push_ = 0;
    stack_.pop_back();
  }

  const km::data* get(const std::string& name) const override {
    count_step();
    if (name == ".") return stack_.back();
    if (!name.empty() && name.front() == partial_call_sigil) return partial_call(name.substr(1));
    if (name == "@first" || name == "@last") return data_.position_in_list(stack_, name == "@last");
    const std::vector<std::string> parts = split_dotted_name(name);
    if (parts.front() == "vn" && parts.size() >= 2) {
      return helpers_.resolve(parts, [this](const std::vector<std::string>& path) { return find(path); });
    }
    return find(parts);
  }

  // Partials included one inside the other with no section between them cannot end; the
  // template loader refuses such cycles (catalogue/templates.h), this stops any it missed.
  const km::data* get_partial(const std::string& name) const override {
    count_inclusion(name);
    const auto found = parsed_.partial_texts.find(name);
    return found == parsed_.partial_texts.end() ? nullptr : &found->second;
  }

 private:
  void count_inclusion(const std::string& name) const {
    if (++partials_since_push_ > 10000) {
      fail_with("template.partial-cycle", "the partial '{}' of template '{}' is included inside itself without end",
                {name, template_.name}, {template_.file});
    }
  }

  // A section-lambda that renders the parsed partial in this context, where kainjow's own
  // inclusion would: the scopes, the steps and the depth are this render's. Each render
  // works on its own copy of a partial (kainjow records errors in the parsed object).
  const km::data* partial_call(const std::string& name) const {
    if (const auto made = partial_calls_.find(name); made != partial_calls_.end()) return &made->second;
    if (!parsed_.partials.count(name)) return nullptr;  // as kainjow does; the loader refuses unknown partials
    km::lambda2 call = [this, name](const std::string&, const km::renderer&) {
      count_inclusion(name);
      auto copy = partial_copies_.find(name);
      if (copy == partial_copies_.end()) copy = partial_copies_.emplace(name, parsed_.partials.at(name)).first;
      PartialOutput output;
      copy->second.render(const_cast<TemplateContext&>(*this), output);
      if (!copy->second.is_valid()) {
        fail_with("template.render", "in the partial '{}' of template '{}': {}", {name, template_.name, copy->second.error_message()},
                  {template_.file});
      }
      return std::move(output.text);
    };
    return &partial_calls_.emplace(name, km::data(call)).first->second;
  }

  struct PartialOutput {
    std::string text;
    PartialOutput& operator<<(const std::string& more) {
      text += more;
      return *this;
    }
  };

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

  // Every section entered and name looked up: text between them is the template's own, so
  // the steps bound the markup even on a line kainjow has not yet handed over.
  void count_step() const {
    if (++steps_ > template_.max_steps) fail_output_limit(template_);
  }

  LazyData& data_;
  HelperData& helpers_;
  const ParsedTexts& parsed_;
  const Template& template_;
  mutable std::map<std::string, km::data> partial_calls_;
  mutable std::map<std::string, km::mustache> partial_copies_;
  std::vector<const km::data*> stack_;
  mutable int partials_since_push_ = 0;
  mutable std::size_t steps_ = 0;
};

// kainjow reports parse errors as '... at N' with a byte offset; turn it into line:col.
SourceLocation locate_kainjow_error(const std::string& message, const std::string& file, const std::string& text) {
  const auto at = message.rfind(" at ");
  if (at != std::string::npos) {
    std::size_t offset = 0;
    const char* begin = message.data() + at + 4;
    const char* end = message.data() + message.size();
    if (std::from_chars(begin, end, offset).ec == std::errc()) {
      return locate_offset(file, text, offset);
    }
  }
  return {file};
}

// Parses a text, or throws its syntax error at its place in file.
km::mustache parse_text(const std::string& text, const std::string& file) {
  km::mustache parsed(text);
  if (!parsed.is_valid()) {
    // kainjow ends its message with " at OFFSET", which the location now says.
    std::string message = parsed.error_message();
    if (const auto at = message.rfind(" at "); at != std::string::npos) message.resize(at);
    std::vector<Hint> hints;
    if (message.rfind("Unclosed section", 0) == 0) hints.push_back("close every {{#name}} with {{/name}}, in order");
    fail("template.syntax", message, locate_kainjow_error(parsed.error_message(), file, text), std::move(hints));
  }
  // Data values are already markup-safe (rich_text_markup), so escaping again would double it.
  parsed.set_custom_escape([](const std::string& escaped) { return escaped; });
  return parsed;
}

// The text with each {{> name}} as {{#>name}}{{/>name}}, a section over the partial's call
// (TemplateContext::partial_call); a text with a set-delimiter tag is left as it is, for
// kainjow to include its partials itself.
std::string call_parsed_partials(const std::string& text) {
  using Kind = TemplateTag::Kind;
  const TagScan scan = scan_template_tags(text);
  if (scan.problem) return text;
  std::string out;
  std::size_t copied = 0;
  for (const auto& tag : scan.tags) {
    if (tag.kind == Kind::set_delimiter) return text;
    if (tag.kind != Kind::partial) continue;
    out.append(text, copied, tag.begin - copied);
    const std::string call = std::string(1, partial_call_sigil) + tag.name;
    out += "{{#" + call + "}}{{/" + call + "}}";
    copied = tag.end;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

// Parses a text and then its calling form: errors are placed in the text as written.
km::mustache parse_calling_partials(const std::string& text, const std::string& file) {
  km::mustache parsed = parse_text(text, file);
  const std::string calling = call_parsed_partials(text);
  if (calling == text) return parsed;
  return parse_text(calling, file);
}

}  // namespace

struct CompiledTemplate::Parsed : ParsedTexts {};

CompiledTemplate::CompiledTemplate(Template tmpl) : template_(std::move(tmpl)) {
  auto parsed = std::make_unique<Parsed>();
  parsed->main.emplace(parse_calling_partials(template_.text, template_.file));
  for (const auto& [name, text] : template_.partials) {
    const auto file = template_.partial_files.find(name);
    parsed->partials.emplace(name, parse_calling_partials(text, file == template_.partial_files.end() ? name : file->second));
    parsed->partial_texts.emplace(name, km::data(text));
  }
  parsed_ = std::move(parsed);
}

CompiledTemplate::~CompiledTemplate() = default;
CompiledTemplate::CompiledTemplate(CompiledTemplate&&) noexcept = default;
CompiledTemplate& CompiledTemplate::operator=(CompiledTemplate&&) noexcept = default;

Rendered render_template(const CompiledTemplate& compiled, const data::DataTree& tree, const Helpers& helpers) {
  const Template& tmpl = compiled.source();
  km::mustache main = *compiled.parsed_->main;  // this render's copy: kainjow records its errors in it
  LazyData lazy(tree);
  HelperData helper_data(helpers, lazy, tmpl.file);
  TemplateContext context(lazy, helper_data, *compiled.parsed_, tmpl);
  BoundedMarkup output(tmpl);
  main.render(context, output);
  const std::string marked = std::move(output.markup());
  if (!main.is_valid()) {
    fail_with("template.render", "in a partial of template '{}': {}", {tmpl.name, main.error_message()}, {tmpl.file});
  }
  Unmarked unmarked = unmark(marked);
  Rendered rendered;
  rendered.markup = std::move(unmarked.text);
  rendered.placed.reserve(unmarked.spans.size());
  for (const auto& span : unmarked.spans) {
    if (span.id < lazy.marked().size()) rendered.placed.push_back({span.begin, span.end, lazy.marked()[span.id]});
  }
  return rendered;
}

Rendered render_template(const Template& tmpl, const data::DataTree& tree, const Helpers& helpers) {
  return render_template(CompiledTemplate(tmpl), tree, helpers);
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
    if (mark_at(markup, at) != Mark::none) {
      at += 3;
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
