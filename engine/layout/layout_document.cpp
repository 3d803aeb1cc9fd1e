#include "layout/layout_document.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <tuple>

#include "base/diagnostics.h"
#include "layout/borders.h"
#include "layout/page_builder.h"
#include "layout/paragraph.h"
#include "layout/styled_text.h"
#include "layout/table.h"
#include "text/document_number.h"
#include "text/formats.h"
#include "text/unicode.h"

namespace vanban::layout {

void validate_settings(const LayoutSettings& s) {
  // Decree 30, Phụ lục I, Phần I, mục I.5.
  auto check = [](Points value, double low_mm, double high_mm, const char* name) {
    if (!std::isfinite(value) || value < mm(low_mm) - 0.01 || value > mm(high_mm) + 0.01) {
      fail_with("settings.margin", "{} margin must be {} mm (Decree 30, Phụ lục I, I.5)",
                {name, std::to_string(static_cast<int>(low_mm)) + "–" + std::to_string(static_cast<int>(high_mm))});
    }
  };
  check(s.margin_top, 20, 25, "top");
  check(s.margin_bottom, 20, 25, "bottom");
  check(s.margin_left, 30, 35, "left");
  check(s.margin_right, 15, 20, "right");
  if (!std::isfinite(s.line_spacing) || s.line_spacing < 1.0 || s.line_spacing > 1.5) fail("settings.line-spacing", "line spacing must be 1–1.5 lines");
}

namespace {

using text::FaceStyle;

class DocumentLayout {
 public:
  DocumentLayout(const markup::DocTree& doc, const text::FontFamily& fonts, ParagraphCache& paragraphs,
                 const LayoutSettings& settings, LayoutStats* stats, int looseness)
      : doc_(doc), fonts_(fonts), paragraphs_(paragraphs), s_(settings), stats_(stats), looseness_(looseness) {
    left_ = s_.margin_left;
    page_width_ = s_.page_width;
    page_height_ = s_.page_height;
    set_text_width(s_.text_width());
  }

  Frame run() {
    frame_.fonts = fonts_.faces;
    Page& first = new_page();
    double y = layout_header(first.items, doc_.header);
    y = layout_title(first.items, y, doc_.title);
    // Box 13 is measured on page 1's text width, before a landscape section may change it.
    const auto contact = contact_lines();
    const double first_width = width_;
    std::vector<Slice> slices;
    add_addressees(slices);
    bool previous_is_heading = false;
    add_blocks(doc_.body, slices, previous_is_heading);
    if (!doc_.signatures.empty() || !doc_.recipients.items.empty() || !doc_.side_note.lines.empty()) {
      // The signature never stands alone on a page: at least the last two lines of the body
      // go with it (the closing may not start a page, nor may the body's last line).
      if (!slices.empty() && !slices.back().page_break_before) slices.back().break_before_allowed = false;
      auto closing = closing_slices();
      slices.insert(slices.end(), std::make_move_iterator(closing.begin()), std::make_move_iterator(closing.end()));
    }
    const auto labelled = std::count_if(doc_.appendices.begin(), doc_.appendices.end(),
                                        [](const markup::Appendix& appendix) { return !appendix.label.empty(); });
    int appendix_number = 0;
    for (const auto& appendix : doc_.appendices) {
      add_page_break(appendix.page_break, slices);
      if (appendix.header) slices.push_back(attached_header_slice(*appendix.header, appendix.title));
      if (!appendix.label.empty() && !appendix.header) {
        const std::string number = labelled >= 2 ? " " + text::format_roman(++appendix_number) : "";
        slices.push_back(appendix_title_slice(appendix, text::to_nfc(appendix.label) + number));
      }
      previous_is_heading = false;
      add_blocks(appendix.blocks, slices, previous_is_heading);
    }
    const double contact_line = single_line(FaceStyle::regular, s_.contact_size);
    const double contact_height = contact.empty() ? 0 : contact_rule_gap + static_cast<double>(contact.size()) * contact_line;
    build_pages(frame_, slices, header_groups_, y,
                {s_.margin_top, s_.margin_bottom, static_cast<std::size_t>(std::max(0, s_.max_pages)), doc_.page.where,
                 contact.empty() ? 0 : contact_height + s_.paragraph_spacing});
    if (!contact.empty()) put_contact(frame_.pages.front(), contact, contact_height, first_width);
    const auto max_pages = static_cast<std::size_t>(doc_.page.max_pages);
    if (max_pages > 0 && frame_.pages.size() > max_pages) {
      fail_with("layout.too-many-pages", "the document takes {} pages where its <page> allows {}, even with its text at "
                "the smallest sizes allowed: shorten the longest texts or use larger paper",
                {std::to_string(frame_.pages.size()), std::to_string(max_pages)}, doc_.page.where);
    }
    if (doc_.page.centre_vertically && frame_.pages.size() == 1) centre_vertically(frame_.pages.front());
    check_inside_margins();
    // Box 11 stands in the top margin of page 1, as the page numbers do on the others; first
    // in the content, so that it is read first, as it stands.
    frame_.pages.front().items.insert(frame_.pages.front().items.begin(), circulation_items_.begin(),
                                      circulation_items_.end());
    number_pages();
    add_page_borders();
    if (doc_.page.print_width > 0) print_on_paper();
    check_on_paper();
    fill_info();
    if (stats_) finish_stats();
    return std::move(frame_);
  }

 private:
  // The text block's width and the header and signature columns that follow from it.
  void set_text_width(double width) {
    width_ = width;
    left_column_width_ = width_ * s_.header_left_share;
    left_centre_ = left_ + left_column_width_ / 2;
    right_centre_ = left_ + left_column_width_ + (width_ - left_column_width_) / 2;
  }

  // ---- measuring and placing ------------------------------------------------------------

  double ascent(FaceStyle face, double size) const { return fonts_.face(face).ascent() * size; }
  double descent(FaceStyle face, double size) const { return fonts_.face(face).descent() * size; }
  double single_line(FaceStyle face, double size) const { return fonts_.face(face).line_height() * size; }
  double width_of(const std::string& text, FaceStyle face, double size) const {
    return fonts_.face(face).text_width(text, size);
  }

  Page& new_page() {
    frame_.pages.push_back(Page{s_.page_width, s_.page_height, 1, false, {}});
    return frame_.pages.back();
  }

  static void put_text(std::vector<Item>& items, double x, double y, FaceStyle face, double size, std::string text) {
    items.push_back(TextItem{x, y, face, size, std::move(text), {}});
  }

  // Places one line centred on cx; returns its width.
  double put_centred(std::vector<Item>& items, double cx, double baseline, FaceStyle face, double size,
                     const std::string& text) const {
    const double w = width_of(text, face, size);
    put_text(items, cx - w / 2, baseline, face, size, text);
    return w;
  }

  void put_rule(std::vector<Item>& items, double cx, double y, double length) const {
    items.push_back(RuleItem{cx - length / 2, y, cx + length / 2, y, s_.rule_thickness, Color{}});
  }

  struct CentredLines {
    double widest = 0;
    double last_baseline = 0;
  };

  // Sets runs centred on cx, wrapped into balanced lines no wider than width when they do
  // not fit on one; each line takes the single line height of face from y, which moves down.
  CentredLines put_centred_lines(std::vector<Item>& items, std::vector<StyledRun> runs, FaceStyle face, double size,
                                 double cx, double width, double& y) const {
    ParagraphSpec spec;
    spec.runs = std::move(runs);
    spec.size = size;
    spec.width = width;
    spec.align = Align::center;
    spec.balanced = true;
    CentredLines placed;
    for (const auto& line : paragraphs_.lay_out(spec)) {
      const double baseline = y + ascent(face, size);
      for (const auto& run : line.runs) put_run(items, cx - width / 2, baseline, size, run);
      placed.widest = std::max(placed.widest, line.natural_width);
      placed.last_baseline = baseline;
      y += single_line(face, size);
    }
    return placed;
  }

  // The gap between a baseline and a rule drawn under its line: clear of the descenders, so
  // the rule reads as a line of its own, not an underline.
  double rule_offset(FaceStyle face, double size) const { return descent(face, size) + 4.0; }

  std::string line_text(const markup::Inlines& inlines, bool upper) const {
    std::string text = text::to_nfc(markup::plain_text(inlines));
    return upper ? text::to_upper_vi(text) : text;
  }

  // ---- page 1: header and title -----------------------------------------------------------

