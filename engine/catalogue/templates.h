// The built-in templates and what each declares about itself (templates/NAME/template.xml):
// the document type it prints, the fields it needs, its sample. `vanban templates` lists
// them; the check stage enforces the required fields and takes the type from here.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <vanban/resources.h>

#include "base/limits.h"
#include "check/check_document.h"
#include "mustache/render_template.h"

namespace vanban::catalogue {

using TemplateField = check::FieldDeclaration;

// Where a template's files are: its main text, its declaration (template.xml) and its own
// partials in one folder; the shared partials and their declarations in the templates'
// folder "partials".
struct TemplateSource {
  std::string name;                         // "chuong-trinh"; a template of one's own: its folder's name
  std::shared_ptr<const Resources> folder;  // holds main and template.xml
  std::string main = "main.mustache";
  std::shared_ptr<const Resources> shared;  // the templates' folder: "partials/NAME.mustache"
};

// Finds a template by name (NAME/main.mustache among templates) or, where paths are allowed,
// by path (a .mustache file or a folder holding main.mustache, on disk). Throws Error
// "template.not-found", with the nearest name as a hint.
TemplateSource find_template(const std::string& name_or_path, const std::shared_ptr<const Resources>& templates,
                             bool allow_paths);

struct TemplateInfo {
  std::string name;     // "chuong-trinh"
  std::string summary;     // one line for the listing
  std::string summary_vi;  // the same in Vietnamese, for the clerks (--lang vi, the page)
  std::string type;     // the document's type name, "Chương trình"; empty for a certificate
  std::string sample;   // a sample data file, relative to the home's samples/ folder
  check::Profile profile = check::Profile::state;  // <profile>party</profile>: a Party document
  std::vector<TemplateField> fields;
  check::Contract contract;  // the fields as a tree: what the data may hold (check/contract.h)

  // The part of this declaration the check stage enforces.
  check::TemplateRules rules(bool lenient = false) const;
};

// Loads a template's text with the shared partials and those beside it. The texts are
// checked before anything is rendered: their syntax, their nesting and size (limits), and the
// partials they include. Throws Error "template.syntax", "template.partial-*", "limit.*".
mustache::Template load_template(const TemplateSource& source, const Limits& limits = {});

// Reads the declaration beside a template's main text (template.xml); a template without one
// declares nothing. Throws Error at the declaration's line for a bad one.
TemplateInfo load_template_info(const TemplateSource& source);

// Every template among templates (a folder with a main.mustache), by name.
std::vector<TemplateInfo> list_templates(const std::shared_ptr<const Resources>& templates);

}  // namespace vanban::catalogue
