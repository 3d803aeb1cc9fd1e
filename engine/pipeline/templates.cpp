#include "pipeline/templates.h"

#include <algorithm>
#include <filesystem>

#include "base/files.h"
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
  }
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

check::TemplateRules TemplateInfo::rules() const {
  check::TemplateRules rules{name, type, {}};
  for (const auto& field : fields) {
    if (field.required) rules.required.push_back({field.path, field.description});
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