  // Lays out boxes 1–4 of the Decree 30 diagram (Phụ lục I, Mục IV); returns the y below them.
  // A Party document's header has the same places with its own parts (docs/party.md).
  double layout_header(std::vector<Item>& items, const markup::Header& header) {
    if (header.issuer_lines.empty()) return layout_centred_header(items, header);
    const double top = s_.margin_top;
    const bool party = doc_.profile == markup::Profile::party;

    // Box 2, left column: parent body (caps, not bold), issuer (caps, bold), a rule of
    // 1/3–1/2 of the issuer line under it, centred (Phụ lục I, II.2). A Party document puts
    // an asterisk under the issuer instead of the rule (Hướng dẫn 36-HD/VPTW).
    double y = top;
    double issuer_width = 0;
    double left_rule_y = top;
    const double size = party ? s_.party_issuer_size : s_.issuer_size;
    for (const auto& line : header.parent_lines) {
      put_body_name_lines(items, line, false, size, y);
    }
    for (const auto& line : header.issuer_lines) {
      const auto placed = put_body_name_lines(items, line, true, size, y);
      issuer_width = std::max(issuer_width, placed.widest);
      left_rule_y = placed.last_baseline + rule_offset(FaceStyle::bold, size);
    }
    if (party) {
      const double star_baseline = y + ascent(FaceStyle::regular, size);
      put_centred(items, left_centre_, star_baseline, FaceStyle::regular, size, "*");
      left_rule_y = star_baseline + descent(FaceStyle::regular, size) - 4;
    } else {
      put_rule(items, left_centre_, left_rule_y, issuer_width * s_.issuer_rule_share);
    }

    // Box 1, right column: Quốc hiệu, Tiêu ngữ on the next line (single spacing), and a rule
    // exactly as wide as the Tiêu ngữ (Phụ lục I, II.1); or a Party document's title with a
    // rule its own length.
    const double right_rule_y = party ? put_party_title(items, right_centre_, top) : put_national_title(items, right_centre_, top);
    if (&header == &doc_.header && !header.circulation.empty()) put_circulation(header.circulation);
    if (&header == &doc_.header && !header.electronic_signing_time.empty()) put_electronic_signature(header);

    // Boxes 3 and 4 share a baseline: the Số line centred under the issuer, the italic place
    // and date centred under the Quốc hiệu (Phụ lục I, II.3–4). Neither leaves its column:
    // a long Số line goes on after a "/" or "-" of its ký hiệu; a date line too long at
    // 14 pt is set at 13 pt, the smallest the decree allows, and if still too long goes on
    // after the place's comma (the date whole on its own line), never shrunk below 13 pt.
    const double number_size = party ? s_.party_number_size : s_.number_size;
    const double rules_bottom = std::max(left_rule_y, right_rule_y);
    const double baseline = rules_bottom + 6 + ascent(FaceStyle::regular, number_size);
    double bottom = baseline + descent(FaceStyle::regular, number_size);
    double number_bottom = bottom;
    if (!header.number.empty() || !header.notation.empty()) {
      const std::string line = text::to_nfc(party ? text::format_party_number(header.number, header.notation)
                                                  : text::format_document_number(header.number, header.notation));
      double number_y = baseline;
      for (const auto& part : number_lines(line, left_column_width_, number_size)) {
        put_centred(items, left_centre_, number_y, FaceStyle::regular, number_size, part);
        number_bottom = number_y + descent(FaceStyle::regular, number_size);
        number_y += single_line(FaceStyle::regular, number_size);
      }
      bottom = std::max(bottom, number_bottom);
    }
    // Box 5b, a công văn's "V/v …": under the Số line, centred on its axis, about 6 pt
    // below it, 12 pt upright, in balanced lines within the left column (Phụ lục I, II.5b).
    if (!header.subject.empty()) {
      double subject_y = number_bottom + s_.letter_subject_gap;
      const double subject_size = s_.letter_subject_size;
      const auto placed = put_centred_lines(items, styled_runs(header.subject), FaceStyle::regular, subject_size,
                                            left_centre_, left_column_width_, subject_y);
      bottom = std::max(bottom, placed.last_baseline + descent(FaceStyle::regular, subject_size));
    }
    // A draft's date line (no date yet, but a place or a Số line): blanks for the day, month
    // and year, never no line at all. A header without <place-date> (a Biên bản, Mẫu 1.9)
    // has no date line.
    const bool draft_date =
        header.date_line && header.date.empty() && (!header.place.empty() || !header.notation.empty());
    if (!header.date.empty() || draft_date) {
      const std::string date_text = draft_date ? text::format_blank_date_vi()
                                               : text::format_date_vi(text::parse_date(header.date, header.date_where));
      const std::string line = text::to_nfc(header.place.empty() ? date_text : header.place + ", " + date_text);
      const double column = width_ - left_column_width_;
      double date_size = s_.date_size;
      if (width_of(line, FaceStyle::italic, date_size) > column) date_size = std::min(date_size, 13.0);
      if (width_of(line, FaceStyle::italic, date_size) <= column || header.place.empty()) {
        std::vector<Item> placed;
        double date_y = baseline - ascent(FaceStyle::italic, date_size);
        const auto lines = put_centred_lines(placed, {{line, FaceStyle::italic, false, {}}}, FaceStyle::italic, date_size,
                                             right_centre_, column, date_y);
        items.insert(items.end(), placed.begin(), placed.end());
        bottom = std::max(bottom, lines.last_baseline + descent(FaceStyle::regular, number_size));
      } else {
        double date_y = baseline - ascent(FaceStyle::italic, date_size);
        put_centred_lines(items, {{text::to_nfc(header.place) + ",", FaceStyle::italic, false, {}}}, FaceStyle::italic,
                          date_size, right_centre_, column, date_y);
        const auto lines = put_centred_lines(items, {{text::to_nfc(date_text), FaceStyle::italic, false, {}}},
                                             FaceStyle::italic, date_size, right_centre_, column, date_y);
        bottom = std::max(bottom, lines.last_baseline + descent(FaceStyle::regular, number_size));
      }
    }
    return bottom;
  }

  // The Số line in lines no wider than width: whole when it fits, else cut after the "/" and
  // the "-" of its ký hiệu, as many parts to a line as fit (a part wider than a line alone).
  std::vector<std::string> number_lines(const std::string& line, double width, double size) const {
    if (width_of(line, FaceStyle::regular, size) <= width) return {line};
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at = line.find_first_of("/-"); at != std::string::npos; at = line.find_first_of("/-", at + 1)) {
      parts.push_back(line.substr(from, at + 1 - from));
      from = at + 1;
    }
    parts.push_back(line.substr(from));
    std::vector<std::string> lines{""};
    for (const auto& part : parts) {
      if (!lines.back().empty() && width_of(lines.back() + part, FaceStyle::regular, size) > width) lines.emplace_back();
      lines.back() += part;
    }
    return lines;
  }

