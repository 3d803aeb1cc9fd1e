#include "output/pdf_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>
#include <set>

#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "base/diagnostics.h"
#include "output/font_subset.h"
#include "text/unicode.h"

namespace vanban::output {

namespace {

using layout::Frame;
using layout::ImageItem;
using layout::PathItem;
using layout::RuleItem;
using layout::TextItem;

// libharu reports errors through a C callback; record them and raise after the call returns
// (never throw through C frames).
struct HaruErrors {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void on_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* errors = static_cast<HaruErrors*>(user_data);
  if (errors->error == 0) {
    errors->error = error;
    errors->detail = detail;
  }
}

// Owns the libharu document.
class HaruDocument {
 public:
  HaruDocument() {
    doc_ = HPDF_New(on_haru_error, &errors_);
    if (!doc_) fail("pdf.init", "libharu could not create a document");
  }
  ~HaruDocument() { HPDF_Free(doc_); }
  HaruDocument(const HaruDocument&) = delete;
  HaruDocument& operator=(const HaruDocument&) = delete;

  HPDF_Doc get() const { return doc_; }

  // Raises the first libharu error since the last check, naming what was being done. Its
  // object layer records an error in the document without calling the handler: ask both.
  void check(const std::string& doing) {
    if (errors_.error == 0 && HPDF_GetError(doc_) == HPDF_OK) return;
    const HPDF_STATUS error = errors_.error ? errors_.error : HPDF_GetError(doc_);
    const HPDF_STATUS detail = errors_.error ? errors_.detail : HPDF_GetErrorDetail(doc_);
    char code[64];
    std::snprintf(code, sizeof code, "0x%04X (detail %u)", static_cast<unsigned>(error), static_cast<unsigned>(detail));
    fail("pdf.libharu", std::string("libharu failed while ") + doing + ": error " + code);
  }

