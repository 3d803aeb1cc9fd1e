#include "layout/frame.h"

namespace vanban::layout {

std::vector<PathSegment> rectangle_path(double x, double y, double width, double height) {
  using Kind = PathSegment::Kind;
  return {{Kind::move, {{{x, y}}}},
          {Kind::line, {{{x + width, y}}}},
          {Kind::line, {{{x + width, y + height}}}},
          {Kind::line, {{{x, y + height}}}},
          {Kind::close, {}}};
}

}  // namespace vanban::layout