  // Box 1: Quốc hiệu, Tiêu ngữ on the next line (single spacing), and a rule exactly as wide
  // as the Tiêu ngữ (Phụ lục I, II.1), centred on cx from top; returns the rule's y.
  double put_national_title(std::vector<Item>& items, double cx, double top) const {
    const double national_baseline = top + ascent(FaceStyle::bold, s_.national_title_size);
    put_centred(items, cx, national_baseline, FaceStyle::bold, s_.national_title_size,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const double motto_baseline = national_baseline + single_line(FaceStyle::bold, s_.motto_size);
    const double motto_width =
        put_centred(items, cx, motto_baseline, FaceStyle::bold, s_.motto_size, "Độc lập - Tự do - Hạnh phúc");
    const double rule_y = motto_baseline + rule_offset(FaceStyle::bold, s_.motto_size);
    put_rule(items, cx, rule_y, motto_width);
    return rule_y;
  }

  // Box 11 (Phụ lục I, mục II.11; the diagram of mục IV puts it over the right column, in
  // the top margin): the note in caps bold, 13 pt, centred in a single-border rectangle
  // whose bottom is 2 pt above the text block. Kept aside and drawn on page 1 after the
  // margins are checked: like the page numbers, it belongs in the margin.
  // A note too long for the margin is refused, never drawn over the Quốc hiệu.
  void put_circulation(const markup::Inlines& note) {
    const double size = s_.circulation_size;
    const double padding = 3;
    const double measure = width_ - left_column_width_ - 2 * padding;
    ParagraphSpec spec;
    spec.runs = styled_runs(note, true, true);
    spec.size = size;
    spec.width = measure;
    spec.align = Align::center;
    spec.balanced = true;
    double widest = 0;
    const auto& lines = paragraphs_.lay_out(spec);
    for (const auto& line : lines) widest = std::max(widest, line.natural_width);
    const double height = static_cast<double>(lines.size()) * single_line(FaceStyle::bold, size) + 2 * padding;
    const double bottom = s_.margin_top - 2;
    if (bottom - height < 2) {
      fail_with("layout.circulation-too-long", "the circulation note '{}' takes {} lines, more than the top margin holds "
                "above the Quốc hiệu", {excerpt(line_text(note, true)), std::to_string(lines.size())}, {}, {"box 11 holds a short note: LƯU HÀNH NỘI BỘ, XEM XONG TRẢ LẠI"});
    }
    const double top = bottom - height;
    circulation_top_ = top;
    const double width = widest + 2 * padding + 4;
    put_border(circulation_items_, BorderSpec{markup::BorderStyle::single, Color{}, 0.75, std::nullopt},
               right_centre_ - width / 2, top, width, height);
    double y = top + padding;
    for (const auto& line : lines) {
      const double baseline = y + ascent(FaceStyle::bold, size);
      for (const auto& run : line.runs) put_run(circulation_items_, right_centre_ - measure / 2, baseline, size, run);
      y += single_line(FaceStyle::bold, size);
    }
  }

  // Box 14 (Phụ lục I, mục II.8 and Phần II): on an electronic copy or an appendix filed
  // apart, the organisation signs with no image, and a block at the top right of page 1 tells
  // the số/ký hiệu and the signing time in ISO 8601 with its offset, Times New Roman 10 pt,
  // upright, black. It stands in the top margin, flush with the right margin, above box 11
  // when the document has one; with --sign-fields, Sig_Org covers it.
  void put_electronic_signature(const markup::Header& header) {
    const double size = s_.electronic_signature_size;
    const bool party = doc_.profile == markup::Profile::party;
    const std::string number = header.number.empty() && header.notation.empty()
                                   ? std::string()
                                   : text::to_nfc(party ? text::format_party_number(header.number, header.notation)
                                                        : text::format_document_number(header.number, header.notation));
    std::vector<std::string> lines;
    if (!number.empty()) lines.push_back(number);
    lines.push_back("Thời gian ký: " + header.electronic_signing_time);
    const double line_height = single_line(FaceStyle::regular, size);
    const double bottom = (circulation_top_ > 0 ? circulation_top_ : s_.margin_top) - 2;
    const double top = bottom - static_cast<double>(lines.size()) * line_height;
    if (top < 2) {
      fail("layout.box14-too-tall", "box 14 and the circulation note take more than the top margin holds", header.electronic_where);
    }
    const double right = left_ + width_;
    double widest = 0;
    double y = top;
    for (const auto& line : lines) {
      const double w = width_of(line, FaceStyle::regular, size);
      widest = std::max(widest, w);
      put_text(circulation_items_, right - w, y + ascent(FaceStyle::regular, size), FaceStyle::regular, size, line);
      y += line_height;
    }
    if (s_.signature_fields) {
      circulation_items_.push_back(FieldItem{"Sig_Org", right - widest - 2, top - 1, widest + 4, bottom - top + 2});
    }
  }

  // A Party document's title, "ĐẢNG CỘNG SẢN VIỆT NAM", caps bold, with a rule under it as
  // long as the line (Hướng dẫn 36-HD/VPTW; docs/party.md), centred on cx from top; returns
  // the rule's y.
  double put_party_title(std::vector<Item>& items, double cx, double top) const {
    const double size = s_.party_title_size;
    const double baseline = top + ascent(FaceStyle::bold, size);
    const double width = put_centred(items, cx, baseline, FaceStyle::bold, size, "ĐẢNG CỘNG SẢN VIỆT NAM");
    const double rule_y = baseline + rule_offset(FaceStyle::bold, size);
    put_rule(items, cx, rule_y, width);
    return rule_y;
  }

  // One line of the issuing body (box 2), in caps, centred in the left column: whole if it
  // fits; else broken before the administrative unit's word where both parts then fit, as a
  // clerk writes "ỦY BAN NHÂN DÂN / TỈNH BÀ RỊA - VŨNG TÀU" (never "… TỈNH / BÀ RỊA …");
  // else in balanced lines.
  CentredLines put_body_name_lines(std::vector<Item>& items, const markup::Inlines& line, bool bold, double size,
                                   double& y) const {
    const FaceStyle face = bold ? FaceStyle::bold : FaceStyle::regular;
    const std::string text = line_text(line, true);
    if (width_of(text, face, size) > left_column_width_) {
      static const std::array<std::string_view, 9> units = {" THÀNH PHỐ ", " THỊ XÃ ", " THỊ TRẤN ", " TỈNH ", " HUYỆN ",
                                                            " QUẬN ", " PHƯỜNG ", " XÃ ", " ĐẶC KHU "};
      std::size_t cut = std::string::npos;
      for (const auto unit : units) cut = std::min(cut, text.find(unit));
      if (cut != std::string::npos) {
        const std::string first = text.substr(0, cut), second = text.substr(cut + 1);
        if (width_of(first, face, size) <= left_column_width_ && width_of(second, face, size) <= left_column_width_) {
          CentredLines placed;
          for (const auto& part : {first, second}) {
            const double baseline = y + ascent(face, size);
            placed.widest = std::max(placed.widest, put_centred(items, left_centre_, baseline, face, size, part));
            placed.last_baseline = baseline;
            y += single_line(face, size);
          }
          return placed;
        }
      }
    }
    return put_centred_lines(items, styled_runs(line, bold, true), face, size, left_centre_, left_column_width_, y);
  }

  // A certificate's top (docs/conventions.md, "Certificates"): the emblem, if any, then Quốc hiệu and Tiêu ngữ
  // centred on the text block; no issuer column. Returns the y below the rule.
  double layout_centred_header(std::vector<Item>& items, const markup::Header& header) {
    double y = s_.margin_top;
    const double centre = left_ + width_ / 2;
    if (header.emblem.data) {
      markup::Image emblem = header.emblem;
      if (emblem.width <= 0 && emblem.height <= 0) emblem.height = mm(20);
      const auto [width, height] = image_size(emblem, width_, page_height_ / 4);
      items.push_back(ImageItem{centre - width / 2, y, width, height, emblem.source, emblem.data});
      y += height + 4;
    }
    return put_national_title(items, centre, y) + 2;
  }

  // The header and title of a document issued with the main one (Mẫu 1.3: a decision's
  // attached list), at the top of its first page.
  Slice attached_header_slice(const markup::Header& header, const markup::Title& title) {
    std::vector<Item> items;
    const double bottom = layout_title(items, layout_header(items, header), title);
    Slice slice;
    slice.height = bottom - s_.margin_top;
    for (auto& item : items) shift_item(item, -s_.margin_top);
    slice.items = std::move(items);
    return slice;
  }

  // A phụ lục's head (Phụ lục III, Mẫu 2.1; Phụ lục I, mục III.1.đ): "Phụ lục I" 14 pt bold
  // centred, its title in caps bold, the italic "(Kèm theo <type> số …/… ngày … của …)" line
  // from the document's own header (blanks where a draft has no number or date yet), and a
  // short rule.
  Slice appendix_title_slice(const markup::Appendix& appendix, const std::string& label) {
    std::vector<Item> items;
    const double size = s_.title_size;
    double y = 0;
    const double centre = left_ + width_ / 2;
    put_centred(items, centre, y + ascent(FaceStyle::bold, size), FaceStyle::bold, size, label);
    y += single_line(FaceStyle::bold, size);
    double widest = 0, last_baseline = y;
    const double title_top = y;
    if (!appendix.title.subject.empty()) {
      const auto placed = put_centred_lines(items, styled_runs(appendix.title.subject, true, true), FaceStyle::bold, size,
                                            centre, width_, y);
      widest = placed.widest;
      last_baseline = placed.last_baseline;
    }
    // The seal of a document that carries one goes on its phụ lục too, over the left part
    // of the title (Phụ lục I, mục II.8: on appendices it covers part of the title).
    std::vector<Item> seal_items;
    if (!doc_.signatures.empty() && doc_.signatures.front().seal_image.data && widest > 0) {
      markup::Image seal = doc_.signatures.front().seal_image;
      if (seal.width <= 0 && seal.height <= 0) seal.width = mm(36);
      const auto [seal_width, seal_height] = image_size(seal, width_ / 3, mm(60));
      const double title_left = centre - widest / 2;
      const double middle = (title_top + last_baseline) / 2;
      seal_items.push_back(ImageItem{std::max(left_, title_left + widest / 6 - seal_width / 2),
                                     std::max(0.0, middle - seal_height / 2), seal_width, seal_height, seal.source, seal.data});
    }
    const auto note = appendix.title.note.empty() ? markup::Inlines{{appendix_note(), {}}} : appendix.title.note;
    last_baseline = put_centred_lines(items, styled_runs(note, false, false, true), FaceStyle::italic, size, centre, width_, y)
                        .last_baseline;
    const double rule_y = last_baseline + rule_offset(FaceStyle::bold, size);
    put_rule(items, centre, rule_y, std::max(widest, width_ / 3) * s_.subject_rule_share);
    Slice slice;
    slice.height = rule_y + single_line(FaceStyle::regular, s_.body_size) / 2;
    for (const auto& item : seal_items) {
      const auto& image = std::get<ImageItem>(item);
      slice.height = std::max(slice.height, image.y + image.height);
    }
    items.insert(items.end(), seal_items.begin(), seal_items.end());  // drawn over the title
    slice.items = std::move(items);
    return slice;
  }

  // "(Kèm theo Kế hoạch số 54/KH-UBND ngày 26 tháng 8 năm 2019 của Ủy ban nhân dân thị xã
  // Duyên Hải)", from the document's title and header; a draft's missing number and date
  // are left as blanks to fill in (Mẫu 2.1).
  std::string appendix_note() const {
    const auto& header = doc_.header;
    const bool party = doc_.profile == markup::Profile::party;
    // The type as the title names it, in sentence case: "Kế hoạch", "Báo cáo".
    const std::string type = doc_.title.type.empty() ? "Văn bản" : text::to_nfc(doc_.title.type);
    std::string number;
    if (header.number.empty()) number = party ? "…-" + header.notation : "…/" + header.notation;
    else if (party) number = text::format_party_number(header.number, header.notation).substr(std::string("Số ").size());
    else number = text::format_document_number(header.number, header.notation).substr(std::string("Số: ").size());
    // No-break spaces: a date to fill in stays whole on its line, as a written one does.
    const std::string date = header.date.empty() ? "ngày\u00A0…\u00A0tháng\u00A0…\u00A0năm\u00A0…"
                                                 : text::format_date_vi(text::parse_date(header.date, header.date_where));
    std::string issuer;
    for (const auto& line : header.issuer_lines) issuer += (issuer.empty() ? "" : " ") + line_text(line, false);
    return text::to_nfc("(Kèm theo " + type + " số " + number + " " + date + (issuer.empty() ? "" : " của " + issuer) + ")");
  }

  // Box 5a: the type name in caps and the trích yếu, bold and centred, a short rule under
  // (Phụ lục I, II.5a). Returns the y where the body may start.
  // An attached document's "(Kèm theo …)" note goes under the trích yếu, above the rule
  // (Mẫu 1.3; docs/conventions.md, "Meeting paperwork"), in italics.
  double layout_title(std::vector<Item>& items, double y, const markup::Title& title) {
    const bool party = doc_.profile == markup::Profile::party;
    const double size = party ? s_.party_subject_size : s_.title_size;
    const double type_size = party ? s_.party_type_size : s_.title_size;
    if (title.type.empty() && title.subject.empty()) return y + single_line(FaceStyle::regular, s_.body_size);
    y += single_line(FaceStyle::bold, size);  // one blank line between the header and the title
    const double page_centre = left_ + width_ / 2;
    double type_width = 0, type_baseline = y;
    if (!title.type.empty()) {
      type_baseline = y + ascent(FaceStyle::bold, type_size);
      type_width = put_centred(items, page_centre, type_baseline, FaceStyle::bold, type_size,
                               text::to_upper_vi(text::to_nfc(title.type)));
      y += single_line(FaceStyle::bold, type_size);
    }
    const auto subject =
        put_centred_lines(items, styled_runs(title.subject, true), FaceStyle::bold, size, page_centre, width_, y);
    // Without a trích yếu (a Giấy giới thiệu, Mẫu 1.8) the rule goes under the type name.
    const double widest = title.subject.empty() ? type_width : subject.widest;
    double last_baseline = title.subject.empty() ? type_baseline : subject.last_baseline;
    if (!title.note.empty()) {
      last_baseline = put_centred_lines(items, styled_runs(title.note, false, false, true), FaceStyle::italic, size,
                                        page_centre, width_, y).last_baseline;
    }
    const double rule_y = last_baseline + rule_offset(FaceStyle::bold, size);
    if (widest > 0) put_rule(items, page_centre, rule_y, widest * s_.subject_rule_share);
    return rule_y + single_line(FaceStyle::regular, s_.body_size) / 2;
  }

  // Box 9a, "Kính gửi:" (Phụ lục I, II.9a), 14 pt upright, the block centred on the text.
  // One addressee follows the label on its line; several go each on a line of its own under
  // it, starting with a dash, the dashes aligned under the label's colon. A long addressee
  // wraps with its text, never under its dash. A line to a slice: a công văn to sixty bodies
  // goes on to the next page rather than off this one.
  void add_addressees(std::vector<Slice>& out) {
    const auto& addressees = doc_.addressees;
    if (addressees.items.empty()) return;
    const double size = s_.addressee_size;
    const std::string label = text::to_nfc(addressees.label);
    const bool one = addressees.items.size() == 1;
    const double label_width = width_of(label, FaceStyle::regular, size);
    const std::string before_colon = !label.empty() && label.back() == ':' ? label.substr(0, label.size() - 1) : label;
    const double item_offset = one ? label_width + width_of(" ", FaceStyle::regular, size)
                                   : width_of(before_colon, FaceStyle::regular, size);
    const std::string dash = one ? "" : "- ";
    const double dash_width = width_of(dash, FaceStyle::regular, size);
    double widest = 0;
    for (const auto& item : addressees.items) {
      ParagraphSpec spec;
      spec.runs = styled_runs(item);
      spec.size = size;
      spec.width = 1e6;  // the natural width of its text on one line
      spec.align = Align::left;
      for (const auto& line : paragraphs_.lay_out(spec)) widest = std::max(widest, line.natural_width);
    }
    const double block_width = std::max(label_width, item_offset + dash_width + widest);
    // Centred; a block too wide to centre starts at the paragraph indent, its lines wrap.
    double block_left = left_ + std::max(0.0, (width_ - block_width) / 2);
    if (block_width > width_) block_left = left_ + std::min(s_.first_line_indent, width_ / 4);
    const double text_left = block_left + item_offset + dash_width;
    const double line_height = single_line(FaceStyle::regular, size) * s_.line_spacing;
    const double baseline = ascent(FaceStyle::regular, size);
    const std::size_t first = out.size();
    if (!one) {
      Slice slice;
      slice.height = line_height;
      put_text(slice.items, block_left, baseline, FaceStyle::regular, size, label);
      out.push_back(std::move(slice));
    }
    for (const auto& item : addressees.items) {
      ParagraphSpec spec;
      spec.runs = styled_runs(item);
      spec.size = size;
      spec.width = std::max(left_ + width_ - text_left, 36.0);
      spec.align = Align::left;
      bool first_line = true;
      for (const auto& line : paragraphs_.lay_out(spec)) {
        Slice slice;
        slice.height = line_height;
        slice.break_before_allowed = first_line && out.size() > first + 1;  // the label keeps its first addressee
        if (first_line && one) put_text(slice.items, block_left, baseline, FaceStyle::regular, size, label);
        if (first_line && !one) put_text(slice.items, text_left - dash_width, baseline, FaceStyle::regular, size, "-");
        for (const auto& run : line.runs) put_run(slice.items, text_left, baseline, size, run);
        first_line = false;
        out.push_back(std::move(slice));
      }
    }
    if (out.size() > first) {
      out[first].space_before = s_.paragraph_spacing;
      out.back().height += s_.paragraph_spacing;  // the body starts a little further down
    }
  }

  // Box 13 (Phụ lục I, II.13): the contact lines, 11 pt, centred, each wrapped to the text width.
  std::vector<ParagraphLine> contact_lines() const {
    std::vector<ParagraphLine> lines;
    for (const auto& entry : doc_.contact.lines) {
      ParagraphSpec spec;
      spec.runs = styled_runs(entry);
      spec.size = s_.contact_size;
      spec.width = width_;
      spec.align = Align::center;
      spec.balanced = true;
      for (const auto& line : paragraphs_.lay_out(spec)) lines.push_back(line);
    }
    return lines;
  }

  // Draws the contact block at the foot of page 1, its last line on the bottom margin, under
  // a rule the full text width; the page builder kept that room free on page 1 only.
  // Page 1's own content ends above the block (the page builder's reserve); a first block
  // too tall for that room is refused rather than printed under the contact lines.
  void put_contact(Page& page, const std::vector<ParagraphLine>& lines, double height, double width) const {
    const double size = s_.contact_size;
    const double top = page.height - s_.margin_bottom - height;
    for (const auto& item : page.items) {
      double bottom = 0;
      if (const auto* text = std::get_if<TextItem>(&item)) bottom = text->y + descent(text->face, text->size);
      if (const auto* image = std::get_if<ImageItem>(&item)) bottom = image->y + image->height;
      if (const auto* rule = std::get_if<RuleItem>(&item)) bottom = std::max(rule->y1, rule->y2);
      if (const auto* path = std::get_if<PathItem>(&item)) {
        for (const auto& segment : path->segments) {
          for (const auto& point : segment.points) bottom = std::max(bottom, point.y);
        }
      }
      if (bottom > top + 0.5) {
        fail("layout.outside-page", "on page 1 the text would run into the contact lines at its foot; vanban refuses "
             "to print it so: shorten the first block of the body or report this as a bug");
      }
    }
    put_rule(page.items, left_ + width / 2, top + 1, width);
    double y = top + contact_rule_gap;
    for (const auto& line : lines) {
      const double baseline = y + ascent(FaceStyle::regular, size);
      for (const auto& run : line.runs) put_run(page.items, left_, baseline, size, run);
      y += single_line(FaceStyle::regular, size);
    }
  }
  static constexpr double contact_rule_gap = 4;  // from the rule to the top of the first contact line

  // ---- body -------------------------------------------------------------------------------

  void record_line_stats(const ParagraphLine& line, bool last_line) {
    if (!stats_) return;
    ++stats_->lines;
    if (line.overfull) ++stats_->overfull_lines;
    if (last_line || line.runs.empty()) return;
    const double factor = line.ratio >= 0 ? 1 + line.ratio / 2 : 1 + line.ratio / 3;  // space' / space
    stats_->max_space_ratio = std::max(stats_->max_space_ratio, factor);
    stats_->min_space_ratio = std::min(stats_->min_space_ratio, factor);
    space_ratio_sum_ += factor;
    ++space_ratio_count_;
    if (factor > 1.5) ++stats_->loose_lines;
  }

  void finish_stats() {
    if (space_ratio_count_ > 0) stats_->mean_space_ratio = space_ratio_sum_ / space_ratio_count_;
  }

  std::string list_label(const markup::Block& block) const {
    if (!block.label.empty()) return text::to_nfc(block.label);
    switch (block.label_style) {
      case markup::LabelStyle::roman: return text::format_roman(block.ordinal) + ".";
      case markup::LabelStyle::arabic: return std::to_string(block.ordinal) + ".";
      case markup::LabelStyle::letter: return text::format_diem_letter(block.ordinal) + ")";
      case markup::LabelStyle::dash: return "-";
      case markup::LabelStyle::plus: return "+";
      case markup::LabelStyle::none: break;
    }
    return {};
  }

  // Appends the slices of blocks. A heading keeps the block after it on its page.
  void add_blocks(const std::vector<markup::Block>& blocks, std::vector<Slice>& out, bool& previous_is_heading) {
    for (const auto& block : blocks) {
      const std::size_t first = out.size();
      switch (block.kind) {
        case markup::BlockKind::paragraph:
        case markup::BlockKind::heading: add_paragraph(block, out); break;
        case markup::BlockKind::page_break: add_page_break(block.page_break, out); break;
        case markup::BlockKind::keep: {
          bool inner_heading = previous_is_heading;
          add_blocks(block.children, out, inner_heading);
          // Keep-together: no break inside; a block taller than a page still breaks where
          // it overflows (page_builder), so nothing is lost.
          for (std::size_t k = first + 1; k < out.size(); ++k) out[k].break_before_allowed = false;
          break;
        }
        case markup::BlockKind::table: add_table(block.table, out); break;
        case markup::BlockKind::image: add_image(block.image, out); break;
        case markup::BlockKind::rule: add_rule(block.rule_share, out); break;
        case markup::BlockKind::box: add_box(block, out); break;
      }
      if (out.size() == first) continue;
      if (block.kind != markup::BlockKind::page_break) {
        const bool own_space = block.space_before >= 0;  // the block's space-before, even 0
        if (first > 0 && out[first].space_before == 0 && !own_space) out[first].space_before = s_.paragraph_spacing;
        if (previous_is_heading) out[first].break_before_allowed = false;
      }
      previous_is_heading = block.kind == markup::BlockKind::heading;
    }
  }

  // Body paragraphs and headings (Phụ lục I, II.6): justified, the first line indented, at
  // least two lines of a paragraph on either side of a page break (widows and orphans).
  void add_paragraph(const markup::Block& block, std::vector<Slice>& out) {
    const bool heading = block.kind == markup::BlockKind::heading;
    double size = block.size > 0 ? block.size : s_.body_size;
    ParagraphSpec spec;
    spec.runs = styled_runs(block.text, heading);
    spec.size = size;
    spec.width = width_;
    spec.first_indent = s_.first_line_indent;
    spec.align = block.align;
    if (spec.align != Align::justify) spec.first_indent = 0;
    spec.label = list_label(block);
    // A label takes its text's weight: "I." is bold beside a bold title, as a heading's is
    // (Phụ lục I, mục II.6: the numeral is part of the title it numbers).
    spec.label_face = heading ? FaceStyle::bold : FaceStyle::regular;
    if (!heading && !spec.runs.empty() &&
        (spec.runs.front().face == FaceStyle::bold || spec.runs.front().face == FaceStyle::bold_italic)) {
      spec.label_face = FaceStyle::bold;
    }
    spec.breaker = s_.line_breaker;
    spec.break_params = s_.break_params;
    spec.break_params.looseness += looseness_;
    auto lines = paragraphs_.lay_out(spec);
    if (block.max_lines > 0 && static_cast<int>(lines.size()) > block.max_lines) {
      size = shrunk_size(spec, block, lines);
    }
    const double line_height = single_line(FaceStyle::regular, size) * s_.line_spacing;
    const int count = static_cast<int>(lines.size());
    for (int j = 0; j < count; ++j) {
      const auto& line = lines[static_cast<std::size_t>(j)];
      if (spec.align == Align::justify) record_line_stats(line, j + 1 == count);
      Slice slice;
      slice.height = line_height;
      slice.break_before_allowed = j == 0 || (j >= 2 && count - j >= 2);
      if (j == 0 && block.space_before >= 0) slice.space_before = block.space_before;
      const double baseline = ascent(FaceStyle::regular, size);
      slice.items.reserve(line.runs.size());  // a justified line places each word apart
      for (const auto& run : line.runs) {
        put_run(slice.items, left_, baseline, size, run);
      }
      if (heading && j == 0) {
        std::string title = spec.label.empty() ? "" : spec.label + " ";
        title += line_text(block.text, false);
        slice.bookmarks.push_back({block.level, std::move(title), 0, 0});
      }
      out.push_back(std::move(slice));
    }
  }

  // Shrink to fit: the largest size, in quarter points from min_size (by default 13 pt,
  // the smallest text size Decree 30 allows, Phụ lục I, I.4; a text set smaller is not
  // shrunk) up, at which the text takes at most max_lines lines; lines are laid out at that
  // size. Fewer lines at a smaller size, so a binary search: a certificate batch lays out
  // each long name a handful of times, not once per quarter point. At the floor the text
  // wraps on rather than being cut.
  double shrunk_size(ParagraphSpec& spec, const markup::Block& block, std::vector<ParagraphLine>& lines) const {
    const double size = spec.size;
    const double floor = std::min(block.min_size > 0 ? block.min_size : 13.0, size);
    const auto fits = [&](int steps, std::vector<ParagraphLine>& out) {
      spec.size = floor + steps * 0.25;
      out = paragraphs_.lay_out(spec);
      return static_cast<int>(out.size()) <= block.max_lines;
    };
    int low = 0, high = static_cast<int>(std::ceil((size - floor) / 0.25));  // at least size: does not fit
    std::vector<ParagraphLine> best;
    if (!fits(low, best)) {
      lines = std::move(best);
      return floor;
    }
    while (high - low > 1) {
      const int middle = (low + high) / 2;
      std::vector<ParagraphLine> tried;
      if (fits(middle, tried)) {
        low = middle;
        best = std::move(tried);
      } else {
        high = middle;
      }
    }
    lines = std::move(best);
    spec.size = floor + low * 0.25;
    return spec.size;
  }

  // An explicit page break; a change of orientation applies to the pages after it, whose
  // text width follows (Decree 30, Phụ lục I, I.2: landscape for wide tables).
  void add_page_break(const markup::PageBreak& page_break, std::vector<Slice>& out) {
    using Orientation = markup::PageBreak::Orientation;
    if (page_break.orientation == Orientation::landscape) {
      page_width_ = std::max(s_.page_width, s_.page_height);
      page_height_ = std::min(s_.page_width, s_.page_height);
    } else if (page_break.orientation == Orientation::portrait) {
      page_width_ = std::min(s_.page_width, s_.page_height);
      page_height_ = std::max(s_.page_width, s_.page_height);
    }
    set_text_width(page_width_ - s_.margin_left - s_.margin_right);
    Slice slice;
    slice.page_break_before = true;
    slice.setup = {page_width_, page_height_, page_break.restart_numbering};
    out.push_back(std::move(slice));
  }

  void add_table(const markup::Table& table, std::vector<Slice>& out) {
    // Fixed columns wider together than the text would run past the right margin, off the
    // paper: refused at the table, as nothing may be clipped.
    double fixed = 0;
    for (const auto& column : table.columns) {
      if (column.sizing == markup::Column::Sizing::fixed) fixed += column.value;
    }
    if (fixed > width_ + 0.5) {
      const auto mm = [](double points) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f mm", points * 25.4 / 72);
        return std::string(text);
      };
      fail_with("layout.table-too-wide", "the table's fixed columns are {} wide together, more than the {} between the margins",
                {mm(fixed), mm(width_)}, table.rows.empty() ? SourceLocation{} : table.rows.front().where,
           {"narrow the columns, or give some a share of the width (width=\"*\") instead"});
    }
    TableStyle style;
    style.left = left_;
    style.width = width_;
    style.size = table.size > 0 ? table.size : s_.table_size;
    style.rule_thickness = s_.rule_thickness;
    auto laid = layout_table(table, style, paragraphs_);
    const int group = laid.header.empty() ? -1 : static_cast<int>(header_groups_.size());
    for (auto& slice : laid.body) slice.header_group = group;
    const std::size_t first = out.size();
    for (auto& slice : laid.header) out.push_back(slice);
    for (auto& slice : laid.body) out.push_back(std::move(slice));
    if (out.size() > first) out[first].break_before_allowed = true;
    if (group >= 0) header_groups_.push_back(std::move(laid.header));
  }

