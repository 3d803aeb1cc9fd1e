// From the markup's inline runs to the paragraph breaker's styled runs: NFC, faces, case.
#pragma once

#include <vector>

#include "layout/paragraph.h"
#include "markup/doc_tree.h"

namespace vanban::layout {

// Converts inline runs to styled runs in NFC; force_bold sets every run bold, upper sets
// them in Vietnamese capitals.
std::vector<StyledRun> styled_runs(const markup::Inlines& inlines, bool force_bold = false, bool upper = false);

// Returns the paragraph alignment for a markup alignment.
Align paragraph_align(markup::Align align);

}  // namespace vanban::layout
