#include "pipeline/templates.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "base/files.h"
#include "base/prose.h"
#include "base/spelling.h"
#include "data/read_data.h"

namespace vanban::pipeline {

namespace fs = std::filesystem;

namespace {

void add_partials(const fs::path& folder, const fs::path& skip, mustache::Template& tmpl) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const auto& path = entry.path();
    if (path.extension() != ".mustache" || path == skip) continue;
    // Partials beside the template are read after the shared ones and win over them.
    tmpl.partials[path.stem().string()] = read_file(path.string());
    tmpl.partial_files[path.stem().string()] = path.string();
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
  std::vector<PartialUse> uses;
  int sections = 0;
  for (const auto& tag : template_tags(text)) {
    if (tag.sigil == '#' || tag.sigil == '^') ++sections;
    else if (tag.sigil == '/') --sections;
    else if (tag.sigil == '>') uses.push_back({tag.name, tag.offset, sections > 0});
  }
  return uses;
}

// Refuses, before anything is rendered, the partials a template could not include: a path
// instead of a name (partials never come from outside the template's folder and the shared
// templates/partials), a name with no partial, and a partial that includes itself outside any
// section, which would never end. Every such tag is reported.
void check_partials(const mustache::Template& tmpl) {
  std::vector<Diagnostic> errors;
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
        errors.push_back({Severity::error, "template.partial-path",
                          "'{{> " + use.name + "}}': a partial is named, not given as a path",
                          place(partial, use.offset),
                          {"put the partial as NAME.mustache beside main.mustache (or in templates/partials) "
                           "and write {{> NAME}}; partials never come from outside the template's folder"}});
        continue;
      }
      if (!tmpl.partials.count(use.name)) {
        Diagnostic unknown{Severity::error, "template.unknown-partial",
                           "there is no partial '" + use.name + "' (no " + use.name + ".mustache beside the template "
                           "or in templates/partials)", place(partial, use.offset), {}};
        if (const auto near = nearest_name(use.name, names)) unknown.hints.push_back("did you mean '" + *near + "'?");
        errors.push_back(std::move(unknown));
        continue;
      }
      if (!use.in_section && std::find(chain.begin(), chain.end(), use.name) != chain.end()) {
        std::string cycle;
        for (auto at = std::find(chain.begin(), chain.end(), use.name); at != chain.end(); ++at) cycle += *at + " → ";
        errors.push_back({Severity::error, "template.partial-cycle",
                          "the partial '" + use.name + "' includes itself (" + cycle + use.name +
                              ") outside any section: it would never end",
                          place(partial, use.offset),
                          {"include a partial in itself only inside a section over data that ends, as a tree's "
                           "{{#children}}{{> node}}{{/children}}"}});
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

struct Located {
  fs::path main;
  std::string name;
};

Located locate_template(const std::string& name_or_path, const std::string& home) {
  const fs::path templates = fs::path(home) / "templates";
  const bool is_path = name_or_path.find('/') != std::string::npos || fs::path(name_or_path).extension() == ".mustache";
  std::error_code error;
  fs::path main;
  if (is_path) {
    main = fs::is_directory(name_or_path, error) ? fs::path(name_or_path) / "main.mustache" : fs::path(name_or_path);
  } else {
    main = templates / name_or_path / "main.mustache";
  }
  if (!fs::is_regular_file(main, error)) {
    fail("template.not-found", "no template '" + name_or_path + "' (looked for " + main.string() +
                                   "; 'vanban templates' lists the built-in ones)");
  }
  return {main, is_path ? main.parent_path().filename().string() : name_or_path};
}

std::string text_field(const data::Value& map, std::string_view name) {
  const data::Value* value = map.find(name);
  return value && value->kind == data::Value::Kind::text ? value->plain_text() : std::string();
}

}  // namespace

std::vector<TemplateTag> template_tags(std::string_view text) {
  std::vector<TemplateTag> tags;
  for (auto open = text.find("{{"); open != std::string_view::npos;) {
    const auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string inside = trim_space(text.substr(open + 2, close - open - 2));
    if (!inside.empty() && inside[0] == '=') break;
    TemplateTag tag;
    tag.offset = open;
    if (!inside.empty() && std::string_view("#^/>&{!").find(inside[0]) != std::string_view::npos) {
      tag.sigil = inside[0];
      inside = trim_space(std::string_view(inside).substr(1));
    }
    tag.name = std::move(inside);
    tags.push_back(std::move(tag));
    open = text.find("{{", close + 2);
  }
  return tags;
}

check::TemplateRules TemplateInfo::rules() const {
  check::TemplateRules rules{name, type, {}, {}};
  for (const auto& field : fields) {
    if (field.required) rules.required.push_back({field.path, field.description});
    rules.declared.push_back(field.path);
  }
  return rules;
}

mustache::Template load_template(const std::string& name_or_path, const std::string& home) {
  const Located located = locate_template(name_or_path, home);
  mustache::Template tmpl;
  tmpl.name = located.name;
  tmpl.file = located.main.string();
  tmpl.text = read_file(located.main.string());
  add_partials(fs::path(home) / "templates" / "partials", located.main, tmpl);
  add_partials(located.main.parent_path(), located.main, tmpl);
  check_partials(tmpl);
  return tmpl;
}

// templates/NAME/template.xml, read as data (docs/templates.md, "Declaring a template"):
//   <template>
//     <summary>…</summary> <type>Chương trình</type> <sample>chuong-trinh-dai-hoi.xml</sample>
//     <field name="signer/name" required="yes">the signer's full name</field> …
//   </template>
TemplateInfo load_template_info(const std::string& name_or_path, const std::string& home) {
  const Located located = locate_template(name_or_path, home);
  TemplateInfo info;
  info.name = located.name;
  info.folder = located.main.parent_path().string();
  const fs::path declaration = located.main.parent_path() / "template.xml";
  std::error_code error;
  if (!fs::is_regular_file(declaration, error)) return info;
  const data::DataTree tree = data::read_data(read_file(declaration.string()), declaration.string());
  if (tree.root_name != "template") {
    fail("template.declaration", "a template declaration's root element is <template>, not <" + tree.root_name + ">",
         tree.root.where);
  }
  info.summary = text_field(tree.root, "summary");
  info.type = text_field(tree.root, "type");
  info.sample = text_field(tree.root, "sample");
  for (const auto& entry : tree.root.fields) {
    if (entry.name != "field") continue;
    const data::Value& field = entry.get();
    TemplateField declared;
    if (field.kind == data::Value::Kind::map) {
      declared.path = text_field(field, "name");
      const std::string required = text_field(field, "required");
      if (!required.empty() && required != "yes" && required != "no") {
        fail("template.declaration", "required=\"" + required + "\": write yes or no", field.where);
      }
      declared.required = required == "yes";
      declared.description = text_field(field, "text");
    }
    if (declared.path.empty()) fail("template.declaration", "a <field> needs a name=\"…\" attribute", field.where);
    info.fields.push_back(std::move(declared));
  }
  return info;
}

std::vector<TemplateInfo> list_templates(const std::string& home) {
  std::vector<TemplateInfo> all;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(fs::path(home) / "templates", error)) {
    if (fs::is_regular_file(entry.path() / "main.mustache", error)) {
      all.push_back(load_template_info(entry.path().filename().string(), home));
    }
  }
  std::sort(all.begin(), all.end(), [](const TemplateInfo& a, const TemplateInfo& b) { return a.name < b.name; });
  return all;
}

}  // namespace vanban::pipeline