  // The size of an image: as asked, else its pixels at 96 dpi; never wider than the text
  // nor taller than the page's text block.
  std::pair<double, double> image_size(const markup::Image& image, double max_width, double max_height) const {
    const double aspect = image.pixel_width > 0 ? static_cast<double>(image.pixel_height) / image.pixel_width : 1;
    double width = image.width, height = image.height;
    if (width <= 0 && height <= 0) width = image.pixel_width * 0.75;
    if (width <= 0) width = height / aspect;
    if (height <= 0) height = width * aspect;
    const double scale = std::min({1.0, max_width / width, max_height / height});
    return {width * scale, height * scale};
  }

  void add_image(const markup::Image& image, std::vector<Slice>& out) {
    const auto [width, height] = image_size(image, width_, page_height_ - s_.margin_top - s_.margin_bottom);
    double x = left_;
    if (image.align == markup::Align::center) x += (width_ - width) / 2;
    if (image.align == markup::Align::right) x += width_ - width;
    Slice slice;
    slice.height = height;
    slice.items.push_back(ImageItem{x, 0, width, height, image.source, image.data});
    out.push_back(std::move(slice));
  }

  void add_rule(double share, std::vector<Slice>& out) {
    Slice slice;
    slice.height = s_.paragraph_spacing;
    put_rule(slice.items, left_ + width_ / 2, slice.height / 2, width_ * share);
    out.push_back(std::move(slice));
  }

