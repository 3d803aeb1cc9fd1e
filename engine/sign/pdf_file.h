// Reading a finished PDF back, as signing and verifying need it: its objects by number through
// every cross-reference section (the newest revision wins), and the objects a signature
// touches (the catalog, the form, the fields) as plain values that can be written again in an
// incremental update (PDF 32000-1, 7.5.6).
//
// What is read: a classic cross-reference table with its trailer, each earlier one through
// /Prev, as vanban writes them (libharu) and as most signing tools leave them. A file whose
// cross-reference is a stream (PDF 1.5 object streams) is refused by name ("sign.xref-stream"),
// not misread. Every read is bounded by the file: a broken or hostile file gives a located
// "sign.bad-pdf" error, never a crash or a hang.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vanban::sign {

struct PdfObject;
struct PdfEntry;

struct PdfNull {};
struct PdfNumber {
  std::string text;  // as written ("12", "-0.5"): written back unchanged
  double value = 0;
};
struct PdfString {
  std::string bytes;  // the string's bytes, escapes undone
  bool hex = false;   // written as <…>
};
struct PdfName {
  std::string name;  // after the slash, as written (#xx kept)
};
struct PdfOperator {
  std::string name;  // a content stream's operator ("Tj"); never in a file's objects
};
struct PdfRef {
  int number = 0;
  int generation = 0;
  bool operator==(const PdfRef&) const = default;
};
using PdfArray = std::vector<PdfObject>;
struct PdfDict {
  std::vector<PdfEntry> entries;  // in the order written

  const PdfObject* find(std::string_view key) const;
  PdfObject* find(std::string_view key);
  // Sets key to value, in its place if the dictionary has it, else at the end.
  void set(std::string_view key, PdfObject value);
  void erase(std::string_view key);
};

struct PdfObject {
  std::variant<PdfNull, bool, PdfNumber, PdfString, PdfName, PdfArray, PdfDict, PdfRef, PdfOperator> value;

  const PdfDict* dict() const { return std::get_if<PdfDict>(&value); }
  PdfDict* dict() { return std::get_if<PdfDict>(&value); }
  const PdfArray* array() const { return std::get_if<PdfArray>(&value); }
  const PdfRef* ref() const { return std::get_if<PdfRef>(&value); }
  const PdfName* name() const { return std::get_if<PdfName>(&value); }
  const PdfString* string() const { return std::get_if<PdfString>(&value); }
  const PdfNumber* number() const { return std::get_if<PdfNumber>(&value); }
  bool is_name(std::string_view n) const { return name() && name()->name == n; }
};

struct PdfEntry {
  std::string key;
  PdfObject value;
};

// Values made for writing.
PdfObject pdf_name(std::string name);
PdfObject pdf_integer(std::int64_t value);
PdfObject pdf_real(double value);  // at most 4 decimals, no exponent
PdfObject pdf_ref(int number);
PdfObject pdf_text(std::string bytes);  // a literal string

// The value written as PDF syntax (strings as hex, so any bytes survive).
std::string serialize(const PdfObject& object);

// PDF syntax over bytes that are not a whole file (a content stream).
struct PdfSyntax {
  // Called with the offset and what is wrong; it throws.
  using Failure = std::function<void(std::size_t offset, const std::string& what)>;
  class Lexer;
};

// One operator of a content stream (PDF 32000-1, 7.8.2) with its operands.
struct ContentOperation {
  std::string op;
  std::vector<PdfObject> operands;
  std::size_t offset = 0;
};
// The operations of a content stream, in order; an inline image's data is skipped.
std::vector<ContentOperation> parse_content(std::string_view content, const PdfSyntax::Failure& fail);

// An indirect object as read: its value, and for a stream where its data lies in the file.
struct IndirectObject {
  PdfObject value;
  std::optional<std::size_t> stream_offset;  // the first byte of the data
  std::size_t stream_length = 0;             // /Length, resolved
  std::size_t end = 0;                       // just after the value, or after the stream's data
};

class PdfFile {
 public:
  // Parses the cross-reference sections and the trailers. name is the file's name in errors.
  PdfFile(std::string bytes, std::string name);

  const std::string& bytes() const { return bytes_; }
  const std::string& name() const { return name_; }
  // The newest trailer (whose /Root, /Info, /ID and /Size the next revision carries on).
  const PdfDict& trailer() const { return trailer_; }
  // One more than the highest object number in use.
  int object_count() const { return size_; }
  // Where the newest cross-reference section starts (the next revision's /Prev).
  std::size_t last_xref_offset() const { return last_xref_; }
  // Where every cross-reference section starts, newest first.
  const std::vector<std::size_t>& xref_offsets() const { return xref_offsets_; }
  // The offset of each object ("N G obj"), by number; 0 for one freed.
  const std::map<int, std::size_t>& object_offsets() const { return offsets_; }
  // The offsets of every revision's end: each byte after an %%EOF that closes a trailer, in
  // order. A signature covers one revision.
  const std::vector<std::size_t>& revision_ends() const { return revision_ends_; }

  // The object of that number in the newest revision; a number not in use reads as null.
  IndirectObject object(int number) const;
  // value, or the object it refers to (followed through up to 32 references).
  PdfObject resolve(const PdfObject& value) const;
  // The catalog (/Root).
  PdfDict catalog() const;
  // A stream's bytes as stored (filters not undone).
  std::string_view stream_data(const IndirectObject& object) const;

  // The located error for the byte at offset ("sign.bad-pdf").
  [[noreturn]] void fail_at(std::size_t offset, const std::string& what) const;

 private:
  void read_xref_section(std::size_t offset, int depth);

  std::string bytes_;
  std::string name_;
  PdfDict trailer_;
  int size_ = 0;
  std::size_t last_xref_ = 0;
  std::vector<std::size_t> revision_ends_;
  std::vector<std::size_t> xref_offsets_;
  std::map<int, std::size_t> offsets_;  // object number -> offset of "N G obj"
};

}  // namespace vanban::sign
