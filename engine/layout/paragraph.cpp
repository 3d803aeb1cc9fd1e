#include "layout/paragraph.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "text/unicode.h"

namespace vanban::layout {

namespace {

// TeX's proportions for an interword space: stretch 1/2, shrink 1/3 of its width.
constexpr double space_stretch = 1.0 / 2.0;
constexpr double space_shrink = 1.0 / 3.0;
constexpr double infinite_stretch = 1e9;
// Between the letters of a word cut because it is longer than a line: a break that costs a
// little (TeX's \hyphenpenalty is 50) and a little stretch, so that a justified line made
// only of such letters can still reach the measure.
constexpr double cut_penalty = 50;
// A date split between lines ("ngày 22 tháng 6 / năm 2020") reads badly: 1000 squared in
// demerits outweighs any line within the tolerance, so a date is split only where no layout
// keeps it whole within it.
constexpr double date_penalty = 1000;
constexpr double cut_stretch = 0.5;

struct Fragment {
  std::string text;
  text::FaceStyle face;
  bool underline;
  double width;
  Color color;
};

struct Word {
  std::vector<Fragment> fragments;
  double width = 0;
  std::string space;  // the spaces after the word, as in the source
  double space_width = 0;
  text::FaceStyle space_face = text::FaceStyle::regular;
  bool no_break_after = false;
  bool cut_after = false;  // a piece of a cut word: the next piece follows without a space
  bool discouraged_after = false;  // inside a date: a break here costs date_penalty
};

struct Span {
  std::size_t begin, end;
  text::FaceStyle face;
  bool underline;
  Color color;
};

// Cuts a word wider than the measure into its user-perceived characters (never a letter
// from its marks), with a break allowed between any two, so the breaker fills each line.
// The pieces join without a space; the last keeps the word's space.
std::vector<Word> cut_long_word(const Word& word, double size, const text::FontFamily& fonts) {
  std::vector<Word> pieces(1);
  auto add_piece_text = [&](const Fragment& from, std::string text, double width) {
    Word& piece = pieces.back();
    if (!piece.fragments.empty() && piece.fragments.back().face == from.face &&
        piece.fragments.back().underline == from.underline && piece.fragments.back().color == from.color) {
      piece.fragments.back().text += text;
      piece.fragments.back().width += width;
    } else {
      piece.fragments.push_back({std::move(text), from.face, from.underline, width, from.color});
    }
    piece.width += width;
  };
  for (const auto& fragment : word.fragments) {
    std::vector<std::size_t> cuts{0};
    for (auto b : text::find_character_boundaries(fragment.text)) cuts.push_back(b);
    cuts.push_back(fragment.text.size());
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
      std::string character = fragment.text.substr(cuts[k], cuts[k + 1] - cuts[k]);
      const double width = fonts.face(fragment.face).text_width(character, size);
      if (!pieces.back().fragments.empty()) {
        pieces.back().cut_after = true;
        pieces.emplace_back();
      }
      add_piece_text(fragment, std::move(character), width);
    }
  }
  pieces.back().space = word.space;
  pieces.back().space_width = word.space_width;
  pieces.back().space_face = word.space_face;
  pieces.back().no_break_after = word.no_break_after;
  return pieces;
}

// Collect and prepare: one text for the whole paragraph, cut into measured words.
std::vector<Word> prepare_words(const ParagraphSpec& spec, const text::FontFamily& fonts) {
  std::vector<Word> words;
  if (!spec.label.empty()) {
    Word label;
    const double width = fonts.face(spec.label_face).text_width(spec.label, spec.size);
    // The label takes the colour of the text it numbers.
    const Color color = spec.runs.empty() ? Color{} : spec.runs.front().color;
    label.fragments.push_back({spec.label, spec.label_face, false, width, color});
    label.width = width;
    label.space = " ";
    label.space_face = spec.label_face;
    label.space_width = fonts.face(spec.label_face).text_width(" ", spec.size);
    label.no_break_after = true;
    words.push_back(std::move(label));
  }
  std::string all;
  std::vector<Span> spans;
  for (const auto& run : spec.runs) {
    if (run.text.empty()) continue;
    spans.push_back({all.size(), all.size() + run.text.size(), run.face, run.underline, run.color});
    all += run.text;
  }
  if (all.empty()) return words;
  // The narrowest room a word may get: the first line, after the label. A word wider than
  // this is cut into letters.
  const double measure = spec.width - spec.indent - spec.first_indent - (words.empty() ? 0 : words[0].width + words[0].space_width);
  auto face_at = [&](std::size_t offset) {
    for (const auto& span : spans) {
      if (offset >= span.begin && offset < span.end) return span;
    }
    return spans.back();
  };
  const auto breaks = text::find_break_opportunities(all);
  const auto discouraged = text::find_discouraged_breaks(all, breaks);
  std::vector<std::size_t> starts{0};
  starts.insert(starts.end(), breaks.begin(), breaks.end());
  starts.push_back(all.size());
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    const std::size_t begin = starts[k];
    const std::size_t segment_end = starts[k + 1];
    std::size_t word_end = segment_end;
    while (word_end > begin && all[word_end - 1] == ' ') --word_end;
    Word word;
    for (const auto& span : spans) {
      const std::size_t from = std::max(begin, span.begin);
      const std::size_t to = std::min(word_end, span.end);
      if (from >= to) continue;
      Fragment fragment{all.substr(from, to - from), span.face, span.underline, 0, span.color};
      fragment.width = fonts.face(span.face).text_width(fragment.text, spec.size);
      word.width += fragment.width;
      word.fragments.push_back(std::move(fragment));
    }
    if (word_end < segment_end) {
      const auto span = face_at(word_end);
      word.space = all.substr(word_end, segment_end - word_end);
      word.space_face = span.face;
      word.space_width = fonts.face(span.face).text_width(word.space, spec.size);
    }
    if (word.fragments.empty()) continue;
    word.discouraged_after = std::binary_search(discouraged.begin(), discouraged.end(), segment_end);
    if (word.width > measure) {
      for (auto& piece : cut_long_word(word, spec.size, fonts)) words.push_back(std::move(piece));
    } else {
      words.push_back(std::move(word));
    }
  }
  return words;
}