 private:
  HaruErrors errors_;
  HPDF_Doc doc_ = nullptr;
};

// The subset tag that begins a subset font's name (PDF 32000-1, 9.6.4): six capital
// letters, here from an FNV-1a hash of the face and the characters it holds, so that the
// same document always gets the same names and two subsets of one face differ.
std::string subset_tag(int style, const std::set<char32_t>& code_points) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&hash](std::uint64_t value) {
    hash ^= value;
    hash *= 1099511628211ull;
  };
  mix(static_cast<std::uint64_t>(style));
  for (char32_t cp : code_points) mix(cp);
  std::string tag;
  for (int k = 0; k < 6; ++k) {
    tag += static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

// A ToUnicode CMap for a font whose codes are its glyph ids: one bfchar entry per glyph
// drawn, to the character's UTF-16BE, at most 100 per block (PDF 32000-1, 9.10.3; Adobe
// Technical Note #5411). libharu 2.3's own map is invalid (libraries.md §1.3).
std::string to_unicode_cmap(const FontSubset& subset) {
  std::map<std::uint16_t, char32_t> characters;  // by glyph: the first character drawn with it
  for (const auto& [cp, glyph] : subset.glyphs) characters.emplace(glyph, cp);
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char entry[40];
  std::size_t left = characters.size();
  for (auto it = characters.begin(); it != characters.end();) {
    const std::size_t count = std::min<std::size_t>(100, left);
    out += std::to_string(count) + " beginbfchar\n";
    for (std::size_t k = 0; k < count; ++k, ++it) {
      const auto [glyph, cp] = *it;
      if (cp > 0xFFFF) {  // a surrogate pair
        const char32_t v = cp - 0x10000;
        std::snprintf(entry, sizeof entry, "<%04X> <%04X%04X>\n", glyph, static_cast<unsigned>(0xD800 + (v >> 10)),
                      static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
      } else {
        std::snprintf(entry, sizeof entry, "<%04X> <%04X>\n", glyph, static_cast<unsigned>(cp));
      }
      out += entry;
    }
    out += "endbfchar\n";
    left -= count;
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

// Embeds a subset as a Type 0 font over a CIDFontType2 whose CIDs are the subset's glyph
// ids (/CIDToGIDMap /Identity, PDF 32000-1, 9.7.4.2), built from libharu's object layer.
// libharu 2.3's own TrueType path re-parses the file, writes a 128 KB CIDToGIDMap and the
// whole widths array, looks up all 65,536 codes per face and keeps only a partial subset
// (libraries.md §1.2); here every object holds exactly what the document draws.
HPDF_Dict embed_font(HaruDocument& document, const FontSubset& subset, const std::string& tag, bool compress) {
  HPDF_MMgr mmgr = document.get()->mmgr;
  HPDF_Xref xref = document.get()->xref;
  const auto indirect_dict = [&] {
    HPDF_Dict dict = HPDF_Dict_New(mmgr);
    if (dict && HPDF_Xref_Add(xref, dict) != HPDF_OK) dict = nullptr;  // Xref_Add frees it
    if (!dict) fail("pdf.font", "libharu is out of memory");
    return dict;
  };
  const auto stream = [&](const std::string& bytes) {
    HPDF_Dict dict = HPDF_DictStream_New(mmgr, xref);
    if (!dict) fail("pdf.font", "libharu is out of memory");
    HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
    if (compress) dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    return dict;
  };
  const std::string base_font = tag + "+" + subset.postscript_name;
  const FaceMetrics& m = subset.metrics;

  HPDF_Dict program = stream(subset.program);
  HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(subset.program.size()));

  HPDF_Dict descriptor = indirect_dict();
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str());
  // Flags (PDF 32000-1, 9.8.2): Nonsymbolic 32, Serif 2, Italic 64, ForceBold 262144.
  HPDF_Dict_AddNumber(descriptor, "Flags",
                      32 | (m.serif ? 2 : 0) | (m.italic_angle != 0 ? 64 : 0) | (m.bold ? 262144 : 0));
  HPDF_Array bbox = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(descriptor, "FontBBox", bbox);
  for (int value : m.bbox) HPDF_Array_AddNumber(bbox, value);
  HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(m.italic_angle));
  HPDF_Dict_AddNumber(descriptor, "Ascent", m.ascent);
  HPDF_Dict_AddNumber(descriptor, "Descent", m.descent);
  HPDF_Dict_AddNumber(descriptor, "CapHeight", m.cap_height);
  HPDF_Dict_AddNumber(descriptor, "StemV", m.stem_v);
  HPDF_Dict_Add(descriptor, "FontFile2", program);

  HPDF_Dict cid_font = indirect_dict();
  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str());
  HPDF_Dict system_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
  HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system_info, "Supplement", 0);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  // The glyph ids run 0 … n - 1: one run of widths covers them (PDF 32000-1, 9.7.4.3).
  HPDF_Array widths = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(cid_font, "W", widths);
  HPDF_Array_AddNumber(widths, 0);
  HPDF_Array run = HPDF_Array_New(mmgr);
  HPDF_Array_Add(widths, run);
  for (int width : subset.widths) HPDF_Array_AddNumber(run, width);
  HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");

  HPDF_Dict font = indirect_dict();
  HPDF_Dict_AddName(font, "Type", "Font");
  HPDF_Dict_AddName(font, "Subtype", "Type0");
  HPDF_Dict_AddName(font, "BaseFont", base_font.c_str());
  HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(font, "DescendantFonts", descendants);
  HPDF_Array_Add(descendants, cid_font);
  HPDF_Dict_Add(font, "ToUnicode", stream(to_unicode_cmap(subset)));
  document.check("embedding a font");
  return font;
}

