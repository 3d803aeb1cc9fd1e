#include "output/pdf_writer.h"

#include <algorithm>
#include <array>
#include <cerrno>
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
#include <sys/mman.h>
#include <unistd.h>

#include "base/diagnostics.h"
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

// Owns the libharu document and the in-memory font files it reads until it is freed
// (libharu keeps a font file open until HPDF_Free and reads its glyphs again at save time).
class HaruDocument {
 public:
  HaruDocument() {
    doc_ = HPDF_New(on_haru_error, &errors_);
    if (!doc_) fail("pdf.init", "libharu could not create a document");
  }
  ~HaruDocument() {
    HPDF_Free(doc_);
    for (int fd : font_fds_) ::close(fd);
  }
  HaruDocument(const HaruDocument&) = delete;
  HaruDocument& operator=(const HaruDocument&) = delete;

  HPDF_Doc get() const { return doc_; }

  // Raises the first libharu error since the last check, naming what was being done.
  void check(const std::string& doing) {
    if (errors_.error == 0) return;
    char code[64];
    std::snprintf(code, sizeof code, "0x%04X (detail %u)", static_cast<unsigned>(errors_.error),
                  static_cast<unsigned>(errors_.detail));
    fail("pdf.libharu", std::string("libharu failed while ") + doing + ": error " + code);
  }

  // Makes bytes readable by path: libharu 2.3 loads TrueType only from a file, so the subset
  // goes into an anonymous memory file (memfd) and is opened through /proc/self/fd.
  std::string memory_file(const char* data, std::size_t size) {
    const int fd = ::memfd_create("vanban-font", MFD_CLOEXEC);
    if (fd < 0) fail("pdf.font", std::string("cannot create an in-memory font file: ") + std::strerror(errno));
    font_fds_.push_back(fd);
    std::size_t written = 0;
    while (written < size) {
      const ssize_t n = ::write(fd, data + written, size - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("pdf.font", std::string("cannot write an in-memory font file: ") + std::strerror(errno));
      }
      written += static_cast<std::size_t>(n);
    }
    return "/proc/self/fd/" + std::to_string(fd);
  }

 private:
  HaruErrors errors_;
  HPDF_Doc doc_ = nullptr;
  std::vector<int> font_fds_;
};

// Cuts a TrueType face down to the given code points with hb-subset. Hinting and OpenType
// layout tables go: libharu draws no kerning or ligatures, and drops them anyway.
// The source faces, read and parsed once per process: a batch subsets the same four files
// for every document. HarfBuzz faces are immutable, so workers share them.
hb_face_t* source_face(const std::string& path) {
  static std::mutex lock;
  static std::map<std::string, hb_face_t*> faces;  // kept for the life of the process
  std::lock_guard guard(lock);
  hb_face_t*& face = faces[path];
  if (!face) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) {
      faces.erase(path);
      fail("pdf.font", "cannot read font file", {path});
    }
    face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_face_make_immutable(face);
  }
  return face;
}

void put_u16(std::string& out, unsigned value) {
  out += static_cast<char>((value >> 8) & 0xFF);
  out += static_cast<char>(value & 0xFF);
}

