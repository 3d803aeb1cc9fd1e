#include "sign/sign_pdf.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <regex>
#include <set>

#include "base/diagnostics.h"
#include "output/deflate.h"

namespace vanban::sign {

namespace {

// The page tree's pages in order (PDF 32000-1, 7.7.3), each by its object number.
std::vector<int> page_numbers(const PdfFile& file) {
  std::vector<int> pages;
  std::set<int> seen;
  const PdfDict catalog = file.catalog();  // kept: find points into it
  const PdfObject* root = catalog.find("Pages");
  std::vector<std::pair<PdfObject, int>> stack;  // a node and its depth
  if (root) stack.emplace_back(*root, 0);
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node.ref() || depth > 64 || !seen.insert(node.ref()->number).second) continue;
    const PdfObject value = file.resolve(node);
    const PdfDict* dict = value.dict();
    if (!dict) continue;
    if (const PdfObject* kids = dict->find("Kids"); kids && kids->array()) {
      for (auto kid = kids->array()->rbegin(); kid != kids->array()->rend(); ++kid) stack.emplace_back(*kid, depth + 1);
    } else {
      pages.push_back(node.ref()->number);
    }
  }
  return pages;
}

// A field's name (/T) in UTF-8: a text string is PDFDocEncoding (ASCII, as vanban writes
// names) or UTF-16BE after its byte order mark (PDF 32000-1, 7.9.2.2).
std::string field_name(const PdfDict& field) {
  const PdfObject* t = field.find("T");
  if (!t || !t->string()) return {};
  const std::string& bytes = t->string()->bytes;
  if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0xFE || static_cast<unsigned char>(bytes[1]) != 0xFF) return bytes;
  std::string utf8;
  for (std::size_t k = 2; k + 1 < bytes.size(); k += 2) {
    char32_t cp = static_cast<char32_t>((static_cast<unsigned char>(bytes[k]) << 8) | static_cast<unsigned char>(bytes[k + 1]));
    if (cp >= 0xD800 && cp < 0xDC00 && k + 3 < bytes.size()) {
      const char32_t low = static_cast<char32_t>((static_cast<unsigned char>(bytes[k + 2]) << 8) | static_cast<unsigned char>(bytes[k + 3]));
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      k += 2;
    }
    if (cp < 0x80) {
      utf8 += static_cast<char>(cp);
    } else if (cp < 0x800) {
      utf8 += static_cast<char>(0xC0 | (cp >> 6));
      utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      utf8 += static_cast<char>(0xE0 | (cp >> 12));
      utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      utf8 += static_cast<char>(0xF0 | (cp >> 18));
      utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return utf8;
}

// The form (/AcroForm) and where it is kept: in the catalog, or an object of its own.
struct Form {
  PdfDict dict;
  std::optional<PdfRef> own_object;
};

std::optional<Form> read_form(const PdfFile& file) {
  const PdfDict catalog = file.catalog();
  const PdfObject* entry = catalog.find("AcroForm");
  if (!entry) return std::nullopt;
  const PdfObject value = file.resolve(*entry);
  if (!value.dict()) return std::nullopt;
  Form form{*value.dict(), {}};
  if (entry->ref()) form.own_object = *entry->ref();
  return form;
}

// A signature field of the form: its object and its dictionary.
struct Field {
  PdfRef ref;
  PdfDict dict;
  std::string name;
};

std::vector<Field> read_fields(const PdfFile& file) {
  std::vector<Field> fields;
  const auto form = read_form(file);
  if (!form) return fields;
  const PdfObject* list = form->dict.find("Fields");
  const PdfObject resolved = list ? file.resolve(*list) : PdfObject{};
  if (!resolved.array()) return fields;
  for (const auto& item : *resolved.array()) {
    if (!item.ref()) continue;
    const PdfObject value = file.resolve(item);
    const PdfDict* dict = value.dict();
    if (!dict) continue;
    const PdfObject* type = dict->find("FT");
    if (!type || !type->is_name("Sig")) continue;
    fields.push_back({*item.ref(), *dict, field_name(*dict)});
  }
  return fields;
}

double number_or(const PdfObject& value, double otherwise) { return value.number() ? value.number()->value : otherwise; }

// The objects an update adds or replaces, each written whole ("N 0 obj … endobj").
struct Update {
  std::vector<std::pair<int, std::string>> objects;
  int next_number;

  int add(std::string body) {
    objects.emplace_back(next_number, std::move(body));
    return next_number++;
  }
  void replace(int number, std::string body) { objects.emplace_back(number, std::move(body)); }
};

std::string stream_body(const PdfDict& dict_without_length, const std::string& data) {
  PdfDict dict = dict_without_length;
  dict.set("Length", pdf_integer(static_cast<std::int64_t>(data.size())));
  return serialize({dict}) + "\nstream\n" + data + "\nendstream";
}

PdfObject dict_of(std::initializer_list<std::pair<const char*, PdfObject>> entries) {
  PdfDict dict;
  for (const auto& [key, value] : entries) dict.set(key, value);
  return {dict};
}

PdfObject box(double x1, double y1, double x2, double y2) {
  return {PdfArray{pdf_real(x1), pdf_real(y1), pdf_real(x2), pdf_real(y2)}};
}

// An image XObject (PDF 32000-1, 8.9.5) of decoded samples, deflated, its alpha as a soft
// mask (11.6.5.2); a JPEG as its own bytes.
int add_image(Update& update, const ImageData& image) {
  const char* space = image.components == 1 ? "DeviceGray" : image.components == 4 ? "DeviceCMYK" : "DeviceRGB";
  PdfDict dict = *dict_of({{"Type", pdf_name("XObject")},
                           {"Subtype", pdf_name("Image")},
                           {"Width", pdf_integer(image.width)},
                           {"Height", pdf_integer(image.height)},
                           {"ColorSpace", pdf_name(space)},
                           {"BitsPerComponent", pdf_integer(8)}})
                     .dict();
  if (image.encoding == ImageData::Encoding::jpeg) {
    dict.set("Filter", pdf_name("DCTDecode"));
    // A CMYK JPEG's samples are stored inverted (Adobe's APP14 convention), as libharu also reads them.
    if (image.components == 4) {
      dict.set("Decode", {PdfArray{pdf_integer(1), pdf_integer(0), pdf_integer(1), pdf_integer(0), pdf_integer(1),
                                   pdf_integer(0), pdf_integer(1), pdf_integer(0)}});
    }
    return update.add(stream_body(dict, image.jpeg));
  }
  dict.set("Filter", pdf_name("FlateDecode"));
  if (!image.alpha.empty()) {
    PdfDict mask = *dict_of({{"Type", pdf_name("XObject")},
                             {"Subtype", pdf_name("Image")},
                             {"Width", pdf_integer(image.width)},
                             {"Height", pdf_integer(image.height)},
                             {"ColorSpace", pdf_name("DeviceGray")},
                             {"BitsPerComponent", pdf_integer(8)},
                             {"Filter", pdf_name("FlateDecode")}})
                        .dict();
    const std::string_view alpha(reinterpret_cast<const char*>(image.alpha.data()), image.alpha.size());
    dict.set("SMask", pdf_ref(update.add(stream_body(mask, output::deflated(alpha)))));
  }
  const std::string_view samples(reinterpret_cast<const char*>(image.samples.data()), image.samples.size());
  return update.add(stream_body(dict, output::deflated(samples)));
}

// The field's appearance (12.5.5): a form the size of the widget drawing the image whole,
// centred, as large as the box allows without changing its proportions.
int add_appearance(Update& update, const ImageData& image, double width, double height) {
  const int picture = add_image(update, image);
  const double scale = std::min(width / image.width, height / image.height);
  const double w = image.width * scale, h = image.height * scale;
  const std::string content = "q " + serialize(pdf_real(w)) + " 0 0 " + serialize(pdf_real(h)) + ' ' +
                              serialize(pdf_real((width - w) / 2)) + ' ' + serialize(pdf_real((height - h) / 2)) +
                              " cm /Im0 Do Q\n";
  const PdfDict form = *dict_of({{"Type", pdf_name("XObject")},
                                 {"Subtype", pdf_name("Form")},
                                 {"BBox", box(0, 0, width, height)},
                                 {"Resources", dict_of({{"XObject", dict_of({{"Im0", pdf_ref(picture)}})}})}})
                            .dict();
  return update.add(stream_body(form, content));
}

std::string hex_of(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    out += digits[static_cast<unsigned char>(c) >> 4];
    out += digits[static_cast<unsigned char>(c) & 15];
  }
  return out;
}

