// Which of each page's items go into a content stream that several pages share. A batch
// of a thousand certificates prints one border, one Quốc hiệu and one signature block a
// thousand times: drawn once, in a stream every such page lists before its own (PDF
// 32000-1, 7.7.3.3: Contents may be an array of streams), the print file carries them once
// and each page keeps only the lines that differ.
#pragma once

#include <vector>

#include "layout/frame.h"

namespace vanban::output {

struct SharedContent {
  std::vector<const layout::Item*> items;  // in the first page's order
  double page_height = 0;
};

struct PageContent {
  int shared = -1;                      // index into ContentPlan::shared, or none
  std::vector<const layout::Item*> own;  // in the page's order
};

struct ContentPlan {
  std::vector<SharedContent> shared;
  std::vector<PageContent> pages;  // one per frame page
};

// Pages of one size whose background (layout::Page::background_items) is equal share it.
// Among them, pages whose other graphics are all equal also share the text that every one
// of them draws identically; what a page keeps is then text only, which is drawn after all
// graphics anyway, so the stacking order is unchanged. A background no other page has is
// not shared.
ContentPlan plan_content(const layout::Frame& frame);

}  // namespace vanban::output
