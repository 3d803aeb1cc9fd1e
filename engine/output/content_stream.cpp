#include "output/content_stream.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace vanban::output {

namespace {

using layout::ImageItem;
using layout::PathItem;
using layout::RuleItem;
using layout::TextItem;

// Writes a fixed-point number held as an integer count of 10^-decimals.
void append_scaled(std::string& out, long long scaled, int decimals) {
  if (scaled < 0) {
    out += '-';
    scaled = -scaled;
  }
  long long unit = 1;
  for (int k = 0; k < decimals; ++k) unit *= 10;
  const long long whole = scaled / unit;
  long long fraction = scaled % unit;
  if (whole != 0 || fraction == 0) out += std::to_string(whole);
  if (fraction == 0) return;
  int digits = decimals;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --digits;
  }
  out += '.';
  const std::string text = std::to_string(fraction);
  out.append(static_cast<std::size_t>(digits) - text.size(), '0');
  out += text;
}

// decimals is 0 … 3 here: 2 for coordinates, 3 for colours, dashes and steps.
long long scale(double value, int decimals) {
  static constexpr double powers[] = {1, 10, 100, 1000};
  return std::llround(value * powers[decimals]);
}

// The operators for one stream, with the graphics state it has set so far, so that a
// colour or a line width is written only when it changes. Every stream starts from the
// initial graphics state: black, line width 1 (PDF 32000-1, 8.4.1).
class ContentBuilder {
 public:
  ContentBuilder(double page_height, const ContentResources& resources)
      : page_height_(page_height), resources_(resources) {}

  void graphics(const layout::Item& item) {
    if (const auto* path = std::get_if<PathItem>(&item)) draw(*path);
    if (const auto* rule = std::get_if<RuleItem>(&item)) draw(*rule);
    if (const auto* image = std::get_if<ImageItem>(&item)) draw(*image);
  }

  void text(const TextItem& item) {
    const auto face = static_cast<std::size_t>(item.face);
    fill_color(item.color);
    if (!in_text_) {
      out_ += "BT\n";
      in_text_ = true;
    }
    if (static_cast<int>(face) != font_ || item.size != size_) {
      out_ += '/' + resources_.font_names[face] + ' ';
      number(item.size);
      out_ += " Tf\n";
      font_ = static_cast<int>(face);
      size_ = item.size;
    }
    // Each line moves from the last by Td, in exact hundredths, so no error builds up.
    const long long x = scale(item.x, 2), y = scale(page_height_ - item.y, 2);
    append_scaled(out_, x - text_x_, 2);
    out_ += ' ';
    append_scaled(out_, y - text_y_, 2);
    out_ += " Td";
    resources_.codes->append_string(out_, item.text);
    out_ += "Tj\n";
    text_x_ = x;
    text_y_ = y;
  }

  std::string finish(bool isolated) {
    if (in_text_) out_ += "ET\n";
    return isolated ? "q\n" + out_ + "Q\n" : out_;
  }

 private:
  void number(double value, int decimals = 2) { append_scaled(out_, scale(value, decimals), decimals); }
  void point(const layout::Point& p) {
    number(p.x);
    out_ += ' ';
    number(page_height_ - p.y);
  }

  void color(const layout::Color& color, layout::Color& current, const char* op) {
    if (color == current) return;
    for (std::uint8_t channel : {color.r, color.g, color.b}) {
      number(channel / 255.0, 3);
      out_ += ' ';
    }
    out_ += op;
    out_ += '\n';
    current = color;
  }
  void stroke_color(const layout::Color& c) { color(c, stroke_, "RG"); }
  void fill_color(const layout::Color& c) { color(c, fill_, "rg"); }
  void line_width(double width) {
    if (width == width_) return;
    number(width);
    out_ += " w\n";
    width_ = width;
  }

  void draw(const PathItem& path) {
    if (!path.stroke && !path.fill) return;
    if (path.stroke) {
      stroke_color(*path.stroke);
      line_width(path.thickness);
    }
    if (path.fill) fill_color(*path.fill);
    // A dash or a repeat is drawn inside q … Q, after the colours and the width, so that
    // what follows keeps them and has no dash and the page's own origin.
    const bool saved = path.dash || path.repeat;
    if (saved) out_ += "q\n";
    if (path.dash) {
      out_ += std::string(path.dash->round_caps ? "1" : "0") + " J [";
      number(path.dash->on, 3);
      out_ += ' ';
      number(path.dash->off, 3);
      out_ += "] ";
      number(path.dash->phase, 3);
      out_ += " d\n";
    }
    const layout::Repeat once;
    const layout::Repeat& grid = path.repeat ? *path.repeat : once;
    for (int row = 0; row < std::max(grid.down, 1); ++row) {
      for (int column = 0; column < std::max(grid.across, 1); ++column) {
        // The next copy: the same operators, the origin moved on by one step, or back to
        // the row's start and down one.
        if (column > 0) translate(grid.dx, 0);
        else if (row > 0) translate(-(std::max(grid.across, 1) - 1) * grid.dx, grid.dy);
        segments(path.segments);
        out_ += path.stroke && path.fill ? "B\n" : path.fill ? "f\n" : "S\n";
      }
    }
    if (saved) out_ += "Q\n";
  }

  // Moves the origin by (dx, dy) in frame space, where y runs down.
  void translate(double dx, double dy) {
    out_ += "1 0 0 1 ";
    number(dx, 3);
    out_ += ' ';
    number(-dy, 3);
    out_ += " cm\n";
  }

  void segments(const std::vector<layout::PathSegment>& segments) {
    using Kind = layout::PathSegment::Kind;
    for (const auto& segment : segments) {
      const auto& p = segment.points;
      switch (segment.kind) {
        case Kind::move: point(p[0]); out_ += " m\n"; break;
        case Kind::line: point(p[0]); out_ += " l\n"; break;
        case Kind::curve:
          for (int k = 0; k < 3; ++k) {
            point(p[static_cast<std::size_t>(k)]);
            out_ += ' ';
          }
          out_ += "c\n";
          break;
        case Kind::close: out_ += "h\n"; break;
      }
    }
  }

  void draw(const RuleItem& rule) {
    stroke_color(rule.color);
    line_width(rule.thickness);
    point({rule.x1, rule.y1});
    out_ += " m ";
    point({rule.x2, rule.y2});
    out_ += " l S\n";
  }

  void draw(const ImageItem& image) {
    out_ += "q ";
    number(image.width);
    out_ += " 0 0 ";
    number(image.height);
    out_ += ' ';
    point({image.x, image.y + image.height});
    out_ += " cm /" + resources_.image_name(image) + " Do Q\n";
  }

  double page_height_;
  const ContentResources& resources_;
  std::string out_;
  layout::Color stroke_, fill_;
  double width_ = 1;
  bool in_text_ = false;
  int font_ = -1;
  double size_ = 0;
  long long text_x_ = 0, text_y_ = 0;
};

}  // namespace

std::string pdf_number(double value, int decimals) {
  std::string out;
  append_scaled(out, scale(value, decimals), decimals);
  return out;
}

std::string content_stream(const std::vector<const layout::Item*>& items, double page_height,
                           const ContentResources& resources, bool isolated) {
  ContentBuilder builder(page_height, resources);
  for (const layout::Item* item : items) {
    if (!std::holds_alternative<TextItem>(*item)) builder.graphics(*item);
  }
  for (const layout::Item* item : items) {
    if (const auto* text = std::get_if<TextItem>(item)) builder.text(*text);
  }
  return builder.finish(isolated);
}

}  // namespace vanban::output