// A cmap table with one format 4 subtable (Windows, Unicode BMP) of a few segments: code
// points closer than 64 apart share a segment, whose codes map through glyphIdArray (0 for
// the ones the document does not draw). libharu 2.3 looks every one of the 65,536 codes up
// with a linear walk over the segments when it builds a font (HPDF_TTFontDef_GetGlyphid,
// from CIDFontType2_New), once per face in every file: hb-subset's cmap has a segment per
// run of consecutive code points, some forty for a certificate; this has four or five.
std::string compact_cmap(hb_face_t* subset, const std::set<char32_t>& code_points) {
  hb_font_t* font = hb_font_create(subset);
  std::vector<std::pair<char32_t, unsigned>> glyphs;  // code point, glyph: BMP only
  for (char32_t cp : code_points) {
    hb_codepoint_t glyph = 0;
    if (cp < 0xFFFF && hb_font_get_nominal_glyph(font, cp, &glyph)) glyphs.emplace_back(cp, glyph);
  }
  hb_font_destroy(font);
  struct Segment {
    char32_t start, end;
    std::size_t first;  // index into glyphs
  };
  std::vector<Segment> segments;
  for (std::size_t k = 0; k < glyphs.size(); ++k) {
    if (segments.empty() || glyphs[k].first - segments.back().end > 64) segments.push_back({glyphs[k].first, 0, k});
    segments.back().end = glyphs[k].first;
  }
  const std::size_t count = segments.size() + 1;  // and the 0xFFFF segment that ends every cmap
  std::vector<unsigned> glyph_ids;                  // glyphIdArray
  std::vector<unsigned> range_offsets;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    // idRangeOffset: bytes from this entry to the segment's first glyphIdArray entry.
    range_offsets.push_back(static_cast<unsigned>(2 * (count - i) + 2 * glyph_ids.size()));
    std::size_t next = segments[i].first;
    for (char32_t cp = segments[i].start; cp <= segments[i].end; ++cp) {
      const bool drawn = next < glyphs.size() && glyphs[next].first == cp;
      glyph_ids.push_back(drawn ? glyphs[next++].second : 0);
    }
  }
  unsigned search = 1, selector = 0;
  while (search * 2 <= count) {
    search *= 2;
    ++selector;
  }
  std::string table;
  put_u16(table, 4);
  put_u16(table, static_cast<unsigned>(16 + 8 * count + 2 * glyph_ids.size()));  // length
  put_u16(table, 0);                                                            // language
  put_u16(table, static_cast<unsigned>(2 * count));
  put_u16(table, 2 * search);
  put_u16(table, selector);
  put_u16(table, static_cast<unsigned>(2 * count - 2 * search));
  for (const auto& segment : segments) put_u16(table, segment.end);
  put_u16(table, 0xFFFF);
  put_u16(table, 0);  // reservedPad
  for (const auto& segment : segments) put_u16(table, segment.start);
  put_u16(table, 0xFFFF);
  for (std::size_t i = 0; i < segments.size(); ++i) put_u16(table, 0);  // idDelta
  put_u16(table, 1);
  for (unsigned offset : range_offsets) put_u16(table, offset);
  put_u16(table, 0);
  for (unsigned glyph : glyph_ids) put_u16(table, glyph);
  std::string cmap;
  put_u16(cmap, 0);  // version
  put_u16(cmap, 1);  // one subtable
  put_u16(cmap, 3);  // Windows
  put_u16(cmap, 1);  // Unicode BMP
  put_u16(cmap, 0);
  put_u16(cmap, 12);  // its offset, a 32-bit number
  return cmap + table;
}

// Cuts the face down to the code points drawn (hb-subset: no hinting, no layout tables),
// with a compact cmap (compact_cmap), and returns the font file's bytes.
std::string subset_font(const std::string& path, const std::set<char32_t>& code_points) {
  hb_face_t* face = source_face(path);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) fail("pdf.font", "hb-subset is out of memory");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (auto tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                   HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('D', 'S', 'I', 'G')}) {
    hb_set_add(drop, tag);
  }
  hb_face_t* subset = hb_subset_or_fail(face, input);
  hb_subset_input_destroy(input);
  if (!subset) fail("pdf.font", "hb-subset could not subset the font", {path});
  // The subset's tables again, with the compact cmap in place of hb-subset's. A subset
  // face (a builder) cannot list its tables: ask it for each of the source face's.
  hb_face_t* builder = hb_face_builder_create();
  std::array<hb_tag_t, 64> tags{};
  for (unsigned start = 0;;) {
    unsigned count = static_cast<unsigned>(tags.size());
    hb_face_get_table_tags(face, start, &count, tags.data());
    for (unsigned k = 0; k < count; ++k) {
      if (tags[k] == HB_TAG('c', 'm', 'a', 'p')) continue;
      hb_blob_t* table = hb_face_reference_table(subset, tags[k]);
      if (hb_blob_get_length(table) > 0) hb_face_builder_add_table(builder, tags[k], table);
      hb_blob_destroy(table);
    }
    if (count < tags.size()) break;
    start += count;
  }
  const std::string cmap = compact_cmap(subset, code_points);
  hb_blob_t* cmap_blob = hb_blob_create(cmap.data(), static_cast<unsigned>(cmap.size()), HB_MEMORY_MODE_DUPLICATE,
                                        nullptr, nullptr);
  hb_face_builder_add_table(builder, HB_TAG('c', 'm', 'a', 'p'), cmap_blob);
  hb_blob_destroy(cmap_blob);
  hb_face_destroy(subset);
  hb_blob_t* result = hb_face_reference_blob(builder);
  unsigned int length = 0;
  const char* data = hb_blob_get_data(result, &length);
  std::string bytes(data, length);
  hb_blob_destroy(result);
  hb_face_destroy(builder);
  if (bytes.empty()) fail("pdf.font", "the subset font could not be rebuilt", {path});
  return bytes;
}