constexpr std::string_view byte_range_placeholder = "[0 0000000000 0000000000 0000000000]";

// The file with the update appended, its signature's /Contents kept as reserved zeros.
struct Assembled {
  std::string bytes;
  std::size_t byte_range_at = 0;  // the placeholder's '['
  std::size_t contents_at = 0;    // the '<' of /Contents
  std::size_t contents_end = 0;   // after its '>'
};

Assembled assemble(const PdfFile& file, Update update, int signature_number, const std::string& signature_head,
                   const std::string& signature_tail, std::size_t reserved) {
  Assembled out;
  out.bytes = file.bytes();
  if (out.bytes.back() != '\n' && out.bytes.back() != '\r') out.bytes += '\n';
  std::sort(update.objects.begin(), update.objects.end());
  std::vector<std::pair<int, std::size_t>> offsets;
  for (const auto& [number, body] : update.objects) {
    offsets.emplace_back(number, out.bytes.size());
    out.bytes += std::to_string(number) + " 0 obj\n";
    if (number == signature_number) {
      out.bytes += signature_head;
      out.byte_range_at = out.bytes.find(byte_range_placeholder, out.bytes.size() - signature_head.size());
      out.contents_at = out.bytes.size();
      out.bytes += '<' + std::string(reserved * 2, '0') + '>';
      out.contents_end = out.bytes.size();
      out.bytes += signature_tail;
    } else {
      out.bytes += body;
    }
    out.bytes += "\nendobj\n";
  }
  // The cross-reference section of the update: a subsection per run of numbers (7.5.4).
  const std::size_t xref_at = out.bytes.size();
  out.bytes += "xref\n";
  for (std::size_t k = 0; k < offsets.size();) {
    std::size_t run = 1;
    while (k + run < offsets.size() && offsets[k + run].first == offsets[k].first + static_cast<int>(run)) ++run;
    out.bytes += std::to_string(offsets[k].first) + ' ' + std::to_string(run) + '\n';
    for (std::size_t j = k; j < k + run; ++j) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[j].second);
      out.bytes += entry;
    }
    k += run;
  }
  PdfDict trailer;
  trailer.set("Size", pdf_integer(std::max(file.object_count(), update.next_number)));
  for (const char* key : {"Root", "Info", "ID"}) {
    if (const PdfObject* value = file.trailer().find(key)) trailer.set(key, *value);
  }
  trailer.set("Prev", pdf_integer(static_cast<std::int64_t>(file.last_xref_offset())));
  out.bytes += "trailer\n" + serialize({trailer}) + "\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return out;
}

}  // namespace

