// The built-in templates and what each declares about itself (templates/NAME/template.xml):
// the document type it prints, the fields it needs, its sample. `vanban templates` lists
// them; the check stage enforces the required fields and takes the type from here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/check_document.h"
#include "mustache/render_template.h"

namespace vanban::pipeline {

struct TemplateField {
  std::string path;         // "signer/name": names from the data's root, separated by "/"
  bool required = false;    // the template cannot print the document without it
  std::string description;  // what the field holds, for `vanban templates` and messages
};

struct TemplateInfo {
  std::string name;     // "chuong-trinh"
  std::string folder;   // where main.mustache is
  std::string summary;  // one line for the listing
  std::string type;     // the document's type name, "Chương trình"; empty for a certificate
  std::string sample;   // a sample data file, relative to the home's samples/ folder
  std::vector<TemplateField> fields;

  // The part of this declaration the check stage enforces.
  check::TemplateRules rules() const;
};

// A Mustache tag, with the default delimiters: its sigil ('#', '^', '/', '>', '&', '{', '!', or
// 0 for a plain name), its name, and the byte offset of its "{{".
struct TemplateTag {
  char sigil = 0;
  std::string name;
  std::size_t offset = 0;
};

// The tags of a template text, up to a set-delimiter tag (after which "{{" is not a tag).
std::vector<TemplateTag> template_tags(std::string_view text);

// Loads a template by name (templates/<name>/main.mustache) or by path (a .mustache file
// or a folder holding main.mustache), with the shared partials of templates/partials and
// those beside it. Throws Error "template.not-found".
mustache::Template load_template(const std::string& name_or_path, const std::string& home);

// Reads the declaration beside a template's main.mustache (template.xml); a template
// without one declares nothing. Throws Error at the declaration's line for a bad one.
TemplateInfo load_template_info(const std::string& name_or_path, const std::string& home);

// Every built-in template of home/templates (a folder with a main.mustache), by name.
std::vector<TemplateInfo> list_templates(const std::string& home);

}  // namespace vanban::pipeline
