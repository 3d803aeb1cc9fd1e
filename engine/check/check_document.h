// Checks a document's data against Decree 30 before anything is printed: the findings that
// `vanban check` lists and `render` shows. Each is a Diagnostic at the data element it is about.
//
// What is checked (decree30.md §5, §6, §9, §17; Phụ lục VI for lengths):
//  - the number and ký hiệu: form, and the type abbreviation of Phụ lục III (errors);
//  - every field named "date": ISO and existing (error); the place of the date line (warning
//    if missing);
//  - the signer: the authority prefix TM., KT., TL., TUQ. or Q. (error), the line each needs
//    after it (error), a KT. signer's own position as a deputy (warning), no academic title
//    before the name (warning: some sectors may allow one);
//  - Nơi nhận: each item but the last ends in ";", the last is "Lưu: VT, …" ending in "."
//    (warnings);
//  - field lengths of Phụ lục VI (warnings); a word longer than a line (warning);
//  - the fields the template requires (errors), and the decision a certificate or an
//    attached list cites (its number, ký hiệu and date, as a Quyết định's); fields the
//    template does not read (warnings); both with a "did you mean" hint for a misspelling;
//  - a decision's căn cứ endings, article numbers and "Như Điều N;" (warnings; the numbers
//    are errors); a meeting after its invitation and a decision before its certificate
//    (warnings); a delegate listed twice in a group (warning).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "data/data_tree.h"

namespace vanban::check {

// What the document's template adds to the rules: every template has a type and the fields
// it cannot print without (templates/NAME/template.xml).
struct TemplateRules {
  std::string name;   // the template's name, for messages
  std::string type;   // the type name when the data gives none, e.g. "Chương trình"
  struct Field {
    std::string path;         // "signer/name": names from the root, separated by "/"
    std::string description;  // what it holds, for the message
  };
  std::vector<Field> required;
  // Every field path the template reads, required or not. A data field on none of these
  // paths is not printed: a warning, with the declared name it may be a misspelling of.
  // Below a declared path that has no declared children (a rich text body), anything goes.
  // Empty: no template, nothing to compare with.
  std::vector<std::string> declared;
};

std::vector<Diagnostic> check_document(const data::DataTree& data, const TemplateRules& rules = {});

}  // namespace vanban::check
