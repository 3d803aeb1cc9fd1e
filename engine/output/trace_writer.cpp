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
    for (const auto& item : page.items) {
      if (const auto* text = std::get_if<layout::TextItem>(&item)) {
        std::string font = "font " + std::string(text::face_style_name(text->face)) + ' ';
        append_number(font, text->size);
        if (font != current_font) {
          out += font + '\n';
          current_font = font;
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
        out += '"' + std::filesystem::path(image->path).filename().string() + "\"\n";
      } else {
        const auto& rule = std::get<layout::RuleItem>(item);
        out += "rule ";
        for (double v : {rule.x1, rule.y1, rule.x2, rule.y2, rule.thickness}) {
          append_number(out, v);
          out += v == rule.thickness ? '\n' : ' ';
        }
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