SigningTime SigningTime::now() {
  const std::time_t local = std::time(nullptr) + 7 * 3600;
  std::tm parts{};
  gmtime_r(&local, &parts);
  return {parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, 7 * 60};
}

namespace {

bool plausible(const SigningTime& t) {
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return t.year >= 1900 && t.year <= 9999 && t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= days[t.month - 1] &&
         t.hour <= 23 && t.minute <= 59 && t.second <= 59 && std::abs(t.offset_minutes) <= 14 * 60;
}

}  // namespace

std::optional<SigningTime> SigningTime::parse_iso(const std::string& text) {
  static const std::regex form(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2})))");
  std::smatch m;
  if (!std::regex_match(text, m, form)) return std::nullopt;
  SigningTime t{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]), std::stoi(m[5]), std::stoi(m[6]), 0};
  if (m[7] != "Z") t.offset_minutes = (m[8] == "-" ? -1 : 1) * (std::stoi(m[9]) * 60 + std::stoi(m[10]));
  if (!plausible(t)) return std::nullopt;
  return t;
}

std::optional<SigningTime> SigningTime::parse_pdf(const std::string& text) {
  static const std::regex form(R"(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?(00'00')?)");
  std::smatch m;
  if (!std::regex_match(text, m, form)) return std::nullopt;
  SigningTime t{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]), std::stoi(m[5]), std::stoi(m[6]), 0};
  if (m[8].matched) t.offset_minutes = (m[8] == "-" ? -1 : 1) * (std::stoi(m[9]) * 60 + std::stoi(m[10]));
  if (!plausible(t)) return std::nullopt;
  return t;
}

