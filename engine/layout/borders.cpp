#include "layout/borders.h"

#include <algorithm>
#include <cmath>

namespace vanban::layout {

namespace {

using Kind = PathSegment::Kind;
using markup::BorderStyle;

// The ornamental band's width for a main line of thickness t: wide enough for the corner
// flowers to read at arm's length on A4 (6 mm for the default 1 pt line).
double band_width(double thickness) { return 17.0 * std::max(thickness, 0.5); }

// Control-point distance of a cubic Bézier quarter circle (Riškus 2006: 4/3·(√2 − 1)).
constexpr double kappa = 0.5522847498;

PathItem outline(std::vector<PathSegment> segments, double thickness, Color color) {
  return PathItem{std::move(segments), thickness, color, std::nullopt, std::nullopt, std::nullopt};
}

PathItem solid(std::vector<PathSegment> segments, Color color) {
  return PathItem{std::move(segments), 0, std::nullopt, color, std::nullopt, std::nullopt};
}

std::vector<PathSegment> circle(double cx, double cy, double r) {
  const double k = kappa * r;
  return {{Kind::move, {{{cx + r, cy}}}},
          {Kind::curve, {{{cx + r, cy + k}, {cx + k, cy + r}, {cx, cy + r}}}},
          {Kind::curve, {{{cx - k, cy + r}, {cx - r, cy + k}, {cx - r, cy}}}},
          {Kind::curve, {{{cx - r, cy - k}, {cx - k, cy - r}, {cx, cy - r}}}},
          {Kind::curve, {{{cx + k, cy - r}, {cx + r, cy - k}, {cx + r, cy}}}},
          {Kind::close, {}}};
}

// A lozenge centred on (cx, cy), long along the band (horizontal or vertical).
std::vector<PathSegment> lozenge(double cx, double cy, double along, double across, bool horizontal) {
  const double a = along / 2, c = across / 2;
  const double ax = horizontal ? a : 0, ay = horizontal ? 0 : a;
  const double cx2 = horizontal ? 0 : c, cy2 = horizontal ? c : 0;
  return {{Kind::move, {{{cx - ax, cy - ay}}}},
          {Kind::line, {{{cx - cx2, cy - cy2}}}},
          {Kind::line, {{{cx + ax, cy + ay}}}},
          {Kind::line, {{{cx + cx2, cy + cy2}}}},
          {Kind::close, {}}};
}

// Four petals from (cx, cy) towards the diagonals, each a pair of Bézier curves.
std::vector<PathSegment> flower(double cx, double cy, double radius) {
  std::vector<PathSegment> segments;
  for (int k = 0; k < 4; ++k) {
    const double angle = (45.0 + 90.0 * k) * std::acos(-1.0) / 180.0;
    const double dx = std::cos(angle), dy = std::sin(angle);
    const double px = -dy, py = dx;  // across the petal
    const double tip_x = cx + dx * radius, tip_y = cy + dy * radius;
    const double w = radius * 0.45;
    segments.push_back({Kind::move, {{{cx, cy}}}});
    segments.push_back({Kind::curve, {{{cx + dx * radius * 0.5 + px * w, cy + dy * radius * 0.5 + py * w},
                                       {tip_x + px * w * 0.3, tip_y + py * w * 0.3}, {tip_x, tip_y}}}});
    segments.push_back({Kind::curve, {{{tip_x - px * w * 0.3, tip_y - py * w * 0.3},
                                       {cx + dx * radius * 0.5 - px * w, cy + dy * radius * 0.5 - py * w}, {cx, cy}}}});
    segments.push_back({Kind::close, {}});
  }
  return segments;
}

// The chains along two opposite sides of the band, the first from (x0, y0) for length,
// between the corner squares, the second `apart` from it across the page: lozenges, one
// lozenge repeated along both sides, and a dot midway between each two, drawn as one dotted
// line a side (round caps on a dash of length 0), so that two sides cost two paths, not two
// hundred.
void put_chains(std::vector<Item>& items, double x0, double y0, double length, double apart, double band, bool horizontal,
                Color color) {
  const double pitch = band * 1.25;
  const int count = std::max(1, static_cast<int>(std::floor(length / pitch)));
  const double step = length / count;
  const auto at = [&](double along, double across) {
    return horizontal ? Point{x0 + along, y0 + across} : Point{x0 + across, y0 + along};
  };
  const Point first = at(0.5 * step, 0);
  PathItem lozenges = solid(lozenge(first.x, first.y, band * 0.7, band * 0.42, horizontal), color);
  lozenges.repeat = horizontal ? Repeat{count, 2, step, apart} : Repeat{2, count, apart, step};
  items.push_back(std::move(lozenges));
  if (count < 2) return;
  std::vector<PathSegment> lines;
  for (const double across : {0.0, apart}) {
    lines.push_back({Kind::move, {{at(step, across)}}});
    lines.push_back({Kind::line, {{at((count - 1) * step, across)}}});
  }
  PathItem dots = outline(std::move(lines), band * 0.16, color);
  dots.dash = Dash{0, step, 0, true};
  items.push_back(std::move(dots));
}

}  // namespace

BorderSpec border_spec(const markup::PageBorder& page_border) {
  return {page_border.style, page_border.color, page_border.thickness, std::nullopt};
}

double border_depth(const BorderSpec& border) {
  switch (border.style) {
    case BorderStyle::single: return border.thickness;
    case BorderStyle::thick: return 2 * border.thickness;
    case BorderStyle::double_line: return 3 * border.thickness;
    case BorderStyle::ornamental: return band_width(border.thickness) + 2 * border.thickness;
  }
  return border.thickness;
}

void put_border(std::vector<Item>& items, const BorderSpec& border, double x, double y, double width, double height) {
  const double t = border.thickness;
  const Color c = border.color;
  if (border.fill) items.push_back(solid(rectangle_path(x, y, width, height), *border.fill));
  switch (border.style) {
    case BorderStyle::single:
      items.push_back(outline(rectangle_path(x, y, width, height), t, c));
      return;
    case BorderStyle::thick:
      items.push_back(outline(rectangle_path(x, y, width, height), 2 * t, c));
      return;
    case BorderStyle::double_line: {
      // Two rules, each 0.6 of the thickness, with the space of one thickness and a half.
      const double gap = 2.4 * t;
      items.push_back(outline(rectangle_path(x, y, width, height), 0.6 * t, c));
      items.push_back(outline(rectangle_path(x + gap, y + gap, width - 2 * gap, height - 2 * gap), 0.6 * t, c));
      return;
    }
    case BorderStyle::ornamental: {
      const double band = band_width(t);
      // A heavy outer rule, a thin rule closing the band, and a hairline just inside it.
      items.push_back(outline(rectangle_path(x, y, width, height), 1.5 * t, c));
      items.push_back(outline(rectangle_path(x + band, y + band, width - 2 * band, height - 2 * band), 0.6 * t, c));
      const double inner = band + 2 * t;
      items.push_back(outline(rectangle_path(x + inner, y + inner, width - 2 * inner, height - 2 * inner), 0.3 * t, c));
      // Corner squares, each with a flower and a ring: the top left one, repeated in the
      // other three corners.
      const double half = band / 2;
      const double cx = x + half, cy = y + half;
      for (PathItem corner : {outline(rectangle_path(x, y, band, band), 0.6 * t, c), solid(flower(cx, cy, band * 0.42), c),
                              outline(circle(cx, cy, band * 0.12), 0.4 * t, c)}) {
        corner.repeat = Repeat{2, 2, width - band, height - band};
        items.push_back(std::move(corner));
      }
      // The chains between the corners, on the band's middle line.
      put_chains(items, x + band, y + half, width - 2 * band, height - band, band, true, c);
      put_chains(items, x + half, y + band, height - 2 * band, width - band, band, false, c);
      return;
    }
  }
}

}  // namespace vanban::layout
