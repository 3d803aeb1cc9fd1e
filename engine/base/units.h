// Lengths: the engine measures everything in PDF points (1/72 inch), y growing downwards
// from the top edge of the page. Conversions from the units Decree 30 uses live here.
#pragma once

namespace vanban {

using Points = double;

constexpr Points points_per_mm = 72.0 / 25.4;
constexpr Points mm(double millimetres) { return millimetres * points_per_mm; }
constexpr Points cm(double centimetres) { return centimetres * 10.0 * points_per_mm; }

// A4, Decree 30 Phụ lục I, Phần I, mục I.1: 210 × 297 mm.
constexpr Points a4_width = mm(210.0);
constexpr Points a4_height = mm(297.0);

}  // namespace vanban