std::string SigningTime::iso() const {
  char text[40];
  const int offset = std::abs(offset_minutes);
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day, hour, minute, second,
                offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return text;
}

std::string SigningTime::pdf() const {
  char text[40];
  const int offset = std::abs(offset_minutes);
  std::snprintf(text, sizeof text, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'", year, month, day, hour, minute, second,
                offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
  return text;
}

std::vector<FieldState> signature_fields(const PdfFile& file) {
  const std::vector<int> pages = page_numbers(file);
  std::vector<FieldState> states;
  for (const auto& field : read_fields(file)) {
    FieldState state{field.name, field.dict.find("V") != nullptr, 0};
    if (const PdfObject* page = field.dict.find("P"); page && page->ref()) {
      const auto at = std::find(pages.begin(), pages.end(), page->ref()->number);
      if (at != pages.end()) state.page = static_cast<int>(at - pages.begin()) + 1;
    }
    states.push_back(state);
  }
  return states;
}

std::string sign_pdf(const PdfFile& file, const SignOptions& options, const Signer& signer) {
  const std::vector<Field> fields = read_fields(file);
  const auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == options.field; });
  if (field == fields.end()) {
    std::string names;
    for (const auto& f : fields) names += (names.empty() ? "" : ", ") + f.name;
    if (names.empty()) {
      fail_with("sign.no-field", "{} has no signature field", {file.name()}, SourceLocation{file.name(), 0, 0},
                {"render it with --sign-fields, which keeps Sig_Signer and Sig_Org for signing"});
    }
    fail_with("sign.no-field", "{} has no signature field '{}'", {file.name(), options.field}, SourceLocation{file.name(), 0, 0},
              {Hint("its signature fields are {}", {names})});
  }
  if (field->dict.find("V")) {
    fail_with("sign.field-signed", "the field '{}' of {} is signed already", {field->name, file.name()},
              SourceLocation{file.name(), 0, 0}, {"vanban verify shows its signature; sign another field"});
  }
  const std::optional<Form> form = read_form(file);

  Update update{{}, file.object_count()};
  const int signature = update.add({});
  PdfDict widget = field->dict;
  widget.set("V", pdf_ref(signature));
  if (options.image) {
    const PdfObject* rect = widget.find("Rect");
    const PdfArray* corners = rect ? rect->array() : nullptr;
    if (!corners || corners->size() != 4) fail_with("sign.bad-pdf", "the field '{}' has no /Rect", {field->name});
    const double width = std::abs(number_or((*corners)[2], 0) - number_or((*corners)[0], 0));
    const double height = std::abs(number_or((*corners)[3], 0) - number_or((*corners)[1], 0));
    if (width <= 0 || height <= 0) fail_with("sign.bad-pdf", "the field '{}' has an empty /Rect", {field->name});
    widget.set("AP", dict_of({{"N", pdf_ref(add_appearance(update, *options.image, width, height))}}));
  }
  update.replace(field->ref.number, serialize({widget}));
  // The form says the file holds signatures and is to be changed only by appending (12.7.2,
  // /SigFlags 1 SignaturesExist and 2 AppendOnly).
  PdfDict form_dict = form->dict;
  form_dict.set("SigFlags", pdf_integer(3));
  if (form->own_object) {
    update.replace(form->own_object->number, serialize({form_dict}));
  } else {
    PdfDict catalog = file.catalog();
    catalog.set("AcroForm", {form_dict});
    const PdfObject* root = file.trailer().find("Root");
    if (!root->ref()) fail_with("sign.bad-pdf", "the trailer's /Root of {} is not a reference", {file.name()});
    update.replace(root->ref()->number, serialize({catalog}));
  }

  // The signature dictionary (12.8.1), its /ByteRange and /Contents filled in once the file
  // around them is whole. PAdES puts the time here, not in the CMS.
  const std::string head = "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange" +
                           std::string(byte_range_placeholder) + "/Contents";
  const std::string tail = "/M" + serialize(pdf_text(options.time.pdf())) + ">>";
  // The place kept: the certificates and a few kilobytes for the rest, grown and signed again
  // in the rare case it was short.
  std::size_t reserved = (signer.certificates_size() + 4096 + 1023) / 1024 * 1024;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Assembled file_out = assemble(file, update, signature, head, tail, reserved);
    const std::size_t after = file_out.bytes.size() - file_out.contents_end;
    std::string range = "[0 " + std::to_string(file_out.contents_at) + ' ' + std::to_string(file_out.contents_end) + ' ' +
                        std::to_string(after);
    range += std::string(byte_range_placeholder.size() - 1 - range.size(), ' ') + ']';
    file_out.bytes.replace(file_out.byte_range_at, range.size(), range);
    const std::string_view all(file_out.bytes);
    const std::string cms =
        signer.sign_detached({all.substr(0, file_out.contents_at), all.substr(file_out.contents_end)});
    if (cms.size() <= reserved) {
      const std::string hex = hex_of(cms);
      file_out.bytes.replace(file_out.contents_at + 1, hex.size(), hex);
      return file_out.bytes;
    }
    reserved = (cms.size() + 1024 + 1023) / 1024 * 1024;
  }
  fail("sign.openssl", "the signature grew past the place kept for it twice");
}