// Turns words into boxes, glue and penalties; box_word[i] is the word of box i, or -1.
std::vector<BreakItem> make_items(const std::vector<Word>& words, bool stretchable, std::vector<int>& box_word) {
  std::vector<BreakItem> items;
  items.reserve(words.size() * 3 + 2);  // a box, a glue and at most a penalty a word
  box_word.clear();
  box_word.reserve(words.size() * 3 + 2);
  for (std::size_t k = 0; k < words.size(); ++k) {
    items.push_back(BreakItem::box(words[k].width));
    box_word.push_back(static_cast<int>(k));
    if (k + 1 == words.size()) break;
    if (words[k].no_break_after) {
      items.push_back(BreakItem::make_penalty(0, infinite_penalty));
      box_word.push_back(-1);
    } else if (words[k].discouraged_after) {
      // A penalty before the glue makes the penalty the break, at its price (The TeXbook, ch. 14).
      items.push_back(BreakItem::make_penalty(0, date_penalty));
      box_word.push_back(-1);
    }
    if (words[k].cut_after) {
      items.push_back(BreakItem::make_penalty(0, cut_penalty));
      box_word.push_back(-1);
      items.push_back(BreakItem::glue(0, stretchable ? cut_stretch : 0, 0));
      box_word.push_back(-1);
      continue;
    }
    const double w = words[k].space_width;
    items.push_back(stretchable ? BreakItem::glue(w, w * space_stretch, w * space_shrink) : BreakItem::glue(w, 0, 0));
    box_word.push_back(-1);
  }
  // The end of the paragraph: fill the last line, then break (Knuth & Plass 1981).
  items.push_back(BreakItem::glue(0, infinite_stretch, 0));
  box_word.push_back(-1);
  items.push_back(BreakItem::make_penalty(0, -infinite_penalty));
  box_word.push_back(-1);
  return items;
}

void add_run(std::vector<PlacedRun>& runs, double x, const Fragment& fragment, bool merge) {
  if (merge && !runs.empty() && runs.back().face == fragment.face && runs.back().underline == fragment.underline &&
      runs.back().color == fragment.color &&
      std::abs(runs.back().x + runs.back().width - x) < 1e-6) {
    runs.back().text += fragment.text;
    runs.back().width += fragment.width;
    return;
  }
  runs.push_back({x, fragment.width, fragment.text, fragment.face, fragment.underline, fragment.color});
}

bool breaks_by_total_fit(const ParagraphSpec& spec) {
  return spec.align == Align::justify && spec.breaker == LineBreaker::total_fit;
}

