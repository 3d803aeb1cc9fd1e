// Borders: rectangles drawn as vector paths, from a single rule to a certificate's ornamental
// frame (a band between two rules, filled with a chain of lozenges and dots, with a four-petal
// flower in each corner square), scaled to the rectangle and the line thickness.
#pragma once

#include <optional>
#include <vector>

#include "layout/frame.h"
#include "markup/doc_tree.h"

namespace vanban::layout {

struct BorderSpec {
  markup::BorderStyle style = markup::BorderStyle::single;
  Color color;
  double thickness = 0.75;      // the main line; thick doubles it
  std::optional<Color> fill;    // behind everything, inside the outer line
};

// A page border's line style, colour and thickness.
BorderSpec border_spec(const markup::PageBorder& page_border);

// The room a border takes inside its rectangle (the double rules, the ornamental band).
double border_depth(const BorderSpec& border);

// Appends the paths of a border drawn on the rectangle whose top-left corner is (x, y).
void put_border(std::vector<Item>& items, const BorderSpec& border, double x, double y, double width, double height);

}  // namespace vanban::layout
