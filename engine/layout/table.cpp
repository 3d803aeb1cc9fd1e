#include "layout/table.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "layout/styled_text.h"

namespace vanban::layout {

namespace {

using markup::Column;

// An STT cell: an empty one-column cell of a body row in a number="true" column.
bool is_stt_cell(const markup::Table& table, std::size_t column, const markup::Cell& cell, const markup::Row& row) {
  return !row.header && cell.span == 1 && cell.paragraphs.empty() && column < table.columns.size() &&
         table.columns[column].numbered;
}

// Each row's STT: rows with an STT cell are numbered 1, 2, 3 … through the table; 0 for the
// others (header and group title rows).
std::vector<int> number_rows(const markup::Table& table) {
  std::vector<int> numbers;
  int number = 0;
  for (const auto& row : table.rows) {
    std::size_t column = 0;
    bool numbered = false;
    for (const auto& cell : row.cells) {
      numbered = numbered || is_stt_cell(table, column, cell, row);
      column += static_cast<std::size_t>(cell.span);
    }
    numbers.push_back(numbered ? ++number : 0);
  }
  return numbers;
}

// A cell's paragraphs as styled runs: its STT number, or its own text (bold in header rows).
std::vector<std::vector<StyledRun>> cell_paragraphs(const markup::Table& table, std::size_t column,
                                                    const markup::Cell& cell, const markup::Row& row, int row_number) {
  std::vector<std::vector<StyledRun>> paragraphs;
  if (is_stt_cell(table, column, cell, row)) {
    paragraphs.push_back({{std::to_string(row_number), text::FaceStyle::regular, false, {}}});
  }
  for (const auto& paragraph : cell.paragraphs) paragraphs.push_back(styled_runs(paragraph, row.header || row.total));
  return paragraphs;
}

struct ContentWidth {
  double min = 0;  // the widest word: narrower than this, the column cuts words
  double max = 0;  // the longest paragraph on one line
};

ContentWidth measure_cell(const std::vector<StyledRun>& runs, double size, const text::FontFamily& fonts) {
  ContentWidth width;
  double line = 0;
  for (const auto& run : runs) {
    const auto& face = fonts.face(run.face);
    line += face.text_width(run.text, size);
    std::size_t start = 0;
    while (start <= run.text.size()) {
      std::size_t end = run.text.find(' ', start);
      if (end == std::string::npos) end = run.text.size();
      width.min = std::max(width.min, face.text_width(run.text.substr(start, end - start), size));
      start = end + 1;
    }
  }
  width.max = line;
  return width;
}

}  // namespace

std::vector<double> distribute_columns(const markup::Table& table, const TableStyle& style,
                                       const text::FontFamily& fonts) {
  const std::size_t n = table.columns.size();
  std::vector<ContentWidth> content(n);
  const auto row_numbers = number_rows(table);
  struct Spanning {
    std::size_t first, last;  // columns covered, last excluded
    ContentWidth width;
  };
  std::vector<Spanning> spanning;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    std::size_t column = 0;
    for (const auto& cell : row.cells) {
      if (column >= n) break;
      ContentWidth width;
      for (const auto& runs : cell_paragraphs(table, column, cell, row, row_numbers[r])) {
        const auto measured = measure_cell(runs, style.size, fonts);
        width.min = std::max(width.min, measured.min + 2 * style.padding_x);
        width.max = std::max(width.max, measured.max + 2 * style.padding_x);
      }
      const std::size_t last = std::min(column + static_cast<std::size_t>(cell.span), n);
      if (last - column == 1) {
        content[column].min = std::max(content[column].min, width.min);
        content[column].max = std::max(content[column].max, width.max);
      } else {
        spanning.push_back({column, last, width});
      }
      column = last;
    }
  }
  // A cell spanning content columns widens them when they are together narrower than it
  // needs, in proportion to what they already want (CSS 2.1, §17.5.2.2, step 2).
  for (const auto& span : spanning) {
    for (auto member : {&ContentWidth::min, &ContentWidth::max}) {
      double have = 0;
      std::size_t growable = 0;
      for (std::size_t c = span.first; c < span.last; ++c) {
        if (table.columns[c].sizing != Column::Sizing::content) {
          growable = 0;  // a fixed or proportional column among them: leave the share alone
          break;
        }
        have += content[c].*member;
        ++growable;
      }
      const double need = span.width.*member - have;
      if (growable == 0 || need <= 0) continue;
      for (std::size_t c = span.first; c < span.last; ++c) {
        const double share = have > 0 ? (content[c].*member) / have : 1.0 / static_cast<double>(growable);
        content[c].*member += need * share;
      }
    }
    for (std::size_t c = span.first; c < span.last; ++c) content[c].max = std::max(content[c].max, content[c].min);
  }

