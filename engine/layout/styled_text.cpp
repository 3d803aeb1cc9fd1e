#include "layout/styled_text.h"

#include "text/unicode.h"

namespace vanban::layout {

std::vector<StyledRun> styled_runs(const markup::Inlines& inlines, bool force_bold, bool upper) {
  std::vector<StyledRun> runs;
  for (const auto& run : inlines) {
    std::string text = text::to_nfc(run.text);
    if (upper) text = text::to_upper_vi(text);
    runs.push_back({std::move(text), text::face_style(run.style.bold || force_bold, run.style.italic), run.style.underline});
  }
  return runs;
}

void put_underline(std::vector<Item>& items, double x, double width, double baseline, double size) {
  const double y = baseline + size * 0.12;
  // Built in place: GCC 12 warns falsely (maybe-uninitialized) on copying a variant in.
  items.emplace_back(std::in_place_type<RuleItem>, x, y, x + width, y, size * 0.05);
}

Align paragraph_align(markup::Align align) {
  switch (align) {
    case markup::Align::left: return Align::left;
    case markup::Align::center: return Align::center;
    case markup::Align::right: return Align::right;
    case markup::Align::justify: break;
  }
  return Align::justify;
}

}  // namespace vanban::layout
