#include "pipeline/generate.h"

#include <cstdlib>
#include <filesystem>

#include "base/files.h"
#include "data/read_data.h"
#include "markup/parse_markup.h"
#include "text/font.h"
#include "text/formats.h"

namespace vanban::pipeline {

namespace fs = std::filesystem;

namespace {

bool is_home(const fs::path& folder) {
  std::error_code ignored;
  return fs::is_directory(folder / "templates", ignored) && fs::is_directory(folder / "fonts", ignored);
}

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

// Checks every field named "date" holds an ISO date that exists, so that a bad date is
// reported at its place in the data file, not in the markup the template made of it.
void check_dates(const data::Value& value) {
  for (const auto& field : value.fields) {
    const auto& child = field.get();
    if (field.name == "date" && child.kind == data::Value::Kind::text && !child.text.empty()) {
      text::parse_iso_date(child.plain_text(), child.where);
    }
    if (child.kind == data::Value::Kind::map) check_dates(child);
  }
}

}  // namespace

std::string find_home(const std::string& executable_path) {
  if (const char* env = std::getenv("VANBAN_HOME"); env && *env) return env;
  std::error_code error;
  fs::path exe = fs::canonical(fs::path(executable_path), error);
  if (error) exe = fs::absolute(fs::path(executable_path), error);
  const fs::path installed = exe.parent_path().parent_path() / "share" / "vanban";
  if (is_home(installed)) return installed.string();
  for (fs::path folder = exe.parent_path(); !folder.empty(); folder = folder.parent_path()) {
    if (is_home(folder)) return folder.string();
    if (folder == folder.root_path()) break;
  }
  return fs::current_path(error).string();
}

mustache::Template load_template(const std::string& name_or_path, const std::string& home) {
  const fs::path templates = fs::path(home) / "templates";
  fs::path main;
  const bool is_path = name_or_path.find('/') != std::string::npos || fs::path(name_or_path).extension() == ".mustache";
  std::error_code error;
  if (is_path) {
    main = fs::is_directory(name_or_path, error) ? fs::path(name_or_path) / "main.mustache" : fs::path(name_or_path);
  } else {
    main = templates / name_or_path / "main.mustache";
  }
  if (!fs::is_regular_file(main, error)) {
    fail("template.not-found", "no template '" + name_or_path + "' (looked for " + main.string() + ")");
  }
  mustache::Template tmpl;
  tmpl.name = is_path ? main.parent_path().filename().string() : name_or_path;
  tmpl.file = main.string();
  tmpl.text = read_file(main.string());
  add_partials(templates / "partials", main, tmpl);
  add_partials(main.parent_path(), main, tmpl);
  return tmpl;
}

Generated generate(const std::string& data, const std::string& data_name, const GenerateOptions& options) {
  Generated out;
  // 1. Data: XML -> DataTree.
  const data::DataTree tree = data::read_data(data, data_name);
  check_dates(tree.root);
  // 2. Template: the one asked for, else the one the data names.
  std::string template_name = options.template_name;
  if (template_name.empty()) {
    const data::Value* named = tree.root.find("template");
    if (!named || named->plain_text().empty()) {
      fail("template.none", "no template given: use -t NAME or a template=\"NAME\" attribute on the root",
           tree.root.where);
    }
    template_name = named->plain_text();
  }
  const mustache::Template tmpl = load_template(template_name, options.home);
  out.markup = mustache::render_template(tmpl, tree);
  // 3. Markup -> DocTree.
  const markup::DocTree doc = markup::parse_markup(out.markup, data_name + " (markup of " + tmpl.name + ")");
  // 4. Layout -> Frame.
  const std::string font_dir = options.font_dir.empty() ? (fs::path(options.home) / "fonts").string() : options.font_dir;
  const text::FontFamily fonts = text::load_font_family(font_dir);
  out.frame = layout::layout_document(doc, fonts, options.settings, &out.stats);
  return out;
}

}  // namespace vanban::pipeline