// Break: total fit for justified text; first fit for ragged text, with the measure narrowed
// for balanced centred text as far as first fit still needs the same number of lines.
std::vector<LineBreak> choose_breaks(const ParagraphSpec& spec, const BreakParams& params, const std::vector<Word>& words,
                                     const std::vector<BreakItem>& items, double full) {
  auto widths_for = [first = spec.first_indent](double measure) {
    return [measure, first](std::size_t line) { return line == 0 ? measure - first : measure; };
  };
  if (breaks_by_total_fit(spec)) {
    return break_total_fit(items, widths_for(full), params);
  }
  auto breaks = break_first_fit(items, widths_for(full));
  if (!spec.balanced || breaks.size() < 2) return breaks;
  double low = 0, high = full;
  for (const auto& word : words) low = std::max(low, word.width);
  for (int step = 0; step < 24 && high - low > 0.5; ++step) {
    const double middle = (low + high) / 2;
    if (break_first_fit(items, widths_for(middle)).size() == breaks.size()) high = middle;
    else low = middle;
  }
  return break_first_fit(items, widths_for(high));
}

// Finalize: places the words of one line. Justified lines take the breaker's ratio; a last
// line never stretches, but it shrinks when the breaker chose to squeeze it (ratio < 0).
ParagraphLine finalize_line(const ParagraphSpec& spec, const std::vector<Word>& words,
                            const std::vector<int>& line_words, const LineBreak& line_break, bool first_line,
                            bool last_line, double full) {
  ParagraphLine line;
  line.runs.reserve(line_words.size());
  for (std::size_t k = 0; k < line_words.size(); ++k) {
    line.natural_width += words[line_words[k]].width;
    if (k + 1 < line_words.size()) line.natural_width += words[line_words[k]].space_width;
  }
  const double available = full - (first_line ? spec.first_indent : 0);
  const bool stretch_spaces =
      spec.align == Align::justify && line_words.size() > 1 && (!last_line || line_break.ratio < 0);
  line.ratio = stretch_spaces ? std::clamp(line_break.ratio, -1.0, 1e3) : 0;
  double shrinkable = 0;
  if (stretch_spaces) {
    for (std::size_t k = 0; k + 1 < line_words.size(); ++k) shrinkable += words[line_words[k]].space_width * space_shrink;
  }
  line.overfull = line.natural_width - shrinkable > available + 0.01;
  double x = spec.indent + (first_line ? spec.first_indent : 0);
  if (spec.align == Align::center) x += (available - line.natural_width) / 2;
  if (spec.align == Align::right) x += available - line.natural_width;
  for (std::size_t k = 0; k < line_words.size(); ++k) {
    const Word& word = words[line_words[k]];
    const bool last_word = k + 1 == line_words.size();
    for (std::size_t f = 0; f < word.fragments.size(); ++f) {
      const Fragment& fragment = word.fragments[f];
      // A justified word carries its space as text so that copied text keeps it; its
      // position comes from the layout, not from the space's advance.
      if (stretch_spaces && !last_word && f + 1 == word.fragments.size() && fragment.face == word.space_face) {
        Fragment spaced = fragment;
        spaced.text += word.space;
        add_run(line.runs, x, spaced, false);
      } else {
        add_run(line.runs, x, fragment, !stretch_spaces);
      }
      x += fragment.width;
    }
    if (last_word) break;
    double space = word.space_width;
    if (stretch_spaces) {
      const double stretch = word.cut_after ? cut_stretch : space * space_stretch;
      space += line.ratio >= 0 ? line.ratio * stretch : line.ratio * space * space_shrink;
    }
    if (!stretch_spaces) add_run(line.runs, x, Fragment{word.space, word.space_face, false, space, word.fragments.back().color}, true);
    else if (word.fragments.back().face != word.space_face) line.runs.push_back({x, 0, word.space, word.space_face, false, {}});
    x += space;
  }
  return line;
}

}  // namespace

namespace {

// Breaks prepared words into lines and places them.
std::vector<ParagraphLine> break_words(const ParagraphSpec& spec, const BreakParams& params, const std::vector<Word>& words) {
  if (words.empty()) return {};
  std::vector<int> box_word;
  const auto items = make_items(words, spec.align == Align::justify, box_word);
  const double full = spec.width - spec.indent;
  const auto breaks = choose_breaks(spec, params, words, items, full);

  std::vector<ParagraphLine> lines;
  std::size_t item = 0;
  lines.reserve(breaks.size());
  std::vector<int> line_words;
  for (std::size_t index = 0; index < breaks.size(); ++index) {
    line_words.clear();
    for (; item < breaks[index].position; ++item) {
      if (box_word[item] >= 0) line_words.push_back(box_word[item]);
    }
    if (line_words.empty()) continue;
    lines.push_back(finalize_line(spec, words, line_words, breaks[index], index == 0, index + 1 == breaks.size(), full));
  }
  return lines;
}

// Whether justified words could be set in `count` lines at all: their width with every space
// at its full shrink, less the widest space once per break (a break discards the space it
// falls on), against the room of that many lines. A lower bound: false only where no
// breaking fits them, so a paragraph it rules out cannot be set a line tighter.
bool could_fit_in(const ParagraphSpec& spec, const std::vector<Word>& words, std::size_t count) {
  if (count == 0) return false;
  double least = 0, widest_space = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    least += words[k].width;
    if (k + 1 == words.size()) break;
    const double space = words[k].cut_after ? 0 : words[k].space_width * (1 - space_shrink);
    least += space;
    widest_space = std::max(widest_space, space);
  }
  least -= static_cast<double>(count - 1) * widest_space;
  const double room = static_cast<double>(count) * (spec.width - spec.indent) - spec.first_indent;
  return least <= room + 0.01;
}