  // A box: its text centred in a bordered rectangle, kept whole on one page. Without a width
  // it is as wide as its text; without a height, as tall (Decree 30's stamps give both:
  // HỎA TỐC 30 × 8 mm).
  void add_box(const markup::Block& block, std::vector<Slice>& out) {
    const markup::Box& box = block.box;
    const BorderSpec border{box.border, box.color, 0.75, box.fill};
    const double inset = border_depth(border) + box.padding;
    const double size = box.size > 0 ? box.size : s_.body_size;
    const double outer_width = box.width > 0 ? std::min(box.width, width_) : width_;
    std::vector<ParagraphLine> lines;
    double widest = 0;
    for (const auto& paragraph : box.paragraphs) {
      ParagraphSpec spec;
      spec.runs = styled_runs(paragraph);
      spec.size = size;
      spec.width = std::max(outer_width - 2 * inset, 1.0);
      spec.align = Align::center;
      spec.balanced = true;
      for (const auto& line : paragraphs_.lay_out(spec)) {
        widest = std::max(widest, line.natural_width);
        lines.push_back(line);
      }
    }
    const double width = box.width > 0 ? outer_width : std::min(width_, widest + 2 * inset);
    const double line_height = single_line(FaceStyle::regular, size);
    const double text_height = static_cast<double>(lines.size()) * line_height;
    const double height = std::max(box.height, text_height + 2 * inset);
    if (height > page_height_ - s_.margin_top - s_.margin_bottom) {
      fail("layout.box-too-tall", "a <box> is taller than a page; boxes are kept whole, so shorten its text", block.where);
    }
    double x = left_;
    if (box.align == markup::Align::center) x += (width_ - width) / 2;
    if (box.align == markup::Align::right) x += width_ - width;
    Slice slice;
    slice.height = height;
    put_border(slice.items, border, x, 0, width, height);
    double y = (height - text_height) / 2;
    for (const auto& line : lines) {
      const double baseline = y + ascent(FaceStyle::regular, size);
      // Centred lines come back placed in the measure; centre them in the box instead.
      const double line_left = x + (width - line.natural_width) / 2 - (line.runs.empty() ? 0 : line.runs.front().x);
      for (const auto& run : line.runs) put_run(slice.items, line_left, baseline, size, run);
      y += line_height;
    }
    out.push_back(std::move(slice));
  }

