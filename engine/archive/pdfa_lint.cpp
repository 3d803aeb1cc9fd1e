#include "archive/pdfa_lint.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>

#include <pugixml.hpp>

#include "base/diagnostics.h"
#include "base/utf8.h"
#include "output/deflate.h"
#include "sign/cms_signature.h"

namespace vanban::archive {

using sign::ContentOperation;
using sign::PdfArray;
using sign::PdfDict;
using sign::PdfFile;
using sign::PdfObject;

const std::vector<PdfaRule>& pdfa_rules() {
  static const std::vector<PdfaRule> rules{
      {"6.1.2-1", "the header is %PDF-1.n, 0 <= n <= 7, at byte 0, with one end of line"},
      {"6.1.2-2", "a comment of at least four bytes above 127 follows the header"},
      {"6.1.3-1", "the trailer has a file identifier, /ID"},
      {"6.1.3-2", "the trailer has no /Encrypt"},
      {"6.1.3-3", "nothing but one end of line follows the last %%EOF"},
      {"6.1.4-2", "the xref keyword and its subsection header are separated by one end of line"},
      {"6.1.7.1-1", "each stream's /Length is the number of its bytes"},
      {"6.1.7.1-2", "stream is followed by CR LF or LF, endstream preceded by an end of line"},
      {"6.1.7.1-3", "no stream has /F, /FFilter or /FDecodeParms"},
      {"6.1.7.2-1", "no stream uses LZWDecode or Crypt, or a filter PDF does not define"},
      {"6.1.9-1", "N G obj with single spaces, obj and endobj each on their own line"},
      {"6.1.12-1", "a permissions dictionary holds only UR3 and DocMDP"},
      {"6.1.13-1", "no integer beyond 32 bits"},
      {"6.1.13-2", "no real number beyond +/-3.403e38"},
      {"6.1.13-3", "no string longer than 32767 bytes"},
      {"6.1.13-4", "no name longer than 127 bytes"},
      {"6.1.13-5", "no real number nearer zero than +/-1.175e-38 but zero"},
      {"6.1.13-7", "at most 8388607 indirect objects"},
      {"6.1.13-8", "q/Q nested at most 28 deep"},
      {"6.1.13-11", "page boundaries between 3 and 14400 units"},
      {"6.2.2-1", "content streams use only the operators ISO 32000-1 defines"},
      {"6.2.3-1", "the output intent's profile is an ICC output or monitor profile (RGB, CMYK or grey) before version 5"},
      {"6.2.3-2", "several output intents share one profile"},
      {"6.2.4.3-2", "DeviceRGB only with an RGB output intent"},
      {"6.2.4.3-3", "DeviceCMYK only with a CMYK output intent"},
      {"6.2.4.3-4", "DeviceGray only with an output intent"},
      {"6.2.5-1", "no ExtGState has /TR"},
      {"6.2.5-2", "no ExtGState has /TR2 other than /Default"},
      {"6.2.5-3", "no ExtGState has /HTP"},
      {"6.2.8-1", "no image has /Alternates"},
      {"6.2.8-2", "no image has /OPI"},
      {"6.2.8-3", "no image has /Interpolate true"},
      {"6.2.8-4", "an image's /BitsPerComponent is 1, 2, 4, 8 or 16"},
      {"6.2.9-1", "no form XObject has /OPI, /PS or /Subtype2 /PS"},
      {"6.2.9-2", "no reference XObjects (/Ref)"},
      {"6.2.9-3", "no PostScript XObjects"},
      {"6.2.10-1", "only the blend modes ISO 32000-1 defines"},
      {"6.2.11.2-1", "each font dictionary is /Type /Font"},
      {"6.2.11.2-2", "each font's /Subtype is one ISO 32000-1 defines"},
      {"6.2.11.2-3", "each font but Type 3 names its /BaseFont"},
      {"6.2.11.3.1-1", "a Type 0 font's CMap is Identity-H or Identity-V, or matches its CIDFont's CIDSystemInfo"},
      {"6.2.11.3.2-1", "each embedded CIDFontType2 has a /CIDToGIDMap"},
      {"6.2.11.3.3-1", "each CMap is a predefined one (the lint accepts Identity-H and Identity-V) or embedded"},
      {"6.2.11.4.1-1", "each font program is embedded"},
      {"6.2.11.4.1-2", "each glyph a text shows is in its font program"},
      {"6.2.11.4.2-2", "a CIDSet lists every glyph of its font (the lint accepts none present)"},
      {"6.2.11.5-1", "each glyph's width in the font dictionary is its width in the font program, within 1 unit"},
      {"6.2.11.7.2-1", "each character shown maps to Unicode through a ToUnicode CMap", true},
      {"6.2.11.8-1", "no text shows the .notdef glyph"},
      {"6.3.1-1", "only annotation types ISO 32000-1 defines, and no 3D, Sound, Screen or Movie"},
      {"6.3.2-1", "each annotation but Popup has /F"},
      {"6.3.2-2", "each annotation's flags: Print set; Hidden, Invisible, ToggleNoView and NoView clear"},
      {"6.3.3-1", "each annotation with an area has an appearance, /AP"},
      {"6.3.3-2", "an appearance dictionary holds only /N"},
      {"6.3.3-4", "a non-button annotation's /N is a stream"},
      {"6.4.1-1", "no widget has /A or /AA"},
      {"6.4.1-2", "no form field has /AA"},
      {"6.4.1-3", "the form's /NeedAppearances is absent or false"},
      {"6.4.2-1", "the form has no /XFA"},
      {"6.4.2-2", "the catalog has no /NeedsRendering"},
      {"6.4.3-1", "each signature's /ByteRange covers its whole revision but its /Contents"},
      {"6.4.3-2", "each signature carries its signing certificate"},
      {"6.4.3-3", "each signature has one SignerInfo"},
      {"6.6.2.1-1", "the catalog has /Metadata, an XMP stream (/Type /Metadata /Subtype /XML)"},
      {"6.6.2.1-2", "the XMP packet header has no bytes attribute"},
      {"6.6.2.1-3", "the XMP packet header has no encoding attribute"},
      {"6.6.2.1-4", "the XMP is well-formed XML"},
      {"6.6.2.1-5", "the XMP is UTF-8"},
      {"6.6.2.3.1-1", "XMP properties use predefined schemas only (the lint does not read extension schemas)"},
      {"6.6.4-1", "the XMP identifies the PDF/A part and level (pdfaid)"},
      {"6.6.4-2", "pdfaid:part is 2"},
      {"6.6.4-3", "pdfaid:conformance is the level linted for"},
      {"6.6.4-4", "part uses the prefix pdfaid"},
      {"6.6.4-5", "conformance uses the prefix pdfaid"},
      {"6.10-1", "no AlternatePresentations in the name dictionary"},
      {"6.10-2", "no page has /PresSteps"},
      {"6.11-1", "the catalog has no /Requirements"},
  };
  return rules;
}

namespace {

const std::set<std::string> content_operators{
    "b",  "B",  "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c",  "cm", "CS", "cs", "d",  "d0", "d1", "Do", "DP", "EI", "EMC",
    "ET", "EX", "f",  "F",  "f*",  "G",  "g",   "gs", "h",  "i",  "ID", "j",  "J",  "K",  "k",  "l",  "m",  "M",  "MP", "n",
    "q",  "Q",  "re", "RG", "rg",  "ri", "s",   "S",  "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ",
    "TL", "Tm", "Tr", "Ts", "Tw",  "Tz", "v",   "w",  "W",  "W*", "y",  "'",  "\""};

const std::set<std::string> allowed_filters{"ASCIIHexDecode", "ASCII85Decode", "FlateDecode",  "RunLengthDecode",
                                            "CCITTFaxDecode", "JBIG2Decode",   "DCTDecode",    "JPXDecode"};

const std::set<std::string> annotation_types{"Text",      "Link",      "FreeText", "Line",     "Square",         "Circle",
                                             "Polygon",   "PolyLine",  "Highlight", "Underline", "Squiggly",      "StrikeOut",
                                             "Stamp",     "Caret",     "Ink",       "Popup",     "FileAttachment", "Widget",
                                             "PrinterMark", "TrapNet", "Watermark", "Redact"};

const std::set<std::string> font_types{"Type1", "MMType1", "TrueType", "Type3", "Type0", "CIDFontType0", "CIDFontType2"};

const std::set<std::string> blend_modes{"Normal",    "Compatible", "Multiply",   "Screen", "Overlay",    "Darken",
                                        "Lighten",   "ColorDodge", "ColorBurn",  "HardLight", "SoftLight", "Difference",
                                        "Exclusion", "Hue",        "Saturation", "Color",  "Luminosity"};

// The namespaces of XMP's predefined schemas (XMP Specification 2005, and ISO 19005's pdfaid).
const std::set<std::string> predefined_namespaces{
    "http://purl.org/dc/elements/1.1/",         "http://ns.adobe.com/xap/1.0/",
    "http://ns.adobe.com/xap/1.0/rights/",      "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/",          "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/pdf/1.3/",
    "http://ns.adobe.com/photoshop/1.0/",       "http://ns.adobe.com/camera-raw-settings/1.0/",
    "http://ns.adobe.com/tiff/1.0/",            "http://ns.adobe.com/exif/1.0/",
    "http://ns.adobe.com/exif/1.0/aux/",        "http://www.aiim.org/pdfa/ns/id/"};
constexpr const char* pdfaid_namespace = "http://www.aiim.org/pdfa/ns/id/";
constexpr const char* rdf_namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

double number_of(const PdfObject* value, double otherwise = 0) {
  return value && value->number() ? value->number()->value : otherwise;
}

std::string name_of(const PdfObject* value) { return value && value->name() ? value->name()->name : std::string(); }

unsigned read16(std::string_view bytes, std::size_t at) {
  if (at + 2 > bytes.size()) return 0;
  return static_cast<unsigned>((static_cast<unsigned char>(bytes[at]) << 8) | static_cast<unsigned char>(bytes[at + 1]));
}
std::uint32_t read32(std::string_view bytes, std::size_t at) { return (std::uint32_t{read16(bytes, at)} << 16) | read16(bytes, at + 2); }

// What the lint needs of a TrueType program (the OpenType spec's head, maxp, hhea and hmtx).
struct TrueTypeMetrics {
  bool read = false;
  unsigned glyphs = 0, units_per_em = 0;
  std::vector<unsigned> advances;  // by glyph, the last repeated as hmtx does
  unsigned advance(unsigned glyph) const {
    if (advances.empty()) return 0;
    return glyph < advances.size() ? advances[glyph] : advances.back();
  }
};

TrueTypeMetrics read_truetype(std::string_view font) {
  TrueTypeMetrics m;
  const unsigned tables = read16(font, 4);
  std::map<std::string, std::pair<std::size_t, std::size_t>> directory;
  for (unsigned k = 0; k < tables && 12 + 16 * (k + 1) <= font.size(); ++k) {
    const std::size_t at = 12 + 16 * k;
    directory[std::string(font.substr(at, 4))] = {read32(font, at + 8), read32(font, at + 12)};
  }
  for (const char* needed : {"head", "maxp", "hhea", "hmtx"}) {
    const auto found = directory.find(needed);
    if (found == directory.end() || found->second.first + found->second.second > font.size()) return m;
  }
  m.units_per_em = read16(font, directory["head"].first + 18);
  m.glyphs = read16(font, directory["maxp"].first + 4);
  const unsigned metrics = read16(font, directory["hhea"].first + 34);
  const auto [hmtx, hmtx_size] = directory["hmtx"];
  for (unsigned k = 0; k < metrics && 4 * (k + 1) <= hmtx_size; ++k) m.advances.push_back(read16(font, hmtx + 4 * k));
  m.read = m.units_per_em > 0 && !m.advances.empty();
  return m;
}

// A Type 0 font as the lint judges its text: its codes' glyphs, widths and Unicode.
struct FontUse {
  bool judged = false;  // a Type 0 font over an embedded CIDFontType2 the lint could read
  std::string name;
  bool identity_gids = false;
  std::string gid_map;  // CIDToGIDMap: 2 bytes a CID
  TrueTypeMetrics metrics;
  std::map<unsigned, double> widths;
  double default_width = 1000;
  bool has_to_unicode = false;
  std::set<unsigned> mapped;  // codes the ToUnicode CMap maps
  std::set<unsigned> seen;    // codes already judged
};

class Linter {
 public:
  Linter(const PdfFile& file, PdfaLevel level) : file_(file), level_(level) {}

