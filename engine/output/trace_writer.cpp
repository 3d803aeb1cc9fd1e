#include "output/trace_writer.h"

#include <filesystem>

#include <charconv>
#include <cmath>

namespace vanban::output {

namespace {

// Appends a number with two decimals; std::to_chars ignores the locale.
void append_number(std::string& out, double value) {
  if (std::abs(value) < 0.005) value = 0;  // no "-0.00"
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  out.append(buffer, result.ptr);
}

// Appends a colour as six hex digits, "C00000".
void append_color(std::string& out, const layout::Color& color) {
  static constexpr char digits[] = "0123456789ABCDEF";
  for (std::uint8_t channel : {color.r, color.g, color.b}) {
    out += digits[channel >> 4];
    out += digits[channel & 15];
  }
}

void append_optional_color(std::string& out, const std::optional<layout::Color>& color) {
  if (color) append_color(out, *color);
  else out += "none";
}

// "path stroke 000000 fill none 0.50 [dash ON OFF PHASE round] [repeat ACROSS DOWN DX DY] M x y L x y
// C x y x y x y Z"
void append_path(std::string& out, const layout::PathItem& path) {
  out += "path stroke ";
  append_optional_color(out, path.stroke);
  out += " fill ";
  append_optional_color(out, path.fill);
  out += ' ';
  append_number(out, path.thickness);
  if (path.dash) {
    out += " dash ";
    append_number(out, path.dash->on);
    out += ' ';
    append_number(out, path.dash->off);
    out += ' ';
    append_number(out, path.dash->phase);
    if (path.dash->round_caps) out += " round";
  }
  if (path.repeat) {
    out += " repeat " + std::to_string(path.repeat->across) + ' ' + std::to_string(path.repeat->down) + ' ';
    append_number(out, path.repeat->dx);
    out += ' ';
    append_number(out, path.repeat->dy);
  }
  using Kind = layout::PathSegment::Kind;
  for (const auto& segment : path.segments) {
    const int points = segment.kind == Kind::curve ? 3 : segment.kind == Kind::close ? 0 : 1;
    out += segment.kind == Kind::move ? " M" : segment.kind == Kind::line ? " L" : segment.kind == Kind::curve ? " C" : " Z";
    for (int k = 0; k < points; ++k) {
      out += ' ';
      append_number(out, segment.points[k].x);
      out += ' ';
      append_number(out, segment.points[k].y);
    }
  }
  out += '\n';
}

}  // namespace

std::string write_trace(const layout::Frame& frame) {
  std::string out = "vanban-trace 1\n";
  for (std::size_t p = 0; p < frame.pages.size(); ++p) {
    const auto& page = frame.pages[p];
    out += "page " + std::to_string(p + 1) + ' ';
    append_number(out, page.width);
    out += ' ';
    append_number(out, page.height);
    out += '\n';
    std::string current_font;
    layout::Color current_color;  // black; a "color" line marks each change
    for (const auto& item : page.items) {
      if (const auto* text = std::get_if<layout::TextItem>(&item)) {
        std::string font = "font " + std::string(text::face_style_name(text->face)) + ' ';
        append_number(font, text->size);
        if (font != current_font) {
          out += font + '\n';
          current_font = font;
        }
        if (text->color != current_color) {
          out += "color ";
          append_color(out, text->color);
          out += '\n';
          current_color = text->color;
        }
        out += "text ";
        append_number(out, text->x);
        out += ' ';
        append_number(out, text->y);
        out += " \"";
        for (char c : text->text) {
          if (c == '"' || c == '\\') out += '\\';
          out += c;
        }
        out += "\"\n";
      } else if (const auto* image = std::get_if<layout::ImageItem>(&item)) {
        // The file's name only: a trace must not depend on where the files live.
        out += "image ";
        for (double v : {image->x, image->y, image->width, image->height}) {
          append_number(out, v);
          out += ' ';
        }
        out += '"' + std::filesystem::path(image->name).filename().string() + "\"\n";
      } else if (const auto* path = std::get_if<layout::PathItem>(&item)) {
        append_path(out, *path);
      } else if (const auto* field = std::get_if<layout::FieldItem>(&item)) {
        out += "field";
        for (double v : {field->x, field->y, field->width, field->height}) {
          out += ' ';
          append_number(out, v);
        }
        out += " \"" + field->name + "\"\n";
      } else {
        const auto& rule = std::get<layout::RuleItem>(item);
        out += "rule";
        for (double v : {rule.x1, rule.y1, rule.x2, rule.y2, rule.thickness}) {
          out += ' ';
          append_number(out, v);
        }
        if (rule.color != layout::Color{}) {
          out += ' ';
          append_color(out, rule.color);
        }
        out += '\n';
      }
    }
  }
  for (const auto& entry : frame.outline) {
    out += "bookmark " + std::to_string(entry.level) + ' ' + std::to_string(entry.page + 1) + ' ';
    append_number(out, entry.y);
    out += " \"" + entry.title + "\"\n";
  }
  return out;
}

}  // namespace vanban::output
