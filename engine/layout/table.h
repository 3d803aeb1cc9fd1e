// Tables: markup::Table -> slices for the page builder.
//
// Phases: distribute the width among the columns (fixed, proportional, from content); break
// each cell's text into lines; cut each row into bands, one line of every cell per band, so
// that a row can be split between pages at a band boundary (never losing a line, even in a
// row taller than a page); draw thin borders per band, closing and reopening a split row at
// the page edge. Header rows are returned apart so that the page builder can repeat them.
#pragma once

#include <vector>

#include "layout/page_builder.h"
#include "layout/paragraph.h"
#include "markup/doc_tree.h"
#include "text/font.h"

namespace vanban::layout {

struct TableStyle {
  double left = 0;    // the table's left edge
  double width = 0;   // the table's width (the text width)
  double size = 13;   // font size
  double padding_x = 5.4;  // cell padding left and right (Word's default 0.19 cm)
  double padding_y = 2;    // above and below a cell's text
  double rule_thickness = 0.5;
  int widow_lines = 2;     // a split row keeps at least this many lines on either side
};

struct TableSlices {
  std::vector<Slice> header;  // the header rows' bands
  std::vector<Slice> body;    // the other rows' bands
};

// Returns each column's width for table at the style's width.
std::vector<double> distribute_columns(const markup::Table& table, const TableStyle& style,
                                       const text::FontFamily& fonts);

// Lays out a table: its header rows' bands apart, for the page builder to repeat. Its cells'
// paragraphs are laid out through the document's cache.
TableSlices layout_table(const markup::Table& table, const TableStyle& style, ParagraphCache& paragraphs);

}  // namespace vanban::layout