  PdfaReport run() {
    header_and_trailer();
    catalog();  // first: the output intent decides the colour rules
    objects();
    pages();
    for (const auto& rule : pdfa_rules()) {
      if (!rule.level_u_only || level_ == PdfaLevel::u) ++report_.rules_checked;
    }
    return report_;
  }

 private:
  void find(const std::string& rule, const std::string& where, const std::string& message) {
    // One finding per rule and place: a page of a thousand lines of one font says it once.
    if (!said_.insert(rule + '\n' + where).second) return;
    report_.findings.push_back({rule, where, message});
  }

  std::string object_place(int number) const { return number > 0 ? "object " + std::to_string(number) : "a direct object"; }

  // A stream's data with its filters undone (Flate only: what vanban writes); nothing when
  // another filter stands in the way.
  std::optional<std::string> decoded(const sign::IndirectObject& object) {
    const PdfDict* dict = object.value.dict();
    const std::string_view raw = file_.stream_data(object);
    const PdfObject* filter = dict ? dict->find("Filter") : nullptr;
    if (!filter) return std::string(raw);
    std::vector<std::string> names;
    if (filter->name()) names.push_back(filter->name()->name);
    if (const PdfArray* list = filter->array()) {
      for (const auto& f : *list) names.push_back(name_of(&f));
    }
    std::string data(raw);
    for (const auto& n : names) {
      if (n != "FlateDecode") return std::nullopt;
      try {
        data = output::inflated(data, std::size_t{256} << 20);
      } catch (const Error&) {
        return std::nullopt;
      }
    }
    return data;
  }