// Loads a PNG or a JPEG, told apart by the JPEG's first two bytes (the pipeline has checked
// both). A JPEG is embedded as it is, a DCT stream. For a PNG, libharu 2.3 writes an alpha
// channel's /SMask stream uncompressed whatever the compression mode (libraries.md §1.4;
// fixed upstream in 2.4.0, commit f5f2b41): give the mask the image's own Flate filter, as
// 2.4 does.
HPDF_Image load_image(HaruDocument& document, const std::string& path, bool compress) {
  char signature[2] = {};
  if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
    if (std::fread(signature, 1, 2, file) != 2) signature[0] = 0;
    std::fclose(file);
  }
  if (signature[0] == '\xFF' && signature[1] == '\xD8') {
    HPDF_Image image = HPDF_LoadJpegImageFromFile(document.get(), path.c_str());
    document.check("loading the image " + path);
    return image;
  }
  HPDF_Image image = HPDF_LoadPngImageFromFile(document.get(), path.c_str());
  document.check("loading the image " + path);
  const auto mask = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT));
  HPDF_ResetError(document.get());  // no mask: GetItem reports "not found"
  if (mask && compress) mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return image;
}

// Bookmarks for the headings, nested by level, with UTF-8 titles (libraries.md §1.4).
void add_outline(HaruDocument& document, const Frame& frame, const std::vector<HPDF_Page>& pages) {
  if (frame.outline.empty()) return;
  HPDF_Encoder utf8 = HPDF_GetEncoder(document.get(), "UTF-8");
  std::vector<HPDF_Outline> open;  // the last outline at each level
  for (const auto& entry : frame.outline) {
    const auto level = static_cast<std::size_t>(std::max(entry.level, 0));
    if (open.size() > level) open.resize(level);
    HPDF_Outline parent = open.empty() ? nullptr : open.back();  // nullptr: the root;
    HPDF_Outline outline = HPDF_CreateOutline(document.get(), parent, entry.title.c_str(), utf8);
    const auto& page = frame.pages[entry.page];
    HPDF_Destination destination = HPDF_Page_CreateDestination(pages[entry.page]);
    HPDF_Destination_SetXYZ(destination, 0, static_cast<HPDF_REAL>(page.height - entry.y), 1);
    HPDF_Outline_SetDestination(outline, destination);
    HPDF_Outline_SetOpened(outline, HPDF_TRUE);
    while (open.size() < level) open.push_back(outline);  // a skipped level nests under this one
    open.push_back(outline);
  }
  document.check("writing the bookmarks");
}

// The page's current stroke and fill colours, so that each is set only when it changes.
// Every page starts with black for both (PDF 1.7, §8.4.1, initial graphics state).
class GraphicsColors {
 public:
  explicit GraphicsColors(HPDF_Page page) : page_(page) {}

  void stroke(const layout::Color& color) {
    if (color == stroke_) return;
    HPDF_Page_SetRGBStroke(page_, channel(color.r), channel(color.g), channel(color.b));
    stroke_ = color;
  }

  void fill(const layout::Color& color) {
    if (color == fill_) return;
    HPDF_Page_SetRGBFill(page_, channel(color.r), channel(color.g), channel(color.b));
    fill_ = color;
  }

 private:
  static HPDF_REAL channel(std::uint8_t value) { return static_cast<HPDF_REAL>(value / 255.0); }

  HPDF_Page page_;
  layout::Color stroke_, fill_;
};

