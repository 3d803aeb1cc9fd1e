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
//  - field lengths of Phụ lục VI (warnings).
#pragma once

#include <vector>

#include "base/diagnostics.h"
#include "data/data_tree.h"

namespace vanban::check {

std::vector<Diagnostic> check_document(const data::DataTree& data);

}  // namespace vanban::check