  std::vector<double> widths(n, 0);
  double left = style.width;
  double weights = 0;
  std::vector<std::size_t> by_content;
  for (std::size_t c = 0; c < n; ++c) {
    const Column& column = table.columns[c];
    if (column.sizing == Column::Sizing::fixed) {
      widths[c] = column.value;
      left -= column.value;
    } else if (column.sizing == Column::Sizing::proportional) {
      weights += column.value;
    } else {
      by_content.push_back(c);
    }
  }
  left = std::max(left, 0.0);
  // Content columns: as wide as their longest line when that fits; otherwise each gets its
  // widest word and a share of the rest in proportion to how much more it would like (the
  // automatic table layout of CSS 2.1, §17.5.2.2, simplified).
  double want_max = 0, want_min = 0;
  for (auto c : by_content) {
    want_max += content[c].max;
    want_min += content[c].min;
  }
  const double for_content = weights > 0 ? std::min(want_max, left) : left;
  if (!by_content.empty()) {
    if (want_max <= for_content) {
      const double extra = weights > 0 ? 0 : for_content - want_max;
      for (auto c : by_content) {
        widths[c] = content[c].max + (want_max > 0 ? extra * content[c].max / want_max : extra / static_cast<double>(by_content.size()));
      }
    } else if (want_min >= for_content) {
      for (auto c : by_content) widths[c] = want_min > 0 ? for_content * content[c].min / want_min : for_content / static_cast<double>(by_content.size());
    } else {
      const double spare = for_content - want_min;
      const double desire = want_max - want_min;
      for (auto c : by_content) widths[c] = content[c].min + spare * (content[c].max - content[c].min) / desire;
    }
    left -= std::accumulate(by_content.begin(), by_content.end(), 0.0, [&](double sum, std::size_t c) { return sum + widths[c]; });
  }
  if (weights > 0) {
    for (std::size_t c = 0; c < n; ++c) {
      if (table.columns[c].sizing == Column::Sizing::proportional) widths[c] = std::max(left, 0.0) * table.columns[c].value / weights;
    }
  }
  return widths;
}

