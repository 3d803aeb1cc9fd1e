// The built-in templates and what each declares about itself (templates/NAME/template.xml):
// the document type it prints, the fields it needs, its sample. `vanban templates` lists
// them; the check stage enforces the required fields and takes the type from here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/limits.h"
#include "check/check_document.h"
#include "mustache/render_template.h"

namespace vanban::pipeline {

using TemplateField = check::FieldDeclaration;

struct TemplateInfo {
  std::string name;     // "chuong-trinh"
  std::string folder;   // where main.mustache is
  std::string summary;  // one line for the listing
  std::string type;     // the document's type name, "Chương trình"; empty for a certificate
  std::string sample;   // a sample data file, relative to the home's samples/ folder
  check::Profile profile = check::Profile::state;  // <profile>party</profile>: a Party document
  std::vector<TemplateField> fields;
  check::Contract contract;  // the fields as a tree: what the data may hold (check/contract.h)

  // The part of this declaration the check stage enforces.
  check::TemplateRules rules(bool lenient = false) const;
};

// Loads a template by name (templates/<name>/main.mustache) or by path (a .mustache file
// or a folder holding main.mustache), with the shared partials of templates/partials and
// those beside it. The texts are checked before anything is rendered: their syntax, their
// nesting and size (limits), and the partials they include. Throws Error
// "template.not-found", "template.syntax", "template.partial-*", "limit.*".
mustache::Template load_template(const std::string& name_or_path, const std::string& home, const Limits& limits = {});

// Reads the declaration beside a template's main.mustache (template.xml); a template
// without one declares nothing. Throws Error at the declaration's line for a bad one.
TemplateInfo load_template_info(const std::string& name_or_path, const std::string& home);

// Every built-in template of home/templates (a folder with a main.mustache), by name.
std::vector<TemplateInfo> list_templates(const std::string& home);

}  // namespace vanban::pipeline
