// Frame: the finished layout, items at fixed positions (stage 4 output, the writers' input).
//
// Coordinates are PDF points from the top-left corner of the page, y growing downwards;
// a text item's y is its baseline. Writers see only this: no markup, no data; the fonts and
// images as the engine loaded them, never a path to open.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/color.h"
#include "base/image_data.h"
#include "text/font.h"

namespace vanban::layout {

using vanban::Color;

struct TextItem {
  double x = 0, y = 0;  // start of the baseline
  text::FaceStyle face = text::FaceStyle::regular;
  double size = 14;
  std::string text;  // NFC UTF-8
  Color color;
  bool operator==(const TextItem&) const = default;
};

struct RuleItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
  Color color;
  bool operator==(const RuleItem&) const = default;
};

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

// A vector shape: rectangles, frames and ornaments. Each segment starts where the last ended.
struct PathSegment {
  enum class Kind { move, line, curve, close };  // curve: cubic Bézier, two control points, end
  Kind kind = Kind::move;
  std::array<Point, 3> points{};  // move and line use points[0]; curve all three
  bool operator==(const PathSegment&) const = default;
};

// A stroke's dash pattern, in points. With round caps an "on" of 0 draws a round dot every
// period: a row of dots is one line, not a circle each (a certificate border's chain).
struct Dash {
  double on = 0, off = 0, phase = 0;
  bool round_caps = false;
  bool operator==(const Dash&) const = default;
};

// A path drawn again on a grid: `across` copies a step dx apart, in `down` rows a step dy
// apart, the first copy where the segments are. A chain or a set of corners of equal shapes
// is one shape and a step, and the PDF writes that shape's operators again under a moved
// origin, which deflate reduces to almost nothing.
struct Repeat {
  int across = 1, down = 1;
  double dx = 0, dy = 0;
  int copies() const { return across * down; }
  bool operator==(const Repeat&) const = default;
};

struct PathItem {
  std::vector<PathSegment> segments;
  double thickness = 0.5;
  std::optional<Color> stroke = Color{};  // none: not stroked
  std::optional<Color> fill;              // none: not filled
  std::optional<Dash> dash;               // none: a solid stroke
  std::optional<Repeat> repeat;           // none: drawn once
  bool operator==(const PathItem&) const = default;
};

// Returns the closed path of a rectangle, (x, y) its top-left corner.
std::vector<PathSegment> rectangle_path(double x, double y, double width, double height);

// A PNG or JPEG image scaled into a box; y is the box's top edge.
struct ImageItem {
  double x = 0, y = 0;
  double width = 0, height = 0;
  std::string name;  // the image's name as the data gave it ("anh/con-dau.png"), for the trace
  std::shared_ptr<const ImageData> data;  // its pixels, decoded by the pipeline: what the PDF embeds
  bool operator==(const ImageItem&) const = default;
};

// A place kept for a signature made after the PDF (an unsigned signature field;
// docs/electronic.md): the signer's, between the position and the name (Phụ lục I, mục
// II.7c), or the organisation's, seal-sized over the left third of it (mục II.8). Nothing
// is drawn for it; y is its top edge.
struct FieldItem {
  std::string name;  // "Sig_Signer", "Sig_Org"
  double x = 0, y = 0;
  double width = 0, height = 0;
  bool operator==(const FieldItem&) const = default;
};

// A field's rectangle as a PDF's /Rect gives it: from the page's lower left corner.
struct PdfRect {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};
inline PdfRect pdf_rect(const FieldItem& field, double page_height) {
  return {field.x, page_height - field.y - field.height, field.x + field.width, page_height - field.y};
}

using Item = std::variant<TextItem, RuleItem, ImageItem, PathItem, FieldItem>;

struct Page {
  double width = 0, height = 0;
  int number = 1;            // the page number in its numbering (appendices restart it)
  bool number_shown = false; // Decree 30: not on the first page of a document or appendix
  std::vector<Item> items;
  // The first items, drawn the same on every page (a page border): a writer may draw them
  // once and share them between pages, as the PDF writer does with one content stream.
  std::size_t background_items = 0;
};

// A bookmark: a heading's title and where it stands.
struct OutlineEntry {
  int level = 0;  // 0 for the outermost headings
  std::string title;
  std::size_t page = 0;  // index into Frame::pages
  double y = 0;          // top of the heading's first line
};

struct DocumentInfo {
  std::string title;    // trích yếu
  std::string author;   // issuing body
  std::string subject;  // type and number, "Kế hoạch số 54/KH-UBND"
};

struct Frame {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;  // in document order
  DocumentInfo info;
  // Per text::FaceStyle, the faces the text is set in: their files (read when the engine
  // loaded them) are what a writer embeds.
  std::array<std::shared_ptr<const text::FontFace>, 4> fonts;
};

// Puts a page on paper of another size: everything on it (positions, text sizes, line
// thicknesses, images) is scaled by the larger factor that fits both sides, and centred. A
// design laid out on A4 prints on A3 at about √2. Returns the transform: a point (x, y)
// moves to (x · factor + dx, y · factor + dy).
struct PageScale {
  double factor = 1, dx = 0, dy = 0;
};
PageScale scale_page(Page& page, double paper_width, double paper_height);

}  // namespace vanban::layout
