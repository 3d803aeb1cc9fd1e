// The Vietnamese helpers that templates call as {{#vn.NAME}}…{{/vn.NAME}}: the text layer's
// formatting, handed to the template stage as plain functions (docs/templates.md, "Helpers").
#pragma once

#include "mustache/render_template.h"

namespace vanban::pipeline {

// The helpers: date, place-date, number, words, words-le, amount, amount-le, roman, diem,
// upper, lower, title, type-code; and the list orders sort, sort-by-name and
// sort-by-name-middle-first. Made once; safe to share between threads.
const mustache::Helpers& vietnamese_helpers();

}  // namespace vanban::pipeline