  void header_and_trailer() {
    const std::string& b = file_.bytes();
    static const std::regex header(R"(%PDF-1\.[0-7](\r\n|\r|\n)%)");
    std::smatch m;
    const std::string start = b.substr(0, 16);
    if (!std::regex_search(start, m, header, std::regex_constants::match_continuous)) {
      find("6.1.2-1", "the header", "the file does not start with %PDF-1.n (n from 0 to 7) and one end of line");
    } else {
      const std::size_t comment = static_cast<std::size_t>(m.length(0));
      bool high = b.size() >= comment + 4;
      for (std::size_t k = comment; high && k < comment + 4; ++k) high = static_cast<unsigned char>(b[k]) > 127;
      if (!high) find("6.1.2-2", "the header", "the line after the header is not % and four bytes above 127");
    }
    const PdfDict& trailer = file_.trailer();
    const PdfObject* id = trailer.find("ID");
    if (!id || !id->array() || id->array()->size() != 2 || !(*id->array())[0].string() || (*id->array())[0].string()->bytes.empty()) {
      find("6.1.3-1", "the trailer", "the trailer has no file identifier (/ID)");
    }
    if (trailer.find("Encrypt")) find("6.1.3-2", "the trailer", "the file is encrypted (/Encrypt)");
    const std::size_t eof = b.rfind("%%EOF");
    if (eof != std::string::npos) {
      const std::string_view after = std::string_view(b).substr(eof + 5);
      if (!(after.empty() || after == "\n" || after == "\r" || after == "\r\n")) {
        find("6.1.3-3", "the end of the file", std::to_string(after.size()) + " bytes follow the last %%EOF");
      }
    }
    for (const std::size_t xref : file_.xref_offsets()) {
      const std::string_view at = std::string_view(b).substr(xref);
      const std::size_t eol = at.compare(4, 2, "\r\n") == 0 ? 2 : (at.size() > 4 && (at[4] == '\n' || at[4] == '\r')) ? 1 : 0;
      if (eol == 0 || at.size() <= 4 + eol || !std::isdigit(static_cast<unsigned char>(at[4 + eol]))) {
        find("6.1.4-2", "the cross-reference section at byte " + std::to_string(xref),
             "xref is not followed by one end of line and its subsection's header");
      }
    }
  }

  // Every value: the implementation limits, and each dictionary by what it is.
  void walk(const PdfObject& value, int number, int depth) {
    if (depth > 64) return;
    const std::string where = object_place(number);
    if (const auto* n = value.number()) {
      const bool integer = n->text.find_first_of(".eE") == std::string::npos;
      if (integer && (n->text.size() > 11 || std::abs(n->value) > 2147483648.0 || n->value > 2147483647.0)) {
        find("6.1.13-1", where, "the integer " + n->text + " is beyond 32 bits");
      }
      if (!integer && std::abs(n->value) > 3.403e38) find("6.1.13-2", where, "the real number " + n->text + " is too large");
      if (!integer && n->value != 0 && std::abs(n->value) < 1.175e-38) {
        find("6.1.13-5", where, "the real number " + n->text + " is too near zero");
      }
    } else if (const auto* s = value.string()) {
      if (s->bytes.size() > 32767) find("6.1.13-3", where, "a string of " + std::to_string(s->bytes.size()) + " bytes");
    } else if (const auto* n2 = value.name()) {
      const std::size_t escapes = static_cast<std::size_t>(std::count(n2->name.begin(), n2->name.end(), '#'));
      if (n2->name.size() - 2 * escapes > 127) find("6.1.13-4", where, "a name longer than 127 bytes");
    } else if (const PdfArray* a = value.array()) {
      for (const auto& item : *a) walk(item, number, depth + 1);
    } else if (const PdfDict* d = value.dict()) {
      judge_dict(*d, number);
      for (const auto& entry : d->entries) {
        if (entry.key.size() > 127) find("6.1.13-4", where, "a name longer than 127 bytes");
        walk(entry.value, number, depth + 1);
      }
    }
  }

  void objects() {
    const std::string& b = file_.bytes();
    static const std::regex object_line(R"((\d+) (\d+) obj(\r\n|\r|\n))");
    for (const auto& [number, offset] : file_.object_offsets()) {
      if (offset == 0) continue;
      ++report_.objects;
      const std::string where = object_place(number);
      const sign::IndirectObject object = file_.object(number);
      const bool eol_before = offset == 0 || b[offset - 1] == '\n' || b[offset - 1] == '\r';
      std::smatch m;
      const std::string head = b.substr(offset, 32);
      if (!eol_before || !std::regex_search(head, m, object_line, std::regex_constants::match_continuous)) {
        find("6.1.9-1", where, "its 'N G obj' line is not on a line of its own with single spaces");
      }
      std::size_t after = object.end;
      if (object.stream_offset) {
        stream(object, number);
        // The data, an end of line, endstream.
        std::size_t at = after;
        if (b.compare(at, 2, "\r\n") == 0) at += 2;
        else if (at < b.size() && (b[at] == '\n' || b[at] == '\r')) ++at;
        after = b.compare(at, 9, "endstream") == 0 ? at + 9 : std::string::npos;
      }
      if (after != std::string::npos) {
        std::size_t at = after;
        while (at < b.size() && (b[at] == ' ' || b[at] == '\t')) ++at;
        const bool eol = at < b.size() && (b[at] == '\n' || b[at] == '\r');
        while (at < b.size() && (b[at] == '\n' || b[at] == '\r')) ++at;
        if (!eol || b.compare(at, 6, "endobj") != 0 ||
            !(at + 6 == b.size() || b[at + 6] == '\n' || b[at + 6] == '\r')) {
          find("6.1.9-1", where, "its endobj is not on a line of its own");
        }
      }
      walk(object.value, number, 0);
    }
    if (report_.objects > 8388607) find("6.1.13-7", "the file", "more than 8388607 indirect objects");
  }

