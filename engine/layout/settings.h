// Layout settings: every number that shapes the page, with its default and the rule it
// comes from. Sizes in points unless the name says otherwise.
#pragma once

#include "base/units.h"
#include "layout/line_breaker.h"

namespace vanban::layout {

struct LayoutSettings {
  // Page: A4 portrait (Decree 30 Phụ lục I, Phần I, mục I.1–2).
  Points page_width = a4_width;
  Points page_height = a4_height;
  // Margins (Phụ lục I, Phần I, mục I.5): top 20–25, bottom 20–25, left 30–35, right 15–20 mm.
  Points margin_top = mm(20);
  Points margin_bottom = mm(20);
  Points margin_left = mm(30);
  Points margin_right = mm(15);
  // The most pages one document may take; 0: no limit (the pipeline passes --max-pages,
  // base/limits.h).
  int max_pages = 0;

  // Header (Phụ lục I, Phần II, mục 1–4; the sample forms' left column is ≈ 40 % of the text width).
  double header_left_share = 0.40;
  Points issuer_size = 13;          // tên cơ quan: 12–13, bold caps
  Points national_title_size = 12;  // Quốc hiệu: 12–13, bold caps
  Points motto_size = 13;           // Tiêu ngữ: 13–14, bold
  Points number_size = 13;          // Số, ký hiệu: 13
  Points date_size = 14;            // địa danh và thời gian: 13–14, italic
  // A công văn's trích yếu "V/v …" (box 5b): 12–13 upright, about 6 pt under the Số line
  // (Phụ lục I, Phần II, mục 5b).
  Points letter_subject_size = 12;
  Points letter_subject_gap = 6;
  // Box 11, a circulation note: 13–14 caps bold in a rectangle (Phụ lục I, Phần II, mục 11).
  Points circulation_size = 13;
  // Box 14, the organisation's signature on an electronic copy: 10 pt (Phụ lục I, mục II.8).
  Points electronic_signature_size = 10;
  double issuer_rule_share = 0.40;  // rule under the issuer: 1/3–1/2 of its line
  double subject_rule_share = 0.40; // rule under the trích yếu: 1/3–1/2 of its line
  Points rule_thickness = 0.5;

  // Title (Phụ lục I, Phần II, mục 5a): type name and trích yếu, 13–14 bold, centred.
  Points title_size = 14;

  // A Party document (Hướng dẫn 36-HD/VPTW; docs/party.md): "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold
  // with a rule its length; the superior body 14 upright and the issuer 14 bold, in caps,
  // an asterisk under them; the Số line 14; the type name 15–16 bold, the trích yếu 14–15 bold.
  Points party_title_size = 15;
  Points party_issuer_size = 14;
  Points party_number_size = 14;
  Points party_type_size = 16;
  Points party_subject_size = 14;

  // Body (Phụ lục I, Phần II, mục 6): 13–14 pt, justified, first-line indent 1 or 1.27 cm,
  // ≥ 6 pt between paragraphs, line spacing from single to 1.5 lines.
  Points body_size = 14;
  Points first_line_indent = cm(1.27);
  Points paragraph_spacing = 6;
  double line_spacing = 1.0;  // multiple of the font's single line height (1.0–1.5)
  // "Kính gửi:" and its addressees (Phụ lục I, Phần II, mục 9a): 13–14, upright.
  Points addressee_size = 14;
  // The contact block at the foot of page 1 (Phụ lục I, Phần II, mục 13): 11–12, under a
  // rule the full text width.
  Points contact_size = 11;
  // Tables: the decree sets no size; 13 pt is what its sample lists use (Phụ lục I forms).
  Points table_size = 13;

  // Line breaking of body text: total fit (Knuth & Plass 1981) with TeX's parameters
  // (tolerance 200, line penalty 10, adjacent demerits 10000; The TeXbook, ch. 14).
  LineBreaker line_breaker = LineBreaker::total_fit;
  BreakParams break_params;
  // When the last page might be saved, lay the document out again with TeX's \looseness=-1 on
  // every paragraph (one line shorter wherever the tolerance allows) and keep that layout
  // if it needs fewer pages. Spacing stays within the tolerance; nothing is made smaller.
  bool save_last_page = true;

  // Keep places for the signatures made after the PDF (render --sign-fields): a FieldItem
  // over the signer's box and one over the seal's (docs/electronic.md).
  bool signature_fields = false;

  // Page numbers (Phụ lục I, Phần I, mục III.1): 13–14, centred in the top margin, from page 2.
  Points page_number_size = 13;

  // Closing (Phụ lục I, Phần II, mục 7–9): Nơi nhận label 12 bold italic, items 11;
  // authority, position and name 13–14 bold; room for signature and seal between them.
  Points recipients_label_size = 12;
  Points recipients_item_size = 11;
  Points signature_size = 14;
  Points signature_space = mm(22);
  Points side_note_size = 13;  // a certificate's decision number and số sổ vàng, bottom left
  Points closing_gap = 12;  // between the last body line and the closing block

  // Returns the text block width.
  Points text_width() const { return page_width - margin_left - margin_right; }
};

// Checks each margin lies within Decree 30's range; throws Error "settings.margin".
void validate_settings(const LayoutSettings& settings);

}  // namespace vanban::layout
