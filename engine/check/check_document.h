// Checks a document's data against Decree 30 before anything is printed: the findings that
// `vanban check` lists and `render` shows. Each is a Diagnostic at the data element it is about.
//
// What is checked (Decree 30, Điều 13; Phụ lục I, mục II.3–9; Phụ lục III; Phụ lục VI for lengths; docs/conventions.md):
//  - the number and ký hiệu: form, and the type abbreviation of Phụ lục III (errors);
//  - every field named "date": ISO and existing (error); the place of the date line (warning
//    if missing);
//  - the signer: the authority prefix TM., KT., TL., TUQ. or Q. (error), the line each needs
//    after it (error), a KT. signer's own position as a deputy (warning), no academic title
//    before the name (warning: some sectors may allow one);
//  - Nơi nhận: each item but the last ends in ";", the last is "Lưu: VT, …" ending in "."
//    (warnings);
//  - Kính gửi: a dash written by layout, ";" and "." endings, "Như trên;" opening Nơi nhận
//    (warnings); a công văn's trích yếu not starting with "V/v" and its body ending in "./."
//    (warnings);
//  - field lengths of Phụ lục VI (warnings); a word longer than a line (warning);
//  - the data against the template's contract (check/contract.h): fields it does not take,
//    values given twice, values of the wrong shape, required fields missing (errors, with a
//    "did you mean" hint for a misspelling); the decision a certificate or an attached list
//    cites (its number, ký hiệu and date, as a Quyết định's);
//  - a decision's căn cứ endings, article numbers and "Như Điều N;" (warnings; the numbers
//    are errors); a meeting after its invitation and a decision before its certificate
//    (warnings); a delegate listed twice in a group (warning).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "check/contract.h"
#include "data/data_tree.h"
#include "text/font.h"

namespace vanban::check {

// The rules a document is typeset by: Decree 30 for the state's documents, Hướng dẫn
// 36-HD/VPTW for the Party's (docs/party.md).
enum class Profile { state, party };

// What the document's template adds to the rules: every template has a type and a data
// contract (templates/NAME/template.xml).
struct TemplateRules {
  std::string name;   // the template's name, for messages
  std::string type;   // the type name when the data gives none, e.g. "Chương trình"
  // Every field the template takes, its shape and count (check/contract.h). Empty: no
  // template, nothing to compare with.
  Contract contract;
  bool lenient = false;  // a field the contract does not take is a warning, not an error
  Profile profile = Profile::state;
};

// The data against its template's contract and Decree 30's rules: every finding, in data
// order. With rules.lenient, the errors of the contract and the decree ("check.*") are
// warnings marked "(printed anyway: --lenient)".
std::vector<Diagnostic> check_document(const data::DataTree& data, const TemplateRules& rules = {});

// Refuses data text the PDF could not show as written (CJK, emoji, anything outside the BMP):
// "text.undrawable", at the character's own place in text (the data file's text, empty for a
// batch's records), else at its element. The first such character of each text is appended
// to findings.
// The error for a character no face can draw (text.undrawable), at where; the markup's own
// text is checked with it too.
Diagnostic undrawable_finding(const text::UndrawableCharacter& missing, const SourceLocation& where);

void check_drawable(const data::Value& value, const text::FontFamily& fonts, const std::string& text,
                    const std::string& data_name, std::vector<Diagnostic>& findings);

}  // namespace vanban::check
