#include "layout/frame.h"

#include <algorithm>
#include <type_traits>
#include <variant>

namespace vanban::layout {

std::vector<PathSegment> rectangle_path(double x, double y, double width, double height) {
  using Kind = PathSegment::Kind;
  return {{Kind::move, {{{x, y}}}},
          {Kind::line, {{{x + width, y}}}},
          {Kind::line, {{{x + width, y + height}}}},
          {Kind::line, {{{x, y + height}}}},
          {Kind::close, {}}};
}

PageScale scale_page(Page& page, double paper_width, double paper_height) {
  const double factor = std::min(paper_width / page.width, paper_height / page.height);
  const double dx = (paper_width - page.width * factor) / 2, dy = (paper_height - page.height * factor) / 2;
  const auto x = [&](double v) { return v * factor + dx; };
  const auto y = [&](double v) { return v * factor + dy; };
  page.width = paper_width;
  page.height = paper_height;
  for (auto& item : page.items) {
    std::visit(
        [&](auto& i) {
          using T = std::decay_t<decltype(i)>;
          if constexpr (std::is_same_v<T, TextItem>) {
            i.x = x(i.x);
            i.y = y(i.y);
            i.size *= factor;
          } else if constexpr (std::is_same_v<T, RuleItem>) {
            i.x1 = x(i.x1);
            i.y1 = y(i.y1);
            i.x2 = x(i.x2);
            i.y2 = y(i.y2);
            i.thickness *= factor;
          } else if constexpr (std::is_same_v<T, ImageItem> || std::is_same_v<T, FieldItem>) {
            i.x = x(i.x);
            i.y = y(i.y);
            i.width *= factor;
            i.height *= factor;
          } else {
            for (auto& segment : i.segments) {
              for (auto& point : segment.points) point = {x(point.x), y(point.y)};
            }
            i.thickness *= factor;
            // Lengths, not positions: scaled without the centring offset.
            if (i.dash) {
              i.dash->on *= factor;
              i.dash->off *= factor;
              i.dash->phase *= factor;
            }
            if (i.repeat) {
              i.repeat->dx *= factor;
              i.repeat->dy *= factor;
            }
          }
        },
        item);
  }
  return {factor, dx, dy};
}

}  // namespace vanban::layout