  // Moves a page's content down so that the space left under it is shared equally above and
  // below: a certificate sits in the middle of its border.
  void centre_vertically(Page& page) {
    double bottom = s_.margin_top;
    for (const auto& item : page.items) {
      if (const auto* text = std::get_if<TextItem>(&item)) bottom = std::max(bottom, text->y + descent(text->face, text->size));
      if (const auto* rule = std::get_if<RuleItem>(&item)) bottom = std::max(bottom, std::max(rule->y1, rule->y2));
      if (const auto* image = std::get_if<ImageItem>(&item)) bottom = std::max(bottom, image->y + image->height);
    }
    const double shift = (page.height - s_.margin_bottom - bottom) / 2;
    if (shift <= 0) return;
    for (auto& item : page.items) shift_item(item, shift);
    for (auto& entry : frame_.outline) entry.y += shift;
  }

  // Scales each laid-out page to the paper it is printed on (<page print-on>), in the
  // page's own orientation; bookmarks follow.
  void print_on_paper() {
    const double short_side = std::min(doc_.page.print_width, doc_.page.print_height);
    const double long_side = std::max(doc_.page.print_width, doc_.page.print_height);
    for (std::size_t p = 0; p < frame_.pages.size(); ++p) {
      Page& page = frame_.pages[p];
      const bool landscape = page.width > page.height;
      const PageScale scale = scale_page(page, landscape ? long_side : short_side, landscape ? short_side : long_side);
      for (auto& entry : frame_.outline) {
        if (entry.page == p) entry.y = entry.y * scale.factor + scale.dy;
      }
    }
  }