// Draws a path: y runs down in the frame and up in PDF space.
void draw_path(HPDF_Page page, GraphicsColors& colors, const PathItem& path, double page_height) {
  if (!path.stroke && !path.fill) return;
  const auto x = [](const layout::Point& p) { return static_cast<HPDF_REAL>(p.x); };
  const auto y = [page_height](const layout::Point& p) { return static_cast<HPDF_REAL>(page_height - p.y); };
  if (path.stroke) colors.stroke(*path.stroke);
  if (path.fill) colors.fill(*path.fill);
  // A dash is set inside q … Q, the colours before it, so that what follows is unchanged.
  // libharu 2.3 takes whole-point dashes only (HPDF_Page_SetDash): the operators are
  // written to the page's stream directly.
  if (path.dash) {
    HPDF_Page_GSave(page);
    char dash[96];
    std::snprintf(dash, sizeof dash, "%d J [%.3f %.3f] %.3f d\n", path.dash->round_caps ? 1 : 0, path.dash->on,
                  path.dash->off, path.dash->phase);
    HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page->attr)->stream, dash);
  }
  if (path.stroke) HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(path.thickness));
  using Kind = layout::PathSegment::Kind;
  for (const auto& segment : path.segments) {
    const auto& p = segment.points;
    switch (segment.kind) {
      case Kind::move: HPDF_Page_MoveTo(page, x(p[0]), y(p[0])); break;
      case Kind::line: HPDF_Page_LineTo(page, x(p[0]), y(p[0])); break;
      case Kind::curve: HPDF_Page_CurveTo(page, x(p[0]), y(p[0]), x(p[1]), y(p[1]), x(p[2]), y(p[2])); break;
      case Kind::close: HPDF_Page_ClosePath(page); break;
    }
  }
  if (path.stroke && path.fill) HPDF_Page_FillStroke(page);
  else if (path.fill) HPDF_Page_Fill(page);
  else HPDF_Page_Stroke(page);
  if (path.dash) HPDF_Page_GRestore(page);
}

// Draws a path or a rule; other items are drawn elsewhere.
void draw_graphics(HPDF_Page page, GraphicsColors& colors, const layout::Item& item, double page_height) {
  if (const auto* path = std::get_if<PathItem>(&item)) draw_path(page, colors, *path, page_height);
  if (const auto* rule = std::get_if<RuleItem>(&item)) {
    colors.stroke(rule->color);
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(rule->thickness));
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule->x1), static_cast<HPDF_REAL>(page_height - rule->y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(rule->x2), static_cast<HPDF_REAL>(page_height - rule->y2));
    HPDF_Page_Stroke(page);
  }
}

// A number of hundredths as a PDF decimal: "1234" → "12.34", "-5" → "-.05", "300" → "3".
std::string decimal(long hundredths) {
  std::string out = hundredths < 0 ? "-" : "";
  const unsigned long magnitude = static_cast<unsigned long>(hundredths < 0 ? -hundredths : hundredths);
  const unsigned long whole = magnitude / 100, fraction = magnitude % 100;
  if (whole != 0 || fraction == 0) out += std::to_string(whole);
  if (fraction != 0) {
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
  return out;
}

}  // namespace

