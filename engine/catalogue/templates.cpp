#include "catalogue/templates.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "base/files.h"
#include "base/prose.h"
#include "base/spelling.h"
#include "data/read_data.h"
#include "mustache/template_tags.h"

namespace vanban::catalogue {

namespace fs = std::filesystem;

namespace {

void add_partials(const Resources& folder, std::string_view within, const std::string& skip, mustache::Template& tmpl,
                  std::size_t max_bytes) {
  for (const auto& file : folder.list(within)) {
    if (file.size() <= 9 || file.compare(file.size() - 9, 9, ".mustache") != 0) continue;
    const std::string path = within.empty() ? file : std::string(within) + "/" + file;
    if (path == skip) continue;
    auto text = folder.read(path, max_bytes);
    if (!text) continue;  // a folder named like a partial
    // Partials beside the template are read after the shared ones and win over them.
    const std::string name = file.substr(0, file.size() - 9);
    tmpl.partials[name] = std::move(*text);
    tmpl.partial_files[name] = folder.describe(path);
  }
}

// A {{> name}} tag in a template's text: its byte offset, and whether a section encloses it
// (then it is included only when the section's data says so, and may recurse with the data).
struct PartialUse {
  std::string name;
  std::size_t offset = 0;
  bool in_section = false;
};

std::vector<PartialUse> partial_uses(const std::string& text) {
  using Kind = mustache::TemplateTag::Kind;
  std::vector<PartialUse> uses;
  int sections = 0;
  for (const auto& tag : mustache::scan_template_tags(text).tags) {
    if (tag.kind == Kind::section || tag.kind == Kind::inverted) ++sections;
    else if (tag.kind == Kind::section_end) --sections;
    else if (tag.kind == Kind::partial) uses.push_back({tag.name, tag.begin, sections > 0});
  }
  return uses;
}

// Refuses a template text kainjow could not parse, or could parse only at a cost out of
// proportion to any document: sections nested deeper than max_depth (kainjow parses and
// renders them by recursion), or nested so that the texts it copies for them would pass
// 64 times the template's size (a 20,000-deep template asked for gigabytes).
void check_syntax(const std::string& text, const std::string& file, int max_depth, std::vector<Diagnostic>& errors) {
  const auto scan = mustache::scan_template_tags(text);
  if (scan.problem) {
    // kainjow's own words, matched by the catalogue's sentences of them.
    Diagnostic syntax{Severity::error, "template.syntax", scan.problem->message, locate_offset(file, text, scan.problem->offset), {}};
    if (scan.problem->message.rfind("Unclosed section", 0) == 0) add_hint(syntax, "close every {{#name}} with {{/name}}, in order");
    errors.push_back(std::move(syntax));
    return;
  }
  if (scan.deepest_nesting > max_depth) {
    errors.push_back(formatted(Severity::error, "limit.depth", "the template nests sections {} deep, more than {}",
                               {std::to_string(scan.deepest_nesting), std::to_string(max_depth)}, SourceLocation{file, 0, 0},
                               {"no document needs this: look for sections left open, or raise the limit with --max-depth"}));
  } else if (scan.nested_text_bytes > 64 * std::max<std::size_t>(text.size(), 1 << 16)) {
    errors.push_back(formatted(Severity::error, "limit.template",
                               "the template's sections nest so that rendering it would copy their text {} MB over",
                               {std::to_string(scan.nested_text_bytes >> 20)}, SourceLocation{file, 0, 0},
                               {"write the sections one after another rather than each inside the last"}));
  }
}

// Refuses, before anything is rendered, the partials a template could not include: a path
// instead of a name (partials never come from outside the template's folder and the shared
// templates/partials), a name with no partial, and a partial that includes itself outside any
// section, which would never end. Every such tag is reported.
void check_partials(const mustache::Template& tmpl) {
  std::vector<Diagnostic> errors;
  check_syntax(tmpl.text, tmpl.file, tmpl.max_depth, errors);
  for (const auto& [name, text] : tmpl.partials) check_syntax(text, tmpl.partial_files.at(name), tmpl.max_depth, errors);
  if (!errors.empty()) throw Error(std::move(errors));
  std::vector<std::string> names;
  for (const auto& entry : tmpl.partials) names.push_back(entry.first);
  const auto place = [&](const std::string& partial, std::size_t offset) {
    if (partial.empty()) return locate_offset(tmpl.file, tmpl.text, offset);
    return locate_offset(tmpl.partial_files.count(partial) ? tmpl.partial_files.at(partial) : partial,
                         tmpl.partials.at(partial), offset);
  };
  // Walks the partials reachable from the main text ("" here); chain holds those being
  // included unconditionally around the current one.
  std::set<std::string> visited;
  std::vector<std::string> chain;
  std::function<void(const std::string&)> visit = [&](const std::string& partial) {
    const std::string& text = partial.empty() ? tmpl.text : tmpl.partials.at(partial);
    for (const auto& use : partial_uses(text)) {
      if (use.name.find_first_of("/\\") != std::string::npos || use.name.rfind('.', 0) == 0) {
        errors.push_back(formatted(Severity::error, "template.partial-path", "'{{> {}}}': a partial is named, not given as a path",
                                   {use.name}, place(partial, use.offset),
                                   {"put the partial as NAME.mustache beside main.mustache (or in templates/partials) "
                                    "and write {{> NAME}}; partials never come from outside the template's folder"}));
        continue;
      }
      if (!tmpl.partials.count(use.name)) {
        Diagnostic unknown = formatted(Severity::error, "template.unknown-partial",
                                       "there is no partial '{}' (no {}.mustache beside the template or in templates/partials)",
                                       {use.name, use.name}, place(partial, use.offset));
        if (const auto near = nearest_name(use.name, names)) add_hint(unknown, {"did you mean '{}'?", {*near}});
        errors.push_back(std::move(unknown));
        continue;
      }
      if (!use.in_section && std::find(chain.begin(), chain.end(), use.name) != chain.end()) {
        std::string cycle;
        for (auto at = std::find(chain.begin(), chain.end(), use.name); at != chain.end(); ++at) cycle += *at + " → ";
        errors.push_back(formatted(Severity::error, "template.partial-cycle",
                                   "the partial '{}' includes itself ({}) outside any section: it would never end",
                                   {use.name, cycle + use.name}, place(partial, use.offset),
                                   {"include a partial in itself only inside a section over data that ends, as a tree's "
                                    "{{#children}}{{> node}}{{/children}}"}));
        continue;
      }
      if (use.in_section) {
        // Included when the data says so: its own unconditional cycles start afresh.
        if (!visited.insert(use.name).second) continue;
        std::vector<std::string> outer;
        std::swap(outer, chain);
        chain.push_back(use.name);
        visit(use.name);
        std::swap(outer, chain);
      } else {
        chain.push_back(use.name);
        visit(use.name);
        chain.pop_back();
        visited.insert(use.name);
      }
    }
  };
  visit("");
  if (!errors.empty()) throw Error(std::move(errors));
}

}  // namespace

TemplateSource find_template(const std::string& name_or_path, const std::shared_ptr<const Resources>& templates,
                             bool allow_paths) {
  const bool is_path = name_or_path.find_first_of("/\\") != std::string::npos ||
                       fs::path(name_or_path).extension() == ".mustache";
  TemplateSource source;
  source.shared = templates;
  std::string looked_at;
  if (is_path && allow_paths) {
    std::error_code error;
    const fs::path main = fs::is_directory(name_or_path, error) ? fs::path(name_or_path) / "main.mustache" : fs::path(name_or_path);
    source.name = main.parent_path().filename().string();
    source.folder = folder_resources(main.parent_path().string());
    source.main = main.filename().string();
    looked_at = main.string();
  } else if (!is_path && !name_or_path.empty() && name_or_path.front() != '.') {
    source.name = name_or_path;
    source.folder = sub_resources(templates, name_or_path);
    looked_at = templates->describe(name_or_path + "/main.mustache");
  }
  bool found = false;
  if (source.folder) {
    const auto names = source.folder->list("");
    found = std::binary_search(names.begin(), names.end(), source.main);
  }
  if (!found) {
    std::vector<Hint> hints;
    if (!is_path) {
      std::vector<std::string> names;
      for (const auto& entry : templates->list("")) {
        const auto inside = templates->list(entry);
        if (std::binary_search(inside.begin(), inside.end(), std::string("main.mustache"))) names.push_back(entry);
      }
      if (const auto near = nearest_name(name_or_path, names)) hints.push_back({"did you mean '{}'?", {*near}});
    } else if (!allow_paths) {
      hints.push_back("a template is named here, never given as a path");
    }
    if (looked_at.empty()) {
      fail_with("template.not-found", "no template '{}' (not a template's name; 'vanban templates' lists the built-in ones)",
                {name_or_path}, {}, std::move(hints));
    }
    fail_with("template.not-found", "no template '{}' (looked for {}; 'vanban templates' lists the built-in ones)",
              {name_or_path, looked_at}, {}, std::move(hints));
  }
  return source;
}

namespace {

std::string text_field(const data::Value& map, std::string_view name) {
  const data::Value* value = map.find(name);
  return value && value->kind == data::Value::Kind::text ? value->plain_text() : std::string();
}

// One <field> of a declaration: name, required, kind, list, max, and its description.
TemplateField read_field_declaration(const data::Value& field) {
  TemplateField declared;
  declared.where = field.where;
  if (field.kind == data::Value::Kind::map) {
    for (const auto& attribute : field.fields) {
      static const std::set<std::string> known{"name", "required", "kind", "list", "max", "label", "aliases", "text"};
      if (!known.count(attribute.name)) {
        fail_with("template.declaration", "a <field> has no attribute '{}'", {attribute.name}, field.where,
             {"a field takes name, required, kind, list, max, label and aliases (docs/templates.md, \"Declaring a template\")"});
      }
    }
    declared.path = text_field(field, "name");
    const auto yes_no = [&](const char* name) {
      const std::string value = text_field(field, name);
      if (!value.empty() && value != "yes" && value != "no") {
        fail_with("template.declaration", "{}=\"{}\": write yes or no", {name, value}, field.where);
      }
      return value == "yes";
    };
    declared.required = yes_no("required");
    if (yes_no("list")) declared.max = 0;
    if (const std::string max = text_field(field, "max"); !max.empty()) {
      if (max.size() > 4 || max.find_first_not_of("0123456789") != std::string::npos || std::stoi(max) < 1) {
        fail_with("template.declaration", "max=\"{}\": write how many values at most, 1 or more", {max}, field.where);
      }
      declared.max = std::stoi(max);
    }
    if (const std::string kind = text_field(field, "kind"); !kind.empty()) {
      if (!check::parse_kind(kind, declared.kind)) {
        fail_with("template.declaration", "kind=\"{}\" is not a kind of field", {kind}, field.where,
             {"the kinds are text, inline, date, number, notation, image, flag, group and body"});
      }
      declared.kind_given = true;
    }
    declared.label = trim_space(text_field(field, "label"));
    // aliases="Họ tên; Tên": a header may hold a comma ("Chức vụ, đơn vị"), never a semicolon.
    const std::string aliases = text_field(field, "aliases");
    for (std::size_t from = 0; from < aliases.size();) {
      const std::size_t end = std::min(aliases.find(';', from), aliases.size());
      if (std::string alias = trim_space(aliases.substr(from, end - from)); !alias.empty()) declared.aliases.push_back(std::move(alias));
      from = end + 1;
    }
    if (!declared.aliases.empty() && declared.label.empty()) {
      fail("template.declaration", "a <field> with aliases needs its label=\"…\" too: the header shown first", field.where);
    }
    declared.description = text_field(field, "text");
  }
  if (declared.path.empty()) fail("template.declaration", "a <field> needs a name=\"…\" attribute", field.where);
  return declared;
}

}  // namespace

check::TemplateRules TemplateInfo::rules(bool lenient) const { return {name, type, contract, lenient, profile}; }

mustache::Template load_template(const TemplateSource& source, const Limits& limits) {
  mustache::Template tmpl;
  tmpl.name = source.name;
  tmpl.file = source.folder->describe(source.main);
  tmpl.max_depth = limits.max_depth;
  // Markup a few times the data's size at most; at least the default, for a raised limit more.
  tmpl.max_output_bytes = std::max(tmpl.max_output_bytes, 8 * limits.max_input_bytes);
  tmpl.max_steps = std::max(tmpl.max_steps, tmpl.max_output_bytes / 16);
  auto text = source.folder->read(source.main, limits.max_input_bytes);
  if (!text) fail_with("template.not-found", "no template file {}", {tmpl.file});
  tmpl.text = std::move(*text);
  if (source.shared) add_partials(*source.shared, "partials", "", tmpl, limits.max_input_bytes);
  add_partials(*source.folder, "", source.main, tmpl, limits.max_input_bytes);
  check_partials(tmpl);
  return tmpl;
}

// templates/NAME/template.xml, read as data (docs/templates.md, "Declaring a template"):
//   <template>
//     <summary>…</summary> <summary-vi>…</summary-vi> <type>Chương trình</type> <sample>chuong-trinh-dai-hoi.xml</sample>
//     <field name="signer/name" required="yes">the signer's full name</field>
//     <field name="session" list="yes" required="yes">…</field>
//     <field name="session/title" kind="text">…</field> …
//   </template>
TemplateInfo load_template_info(const TemplateSource& source) {
  TemplateInfo info;
  info.name = source.name;
  const auto declaration = source.folder->read("template.xml", Limits{}.max_input_bytes);
  if (!declaration) return info;
  const data::DataTree tree = data::read_data(*declaration, source.folder->describe("template.xml"));
  if (tree.root_name != "template") {
    fail_with("template.declaration", "a template declaration's root element is <template>, not <{}>", {tree.root_name},
              tree.root.where);
  }
  info.summary = text_field(tree.root, "summary");
  info.summary_vi = text_field(tree.root, "summary-vi");
  info.type = text_field(tree.root, "type");
  info.sample = text_field(tree.root, "sample");
  if (const std::string profile = text_field(tree.root, "profile"); profile == "party") {
    info.profile = check::Profile::party;
  } else if (!profile.empty() && profile != "state") {
    fail_with("template.declaration", "<profile> is 'state' (Decree 30, the default) or 'party' (Hướng dẫn 36-HD/VPTW), not '{}'",
              {profile}, tree.root.find("profile")->where);
  }
  // The fields in order: the template's own, and those of the shared partials it names
  // (<fields from="closing"/>, declared in templates/partials/closing.xml). A field the
  // template declares itself wins over a shared declaration of the same path.
  std::set<std::string> own;
  for (const auto& entry : tree.root.fields) {
    if (entry.name == "field") own.insert(text_field(entry.get(), "name"));
  }
  for (const auto& entry : tree.root.fields) {
    if (entry.name == "field") {
      info.fields.push_back(read_field_declaration(entry.get()));
    } else if (entry.name == "fields") {
      const std::string from = text_field(entry.get(), "from");
      if (from.empty() || from.find_first_of("/\\.") != std::string::npos) {
        fail("template.declaration", "<fields from=\"…\"> names a shared partial of templates/partials", entry.get().where);
      }
      const std::string file = "partials/" + from + ".xml";
      const auto text = source.shared ? source.shared->read(file, Limits{}.max_input_bytes) : std::nullopt;
      if (!text) {
        fail_with("template.declaration", "there is no declaration of the partial '{}' (no {})",
                  {from, source.shared ? source.shared->describe(file) : file}, entry.get().where);
      }
      const data::DataTree partial = data::read_data(*text, source.shared->describe(file));
      for (const auto& field : partial.root.fields) {
        if (field.name == "field" && !own.count(text_field(field.get(), "name"))) {
          info.fields.push_back(read_field_declaration(field.get()));
        }
      }
    }
  }
  info.contract = check::make_contract(info.name, info.fields);
  // A field declared without a kind is a group when fields are declared below it.
  for (auto& field : info.fields) {
    const check::FieldSpec* spec = &info.contract.root;
    for (std::size_t from = 0; spec && from <= field.path.size();) {
      const std::size_t slash = std::min(field.path.find('/', from), field.path.size());
      spec = check::find_field(*spec, field.path.substr(from, slash - from));
      from = slash + 1;
    }
    if (spec) field.kind = spec->kind;
  }
  return info;
}

std::vector<TemplateInfo> list_templates(const std::shared_ptr<const Resources>& templates) {
  std::vector<TemplateInfo> all;
  for (const auto& entry : templates->list("")) {
    const auto inside = templates->list(entry);
    if (std::binary_search(inside.begin(), inside.end(), std::string("main.mustache"))) {
      all.push_back(load_template_info(find_template(entry, templates, false)));
    }
  }
  return all;
}

}  // namespace vanban::catalogue
