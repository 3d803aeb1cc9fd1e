#include "layout/styled_text.h"

#include "text/unicode.h"

namespace vanban::layout {

std::vector<StyledRun> styled_runs(const markup::Inlines& inlines, bool force_bold, bool upper, bool force_italic) {
  std::vector<StyledRun> runs;
  for (const auto& run : inlines) {
    std::string text = text::to_nfc(run.text);
    if (upper) text = text::to_upper_vi(text);
    runs.push_back({std::move(text), text::face_style(run.style.bold || force_bold, run.style.italic || force_italic), run.style.underline,
                    run.style.color});
  }
  return runs;
}

void put_run(std::vector<Item>& items, double line_x, double baseline, double size, const PlacedRun& run) {
  const double x = line_x + run.x;
  // Built in place: moving a variant in makes GCC 12 warn falsely (maybe-uninitialized, on
  // PathItem's optional members) when the vector grows. The item itself is braced: clang 14
  // (the fuzz build's) cannot build an aggregate from parentheses.
  items.emplace_back(std::in_place_type<TextItem>, TextItem{x, baseline, run.face, size, run.text, run.color});
  if (!run.underline) return;
  const double y = baseline + size * 0.12;
  items.emplace_back(std::in_place_type<RuleItem>, RuleItem{x, y, x + run.width, y, size * 0.05, run.color});
}

}  // namespace vanban::layout
