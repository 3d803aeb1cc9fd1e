// Paragraphs: styled text -> lines of placed runs.
//
// The phases, in order: collect the runs into one text; prepare words at the break
// opportunities of the text layer and measure them; break the words into lines (total fit
// for justified text, first fit for ragged text, balanced first fit for centred titles);
// a word wider than the narrowest line is cut between characters so that it never overflows;
// finalize by placing each word, stretching or shrinking the spaces of justified lines
// ourselves, since libharu ignores word spacing for UTF-8 fonts (docs/dependencies.md, "Word spacing").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/align.h"
#include "base/color.h"
#include "layout/line_breaker.h"
#include "text/font.h"

namespace vanban::layout {

using vanban::Color;

using vanban::Align;

struct StyledRun {
  std::string text;  // NFC UTF-8
  text::FaceStyle face = text::FaceStyle::regular;
  bool underline = false;
  Color color;
};

struct ParagraphSpec {
  std::vector<StyledRun> runs;
  double size = 14;
  double width = 0;         // the measure: available width of a line
  double indent = 0;        // left indent of every line
  double first_indent = 0;  // extra indent of the first line
  Align align = Align::justify;
  // A list label ("1.", "-", "a)") set before the text, never separated from the first word.
  std::string label;
  text::FaceStyle label_face = text::FaceStyle::regular;
  // Centred text only: break into as many lines as first fit would, but make them as even
  // as possible (titles and trích yếu read better balanced).
  bool balanced = false;
  LineBreaker breaker = LineBreaker::total_fit;  // for justified text
  BreakParams break_params;
};

struct PlacedRun {
  double x = 0;  // from the paragraph's left edge
  double width = 0;
  std::string text;
  text::FaceStyle face = text::FaceStyle::regular;
  bool underline = false;
  Color color;
};

struct ParagraphLine {
  std::vector<PlacedRun> runs;
  double natural_width = 0;  // width with unstretched spaces, indent excluded
  double ratio = 0;          // how much the spaces were stretched (> 0) or shrunk (< 0)
  bool overfull = false;     // wider than the measure even at full shrink
};

// Lays out one paragraph; an empty paragraph gives no lines.
std::vector<ParagraphLine> layout_paragraph(const ParagraphSpec& spec, const text::FontFamily& fonts);

// The paragraphs of one document, laid out once each: layout_document lays a document out a
// second time with its body a line looser (the page-saving pass), and there a paragraph of
// the same spec is the same lines, and one only the breaking changes keeps its words (their
// break opportunities and widths, most of the work); asked for a line fewer, a paragraph that
// cannot lose one keeps its lines unbroken again. Lives while one document is laid out.
class ParagraphCache {
 public:
  explicit ParagraphCache(const text::FontFamily& fonts);
  ~ParagraphCache();
  ParagraphCache(const ParagraphCache&) = delete;
  ParagraphCache& operator=(const ParagraphCache&) = delete;

  // The same lines as layout_paragraph(spec, fonts), held by the cache: a reference stays
  // good while the cache lives (the store is node-based, a later lay_out moves nothing).
  const std::vector<ParagraphLine>& lay_out(const ParagraphSpec& spec);
  const text::FontFamily& fonts() const { return fonts_; }

 private:
  struct Store;
  const text::FontFamily& fonts_;
  std::unique_ptr<Store> store_;
};

}  // namespace vanban::layout