  void stream(const sign::IndirectObject& object, int number) {
    const std::string& b = file_.bytes();
    const std::string where = object_place(number);
    const std::size_t data = *object.stream_offset;
    const bool lf = data >= 1 && b[data - 1] == '\n';
    const std::size_t keyword = lf && data >= 2 && b[data - 2] == '\r' ? data - 2 : data - 1;
    std::size_t at = object.end;
    const bool eol_after = at < b.size() && (b[at] == '\n' || b[at] == '\r');
    if (!lf || keyword < 6 || b.compare(keyword - 6, 6, "stream") != 0 || !eol_after) {
      find("6.1.7.1-2", where, "stream is not followed by CR LF or LF, or endstream not preceded by an end of line");
    }
    if (b.compare(at, 10, "\nendstream") != 0 && b.compare(at, 11, "\r\nendstream") != 0 && b.compare(at, 10, "\rendstream") != 0) {
      find("6.1.7.1-1", where, "its /Length does not end where endstream begins");
    }
    const PdfDict* dict = object.value.dict();
    if (!dict) return;
    for (const char* key : {"F", "FFilter", "FDecodeParms"}) {
      if (dict->find(key)) find("6.1.7.1-3", where, std::string("the stream has /") + key);
    }
    if (const PdfObject* filter = dict->find("Filter")) {
      std::vector<std::string> names;
      if (filter->name()) names.push_back(filter->name()->name);
      if (filter->array()) {
        for (const auto& f : *filter->array()) names.push_back(name_of(&f));
      }
      for (const auto& n : names) {
        if (!allowed_filters.count(n)) find("6.1.7.2-1", where, "the stream's filter " + n + " is not allowed");
      }
    }
  }

  void judge_dict(const PdfDict& d, int number) {
    const std::string where = object_place(number);
    const std::string type = name_of(d.find("Type")), subtype = name_of(d.find("Subtype"));
    if (subtype == "Image") {
      if (d.find("Alternates")) find("6.2.8-1", where, "the image has /Alternates");
      if (d.find("OPI")) find("6.2.8-2", where, "the image has /OPI");
      if (const PdfObject* i = d.find("Interpolate"); i && std::holds_alternative<bool>(i->value) && std::get<bool>(i->value)) {
        find("6.2.8-3", where, "the image has /Interpolate true");
      }
      const double bits = number_of(d.find("BitsPerComponent"), 8);
      const bool mask = d.find("ImageMask") && std::holds_alternative<bool>(d.find("ImageMask")->value) &&
                        std::get<bool>(d.find("ImageMask")->value);
      if (!mask && bits != 1 && bits != 2 && bits != 4 && bits != 8 && bits != 16) {
        find("6.2.8-4", where, "the image's /BitsPerComponent is not 1, 2, 4, 8 or 16");
      }
      colour_space(name_of(d.find("ColorSpace")), where);
    } else if (subtype == "Form" && (type.empty() || type == "XObject") && d.find("BBox")) {
      if (d.find("OPI") || d.find("PS") || name_of(d.find("Subtype2")) == "PS") {
        find("6.2.9-1", where, "the form XObject has /OPI, /PS or /Subtype2 /PS");
      }
      if (d.find("Ref")) find("6.2.9-2", where, "a reference XObject (/Ref)");
    } else if (subtype == "PS") {
      find("6.2.9-3", where, "a PostScript XObject");
    }
    if (type == "ExtGState") {
      if (d.find("TR")) find("6.2.5-1", where, "the graphics state has /TR");
      if (const PdfObject* tr2 = d.find("TR2"); tr2 && name_of(tr2) != "Default") find("6.2.5-2", where, "the graphics state has /TR2");
      if (d.find("HTP")) find("6.2.5-3", where, "the graphics state has /HTP");
      if (const PdfObject* bm = d.find("BM"); bm && bm->name() && !blend_modes.count(bm->name()->name)) {
        find("6.2.10-1", where, "the blend mode " + bm->name()->name + " is not one ISO 32000-1 defines");
      }
    }
    if (type == "Font") font(d, number);
    if (type == "Annot" || (d.find("Rect") && annotation_types.count(subtype))) annotation(d, number);
    if (type == "Sig" || (d.find("ByteRange") && d.find("Contents"))) signature(d, number);
  }

  void colour_space(const std::string& space, const std::string& where) {
    if (space == "DeviceRGB" && intent_space_ != "RGB ") find("6.2.4.3-2", where, "DeviceRGB without an RGB output intent");
    if (space == "DeviceCMYK" && intent_space_ != "CMYK") find("6.2.4.3-3", where, "DeviceCMYK without a CMYK output intent");
    if (space == "DeviceGray" && intent_space_.empty()) find("6.2.4.3-4", where, "DeviceGray without an output intent");
  }