std::string SignatureReport::problem() const {
  if (!byte_range_sound) return "its /ByteRange does not cover the file from its start around exactly its /Contents";
  return cms.problem;
}

std::vector<SignatureReport> verify_pdf(const PdfFile& file, std::string_view ca_pem) {
  std::vector<SignatureReport> reports;
  const std::string_view bytes(file.bytes());
  for (const auto& field : read_fields(file)) {
    const PdfObject* v = field.dict.find("V");
    if (!v) continue;
    SignatureReport report;
    report.field = field.name;
    report.file_size = bytes.size();
    report.revisions = static_cast<int>(file.revision_ends().size());
    const PdfObject value = file.resolve(*v);
    const PdfDict* signature = value.dict();
    if (!signature) {
      report.cms.problem = "its /V is not a signature dictionary";
      reports.push_back(report);
      continue;
    }
    if (const PdfObject* sub = signature->find("SubFilter"); sub && sub->name()) report.sub_filter = sub->name()->name;
    if (const PdfObject* m = signature->find("M"); m && m->string()) report.time = SigningTime::parse_pdf(m->string()->bytes);
    const PdfObject* range = signature->find("ByteRange");
    const PdfObject* contents = signature->find("Contents");
    std::vector<double> r;
    if (range && range->array()) {
      for (const auto& n : *range->array()) r.push_back(number_or(n, -1));
    }
    const bool shaped = r.size() == 4 && r[0] == 0 && r[1] > 0 && r[2] > r[1] && r[3] >= 0 &&
                        r[2] + r[3] <= static_cast<double>(bytes.size()) && contents && contents->string();
    if (shaped) {
      const auto a = static_cast<std::size_t>(r[1]), b = static_cast<std::size_t>(r[2]), c = static_cast<std::size_t>(r[3]);
      // The gap is exactly the hex string /Contents holds (12.8.1): nothing else escapes the digest.
      const std::string_view gap = bytes.substr(a, b - a);
      const bool hex_only = gap.size() >= 2 && gap.front() == '<' && gap.back() == '>' &&
                            std::all_of(gap.begin() + 1, gap.end() - 1, [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
      report.byte_range_sound = hex_only && hex_of(contents->string()->bytes).size() == gap.size() - 2;
      report.covered_end = b + c;
      const auto& ends = file.revision_ends();
      const auto at = std::find(ends.begin(), ends.end(), report.covered_end);
      report.revision = at == ends.end() ? 0 : static_cast<int>(at - ends.begin()) + 1;
      report.cms = check_detached(contents->string()->bytes, {bytes.substr(0, a), bytes.substr(b, c)}, ca_pem);
    }
    reports.push_back(report);
  }
  return reports;
}

}  // namespace vanban::sign