  // Draws the page border on every page, under everything else.
  void add_page_borders() {
    const auto& page_border = doc_.page_border;
    if (!page_border.present) return;
    const BorderSpec border = border_spec(page_border);
    for (auto& page : frame_.pages) {
      std::vector<Item> items;
      const double inset = page_border.inset;
      put_border(items, border, inset, inset, page.width - 2 * inset, page.height - 2 * inset);
      page.background_items = items.size();
      page.items.insert(page.items.begin(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    }
  }

  // ---- closing: Nơi nhận and the signature block ----------------------------------------

  // One printed line of the left column of the closing: its items, its top and bottom.
  struct LeftLine {
    std::vector<Item> items;
    double top = 0, bottom = 0;
    bool starts_entry = true;  // the first line of its item
    bool keep_with_previous = false;
  };

  // One signer's block, boxes 7a–7c and 8 (Phụ lục I, II.7–8), centred on cx in a column of
  // width column, from y = 0: a certificate's place and date (italic), the authority and
  // position lines in caps bold, then from name_top the room to sign and seal and the name.
  // top_part draws the lines above the room and returns where they end; bottom_part the rest.
  double signer_top_part(std::vector<Item>& items, const markup::Signature& signature, double cx, double column,
                         double& bottom) const {
    const double size = s_.signature_size;
    double y = 0;
    // A certificate's draft (a place, no date yet) keeps its line with blanks to fill in.
    if (!signature.date.empty() || !signature.place.empty()) {
      // A certificate's place and date head its signature (docs/conventions.md, "Certificates"), italic.
      const std::string line =
          text::to_nfc(signature.date.empty()
                           ? signature.place + ", " + text::format_blank_date_vi()
                           : text::format_place_date(signature.place, text::parse_date(signature.date, signature.date_where)));
      bottom = put_centred_lines(items, {{line, FaceStyle::italic, false, {}}}, FaceStyle::italic, size, cx, column, y)
                   .last_baseline + descent(FaceStyle::italic, size);
    }
    for (const auto& line : signature.authority_lines) {
      bottom = put_centred_lines(items, styled_runs(line, true, true), FaceStyle::bold, size, cx, column, y)
                   .last_baseline + descent(FaceStyle::bold, size);
    }
    return y;
  }

  void signer_bottom_part(std::vector<Item>& items, const markup::Signature& signature, double cx, double column,
                          double y, double& bottom) const {
    const double signing_space = signature.space > 0 ? signature.space : s_.signature_space;
    // A seal larger than the room reaches above and below it: the block ends under it too,
    // so that it never stands past the bottom margin.
    bottom = std::max(bottom, place_signature_images(items, signature, cx, column, y, signing_space));
    if (signature.name.empty()) return;
    y += signing_space;
    bottom = std::max(bottom, put_centred_lines(items, styled_runs(signature.name, true), FaceStyle::bold,
                                                s_.signature_size, cx, column, y).last_baseline +
                                  descent(FaceStyle::bold, s_.signature_size));
  }

  // The left column of the closing: "Nơi nhận:" 12 pt bold italic with its items at 11 pt,
  // and a certificate's side note, from first_baseline (the label's baseline).
  std::vector<LeftLine> closing_left_lines(double first_baseline, double column) const {
    std::vector<LeftLine> left;
    if (!doc_.recipients.items.empty()) {
      const double label_size = s_.recipients_label_size;
      LeftLine label;
      label.top = first_baseline - ascent(FaceStyle::bold_italic, label_size);
      put_text(label.items, left_, first_baseline, FaceStyle::bold_italic, label_size, text::to_nfc(doc_.recipients.label));
      label.bottom = first_baseline + descent(FaceStyle::bold_italic, label_size);
      left.push_back(std::move(label));
      auto items = left_lines(doc_.recipients.items, s_.recipients_item_size, left.back().bottom, column);
      if (!items.empty()) items.front().keep_with_previous = true;  // the label never ends a page alone
      left.insert(left.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    }
    // A certificate's decision number and số sổ vàng (docs/conventions.md, "Certificates"): at the left margin,
    // the first level with the signature's first line.
    if (!doc_.side_note.lines.empty()) {
      const double note_size = s_.side_note_size;
      const double top = !left.empty() ? left.back().bottom + single_line(FaceStyle::regular, note_size) / 2
                                       : first_baseline - single_line(FaceStyle::regular, note_size) +
                                             descent(FaceStyle::regular, note_size);
      auto items = left_lines(doc_.side_note.lines, note_size, top, column);
      left.insert(left.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    }
    return left;
  }

  // Lines of the left column that go on below the signature, a line to a slice, onto the
  // next page when the page ends, as offices print a long Nơi nhận.
  static void append_left_lines(const std::vector<LeftLine>& left, std::size_t from, double previous_bottom,
                                std::vector<Slice>& out) {
    for (std::size_t k = from; k < left.size(); ++k) {
      Slice line;
      line.break_before_allowed = left[k].starts_entry && !left[k].keep_with_previous;  // an item's lines stay together
      line.space_before = std::max(0.0, left[k].top - previous_bottom);
      line.height = left[k].bottom - left[k].top;
      for (Item item : left[k].items) {
        shift_item(item, -left[k].top);
        line.items.push_back(std::move(item));
      }
      previous_bottom = left[k].bottom;
      out.push_back(std::move(line));
    }
  }

  // Boxes 7a–7c, 8 and 9b (Phụ lục I, II.7–9b). One signer: the authority and position in
  // caps bold, room to sign and seal, the name in bold, centred in the right column;
  // "Nơi nhận:" 12 pt bold italic level with the first authority line, items 11 pt at the
  // left margin. The first slice holds the signature block and the lines of Nơi nhận beside
  // it; a longer list goes on below it. Several signers (a Biên bản's THƯ KÝ and CHỦ TỌA,
  // the heads of a joint document) sign side by side, their names level, and Nơi nhận
  // comes under them. Nothing is drawn past the bottom margin.
  std::vector<Slice> closing_slices() {
    const markup::Signature none;
    const auto& signatures = doc_.signatures;
    const markup::Signature& first_signer = signatures.empty() ? none : signatures.front();
    if (signatures.size() > 1) return side_by_side_closing();
    Slice slice;
    slice.space_before = first_signer.space_before >= 0 ? first_signer.space_before : s_.closing_gap;
    // Kept with the end of the body (run()): no page break just before it.
    slice.break_before_allowed = false;
    const double first_baseline = ascent(FaceStyle::bold, s_.signature_size);
    double right_bottom = 0;
    // The signature column goes after Nơi nhận in the content stream, so that text
    // extraction reads the closing in the order of the page, left column first.
    std::vector<Item> signature_items;
    const double column = width_ - left_column_width_;
    const double name_top = signer_top_part(signature_items, first_signer, right_centre_, column, right_bottom);
    signer_bottom_part(signature_items, first_signer, right_centre_, column, name_top, right_bottom);

    const auto left = closing_left_lines(first_baseline, left_column_width_ - 6);
    // Beside the signature: the lines that end above its bottom (and always the label and the
    // first recipient, level with it).
    std::size_t beside = 0;
    while (beside < left.size() && (beside < 2 || left[beside].bottom <= right_bottom + 0.01)) ++beside;
    double left_bottom = 0;
    for (std::size_t k = 0; k < beside; ++k) {
      slice.items.insert(slice.items.end(), left[k].items.begin(), left[k].items.end());
      left_bottom = left[k].bottom;
    }
    slice.items.insert(slice.items.end(), signature_items.begin(), signature_items.end());
    slice.height = std::max(left_bottom, right_bottom);
    std::vector<Slice> out;
    out.push_back(std::move(slice));
    append_left_lines(left, beside, std::max(left_bottom, right_bottom), out);
    return out;
  }

  // Several signers side by side: two on the axes of the header's columns (the left one over
  // Nơi nhận's column, as Mẫu 1.9 sets THƯ KÝ and CHỦ TỌA), three to a row in equal columns
  // otherwise; each row's names level. Nơi nhận follows under the last row.
  std::vector<Slice> side_by_side_closing() {
    const auto& signatures = doc_.signatures;
    std::vector<Slice> out;
    const std::size_t per_row = signatures.size() == 2 ? 2 : 3;
    double previous_bottom = 0;
    for (std::size_t row_start = 0; row_start < signatures.size(); row_start += per_row) {
      const std::size_t count = std::min(per_row, signatures.size() - row_start);
      std::vector<std::pair<double, double>> columns;  // centre and width of each
      if (per_row == 2) {
        columns = {{left_centre_, left_column_width_}, {right_centre_, width_ - left_column_width_}};
      } else {
        for (std::size_t k = 0; k < count; ++k) {
          const double share = width_ / static_cast<double>(count);
          columns.push_back({left_ + share * (static_cast<double>(k) + 0.5), share});
        }
      }
      Slice slice;
      const markup::Signature& lead = signatures[row_start];
      slice.space_before = row_start == 0 ? (lead.space_before >= 0 ? lead.space_before : s_.closing_gap) : s_.closing_gap;
      slice.break_before_allowed = row_start != 0;  // the first row is kept with the end of the body
      double name_top = 0, bottom = 0;
      std::vector<std::vector<Item>> parts(count);
      for (std::size_t k = 0; k < count; ++k) {
        name_top = std::max(name_top, signer_top_part(parts[k], signatures[row_start + k], columns[k].first,
                                                      columns[k].second - 6, bottom));
      }
      for (std::size_t k = 0; k < count; ++k) {
        signer_bottom_part(parts[k], signatures[row_start + k], columns[k].first, columns[k].second - 6, name_top, bottom);
        slice.items.insert(slice.items.end(), parts[k].begin(), parts[k].end());
      }
      slice.height = bottom;
      previous_bottom = bottom;
      out.push_back(std::move(slice));
    }
    // Nơi nhận under the signers, its label a line below the last row.
    const double gap = single_line(FaceStyle::regular, s_.signature_size);
    const double first_baseline = previous_bottom + gap + ascent(FaceStyle::bold_italic, s_.recipients_label_size);
    const auto left = closing_left_lines(first_baseline, width_ / 2);
    append_left_lines(left, 0, previous_bottom, out);
    return out;
  }

  // Sets each entry at the left margin, wrapped to column, lines one under another from y
  // (the top of the first).
  std::vector<LeftLine> left_lines(const std::vector<markup::Inlines>& entries, double size, double y, double column) const {
    std::vector<LeftLine> out;
    for (const auto& entry : entries) {
      ParagraphSpec spec;
      spec.runs = styled_runs(entry);
      spec.size = size;
      spec.width = column;
      spec.align = Align::left;
      bool first = true;
      for (const auto& line : paragraphs_.lay_out(spec)) {
        LeftLine placed;
        placed.starts_entry = first;
        first = false;
        placed.top = y;
        const double baseline = y + single_line(FaceStyle::regular, size) - descent(FaceStyle::regular, size);
        for (const auto& run : line.runs) put_run(placed.items, left_, baseline, size, run);
        y += single_line(FaceStyle::regular, size);
        placed.bottom = y;
        out.push_back(std::move(placed));
      }
    }
    return out;
  }

  struct Box {
    double x = 0, y = 0, width = 0, height = 0;
  };

  // Where the signer's signature image stands, or would (Phụ lục I, mục II.7c): centred on
  // the signer's axis cx, level with the middle of the room to sign; 40 mm wide unless the
  // markup sizes the image, and no taller than that room.
  Box signature_box(const markup::Signature& signer, double cx, double column, double middle, double space) const {
    double width = std::min(column, mm(40)), height = std::max(space - 4, mm(10));
    if (signer.signature_image.data) {
      markup::Image sized = signer.signature_image;
      if (sized.width <= 0 && sized.height <= 0) sized.width = mm(40);
      std::tie(width, height) = image_size(sized, column, space - 4);
    }
    return {cx - width / 2, middle - height / 2, width, height};
  }

  // Where the seal stands, or would (mục II.8): at its real size (the image's, 36 mm unless
  // the markup says), level with the signature but never above the block's top, its right
  // edge a third of the way into the signature's box (centred on cx where there is none to
  // cover); in a narrow column (three signers side by side) it stops at the left margin.
  Box seal_box(const markup::Signature& signer, double cx, double column, double middle, const Box* signature) const {
    double width = signer.seal_image.width > 0 ? signer.seal_image.width : mm(36), height = width;
    if (signer.seal_image.data) {
      markup::Image sized = signer.seal_image;
      if (sized.width <= 0 && sized.height <= 0) sized.width = mm(36);
      std::tie(width, height) = image_size(sized, column, mm(60));
    }
    const double right = signature ? signature->x + signature->width / 3 : cx + width / 2;
    return {std::max(left_, right - width), std::max(0.0, middle - height / 2), width, height};
  }

  // The electronic signature and seal (Decree 30, Phụ lục I, mục II.8), in their boxes: the
  // blue signature between the position and the name, the red seal drawn over its left
  // third. gap_top is where their space begins. Returns the lowest image's bottom (0: none).
  double place_signature_images(std::vector<Item>& items, const markup::Signature& signer, double cx, double column,
                                double gap_top, double space) const {
    double lowest = 0;
    const auto& signature = signer.signature_image;
    const auto& seal = signer.seal_image;
    const double middle = gap_top + space / 2;
    const Box signature_at = signature_box(signer, cx, column, middle, space);
    if (signature.data) {
      items.push_back(ImageItem{signature_at.x, signature_at.y, signature_at.width, signature_at.height, signature.source,
                                signature.data});
      lowest = signature_at.y + signature_at.height;
    }
    if (seal.data) {
      const Box seal_at = seal_box(signer, cx, column, middle, signature.data ? &signature_at : nullptr);
      items.push_back(ImageItem{seal_at.x, seal_at.y, seal_at.width, seal_at.height, seal.source, seal.data});
      lowest = std::max(lowest, seal_at.y + seal_at.height);
    }
    // The fields move nothing: a document with them is laid out as the one without.
    if (s_.signature_fields) place_signature_fields(items, signer, signature_at, seal_box(signer, cx, column, middle, &signature_at));
    return lowest;
  }

  // The places kept for signing electronically (docs/electronic.md, "Fields"), in the boxes
  // of the signature and the seal: the signer's (Sig_Signer), and for the signer whose block
  // carries the seal the organisation's too (Sig_Org). Other signers of the document get
  // Sig_Signer_2, _3 …
  void place_signature_fields(std::vector<Item>& items, const markup::Signature& signer, const Box& signature,
                              const Box& seal) const {
    const auto& signatures = doc_.signatures;
    if (signatures.empty()) return;  // a closing with no signer: nobody to sign
    // A document signed in box 14 is signed by the organisation there alone (Phụ lục I, II.8).
    if (!doc_.header.electronic_signing_time.empty()) return;
    const auto with_seal = std::find_if(signatures.begin(), signatures.end(),
                                        [](const markup::Signature& s) { return s.seal_image.data != nullptr; });
    // Without a seal in the data, the signer on the right of the first row: the only one, or
    // a Biên bản's chair (Mẫu 1.9, CHỦ TỌA on the right), the lead body of a joint document.
    const std::size_t first_row = signatures.size() == 2 ? 2 : std::min<std::size_t>(signatures.size(), 3);
    const markup::Signature* organisation = with_seal != signatures.end() ? &*with_seal : &signatures[first_row - 1];
    const auto field = [&](std::string name, const Box& box) {
      items.push_back(FieldItem{std::move(name), box.x, box.y, box.width, box.height});
    };
    if (&signer != organisation) {
      int number = 2;  // the others in the order of the data
      for (const auto& other : signatures) {
        if (&other == &signer) break;
        if (&other != organisation) ++number;
      }
      field("Sig_Signer_" + std::to_string(number), signature);
      return;
    }
    field("Sig_Signer", signature);
    field("Sig_Org", seal);
  }

  // ---- pages ------------------------------------------------------------------------------

  // Page numbers: Arabic, centred in the top margin, not on page 1 (Phụ lục I, Phần I, III.1).
  void number_pages() {
    const double size = s_.page_number_size;
    const double baseline = s_.margin_top / 2 + (ascent(FaceStyle::regular, size) - descent(FaceStyle::regular, size)) / 2;
    for (auto& page : frame_.pages) {
      if (!page.number_shown) continue;
      const double centre = left_ + (page.width - s_.margin_left - s_.margin_right) / 2;
      put_centred(page.items, centre, baseline, FaceStyle::regular, size, std::to_string(page.number));
    }
  }

  // Every text and image of the content lies inside the margins (Phụ lục I, mục I); only the
  // page numbers, drawn after this, stand in the top margin, and page borders in the margins.
  void check_inside_margins() const {
    constexpr double slack = 0.5;
    for (std::size_t n = 0; n < frame_.pages.size(); ++n) {
      const Page& page = frame_.pages[n];
      const double left = s_.margin_left - slack, right = page.width - s_.margin_right + slack;
      const double top = s_.margin_top - slack, bottom = page.height - s_.margin_bottom + slack;
      for (const auto& item : page.items) {
        const std::string page_number = std::to_string(n + 1);
        if (const auto* text = std::get_if<TextItem>(&item)) {
          if (text->text.empty()) continue;
          const double x2 = text->x + width_of(text->text, text->face, text->size);
          const double y1 = text->y - ascent(text->face, text->size), y2 = text->y + descent(text->face, text->size);
          if (text->x >= left && x2 <= right && y1 >= top && y2 <= bottom) continue;
          fail_with("layout.outside-page", "on page {} the text \"{}\" would stand outside the margins; vanban refuses to "
                    "print it so: shorten it or report this as a bug", {page_number, excerpt(text->text)});
        } else if (const auto* image = std::get_if<ImageItem>(&item)) {
          if (image->x >= left && image->x + image->width <= right && image->y >= top && image->y + image->height <= bottom) {
            continue;
          }
          fail_with("layout.outside-page", "on page {} the image {} would stand outside the margins; vanban refuses to "
                    "print it so: shorten it or report this as a bug", {page_number, image->name});
        }
      }
    }
  }

  static std::string excerpt(const std::string& text) {
    std::size_t cut = std::min<std::size_t>(text.size(), 60);
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + (cut < text.size() ? "…" : "");
  }

  // The last guard of "no line leaves the paper": every text is checked against the paper's
  // edges after layout. Layout wraps, cuts, shrinks and flows onto new pages so that this never
  // fires; if it does, the document is refused, never printed with a line cut off.
  void check_on_paper() const {
    constexpr double slack = 0.5;  // points: rounding of positions, never a visible clip
    for (std::size_t n = 0; n < frame_.pages.size(); ++n) {
      const Page& page = frame_.pages[n];
      for (const auto& item : page.items) {
        const auto* text = std::get_if<TextItem>(&item);
        if (!text || text->text.empty()) continue;
        const double right = text->x + width_of(text->text, text->face, text->size);
        const double top = text->y - ascent(text->face, text->size), bottom = text->y + descent(text->face, text->size);
        if (text->x >= -slack && right <= page.width + slack && top >= -slack && bottom <= page.height + slack) continue;
        fail_with("layout.outside-page", "on page {} the text \"{}\" would run off the paper; vanban refuses to print a line "
                  "cut off: shorten it or report this as a bug", {std::to_string(n + 1), excerpt(text->text)});
      }
    }
  }

  void fill_info() {
    frame_.info.title = text::to_nfc(markup::plain_text(doc_.title.subject));
    std::string author;
    for (const auto& line : doc_.header.issuer_lines) {
      if (!author.empty()) author += ' ';
      author += line_text(line, true);
    }
    frame_.info.author = author;
    std::string subject = text::to_nfc(doc_.title.type);
    if (!doc_.header.notation.empty()) {
      const bool party = doc_.profile == markup::Profile::party;
      const std::string number =
          doc_.header.number.empty() ? (party ? "…-" : "…/") + doc_.header.notation  // a draft
          : party ? text::format_party_number(doc_.header.number, doc_.header.notation).substr(std::string("Số ").size())
                  : text::format_document_number(doc_.header.number, doc_.header.notation).substr(std::string("Số: ").size());
      subject += (subject.empty() ? "" : " ") + std::string("số ") + number;
    }
    frame_.info.subject = subject;
  }

  const markup::DocTree& doc_;
  const text::FontFamily& fonts_;
  ParagraphCache& paragraphs_;
  const LayoutSettings& s_;
  LayoutStats* stats_;
  int looseness_;  // added to every body paragraph's (the page-saving pass)
  Frame frame_;
  std::vector<std::vector<Slice>> header_groups_;
  double circulation_top_ = 0;          // box 11's top, once drawn
  std::vector<Item> circulation_items_;  // box 11, drawn on page 1 after the margins are checked  // table header rows, repeated by the page builder
  double page_width_ = 0, page_height_ = 0;  // of the pages being laid out (landscape sections)
  double left_ = 0, width_ = 0, left_column_width_ = 0, left_centre_ = 0, right_centre_ = 0;
  double space_ratio_sum_ = 0;
  int space_ratio_count_ = 0;
};

}  // namespace

// Returns settings whose margins keep the text clear of the page border: at least 3 mm
// inside the border's inner edge.
LayoutSettings clear_of_border(const LayoutSettings& settings, const markup::PageBorder& page_border) {
  LayoutSettings adjusted = settings;
  if (!page_border.present) return adjusted;
  const double least = page_border.inset + border_depth(border_spec(page_border)) + mm(3);
  for (Points* margin : {&adjusted.margin_top, &adjusted.margin_bottom, &adjusted.margin_left, &adjusted.margin_right}) {
    *margin = std::max(*margin, least);
  }
  return adjusted;
}

// Returns settings with the paper and margins the document sets for itself (<page>): a
// certificate is not a văn bản, so Decree 30's margins do not bind it (docs/conventions.md, "Certificates").
LayoutSettings with_page_setup(const LayoutSettings& settings, const markup::PageSetup& page) {
  LayoutSettings adjusted = settings;
  if (page.width > 0 && page.height > 0) {
    adjusted.page_width = page.landscape ? std::max(page.width, page.height) : std::min(page.width, page.height);
    adjusted.page_height = page.landscape ? std::min(page.width, page.height) : std::max(page.width, page.height);
  }
  if (page.margin_top > 0) adjusted.margin_top = page.margin_top;
  if (page.margin_bottom > 0) adjusted.margin_bottom = page.margin_bottom;
  if (page.margin_left > 0) adjusted.margin_left = page.margin_left;
  if (page.margin_right > 0) adjusted.margin_right = page.margin_right;
  return adjusted;
}

Frame layout_document(const markup::DocTree& doc, const text::FontFamily& fonts, const LayoutSettings& given,
                      LayoutStats* stats) {
  validate_settings(given);  // the user's margins; the document's <page> and a border may set others
  const LayoutSettings settings = clear_of_border(with_page_setup(given, doc.page), doc.page_border);
  if (settings.text_width() < 72 || settings.page_height - settings.margin_top - settings.margin_bottom < 72) {
    fail("layout.page-too-small", "the margins leave less than an inch of the page for text");
  }
  ParagraphCache paragraphs(fonts);  // both passes lay out the same paragraphs
  LayoutStats first_stats;
  Frame frame = DocumentLayout(doc, fonts, paragraphs, settings, &first_stats, 0).run();
  if (settings.save_last_page && settings.line_breaker == LineBreaker::total_fit && frame.pages.size() > 1) {
    LayoutStats tight_stats;
    Frame tight = DocumentLayout(doc, fonts, paragraphs, settings, &tight_stats, -1).run();
    if (tight.pages.size() < frame.pages.size()) {
      frame = std::move(tight);
      first_stats = tight_stats;
      first_stats.tightened = true;
    }
  }
  if (stats) *stats = first_stats;
  return frame;
}

}  // namespace vanban::layout
