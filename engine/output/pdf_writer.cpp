#include "output/pdf_writer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "base/diagnostics.h"
#include "output/colour_profile.h"
#include "output/content_stream.h"
#include "output/deflate.h"
#include "output/font_subset.h"
#include "output/page_sharing.h"
#include "text/unicode.h"

namespace vanban::output {

namespace {

constexpr std::size_t max_pages_under_root = 32767;

using layout::FieldItem;
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
    fail_with("pdf.libharu", "libharu failed while {}: error {}", {std::string(doing), code});
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

// A ToUnicode CMap from the document's codes to each character's UTF-16BE (PDF 32000-1,
// 9.10.3; Adobe Technical Note #5411): consecutive codes of consecutive characters as one
// bfrange entry (its ends differing in the last byte only), the rest as bfchar entries, at
// most 100 to a block. libharu 2.3's own map is invalid (docs/dependencies.md, "The ToUnicode map").
std::string to_unicode_cmap(const CharacterCodes& codes) {
  struct Run {
    unsigned code;
    char32_t cp;
    unsigned count;
  };
  const auto& characters = codes.characters();
  std::vector<Run> ranges, singles;
  for (std::size_t k = 0; k < characters.size();) {
    Run run{static_cast<unsigned>(k + 1), characters[k], 1};
    while (k + run.count < characters.size()) {
      const unsigned code = run.code + run.count;
      const char32_t cp = run.cp + run.count;
      if (characters[k + run.count] != cp || cp > 0xFFFF || (code & 0xFF) == 0 || (cp & 0xFF) == 0) break;
      ++run.count;
    }
    (run.count > 1 ? ranges : singles).push_back(run);
    k += run.count;
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char entry[48];
  const auto utf16 = [](char32_t cp, char* buffer, std::size_t size) {
    if (cp <= 0xFFFF) return std::snprintf(buffer, size, "%04X", static_cast<unsigned>(cp));
    const char32_t v = cp - 0x10000;  // a surrogate pair
    return std::snprintf(buffer, size, "%04X%04X", static_cast<unsigned>(0xD800 + (v >> 10)),
                         static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
  };
  for (const bool range : {true, false}) {
    const auto& runs = range ? ranges : singles;
    for (std::size_t i = 0; i < runs.size(); i += 100) {
      const std::size_t count = std::min<std::size_t>(100, runs.size() - i);
      out += std::to_string(count) + (range ? " beginbfrange\n" : " beginbfchar\n");
      for (std::size_t k = i; k < i + count; ++k) {
        char target[16];
        utf16(runs[k].cp, target, sizeof target);
        if (range) {
          std::snprintf(entry, sizeof entry, "<%04X> <%04X> <%s>\n", runs[k].code, runs[k].code + runs[k].count - 1, target);
        } else {
          std::snprintf(entry, sizeof entry, "<%04X> <%s>\n", runs[k].code, target);
        }
        out += entry;
      }
      out += range ? "endbfrange\n" : "endbfchar\n";
    }
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

// libharu writes a stream's /Filter only for the filters it applies itself (HPDF_Dict_Write
// drops the key otherwise): a stream deflated here names its filter from the dictionary's
// write hook, called after its other entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) { return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012"); }

// Fills a stream object with the bytes, deflated when the document is compressed.
void fill_stream(HaruDocument& document, HPDF_Dict dict, const std::string& bytes, bool compress) {
  const std::string stored = compress ? deflated(bytes) : std::string();
  const std::string& written = compress ? stored : bytes;
  if (compress) dict->write_fn = write_flate_filter;
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(written.data()), static_cast<HPDF_UINT>(written.size()));
  document.check("writing a stream");
}

// A new stream object holding the bytes, deflated when the document is compressed.
HPDF_Dict new_stream(HaruDocument& document, const std::string& bytes, bool compress) {
  HPDF_Dict dict = HPDF_DictStream_New(document.get()->mmgr, document.get()->xref);
  if (!dict) fail("pdf.libharu", "libharu is out of memory");
  fill_stream(document, dict, bytes, compress);
  return dict;
}

// Embeds a subset as a Type 0 font over a CIDFontType2 (PDF 32000-1, 9.7.4) whose codes
// are the document's (CharacterCodes), mapped to the subset's glyphs by a CIDToGIDMap,
// built from libharu's object layer. libharu 2.3's own TrueType path re-parses the file,
// writes a 128 KB CIDToGIDMap and the whole widths array, looks up all 65,536 codes per
// face and keeps only a partial subset (docs/dependencies.md, "Fonts and subsetting"); here every object holds
// exactly what the document draws.
HPDF_Dict embed_font(HaruDocument& document, const FontSubset& subset, const CharacterCodes& codes, HPDF_Dict to_unicode,
                     const std::string& tag, bool compress) {
  HPDF_MMgr mmgr = document.get()->mmgr;
  const auto indirect_dict = [&] {
    HPDF_Dict dict = HPDF_Dict_New(mmgr);
    if (dict && HPDF_Xref_Add(document.get()->xref, dict) != HPDF_OK) dict = nullptr;  // Xref_Add frees it
    if (!dict) fail("pdf.font", "libharu is out of memory");
    return dict;
  };
  const std::string base_font = tag + "+" + subset.postscript_name;
  const FaceMetrics& m = subset.metrics;

  HPDF_Dict program = new_stream(document, subset.program, compress);
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

  HPDF_Dict font = indirect_dict();
  HPDF_Dict_AddName(font, "Type", "Font");
  HPDF_Dict_AddName(font, "Subtype", "Type0");
  HPDF_Dict_AddName(font, "BaseFont", base_font.c_str());
  HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(font, "DescendantFonts", descendants);
  HPDF_Dict_Add(font, "ToUnicode", to_unicode);
  // The CIDFont inside its Type 0 font's DescendantFonts array, a direct object (PDF
  // 32000-1, 9.7.6.1 asks only for a one-element array): one object fewer a face.
  HPDF_Dict cid_font = HPDF_Dict_New(mmgr);
  if (!cid_font) fail("pdf.font", "libharu is out of memory");
  HPDF_Array_Add(descendants, cid_font);  // owned by the array from here on
  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str());
  HPDF_Dict system_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
  HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system_info, "Supplement", 0);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);

  // Each code's glyph and width; a code of a character this face does not draw maps to
  // glyph 0 and keeps the default width.
  std::vector<int> widths_by_code;  // -1: not drawn in this face
  std::string glyph_map;            // CIDToGIDMap: 2 bytes a code, big-endian (9.7.4.2)
  for (const auto& [cp, glyph] : subset.glyphs) {
    const std::size_t code = codes.code_of(cp);
    if (code >= widths_by_code.size()) {
      widths_by_code.resize(code + 1, -1);
      glyph_map.resize(2 * (code + 1), '\0');
    }
    widths_by_code[code] = subset.widths[glyph];
    glyph_map[2 * code] = static_cast<char>(glyph >> 8);
    glyph_map[2 * code + 1] = static_cast<char>(glyph & 0xFF);
  }
  HPDF_Dict_Add(cid_font, "CIDToGIDMap", new_stream(document, glyph_map, compress));
  // The widths (9.7.4.3): the commonest as DW, and the others in W, a run of three or more
  // equal widths as "first last width", the rest as "first [w w …]".
  std::map<int, int> frequency;
  for (int width : widths_by_code) {
    if (width >= 0) ++frequency[width];
  }
  const int common = frequency.empty() ? 1000
                                       : std::max_element(frequency.begin(), frequency.end(), [](const auto& a, const auto& b) {
                                           return a.second < b.second;
                                         })->first;
  HPDF_Dict_AddNumber(cid_font, "DW", common);
  HPDF_Array widths = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(cid_font, "W", widths);
  const auto& w = widths_by_code;
  HPDF_Array listed = nullptr;  // the open "first [w w …]" list, if the last code was in one
  for (std::size_t first = 1; first < w.size();) {
    std::size_t last = first;
    while (last + 1 < w.size() && w[last + 1] == w[first]) ++last;
    if (w[first] < 0 || w[first] == common) {
      listed = nullptr;
    } else if (last - first >= 2) {
      for (int value : {static_cast<int>(first), static_cast<int>(last), w[first]}) HPDF_Array_AddNumber(widths, value);
      listed = nullptr;
    } else {
      if (!listed) {
        HPDF_Array_AddNumber(widths, static_cast<int>(first));
        listed = HPDF_Array_New(mmgr);
        HPDF_Array_Add(widths, listed);
      }
      for (std::size_t k = first; k <= last; ++k) HPDF_Array_AddNumber(listed, w[k]);
    }
    first = last + 1;
  }
  document.check("embedding a font");
  return font;
}

// Embeds a decoded image. A JPEG goes in as its own bytes, a DCT stream; decoded samples as a
// Flate stream, their alpha as an /SMask of its own. libharu never reads an image file here:
// its PNG loader runs libpng with the default error handler, which aborts the process on a
// damaged file (image/decode_image.h).
HPDF_Image load_image(HaruDocument& document, const ImageData& data) {
  HPDF_Image image = nullptr;
  if (data.encoding == ImageData::Encoding::jpeg) {
    image = HPDF_LoadJpegImageFromMem(document.get(), reinterpret_cast<const HPDF_BYTE*>(data.jpeg.data()),
                                      static_cast<HPDF_UINT>(data.jpeg.size()));
    document.check("embedding a JPEG image");
    return image;
  }
  const auto space = data.components == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB;
  image = HPDF_LoadRawImageFromMem(document.get(), data.samples.data(), static_cast<HPDF_UINT>(data.width),
                                   static_cast<HPDF_UINT>(data.height), space, 8);
  document.check("embedding an image");
  if (!data.alpha.empty()) {
    HPDF_Image mask = HPDF_LoadRawImageFromMem(document.get(), data.alpha.data(), static_cast<HPDF_UINT>(data.width),
                                               static_cast<HPDF_UINT>(data.height), HPDF_CS_DEVICE_GRAY, 8);
    document.check("embedding an image's transparency");
    HPDF_Image_AddSMask(image, mask);
    document.check("embedding an image's transparency");
  }
  return image;
}

// A text string as PDF 32000-1, 7.9.2.2 has it: UTF-16BE after the byte order mark, written
// in hex. libharu's UTF-8 encoder writes the same bytes, but turns a character beyond the
// Basic Multilingual Plane into a space and costs a tenth of a small render to set up
// (docs/dependencies.md, "UTF-8 text").
HPDF_Binary text_string(HaruDocument& document, const std::string& utf8) {
  std::vector<HPDF_BYTE> bytes{0xFE, 0xFF};
  const auto unit = [&](unsigned value) {
    bytes.push_back(static_cast<HPDF_BYTE>(value >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(value & 0xFF));
  };
  for (const char32_t cp : text::decode_utf8(utf8)) {
    if (cp < 0x10000) {
      unit(cp);
    } else {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  HPDF_Binary string = HPDF_Binary_New(document.get()->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
  if (!string) fail_with("pdf.libharu", "libharu could not hold a text string of {} bytes", {std::to_string(utf8.size())});
  return string;
}

// Bookmarks for the headings, nested by level, their titles text strings.
void add_outline(HaruDocument& document, const Frame& frame, const std::vector<HPDF_Page>& pages) {
  if (frame.outline.empty()) return;
  std::vector<HPDF_Outline> open;  // the last outline at each level
  for (const auto& entry : frame.outline) {
    const auto level = static_cast<std::size_t>(std::max(entry.level, 0));
    if (open.size() > level) open.resize(level);
    HPDF_Outline parent = open.empty() ? nullptr : open.back();  // nullptr: the root;
    HPDF_Outline outline = HPDF_CreateOutline(document.get(), parent, "", nullptr);
    if (outline) HPDF_Dict_Add(outline, "Title", text_string(document, entry.title));
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

// The distinct code points of a face's texts: a document draws thousands of characters from
// an alphabet of a hundred or so, and a bitmap over the Basic Multilingual Plane tells a
// repeat in one step.
class DistinctCodePoints {
 public:
  void add(char32_t cp) {
    if (cp < 0x10000) {
      std::uint64_t& word = seen_[cp >> 6];
      const std::uint64_t bit = std::uint64_t{1} << (cp & 63);
      if (word & bit) return;
      word |= bit;
    } else if (others_.count(cp)) {
      return;
    } else {
      others_.insert(cp);
    }
    found_.push_back(cp);
  }
  std::set<char32_t> sorted() const { return {found_.begin(), found_.end()}; }

 private:
  std::vector<std::uint64_t> seen_ = std::vector<std::uint64_t>(0x10000 / 64);
  std::set<char32_t> others_;
  std::vector<char32_t> found_;
};

}  // namespace

// The places kept for signing (layout::FieldItem; docs/electronic.md, "Fields"): each an
// unsigned signature field that is its own widget annotation (PDF 32000-1, 12.7.4.5 and
// 12.5.6.19), printable (/F 4), with an empty normal appearance, in its page's /Annots and in
// the catalog's /AcroForm /Fields. A signing tool fills /V and the appearance later, in an
// incremental update.
void add_signature_fields(HaruDocument& document, const Frame& frame, const std::vector<HPDF_Page>& pages) {
  HPDF_Doc doc = document.get();
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_Array fields = nullptr;
  // A print file of many documents holds each one's fields: a name met again (the next
  // certificate's Sig_Signer) takes its page's number, as two fields of one name would be
  // one field (PDF 32000-1, 12.7.3.2).
  std::set<std::string> names;
  for (std::size_t n = 0; n < frame.pages.size(); ++n) {
    const double height = frame.pages[n].height;
    HPDF_Array annotations = nullptr;
    for (const auto& item : frame.pages[n].items) {
      const auto* field = std::get_if<FieldItem>(&item);
      if (!field) continue;
      if (!fields) fields = HPDF_Array_New(mmgr);
      if (!annotations) {
        annotations = HPDF_Array_New(mmgr);
        HPDF_Dict_Add(pages[n], "Annots", annotations);
      }
      HPDF_Dict widget = HPDF_Dict_New(mmgr);
      if (!widget || HPDF_Xref_Add(doc->xref, widget) != HPDF_OK) fail("pdf.libharu", "libharu is out of memory");
      HPDF_Dict_AddName(widget, "Type", "Annot");
      HPDF_Dict_AddName(widget, "Subtype", "Widget");
      HPDF_Dict_AddName(widget, "FT", "Sig");
      std::string name = field->name;
      if (!names.insert(name).second) name += "_page" + std::to_string(n + 1);
      names.insert(name);
      HPDF_Dict_Add(widget, "T", HPDF_String_New(mmgr, name.c_str(), nullptr));
      HPDF_Dict_AddNumber(widget, "F", 4);  // print
      const layout::PdfRect at = layout::pdf_rect(*field, height);
      const HPDF_Box rect{static_cast<HPDF_REAL>(at.x1), static_cast<HPDF_REAL>(at.y1), static_cast<HPDF_REAL>(at.x2),
                          static_cast<HPDF_REAL>(at.y2)};
      HPDF_Dict_Add(widget, "Rect", HPDF_Box_Array_New(mmgr, rect));
      HPDF_Dict_Add(widget, "P", pages[n]);
      // The appearance before signing: an empty form the size of the field.
      HPDF_Dict appearance = new_stream(document, "", false);
      HPDF_Dict_AddName(appearance, "Type", "XObject");
      HPDF_Dict_AddName(appearance, "Subtype", "Form");
      const HPDF_Box box{0, 0, static_cast<HPDF_REAL>(field->width), static_cast<HPDF_REAL>(field->height)};
      HPDF_Dict_Add(appearance, "BBox", HPDF_Box_Array_New(mmgr, box));
      HPDF_Dict appearances = HPDF_Dict_New(mmgr);
      HPDF_Dict_Add(appearances, "N", appearance);
      HPDF_Dict_Add(widget, "AP", appearances);
      HPDF_Array_Add(annotations, widget);
      HPDF_Array_Add(fields, widget);
    }
  }
  if (!fields) return;
  HPDF_Dict form = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(form, "Fields", fields);
  HPDF_Dict_Add(doc->catalog, "AcroForm", form);
  document.check("adding the signature fields");
}

// Text for XML (XMP is RDF/XML): the five characters XML gives meaning escaped.
std::string xml_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// The XMP packet of a PDF/A file (ISO 19005-2, 6.6; XMP, ISO 16684-1): the part and level
// (pdfaid), and the document information again, each property equal to its entry in the
// information dictionary (6.6.3: Title dc:title, Author dc:creator, Subject dc:description,
// Creator xmp:CreatorTool, Producer pdf:Producer). Only predefined schemas: no extension
// schema is needed.
std::string xmp_packet(const Frame& frame, const PdfOptions& options, const std::string& producer) {
  std::string rdf = "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                    "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>";
  rdf += options.profile == PdfProfile::pdfa_2u ? "U" : "B";
  rdf += "</pdfaid:conformance>\n</rdf:Description>\n";
  rdf += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:format>application/pdf</dc:format>\n";
  if (!frame.info.title.empty()) {
    rdf += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(frame.info.title) + "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!frame.info.author.empty()) {
    rdf += "<dc:creator><rdf:Seq><rdf:li>" + xml_text(frame.info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!frame.info.subject.empty()) {
    rdf += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(frame.info.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n";
  }
  rdf += "</rdf:Description>\n";
  if (!options.creator.empty()) {
    rdf += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n<xmp:CreatorTool>" +
           xml_text(options.creator) + "</xmp:CreatorTool>\n</rdf:Description>\n";
  }
  if (!producer.empty()) {
    rdf += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n<pdf:Producer>" + xml_text(producer) +
           "</pdf:Producer>\n</rdf:Description>\n";
  }
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
         rdf + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
}

// The identifier's place before it is known: 16 zero bytes, as libharu writes a binary string.
constexpr std::string_view id_placeholder = "<00000000000000000000000000000000>";

// What PDF/A adds (docs/electronic.md, "PDF/A"): the XMP metadata, uncompressed (6.6.2.1); an
// output intent GTS_PDFA1 with the sRGB profile, which makes the DeviceRGB and DeviceGray the
// pages draw in device-independent (6.2.3, 6.2.4.3); a file identifier in the trailer (6.1.3),
// filled in once the bytes are known.
void add_archival_parts(HaruDocument& document, const Frame& frame, const PdfOptions& options) {
  HPDF_Doc doc = document.get();
  HPDF_MMgr mmgr = doc->mmgr;
  const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER);
  HPDF_Dict metadata = new_stream(document, xmp_packet(frame, options, producer ? producer : ""), false);
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  HPDF_Dict_Add(doc->catalog, "Metadata", metadata);

  HPDF_Dict profile = new_stream(document, std::string(srgb_profile()), options.compress);
  HPDF_Dict_AddNumber(profile, "N", 3);
  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(mmgr, "http://www.color.org", nullptr));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr, "sRGB IEC61966-2.1", nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  HPDF_Array intents = HPDF_Array_New(mmgr);
  HPDF_Array_Add(intents, intent);
  HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);

  const HPDF_BYTE zeros[16] = {};
  HPDF_Array id = HPDF_Array_New(mmgr);
  HPDF_Array_Add(id, HPDF_Binary_New(mmgr, const_cast<HPDF_BYTE*>(zeros), 16));
  HPDF_Array_Add(id, HPDF_Binary_New(mmgr, const_cast<HPDF_BYTE*>(zeros), 16));
  HPDF_Dict_Add(doc->trailer, "ID", id);
  document.check("adding the PDF/A metadata");
}

// Fills the trailer's /ID with a hash of the file's bytes (two FNV-1a hashes of 64 bits):
// the same document always gets the same identifier, another document another.
void fill_file_identifier(std::string& bytes) {
  const std::size_t trailer = bytes.rfind("trailer");
  if (trailer == std::string::npos) fail("pdf.libharu", "the saved document has no trailer");
  std::uint64_t first = 14695981039346656037ull, second = 0x84222325cbf29ce4ull;
  for (const char c : bytes) {
    first = (first ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    second = (second ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  char hex[40];
  std::snprintf(hex, sizeof hex, "<%016llX%016llX>", static_cast<unsigned long long>(first),
                static_cast<unsigned long long>(second));
  for (int k = 0; k < 2; ++k) {
    const std::size_t at = bytes.find(id_placeholder, trailer);
    if (at == std::string::npos) fail("pdf.libharu", "the saved document's trailer has no /ID to fill");
    bytes.replace(at, id_placeholder.size(), hex);
  }
}

std::string write_pdf(const Frame& frame, const PdfOptions& options) {
  // Which code points each face draws: the subset and the ToUnicode map need exactly these.
  std::array<DistinctCodePoints, 4> distinct;
  for (const auto& page : frame.pages) {
    for (const auto& item : page.items) {
      if (const auto* t = std::get_if<TextItem>(&item)) {
        DistinctCodePoints& face = distinct[static_cast<int>(t->face)];
        for (std::size_t at = 0; at < t->text.size();) face.add(text::next_code_point(t->text, at));
      }
    }
  }
  std::array<std::set<char32_t>, 4> used;
  for (int style = 0; style < 4; ++style) used[style] = distinct[style].sorted();

  HaruDocument document;
  HPDF_Doc doc = document.get();
  // The file follows ISO 32000-1, PDF 1.7, which these comments cite; libharu's own header
  // says 1.3, though the alpha of a PNG (a signature, a seal) is an /SMask, a PDF 1.4 feature.
  doc->pdf_version = HPDF_VER_17;
  // libharu deflates only the images' samples (with zlib); every other stream is deflated here.
  HPDF_SetCompressionMode(doc, options.compress ? HPDF_COMP_IMAGE : HPDF_COMP_NONE);
  // A page tree node holds at most 32,767 kids (libharu's HPDF_LIMIT_MAX_ARRAY): a print file
  // of more pages than that puts them in nodes of 4,096 under the root, as many as 134 million
  // pages in all. Smaller files keep every page under the root, as before.
  if (frame.pages.size() > max_pages_under_root) {
    if (frame.pages.size() > max_pages_under_root * 4096) {
      fail_with("pdf.pages", "a PDF holds at most {} pages; this one has {}",
                {std::to_string(max_pages_under_root * 4096), std::to_string(frame.pages.size())});
    }
    HPDF_SetPagesConfiguration(doc, 4096);
    document.check("arranging the pages");
  }
  // Document information: only what is known; an empty entry is left out. Plain ASCII (the
  // creator, "vanban 1.2") is a short literal string, other text a text string.
  const auto is_ascii = [](const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  const std::array<std::pair<const char*, const std::string*>, 4> info{
      {{"Title", &frame.info.title}, {"Author", &frame.info.author},
       {"Subject", &frame.info.subject}, {"Creator", &options.creator}}};
  for (const auto& [key, value] : info) {
    if (value->empty()) continue;
    if (!doc->info) {  // as HPDF_SetInfoAttr makes it: an indirect object the trailer names
      doc->info = HPDF_Dict_New(doc->mmgr);
      if (!doc->info || HPDF_Xref_Add(doc->xref, doc->info) != HPDF_OK) fail("pdf.libharu", "libharu is out of memory");
    }
    if (is_ascii(*value)) HPDF_Dict_Add(doc->info, key, HPDF_String_New(doc->mmgr, value->c_str(), nullptr));
    else HPDF_Dict_Add(doc->info, key, text_string(document, *value));
  }
  document.check("setting up the document");

  std::set<char32_t> characters;
  for (const auto& face : used) characters.insert(face.begin(), face.end());
  const CharacterCodes codes(characters);
  HPDF_Dict to_unicode = characters.empty() ? nullptr : new_stream(document, to_unicode_cmap(codes), options.compress);
  std::array<HPDF_Dict, 4> fonts{};
  for (int style = 0; style < 4; ++style) {
    if (used[style].empty()) continue;
    const FontSubset subset = subset_font(frame.fonts[style]->bytes(), frame.fonts[style]->name(), used[style]);
    fonts[style] = embed_font(document, subset, codes, to_unicode, subset_tag(style, used[style]), options.compress);
  }

  // One resource dictionary, on the root of the page tree, which every page inherits (PDF
  // 32000-1, 7.7.3.4): libharu would give each page its own, a few hundred bytes a page of
  // a print file.
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_Dict resources = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(doc->root_pages, "Resources", resources);
  HPDF_Dict font_resources = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(resources, "Font", font_resources);
  ContentResources content_resources;
  content_resources.codes = &codes;
  for (int style = 0; style < 4; ++style) {
    if (!fonts[style]) continue;
    content_resources.font_names[style] = "F" + std::to_string(style + 1);
    HPDF_Dict_Add(font_resources, content_resources.font_names[style].c_str(), fonts[style]);
  }
  HPDF_Dict image_resources = nullptr;
  std::map<const ImageData*, std::string> image_names;  // each decoded image embedded once
  content_resources.image_name = [&](const ImageItem& image) {
    std::string& name = image_names[image.data.get()];
    if (name.empty()) {
      if (!image_resources) {
        image_resources = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(resources, "XObject", image_resources);
      }
      name = "Im" + std::to_string(image_names.size());
      if (!image.data) fail_with("pdf.image", "the image {} was not decoded before layout", {image.name});
      // A PDF/A file's output intent is RGB: a CMYK image's colours would have no meaning in
      // it (ISO 19005-2, 6.2.4.3).
      if (options.profile != PdfProfile::plain && image.data->components == 4) {
        fail_with("pdf.pdfa-colour", "the image {} is CMYK, which a PDF/A file with an sRGB output intent cannot hold",
                  {image.name}, {}, {"save it as RGB (a PNG, or an RGB JPEG)"});
      }
      HPDF_Dict_Add(image_resources, name.c_str(), load_image(document, *image.data));
    }
    return name;
  };
  document.check("writing the resources");

  const ContentPlan plan = plan_content(frame);
  std::vector<HPDF_Dict> shared_streams;
  for (const auto& shared : plan.shared) {
    shared_streams.push_back(new_stream(
        document, content_stream(shared.items, shared.page_height, content_resources, true), options.compress));
  }
  // Pages all of one size inherit their MediaBox from the root too.
  const bool one_size = !frame.pages.empty() && std::all_of(frame.pages.begin(), frame.pages.end(), [&](const auto& p) {
    return p.width == frame.pages.front().width && p.height == frame.pages.front().height;
  });
  if (one_size) {
    const HPDF_Box box{0, 0, static_cast<HPDF_REAL>(frame.pages.front().width),
                       static_cast<HPDF_REAL>(frame.pages.front().height)};
    HPDF_Dict_Add(doc->root_pages, "MediaBox", HPDF_Box_Array_New(mmgr, box));
  }
  document.check("sharing page content");

  std::vector<HPDF_Page> pages;
  for (std::size_t i = 0; i < frame.pages.size(); ++i) {
    const auto& page_frame = frame.pages[i];
    const PageContent& content = plan.pages[i];
    HPDF_Page page = HPDF_AddPage(doc);
    if (!page) {
      document.check("adding page " + std::to_string(i + 1));
      fail_with("pdf.libharu", "libharu could not add page {}", {std::to_string(i + 1)});
    }
    pages.push_back(page);
    HPDF_Dict_RemoveElement(page, "Resources");
    if (one_size) {
      HPDF_Dict_RemoveElement(page, "MediaBox");
    } else {
      HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(page_frame.width));
      HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(page_frame.height));
    }
    const auto attr = static_cast<HPDF_PageAttr>(page->attr);
    fill_stream(document, attr->contents, content_stream(content.own, page_frame.height, content_resources, false),
                options.compress);
    if (content.shared >= 0) {
      HPDF_Array contents = HPDF_Array_New(mmgr);
      HPDF_Dict_Add(page, "Contents", contents);
      HPDF_Array_Add(contents, shared_streams[static_cast<std::size_t>(content.shared)]);
      HPDF_Array_Add(contents, attr->contents);
    }
    document.check("drawing a page");
  }

  add_outline(document, frame, pages);
  add_signature_fields(document, frame, pages);
  if (options.profile != PdfProfile::plain) add_archival_parts(document, frame, options);

  HPDF_SaveToStream(doc);
  document.check("saving the document");
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  document.check("reading the saved document");
  if (options.profile != PdfProfile::plain) fill_file_identifier(bytes);
  return bytes;
}

}  // namespace vanban::output