std::string write_pdf(const Frame& frame, const PdfOptions& options) {
  // Which code points each face draws: the subset and the ToUnicode map need exactly these.
  std::array<std::set<char32_t>, 4> used;
  for (const auto& page : frame.pages) {
    for (const auto& item : page.items) {
      if (const auto* t = std::get_if<TextItem>(&item)) {
        for (char32_t cp : text::decode_utf8(t->text)) used[static_cast<int>(t->face)].insert(cp);
      }
    }
  }

  HaruDocument document;
  HPDF_Doc doc = document.get();
  HPDF_SetCompressionMode(doc, options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");  // Info strings are UTF-8 (libraries.md §1.1 step 3)
  document.check("setting up the document");

  std::array<FontSubset, 4> subsets;
  std::array<HPDF_Dict, 4> fonts{};
  for (int style = 0; style < 4; ++style) {
    if (used[style].empty()) continue;
    subsets[style] = subset_font(frame.font_files[style], used[style]);
    fonts[style] = embed_font(document, subsets[style], subset_tag(style, used[style]), options.compress);
  }

  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, frame.info.title.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, frame.info.author.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, frame.info.subject.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, options.creator.c_str());
  document.check("writing the document information");

  std::map<std::string, HPDF_Image> images;
  struct SharedBackground {
    const layout::Page* page;  // the first page drawn with it
    HPDF_Dict stream;
  };
  std::vector<SharedBackground> backgrounds;
  std::vector<HPDF_Page> pages;
  for (const auto& page_frame : frame.pages) {
    HPDF_Page page = HPDF_AddPage(doc);
    pages.push_back(page);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(page_frame.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(page_frame.height));
    const double height = page_frame.height;
    // A page border is drawn once, into a content stream that every page with the same
    // border shares: a batch of a thousand certificates carries one border, not a thousand.
    const std::size_t background = std::min(page_frame.background_items, page_frame.items.size());
    if (background > 0) {
      // The same background: a page of the same size whose first items are equal.
      const auto same = std::find_if(backgrounds.begin(), backgrounds.end(), [&](const SharedBackground& known) {
        return known.page->width == page_frame.width && known.page->height == page_frame.height &&
               known.page->background_items == background &&
               std::equal(page_frame.items.begin(), page_frame.items.begin() + static_cast<std::ptrdiff_t>(background),
                          known.page->items.begin());
      });
      if (same != backgrounds.end()) {
        HPDF_Page_Insert_Shared_Content_Stream(page, same->stream);
      } else {
        HPDF_Dict shared = nullptr;
        HPDF_Page_New_Content_Stream(page, &shared);
        backgrounds.push_back({&page_frame, shared});
        HPDF_Page_GSave(page);
        GraphicsColors border_colors(page);
        for (std::size_t k = 0; k < background; ++k) draw_graphics(page, border_colors, page_frame.items[k], height);
        HPDF_Page_GRestore(page);
      }
      HPDF_Dict own = nullptr;
      HPDF_Page_New_Content_Stream(page, &own);
      document.check("sharing a page border");
    }
    // Images, shapes and rules first, as graphics; then all text in one text object.
    GraphicsColors colors(page);
    for (std::size_t k = background; k < page_frame.items.size(); ++k) {
      const auto& item = page_frame.items[k];
      if (const auto* placed = std::get_if<ImageItem>(&item)) {
        HPDF_Image& image = images[placed->path];
        if (!image) image = load_image(document, placed->path, options.compress);
        HPDF_Page_DrawImage(page, image, static_cast<HPDF_REAL>(placed->x),
                            static_cast<HPDF_REAL>(height - placed->y - placed->height),
                            static_cast<HPDF_REAL>(placed->width), static_cast<HPDF_REAL>(placed->height));
      }
      draw_graphics(page, colors, item, height);
    }
    // The text, written as operators: codes are glyph ids (embed_font), which libharu's
    // text functions cannot write. Positions go out in hundredths of a point, each line
    // moved relative to the last (Td), as exact integers so that no error builds up.
    HPDF_Page_BeginText(page);
    HPDF_Stream content = static_cast<HPDF_PageAttr>(page->attr)->stream;
    int current_style = -1;
    double current_size = 0;
    long last_x = 0, last_y = 0;
    std::string operators;
    for (const auto& item : page_frame.items) {
      const auto* t = std::get_if<TextItem>(&item);
      if (!t) continue;
      const int style = static_cast<int>(t->face);
      colors.fill(t->color);
      operators.clear();
      if (style != current_style || t->size != current_size) {
        operators += '/';
        operators += HPDF_Page_GetLocalFontName(page, fonts[style]);
        operators += ' ' + decimal(std::lround(t->size * 100)) + " Tf\n";
        current_style = style;
        current_size = t->size;
      }
      const long x = std::lround(t->x * 100), y = std::lround((height - t->y) * 100);
      operators += decimal(x - last_x) + ' ' + decimal(y - last_y) + " Td<" +
                   subsets[style].glyph_codes_hex(t->text) + ">Tj\n";
      last_x = x;
      last_y = y;
      HPDF_Stream_WriteStr(content, operators.c_str());
    }
    HPDF_Page_EndText(page);
    document.check("drawing a page");
  }

  add_outline(document, frame, pages);

  HPDF_SaveToStream(doc);
  document.check("saving the document");
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  document.check("reading the saved document");
  return bytes;
}

}  // namespace vanban::output