template <typename T>
void append_bytes(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}
void append_text(std::string& key, const std::string& text) {
  append_bytes(key, text.size());
  key += text;
}

// What prepare_words reads of a spec, as bytes.
std::string words_key(const ParagraphSpec& spec) {
  std::string key;
  for (const auto& run : spec.runs) {
    append_text(key, run.text);
    append_bytes(key, run.face);
    append_bytes(key, run.underline);
    append_bytes(key, run.color);
  }
  append_bytes(key, spec.runs.size());
  for (const double number : {spec.size, spec.width, spec.indent, spec.first_indent}) append_bytes(key, number);
  append_text(key, spec.label);
  append_bytes(key, spec.label_face);
  return key;
}

// The rest of the spec, which only the breaking reads: the breaker's parameters only where
// total fit runs (choose_breaks), so a ragged paragraph is broken once for both passes of a
// document, not again at the tight pass's looseness.
std::string breaking_key(const ParagraphSpec& spec, int looseness) {
  std::string key;
  append_bytes(key, spec.align);
  append_bytes(key, spec.balanced);
  if (!breaks_by_total_fit(spec)) return key;
  append_bytes(key, spec.breaker);
  const BreakParams& p = spec.break_params;
  for (const double number : {p.tolerance, p.line_penalty, p.adjacent_demerits, p.flagged_demerits}) append_bytes(key, number);
  append_bytes(key, looseness);
  return key;
}

}  // namespace

std::vector<ParagraphLine> layout_paragraph(const ParagraphSpec& spec, const text::FontFamily& fonts) {
  return break_words(spec, spec.break_params, prepare_words(spec, fonts));
}

using Lines = std::vector<ParagraphLine>;

struct ParagraphCache::Store {
  std::unordered_map<std::string, std::vector<Word>> words;
  // Shared: a paragraph the page-saving pass cannot set tighter keeps the first pass's lines.
  std::unordered_map<std::string, std::shared_ptr<const Lines>> lines;
};

ParagraphCache::ParagraphCache(const text::FontFamily& fonts) : fonts_(fonts), store_(std::make_unique<Store>()) {}
ParagraphCache::~ParagraphCache() = default;

const std::vector<ParagraphLine>& ParagraphCache::lay_out(const ParagraphSpec& spec) {
  const std::string words_part = words_key(spec);
  auto words = store_->words.find(words_part);
  if (words == store_->words.end()) words = store_->words.emplace(words_part, prepare_words(spec, fonts_)).first;
  const BreakParams& params = spec.break_params;
  std::string key = words_part + breaking_key(spec, params.looseness);
  if (const auto found = store_->lines.find(key); found != store_->lines.end()) return *found->second;
  std::shared_ptr<const Lines> lines;
  if (breaks_by_total_fit(spec) && params.looseness < 0) {
    // Asked for fewer lines (the page-saving pass, TeX's \looseness). A paragraph that cannot
    // lose a line is set in as many lines as at looseness 0, and the cheapest breaking into
    // that many is the one looseness 0 chose: its lines, without breaking it again (most
    // paragraphs: docs/performance.md, "In the engine").
    BreakParams natural = params;
    natural.looseness = 0;
    std::string natural_key = words_part + breaking_key(spec, 0);
    auto base = store_->lines.find(natural_key);
    if (base == store_->lines.end()) {
      base = store_->lines.emplace(std::move(natural_key), std::make_shared<const Lines>(break_words(spec, natural, words->second))).first;
    }
    const Lines& natural_lines = *base->second;
    if (natural_lines.size() < 2 || !could_fit_in(spec, words->second, natural_lines.size() - 1)) lines = base->second;
  }
  if (!lines) lines = std::make_shared<const Lines>(break_words(spec, params, words->second));
  return *store_->lines.emplace(std::move(key), std::move(lines)).first->second;
}

}  // namespace vanban::layout