  void font(const PdfDict& d, int number) {
    const std::string where = object_place(number);
    const std::string subtype = name_of(d.find("Subtype"));
    if (!font_types.count(subtype)) find("6.2.11.2-2", where, "the font's /Subtype " + subtype + " is not one ISO 32000-1 defines");
    if (subtype != "Type3" && !d.find("BaseFont")) find("6.2.11.2-3", where, "the font names no /BaseFont");
    if (subtype == "CIDFontType0" || subtype == "CIDFontType2") return;  // judged with their Type 0 font
    ++report_.fonts;
    if (subtype != "Type0") {
      find("unchecked", where, "a " + subtype + " font: the lint judges only Type 0 fonts over CIDFontType2, as vanban writes");
      return;
    }
    const PdfObject* encoding = d.find("Encoding");
    if (!encoding || !encoding->name() || (encoding->name()->name != "Identity-H" && encoding->name()->name != "Identity-V")) {
      find("6.2.11.3.3-1", where, "the font's CMap is not Identity-H or Identity-V (the lint accepts no other)");
      find("6.2.11.3.1-1", where, "the font's CMap is not Identity-H or Identity-V (the lint accepts no other)");
    }
    const PdfObject* descendants = d.find("DescendantFonts");
    const PdfObject list = descendants ? file_.resolve(*descendants) : PdfObject{};
    if (!list.array() || list.array()->size() != 1) {
      find("6.2.11.2-2", where, "the Type 0 font has no one descendant CIDFont");
      return;
    }
    const PdfObject cid_value = file_.resolve(list.array()->front());
    const PdfDict* cid = cid_value.dict();
    if (!cid) return;
    if (name_of(cid->find("Type")) != "Font") find("6.2.11.2-1", where, "its CIDFont is not /Type /Font");
    if (name_of(cid->find("Subtype")) != "CIDFontType2") {
      find("unchecked", where, "a CIDFont that is not CIDFontType2: the lint does not judge it");
      return;
    }
    const PdfObject descriptor_value = cid->find("FontDescriptor") ? file_.resolve(*cid->find("FontDescriptor")) : PdfObject{};
    const PdfDict* descriptor = descriptor_value.dict();
    const PdfObject* program = descriptor ? descriptor->find("FontFile2") : nullptr;
    if (!program || !program->ref()) {
      find("6.2.11.4.1-1", where, "the font program is not embedded (/FontFile2)");
      return;
    }
    if (descriptor->find("CIDSet")) find("6.2.11.4.2-2", where, "the font has a CIDSet, which the lint does not read");
    if (!cid->find("CIDToGIDMap")) find("6.2.11.3.2-1", where, "the CIDFontType2 has no /CIDToGIDMap");
    FontUse use;
    use.name = name_of(d.find("BaseFont"));
    const auto program_object = file_.object(program->ref()->number);
    const auto program_bytes = decoded(program_object);
    if (program_bytes) use.metrics = read_truetype(*program_bytes);
    if (const PdfObject* map = cid->find("CIDToGIDMap")) {
      if (map->is_name("Identity")) {
        use.identity_gids = true;
      } else if (map->ref()) {
        const auto stream = file_.object(map->ref()->number);
        if (const auto bytes = decoded(stream)) use.gid_map = *bytes;
      }
    }
    use.default_width = number_of(cid->find("DW"), 1000);
    if (const PdfObject* w = cid->find("W")) {
      const PdfObject widths = file_.resolve(*w);
      if (const PdfArray* a = widths.array()) {
        for (std::size_t k = 0; k < a->size();) {
          const auto first = static_cast<unsigned>(number_of(&(*a)[k]));
          if (k + 1 < a->size() && (*a)[k + 1].array()) {
            unsigned code = first;
            for (const auto& width : *(*a)[k + 1].array()) use.widths[code++] = number_of(&width);
            k += 2;
          } else if (k + 2 < a->size()) {
            const auto last = static_cast<unsigned>(number_of(&(*a)[k + 1]));
            for (unsigned code = first; code <= last && code - first < 65536; ++code) use.widths[code] = number_of(&(*a)[k + 2]);
            k += 3;
          } else {
            break;
          }
        }
      }
    }
    if (const PdfObject* to_unicode = d.find("ToUnicode"); to_unicode && to_unicode->ref()) {
      const auto stream = file_.object(to_unicode->ref()->number);
      if (const auto cmap = decoded(stream)) {
        use.has_to_unicode = true;
        read_to_unicode(*cmap, use);
      }
    }
    use.judged = use.metrics.read && (use.identity_gids || !use.gid_map.empty());
    if (!use.judged) find("unchecked", where, "the lint could not read the font program or its CIDToGIDMap");
    if (number > 0) fonts_[number] = std::move(use);
  }

  // The codes a ToUnicode CMap maps (bfchar and bfrange; PDF 32000-1, 9.10.3).
  void read_to_unicode(const std::string& cmap, FontUse& use) {
    std::vector<ContentOperation> operations;
    try {
      operations = sign::parse_content(cmap, [](std::size_t, const std::string& what) { throw std::runtime_error(what); });
    } catch (const std::exception&) {
      use.has_to_unicode = false;
      return;
    }
    const auto code_of = [](const PdfObject& value) -> std::optional<unsigned> {
      if (!value.string() || value.string()->bytes.empty() || value.string()->bytes.size() > 4) return std::nullopt;
      unsigned code = 0;
      for (const char c : value.string()->bytes) code = (code << 8) | static_cast<unsigned char>(c);
      return code;
    };
    const auto maps_to_text = [](const PdfObject& value) {
      if (!value.string() || value.string()->bytes.size() < 2) return false;
      const unsigned first = (static_cast<unsigned char>(value.string()->bytes[0]) << 8) | static_cast<unsigned char>(value.string()->bytes[1]);
      return first != 0 && first != 0xFEFF && first != 0xFFFE;
    };
    for (const auto& op : operations) {
      if (op.op == "endbfchar") {
        for (std::size_t k = 0; k + 1 < op.operands.size(); k += 2) {
          if (const auto code = code_of(op.operands[k]); code && maps_to_text(op.operands[k + 1])) use.mapped.insert(*code);
        }
      } else if (op.op == "endbfrange") {
        for (std::size_t k = 0; k + 2 < op.operands.size(); k += 3) {
          const auto low = code_of(op.operands[k]), high = code_of(op.operands[k + 1]);
          if (!low || !high || *high < *low || *high - *low > 65535) continue;
          const PdfObject& target = op.operands[k + 2];
          for (unsigned code = *low; code <= *high; ++code) {
            const bool mapped = target.array() ? code - *low < target.array()->size() && maps_to_text((*target.array())[code - *low])
                                               : maps_to_text(target);
            if (mapped) use.mapped.insert(code);
          }
        }
      }
    }
  }

