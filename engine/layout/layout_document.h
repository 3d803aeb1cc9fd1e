// Stage 4, layout: DocTree -> Frame (pages of positioned text and rules).
//
// Layout takes the document tree, the font family and the settings, and returns finished
// pages. It depends on markup (the tree), text (metrics, Unicode, Decree 30 formats) and base;
// it never sees a PDF type. The Decree 30 rules it applies are cited where they are applied.
#pragma once

#include "layout/frame.h"
#include "layout/settings.h"
#include "markup/doc_tree.h"
#include "text/font.h"

namespace vanban::layout {

// Figures of the line breaking, for --stats and the benchmarks.
struct LayoutStats {
  int lines = 0;           // justified body lines, last lines included
  int overfull_lines = 0;  // lines wider than their measure
  int loose_lines = 0;     // justified lines whose spaces are more than 1.5× their natural width
  double max_space_ratio = 1;   // largest actual / natural inter-word space
  double min_space_ratio = 1;   // smallest (below 1: the spaces were shrunk)
  double mean_space_ratio = 1;  // mean over justified lines that are not last lines
  bool tightened = false;       // the page-saving pass (LayoutSettings::save_last_page) was kept
};

// Lays out the document. Throws Error for bad values (an impossible date, margins outside
// Decree 30's ranges).
Frame layout_document(const markup::DocTree& doc, const text::FontFamily& fonts, const LayoutSettings& settings,
                      LayoutStats* stats = nullptr);

}  // namespace vanban::layout