// A ToUnicode CMap for libharu's Identity-H fonts, whose codes are the UCS-2 values of the
// characters: one bfchar entry per code drawn, at most 100 per block (PDF 1.7, 9.10.3;
// Adobe Technical Note #5411). It replaces libharu 2.3's map, which uses begincidrange,
// an operator a ToUnicode CMap may not contain (libraries.md §1.3).
std::string to_unicode_cmap(const std::set<char32_t>& code_points) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> codes(code_points.begin(), code_points.end());
  char entry[32];
  for (std::size_t i = 0; i < codes.size(); i += 100) {
    const std::size_t count = std::min<std::size_t>(100, codes.size() - i);
    out += std::to_string(count) + " beginbfchar\n";
    for (std::size_t k = i; k < i + count; ++k) {
      std::snprintf(entry, sizeof entry, "<%04X> <%04X>\n", static_cast<unsigned>(codes[k]), static_cast<unsigned>(codes[k]));
      out += entry;
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

// Rewrites libharu's ToUnicode stream of a font in place with ours. Its dictionary keeps
// only what a ToUnicode stream needs: libharu labelled it as an encoding CMap.
void replace_to_unicode(HaruDocument& document, HPDF_Font font, const std::set<char32_t>& code_points) {
  const auto map = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(static_cast<HPDF_Dict>(font), "ToUnicode", HPDF_OCLASS_DICT));
  if (!map || !map->stream) fail("pdf.font", "libharu gave a font no ToUnicode map to rewrite");
  HPDF_MemStream_FreeData(map->stream);
  HPDF_Stream_WriteStr(map->stream, to_unicode_cmap(code_points).c_str());
  // RemoveElement returns "not found" without touching libharu's error state; GetItem
  // would raise an error for a key of another class.
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) HPDF_Dict_RemoveElement(map, key);
  document.check("writing a ToUnicode map");
}

// libharu 2.3 writes each face's CIDToGIDMap for all 65,536 codes (128 KB before deflate,
// libraries.md §1.2), and deflates it in every file. Codes past the stream's end map to
// glyph 0 (PDF 32000-1, 9.7.4.2), and no code past the face's highest code point is drawn:
// keep the map up to there. A batch of separate files deflates a few KB per face instead.
void shorten_cid_to_gid_map(HaruDocument& document, HPDF_Font font, char32_t highest) {
  const auto descendants =
      static_cast<HPDF_Array>(HPDF_Dict_GetItem(static_cast<HPDF_Dict>(font), "DescendantFonts", HPDF_OCLASS_ARRAY));
  const auto cid_font = descendants ? static_cast<HPDF_Dict>(HPDF_Array_GetItem(descendants, 0, HPDF_OCLASS_DICT)) : nullptr;
  const auto map = cid_font ? static_cast<HPDF_Dict>(HPDF_Dict_GetItem(cid_font, "CIDToGIDMap", HPDF_OCLASS_DICT)) : nullptr;
  if (!map || !map->stream) fail("pdf.font", "libharu gave a font no CIDToGIDMap to shorten");
  std::vector<HPDF_BYTE> entries(2 * (static_cast<std::size_t>(highest) + 1));
  auto size = static_cast<HPDF_UINT>(entries.size());
  HPDF_Stream_Seek(map->stream, 0, HPDF_SEEK_SET);
  HPDF_Stream_Read(map->stream, entries.data(), &size);
  HPDF_MemStream_FreeData(map->stream);
  HPDF_Stream_Write(map->stream, entries.data(), size);
  document.check("shortening a CIDToGIDMap");
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

  std::array<HPDF_Font, 4> fonts{};
  for (int style = 0; style < 4; ++style) {
    if (used[style].empty()) continue;
    const std::string subset = subset_font(frame.font_files[style], used[style]);
    const std::string path = document.memory_file(subset.data(), subset.size());
    const char* name = HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE);
    document.check("loading a font");
    fonts[style] = HPDF_GetFont(doc, name, "UTF-8");
    document.check("loading a font");
    replace_to_unicode(document, fonts[style], used[style]);
    shorten_cid_to_gid_map(document, fonts[style], *used[style].rbegin());
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
    HPDF_Page_BeginText(page);
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    for (const auto& item : page_frame.items) {
      const auto* t = std::get_if<TextItem>(&item);
      if (!t) continue;
      HPDF_Font font = fonts[static_cast<int>(t->face)];
      if (font != current_font || t->size != current_size) {
        HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(t->size));
        current_font = font;
        current_size = t->size;
      }
      colors.fill(t->color);
      HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(t->x), static_cast<HPDF_REAL>(height - t->y), t->text.c_str());
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