  void annotation(const PdfDict& d, int number) {
    const std::string where = object_place(number);
    const std::string subtype = name_of(d.find("Subtype"));
    if (!annotation_types.count(subtype)) find("6.3.1-1", where, "the annotation type " + subtype + " is not allowed");
    const PdfObject* flags = d.find("F");
    if (subtype != "Popup" && !flags) find("6.3.2-1", where, "the annotation has no /F");
    if (flags) {
      const auto f = static_cast<long>(number_of(flags));
      if ((f & 4) == 0 || (f & (1 | 2 | 32 | 256)) != 0) {
        find("6.3.2-2", where, "the annotation is not printable, or is hidden (/F " + std::to_string(f) + ")");
      }
    }
    const PdfObject* rect = d.find("Rect");
    bool area = true;
    if (rect && rect->array() && rect->array()->size() == 4) {
      const auto& r = *rect->array();
      area = number_of(&r[2]) != number_of(&r[0]) || number_of(&r[3]) != number_of(&r[1]);
    }
    const PdfObject* ap = d.find("AP");
    if (!ap && area && subtype != "Popup" && subtype != "Link") find("6.3.3-1", where, "the annotation has no appearance (/AP)");
    if (ap) {
      const PdfObject value = file_.resolve(*ap);
      const PdfDict* appearances = value.dict();
      if (!appearances || appearances->entries.size() != 1 || !appearances->find("N")) {
        find("6.3.3-2", where, "the appearance dictionary holds more than /N");
      }
      const PdfObject* n = appearances ? appearances->find("N") : nullptr;
      const bool button = subtype == "Widget" && name_of(d.find("FT")) == "Btn";
      if (n && !button) {
        if (!n->ref() || !file_.object(n->ref()->number).stream_offset) {
          find("6.3.3-4", where, "the normal appearance is not a stream");
        } else {
          appearances_.push_back({n->ref()->number, where});
        }
      }
    }
    if (subtype == "Widget" && (d.find("A") || d.find("AA"))) find("6.4.1-1", where, "the widget has /A or /AA");
    if (d.find("FT") && d.find("AA")) find("6.4.1-2", where, "the form field has /AA");
  }

  void signature(const PdfDict& d, int number) {
    ++report_.signatures;
    const std::string where = object_place(number);
    const std::string_view b(file_.bytes());
    const PdfObject* range = d.find("ByteRange");
    const PdfObject* contents = d.find("Contents");
    std::vector<double> r;
    if (range && range->array()) {
      for (const auto& n : *range->array()) r.push_back(number_of(&n, -1));
    }
    const auto& ends = file_.revision_ends();
    const bool shaped = r.size() == 4 && r[0] == 0 && r[1] > 0 && r[2] > r[1] && r[3] >= 0 &&
                        r[2] + r[3] <= static_cast<double>(b.size()) && contents && contents->string();
    bool sound = false;
    if (shaped) {
      const auto a = static_cast<std::size_t>(r[1]), e = static_cast<std::size_t>(r[2]), c = static_cast<std::size_t>(r[3]);
      const std::string_view gap = b.substr(a, e - a);
      sound = gap.size() >= 2 && gap.front() == '<' && gap.back() == '>' &&
              std::all_of(gap.begin() + 1, gap.end() - 1, [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); }) &&
              std::find(ends.begin(), ends.end(), e + c) != ends.end();
      if (sound) {
        const sign::CmsCheck cms = sign::check_detached(contents->string()->bytes, {b.substr(0, a), b.substr(e, c)}, {});
        if (!cms.parsed || cms.signer.empty()) find("6.4.3-2", where, "the signature does not carry its signing certificate");
        if (cms.signer_count != 1) find("6.4.3-3", where, "the signature has " + std::to_string(cms.signer_count) + " SignerInfos");
      }
    }
    if (!sound) find("6.4.3-1", where, "the /ByteRange does not cover its revision around exactly its /Contents");
  }

  void catalog() {
    const PdfDict root = file_.catalog();
    // The output intents first: the colour rules depend on them.
    if (const PdfObject* intents_entry = root.find("OutputIntents")) {
      const PdfObject intents = file_.resolve(*intents_entry);
      std::set<int> profiles;
      if (const PdfArray* list = intents.array()) {
        for (const auto& item : *list) {
          const PdfObject intent = file_.resolve(item);
          const PdfDict* d = intent.dict();
          if (!d) continue;
          const PdfObject* profile = d->find("DestOutputProfile");
          if (!profile || !profile->ref()) continue;
          profiles.insert(profile->ref()->number);
          if (name_of(d->find("S")) != "GTS_PDFA1") continue;
          const auto stream = file_.object(profile->ref()->number);
          const auto icc = decoded(stream);
          const std::string where = object_place(profile->ref()->number);
          if (!icc || icc->size() < 128) {
            find("6.2.3-1", where, "the output intent's profile cannot be read as ICC");
            continue;
          }
          const std::string device_class = icc->substr(12, 4), space = icc->substr(16, 4);
          const auto major = static_cast<unsigned char>((*icc)[8]);
          if ((device_class != "prtr" && device_class != "mntr") || (space != "RGB " && space != "CMYK" && space != "GRAY") || major >= 5) {
            find("6.2.3-1", where, "the output intent's profile is not an RGB, CMYK or grey output or monitor profile before version 5");
          } else {
            intent_space_ = space;
          }
        }
      }
      if (profiles.size() > 1) find("6.2.3-2", "the output intents", "the output intents embed different profiles");
    }
    if (root.find("Requirements")) find("6.11-1", "the catalog", "the catalog has /Requirements");
    if (root.find("NeedsRendering")) find("6.4.2-2", "the catalog", "the catalog has /NeedsRendering");
    if (const PdfObject* names = root.find("Names")) {
      const PdfObject value = file_.resolve(*names);
      if (value.dict() && value.dict()->find("AlternatePresentations")) {
        find("6.10-1", "the name dictionary", "the name dictionary has AlternatePresentations");
      }
    }
    if (const PdfObject* perms = root.find("Perms")) {
      const PdfObject value = file_.resolve(*perms);
      for (const auto& entry : value.dict() ? value.dict()->entries : std::vector<sign::PdfEntry>{}) {
        if (entry.key != "UR3" && entry.key != "DocMDP") find("6.1.12-1", "the permissions", "the permissions hold /" + entry.key);
      }
    }
    if (const PdfObject* form_entry = root.find("AcroForm")) {
      const PdfObject form = file_.resolve(*form_entry);
      if (const PdfDict* d = form.dict()) {
        if (const PdfObject* need = d->find("NeedAppearances");
            need && std::holds_alternative<bool>(need->value) && std::get<bool>(need->value)) {
          find("6.4.1-3", "the form", "the form has /NeedAppearances true");
        }
        if (d->find("XFA")) find("6.4.2-1", "the form", "the form has /XFA");
      }
    }
    metadata(root);
  }