TableSlices layout_table(const markup::Table& table, const TableStyle& style, ParagraphCache& paragraphs) {
  const text::FontFamily& fonts = paragraphs.fonts();
  const auto widths = distribute_columns(table, style, fonts);
  std::vector<double> edges{style.left};
  for (double w : widths) edges.push_back(edges.back() + w);
  const double right = edges.back();
  const auto& regular = fonts.face(text::FaceStyle::regular);
  const double line_height = regular.line_height() * style.size;
  const double ascent = regular.ascent() * style.size;
  const double t = style.rule_thickness;

  TableSlices out;
  const auto row_numbers = number_rows(table);
  bool first_body_row = true;
  bool previous_heads_group = false;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    // Each cell's lines, and where its columns start.
    struct CellLines {
      double x = 0, width = 0;
      std::vector<ParagraphLine> lines;
      markup::VerticalAlign vertical_align = markup::VerticalAlign::top;
      std::optional<Color> fill;
      double offset = 0;  // in lines: where the first line goes, from the row's top band
    };
    std::vector<CellLines> cells;
    std::size_t column = 0;
    for (const auto& cell : row.cells) {
      const std::size_t last = std::min(column + static_cast<std::size_t>(cell.span), widths.size());
      CellLines laid{edges[column], edges[last] - edges[column], {}, cell.vertical_align, cell.fill, 0};
      markup::Align align = column < table.columns.size() ? table.columns[column].align : markup::Align::left;
      if (row.header) align = markup::Align::center;
      if (cell.has_align) align = cell.align;
      for (auto& runs : cell_paragraphs(table, column, cell, row, row_numbers[r])) {
        ParagraphSpec spec;
        spec.runs = std::move(runs);
        spec.size = style.size;
        spec.width = std::max(laid.width - 2 * style.padding_x, 1.0);
        spec.align = align;
        for (const auto& line : paragraphs.lay_out(spec)) laid.lines.push_back(line);
      }
      cells.push_back(std::move(laid));
      column = last;
    }

    std::size_t bands = 1;
    for (const auto& cell : cells) bands = std::max(bands, cell.lines.size());
    // A cell shorter than its row sits at the row's top, middle or bottom. Its lines keep to
    // the bands, except that a middle cell an odd number of lines short moves half a line.
    bool aligned_down = false;
    for (auto& cell : cells) {
      const double spare = static_cast<double>(bands - std::min(bands, cell.lines.size()));
      if (cell.vertical_align == markup::VerticalAlign::middle) cell.offset = spare / 2;
      if (cell.vertical_align == markup::VerticalAlign::bottom) cell.offset = spare;
      aligned_down = aligned_down || cell.offset > 0;
    }
    for (std::size_t k = 0; k < bands; ++k) {
      Slice slice;
      const double top_pad = k == 0 ? style.padding_y : 0;
      const double bottom_pad = k + 1 == bands ? style.padding_y : 0;
      slice.height = top_pad + line_height + bottom_pad;
      const double baseline = top_pad + ascent;
      for (const auto& cell : cells) {
        if (cell.fill) {
          PathItem shade{rectangle_path(cell.x, 0, cell.width, slice.height), 0, std::nullopt, cell.fill, std::nullopt, std::nullopt};
          slice.items.insert(slice.items.begin(), std::move(shade));
        }
        // The line of this cell that falls in band k, and how far below the band's baseline.
        const double at = static_cast<double>(k) - cell.offset;
        const double first = std::ceil(at - 1e-9);
        if (first < 0 || first >= static_cast<double>(cell.lines.size())) continue;
        const double shift = (first - at) * line_height;
        for (const auto& run : cell.lines[static_cast<std::size_t>(first)].runs) {
          put_run(slice.items, cell.x + style.padding_x, baseline + shift, style.size, run);
        }
      }
      if (table.borders) {
        for (const auto& cell : cells) slice.items.push_back(RuleItem{cell.x, 0, cell.x, slice.height, t, Color{}});
        slice.items.push_back(RuleItem{right, 0, right, slice.height, t, Color{}});
        const RuleItem top{style.left, 0, right, 0, t, {}};
        const RuleItem bottom{style.left, slice.height, right, slice.height, t, {}};
        if (k == 0) slice.items.push_back(top);
        else slice.items_if_first.push_back(top);  // a row continued on a new page
        if (k + 1 == bands && r + 1 == table.rows.size()) slice.items.push_back(bottom);
        else slice.items_if_last.push_back(bottom);  // closed where the page cuts the table
      }
      // Breaks: between rows, except between the header and the first row; inside a row,
      // only when it may split and each part keeps enough lines.
      if (k == 0) {
        // A total stays with the rows it adds up.
        slice.break_before_allowed = !row.header && !row.total && !first_body_row && !previous_heads_group;
      } else {
        const auto lines = static_cast<int>(bands);
        const auto at = static_cast<int>(k);
        // A row with text moved down is split only when it must be (taller than a page).
        slice.break_before_allowed = !row.keep && !row.header && !aligned_down && at >= style.widow_lines &&
                                     lines - at >= style.widow_lines;
      }
      (row.header ? out.header : out.body).push_back(std::move(slice));
    }
    if (!row.header) first_body_row = false;
    // A row that is one cell across the table ("I. ĐẠI BIỂU KHÁCH MỜI") heads a group: like
    // a heading, it stays with the row after it.
    previous_heads_group = row.cells.size() == 1 && row.cells[0].span >= static_cast<int>(table.columns.size());
  }
  if (!out.header.empty() && !out.body.empty()) out.body.front().break_before_allowed = false;
  return out;
}

}  // namespace vanban::layout
