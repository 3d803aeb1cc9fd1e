// From the markup's inline runs to the paragraph breaker's styled runs (NFC, faces, case), and
// back to the page: their underlines.
#pragma once

#include <vector>

#include "layout/frame.h"
#include "layout/paragraph.h"
#include "markup/doc_tree.h"

namespace vanban::layout {

// Converts inline runs to styled runs in NFC; force_bold sets every run bold, upper sets
// them in Vietnamese capitals, force_italic sets every run italic.
std::vector<StyledRun> styled_runs(const markup::Inlines& inlines, bool force_bold = false, bool upper = false,
                                   bool force_italic = false);

// Draws a placed run of a line that starts at line_x: its text, in its colour, and its
// underline (0.05 em thick, 0.12 em below the baseline) if it has one.
void put_run(std::vector<Item>& items, double line_x, double baseline, double size, const PlacedRun& run);

}  // namespace vanban::layout