  void metadata(const PdfDict& root) {
    const PdfObject* entry = root.find("Metadata");
    const sign::IndirectObject stream = entry && entry->ref() ? file_.object(entry->ref()->number) : sign::IndirectObject{};
    const PdfDict* d = stream.value.dict();
    if (!d || !stream.stream_offset || name_of(d->find("Type")) != "Metadata" || name_of(d->find("Subtype")) != "XML") {
      find("6.6.2.1-1", "the catalog", "the catalog has no XMP metadata stream (/Metadata, /Type /Metadata /Subtype /XML)");
      find("6.6.4-1", "the catalog", "no XMP, so no PDF/A identification");
      return;
    }
    const auto xmp = decoded(stream);
    if (!xmp) {
      find("unchecked", "the XMP metadata", "the XMP stream's filter is not one the lint undoes");
      return;
    }
    if (find_invalid_utf8(*xmp)) find("6.6.2.1-5", "the XMP metadata", "the XMP is not UTF-8");
    static const std::regex packet(R"(<\?xpacket\s+([^?]*)\?>)");
    std::smatch m;
    if (std::regex_search(*xmp, m, packet)) {
      const std::string attributes = m[1];
      if (attributes.find("bytes=") != std::string::npos) find("6.6.2.1-2", "the XMP metadata", "the packet header has a bytes attribute");
      if (attributes.find("encoding=") != std::string::npos) {
        find("6.6.2.1-3", "the XMP metadata", "the packet header has an encoding attribute");
      }
    }
    pugi::xml_document document;
    const auto parsed = document.load_buffer(xmp->data(), xmp->size(), pugi::parse_default | pugi::parse_pi, pugi::encoding_utf8);
    if (!parsed) {
      find("6.6.2.1-4", "the XMP metadata", std::string("the XMP is not well-formed XML: ") + parsed.description());
      return;
    }
    // Properties: the children of each rdf:Description, and its attributes but rdf's and xmlns.
    std::string part, conformance, part_prefix, conformance_prefix;
    bool identified = false;
    const auto namespace_of = [](pugi::xml_node node, const std::string& prefix) {
      const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
      for (; node; node = node.parent()) {
        if (const auto a = node.attribute(attribute.c_str())) return std::string(a.value());
      }
      return std::string();
    };
    const auto split = [](const std::string& qualified) {
      const auto colon = qualified.find(':');
      return colon == std::string::npos ? std::pair<std::string, std::string>{"", qualified}
                                        : std::pair<std::string, std::string>{qualified.substr(0, colon), qualified.substr(colon + 1)};
    };
    const auto property = [&](pugi::xml_node context, const std::string& qualified, const std::string& value) {
      const auto [prefix, local] = split(qualified);
      const std::string ns = namespace_of(context, prefix);
      if (ns == rdf_namespace || prefix == "xmlns" || qualified == "xmlns" || prefix == "xml") return;
      if (!predefined_namespaces.count(ns)) {
        find("6.6.2.3.1-1", "the XMP metadata", "the property " + qualified + " (" + ns + ") is in no predefined schema");
      }
      if (ns == pdfaid_namespace) {
        identified = true;
        if (local == "part") {
          part = value;
          part_prefix = prefix;
        } else if (local == "conformance") {
          conformance = value;
          conformance_prefix = prefix;
        }
      }
    };
    std::vector<pugi::xml_node> stack{document.document_element()};
    while (!stack.empty()) {
      const pugi::xml_node node = stack.back();
      stack.pop_back();
      const auto [prefix, local] = split(node.name());
      if (local == "Description" && namespace_of(node, prefix) == rdf_namespace) {
        for (const auto a : node.attributes()) property(node, a.name(), a.value());
        for (const auto child : node.children()) {
          if (child.type() == pugi::node_element) property(child, child.name(), child.text().get());
        }
      }
      for (const auto child : node.children()) {
        if (child.type() == pugi::node_element) stack.push_back(child);
      }
    }
    if (!identified) {
      find("6.6.4-1", "the XMP metadata", "the XMP does not identify the PDF/A part and level (pdfaid)");
      return;
    }
    report_.claimed = part + conformance;
    if (part != "2") find("6.6.4-2", "the XMP metadata", "pdfaid:part is '" + part + "', not 2");
    const std::string wanted = level_ == PdfaLevel::u ? "U" : "B";
    const bool level_ok = conformance == wanted || (level_ == PdfaLevel::b && conformance == "U");
    if (!level_ok) {
      find("6.6.4-3", "the XMP metadata",
           "pdfaid:conformance is '" + conformance + "': the lint checks level " + wanted + (conformance == "A" ? ", not A's tagging" : ""));
    }
    if (!part.empty() && part_prefix != "pdfaid") find("6.6.4-4", "the XMP metadata", "part is written with the prefix " + part_prefix);
    if (!conformance.empty() && conformance_prefix != "pdfaid") {
      find("6.6.4-5", "the XMP metadata", "conformance is written with the prefix " + conformance_prefix);
    }
  }

  struct PageNode {
    PdfObject node;
    PdfObject resources;
    int depth;
  };

  void pages() {
    const PdfDict root = file_.catalog();
    std::vector<PageNode> stack;
    if (const PdfObject* p = root.find("Pages")) stack.push_back({*p, {}, 0});
    std::set<int> seen;
    int page = 0;
    while (!stack.empty()) {
      PageNode at = stack.back();
      stack.pop_back();
      if (!at.node.ref() || at.depth > 64 || !seen.insert(at.node.ref()->number).second) continue;
      const PdfObject value = file_.resolve(at.node);
      const PdfDict* d = value.dict();
      if (!d) continue;
      const PdfObject resources = d->find("Resources") ? file_.resolve(*d->find("Resources")) : at.resources;
      if (const PdfObject* kids = d->find("Kids"); kids && kids->array()) {
        for (auto kid = kids->array()->rbegin(); kid != kids->array()->rend(); ++kid) stack.push_back({*kid, resources, at.depth + 1});
        if (d->find("MediaBox")) box(*d->find("MediaBox"), "the page tree");
        continue;
      }
      const std::string where = "page " + std::to_string(++page);
      if (d->find("PresSteps")) find("6.10-2", where, "the page has /PresSteps");
      for (const char* key : {"MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox"}) {
        if (const PdfObject* b = d->find(key)) box(file_.resolve(*b), where);
      }
      std::string content;
      if (const PdfObject* contents = d->find("Contents")) {
        const PdfObject list = contents->array() ? *contents : PdfObject{PdfArray{*contents}};
        for (const auto& part : *list.array()) {
          if (!part.ref()) continue;
          const auto stream = file_.object(part.ref()->number);
          const auto bytes = decoded(stream);
          if (!bytes) {
            find("unchecked", where, "a content stream's filter is not one the lint undoes");
            continue;
          }
          content += *bytes;
          content += '\n';
        }
      }
      this->content(content, resources, where, 0);
    }
    report_.pages = page;
    // The annotations' appearances draw too.
    for (const auto& [number, where] : appearances_) form(number, {}, where + "'s appearance", 0);
  }

