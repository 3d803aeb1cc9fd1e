// Page building: a vertical list of slices -> pages.
//
// Layout cuts the body into slices (a line of a paragraph, a band of a table row, an image,
// the closing block), each with the rules that say where a page may end. The page builder
// fills pages first-fit, moving back to the last allowed break when a slice does not fit
// (widows, orphans, headings kept with what follows, keep-together blocks), repeats table
// header rows on the pages a table continues on, and applies explicit page breaks with their
// orientation and numbering changes.
#pragma once

#include <vector>

#include "base/diagnostics.h"
#include "layout/frame.h"

namespace vanban::layout {

// The paper and numbering that a forced page break starts (markup::PageSetup is a whole
// document's paper and margins).
struct BreakSetup {
  double width = 0, height = 0;
  bool restart_numbering = false;  // Decree 30 Phụ lục I, III.1.đ: each appendix from 1
};

struct Slice {
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  bool break_before_allowed = true;
  bool page_break_before = false;  // an explicit page break: the slice starts a page
  BreakSetup setup;                  // with page_break_before: the new pages' set-up
  int header_group = -1;  // table rows: the header slices to repeat when a page starts here
  std::vector<Item> items;           // positions relative to the slice's top
  std::vector<Item> items_if_last;   // drawn only when the page ends after this slice
  std::vector<Item> items_if_first;  // drawn only when a page's own content starts here
  std::vector<OutlineEntry> bookmarks;  // y relative to the slice's top; page set by the builder
};

struct PageFrame {
  double top = 0;     // where slices start on a page (below the margin)
  double bottom = 0;  // the margin: how far from the bottom edge slices may reach
  // More pages than this stop the layout at once (Error "limit.pages" at where, the
  // document): a runaway input fails fast instead of filling memory. 0: no limit.
  std::size_t max_pages = 0;
  SourceLocation where;
  // Room kept free at the foot of the first page, above the margin: a công văn's contact
  // block (Decree 30, Phụ lục I, mục II.13) stands there, on page 1 only.
  double first_page_reserve = 0;
};

// Places the slices on frame's pages, starting on its last page at first_top. header_groups
// holds the table header slices that Slice::header_group refers to. Page numbers are set on
// the pages added; bookmarks go to frame.outline.
void build_pages(Frame& frame, const std::vector<Slice>& slices, const std::vector<std::vector<Slice>>& header_groups,
                 double first_top, const PageFrame& margins);

// Moves an item down by dy.
void shift_item(Item& item, double dy);

}  // namespace vanban::layout