  void box(const PdfObject& value, const std::string& where) {
    const PdfArray* b = value.array();
    if (!b || b->size() != 4) return;
    const double width = std::abs(number_of(&(*b)[2]) - number_of(&(*b)[0]));
    const double height = std::abs(number_of(&(*b)[3]) - number_of(&(*b)[1]));
    if (width < 3 || height < 3 || width > 14400 || height > 14400) {
      find("6.1.13-11", where, "a page boundary is smaller than 3 or larger than 14400 units");
    }
  }

  void form(int number, const PdfObject& inherited, const std::string& where, int depth) {
    if (depth > 8 || !forms_seen_.insert(number).second) return;
    const auto stream = file_.object(number);
    const PdfDict* d = stream.value.dict();
    if (!d) return;
    const auto bytes = decoded(stream);
    if (!bytes) {
      find("unchecked", where, "a form's filter is not one the lint undoes");
      return;
    }
    const PdfObject resources = d->find("Resources") ? file_.resolve(*d->find("Resources")) : inherited;
    content(*bytes, resources, where, depth + 1);
  }

  PdfObject resource(const PdfObject& resources, const char* kind, const std::string& name) {
    const PdfDict* r = resources.dict();
    const PdfObject* group = r ? r->find(kind) : nullptr;
    if (!group) return {};
    const PdfObject g = file_.resolve(*group);
    const PdfObject* entry = g.dict() ? g.dict()->find(name) : nullptr;
    return entry ? *entry : PdfObject{};
  }

  void content(const std::string& bytes, const PdfObject& resources, const std::string& where, int depth) {
    std::vector<ContentOperation> operations;
    try {
      operations = sign::parse_content(bytes, [](std::size_t offset, const std::string& what) {
        throw std::runtime_error(what + " at byte " + std::to_string(offset));
      });
    } catch (const std::exception& e) {
      find("unchecked", where, std::string("the content stream cannot be read: ") + e.what());
      return;
    }
    int nesting = 0;
    FontUse* font = nullptr;
    for (const auto& op : operations) {
      if (!content_operators.count(op.op)) find("6.2.2-1", where, "the operator '" + op.op + "' is not one ISO 32000-1 defines");
      if (op.op == "q" && ++nesting > 28) find("6.1.13-8", where, "q/Q nest deeper than 28");
      if (op.op == "Q") nesting = std::max(0, nesting - 1);
      if (op.op == "rg" || op.op == "RG") colour_space("DeviceRGB", where);
      if (op.op == "k" || op.op == "K") colour_space("DeviceCMYK", where);
      if (op.op == "g" || op.op == "G") colour_space("DeviceGray", where);
      if ((op.op == "cs" || op.op == "CS") && !op.operands.empty()) colour_space(name_of(&op.operands[0]), where);
      if (op.op == "Tf" && !op.operands.empty() && op.operands[0].name()) {
        const PdfObject f = resource(resources, "Font", op.operands[0].name()->name);
        const auto found = f.ref() ? fonts_.find(f.ref()->number) : fonts_.end();
        font = found == fonts_.end() ? nullptr : &found->second;
        if (!font) find("unchecked", where, "text in the font /" + op.operands[0].name()->name + ", which the lint did not judge");
      }
      if (op.op == "Do" && !op.operands.empty() && op.operands[0].name()) {
        const PdfObject x = resource(resources, "XObject", op.operands[0].name()->name);
        if (x.ref()) {
          const auto object = file_.object(x.ref()->number);
          if (object.value.dict() && name_of(object.value.dict()->find("Subtype")) == "Form") {
            form(x.ref()->number, resources, where, depth);
          }
        }
      }
      const auto show = [&](const PdfObject& text) {
        if (font && text.string()) shown(*font, text.string()->bytes, where);
      };
      if ((op.op == "Tj" || op.op == "'") && !op.operands.empty()) show(op.operands.back());
      if (op.op == "\"" && op.operands.size() == 3) show(op.operands[2]);
      if (op.op == "TJ" && !op.operands.empty() && op.operands[0].array()) {
        for (const auto& piece : *op.operands[0].array()) show(piece);
      }
    }
  }

  // Each code of a string shown in a Type 0 font (two bytes a code: Identity-H).
  void shown(FontUse& font, const std::string& text, const std::string& where) {
    if (!font.judged) return;
    for (std::size_t k = 0; k + 1 < text.size(); k += 2) {
      const unsigned code = (static_cast<unsigned char>(text[k]) << 8) | static_cast<unsigned char>(text[k + 1]);
      if (!font.seen.insert(code).second) continue;
      unsigned glyph = code;
      if (!font.identity_gids) {
        glyph = 2 * code + 1 < font.gid_map.size() ? read16(font.gid_map, 2 * code) : 0;
      }
      const std::string in = where + ", font " + font.name;
      if (glyph == 0) {
        find("6.2.11.8-1", in, "the code " + std::to_string(code) + " shows .notdef, glyph 0");
        continue;
      }
      if (glyph >= font.metrics.glyphs) {
        find("6.2.11.4.1-2", in, "the code " + std::to_string(code) + " shows a glyph the font program does not have");
        continue;
      }
      const auto width = font.widths.find(code);
      const double stated = width == font.widths.end() ? font.default_width : width->second;
      const double program = font.metrics.advance(glyph) * 1000.0 / font.metrics.units_per_em;
      if (std::abs(stated - program) > 1) {
        find("6.2.11.5-1", in, "the code " + std::to_string(code) + "'s width is " + std::to_string(stated) + " in the font dictionary, " +
                                   std::to_string(program) + " in the font program");
      }
      if (level_ == PdfaLevel::u && !font.mapped.count(code)) {
        find("6.2.11.7.2-1", in, "the code " + std::to_string(code) + " maps to no Unicode text");
      }
    }
  }

  const PdfFile& file_;
  PdfaLevel level_;
  PdfaReport report_;
  std::set<std::string> said_;
  std::string intent_space_;  // "RGB ", "CMYK", "GRAY": the GTS_PDFA1 profile's
  std::map<int, FontUse> fonts_;
  std::vector<std::pair<int, std::string>> appearances_;
  std::set<int> forms_seen_;
};

}  // namespace

PdfaReport lint_pdfa(const sign::PdfFile& file, PdfaLevel level) { return Linter(file, level).run(); }

}  // namespace vanban::archive
