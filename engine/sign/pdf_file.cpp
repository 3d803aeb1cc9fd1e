#include "sign/pdf_file.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>
#include <stdexcept>

#include "base/diagnostics.h"

namespace vanban::sign {

namespace {

// Nesting of arrays and dictionaries a value may have: vanban writes at most 4; a file that
// nests deeper is refused before the parser's stack could run out.
constexpr int max_nesting = 64;
// /Prev links followed: each one is a revision (a signature is one).
constexpr int max_revisions = 1024;

bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr && c != '\0'; }
bool is_regular(char c) { return !is_white(c) && !is_delimiter(c); }

}  // namespace

// A reader of PDF syntax (PDF 32000-1, 7.2 and 7.3) over a file's bytes or a content stream's.
class PdfSyntax::Lexer {
 public:
  Lexer(std::string_view text, std::size_t at, Failure fail) : fail_(std::move(fail)), text_(text), at_(at) {}
  Lexer(const PdfFile& file, std::size_t at)
      : Lexer(file.bytes(), at, [&file](std::size_t offset, const std::string& what) { file.fail_at(offset, what); }) {}

  std::size_t at() const { return at_; }
  void move_to(std::size_t at) { at_ = at; }
  bool done() { skip(); return at_ >= text_.size(); }

  void skip() {
    while (at_ < text_.size()) {
      if (is_white(text_[at_])) {
        ++at_;
      } else if (text_[at_] == '%') {
        while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
      } else {
        break;
      }
    }
  }

  // The regular characters from here (a keyword or a number), without moving.
  std::string_view peek_word() {
    skip();
    std::size_t end = at_;
    while (end < text_.size() && is_regular(text_[end])) ++end;
    return std::string_view(text_).substr(at_, end - at_);
  }
  std::string_view word() {
    const std::string_view w = peek_word();
    at_ += w.size();
    return w;
  }
  void expect_word(std::string_view expected) {
    const std::size_t start = (skip(), at_);
    if (word() != expected) failed(start, "'" + std::string(expected) + "' was expected");
  }
  static bool is_integer(std::string_view w) {
    if (w.empty() || w.size() > 18) return false;
    std::size_t k = (w[0] == '+' || w[0] == '-') ? 1 : 0;
    if (k == w.size()) return false;
    for (; k < w.size(); ++k) {
      if (w[k] < '0' || w[k] > '9') return false;
    }
    return true;
  }
  std::int64_t integer() {
    const std::size_t start = (skip(), at_);
    const std::string_view w = word();
    if (!is_integer(w)) failed(start, "a whole number was expected");
    return std::stoll(std::string(w));
  }

  PdfObject value(int depth = 0) {
    skip();
    if (at_ >= text_.size()) failed(at_, "the file ends where a value was expected");
    if (depth > max_nesting) failed(at_, "values nest deeper than " + std::to_string(max_nesting));
    const std::size_t start = at_;
    const char c = text_[at_];
    if (c == '/') {
      ++at_;
      std::size_t end = at_;
      while (end < text_.size() && is_regular(text_[end])) ++end;
      PdfName name{std::string(text_.substr(at_, end - at_))};
      at_ = end;
      return {std::move(name)};
    }
    if (c == '(') return {literal_string()};
    if (c == '<' && at_ + 1 < text_.size() && text_[at_ + 1] == '<') {
      at_ += 2;
      PdfDict dict;
      while (true) {
        skip();
        if (at_ + 1 < text_.size() && text_[at_] == '>' && text_[at_ + 1] == '>') {
          at_ += 2;
          return {std::move(dict)};
        }
        const std::size_t key_at = at_;
        PdfObject key = value(depth + 1);
        if (!key.name()) failed(key_at, "a dictionary's key must be a name");
        PdfObject entry = value(depth + 1);
        dict.entries.push_back({key.name()->name, std::move(entry)});
      }
    }
    if (c == '<') return {hex_string()};
    if (c == '[') {
      ++at_;
      PdfArray array;
      while (true) {
        skip();
        if (at_ >= text_.size()) failed(start, "an array is not closed");
        if (text_[at_] == ']') {
          ++at_;
          return {std::move(array)};
        }
        array.push_back(value(depth + 1));
      }
    }
    const std::string_view w = word();
    if (w.empty()) failed(start, std::string("a value cannot start with '") + c + "'");
    if (w == "true" || w == "false") return {w == "true"};
    if (operators_ && !Lexer::is_integer(w) && !std::isdigit(static_cast<unsigned char>(w[0])) && w[0] != '-' && w[0] != '+' &&
        w[0] != '.' && w != "null") {
      return {PdfOperator{std::string(w)}};
    }
    if (w == "null") return {PdfNull{}};
    if (is_integer(w)) {
      // "N G R" is a reference: look two words ahead, and come back if it is not one.
      const std::size_t after = at_;
      const std::string_view generation = word();
      if (is_integer(generation) && peek_word() == "R") {
        word();
        return {PdfRef{static_cast<int>(std::stoll(std::string(w))), static_cast<int>(std::stoll(std::string(generation)))}};
      }
      at_ = after;
    }
    char* end = nullptr;
    const std::string number(w);
    const double parsed = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size()) failed(start, "'" + number.substr(0, 40) + "' is not a PDF value");
    return {PdfNumber{number, parsed}};
  }

  // Content streams: a word that is not a value is an operator.
  void read_operators() { operators_ = true; }

  [[noreturn]] void failed(std::size_t offset, const std::string& what) const {
    fail_(offset, what);
    throw std::logic_error("a PDF syntax failure handler returned");
  }

 private:
  PdfString literal_string() {
    const std::size_t start = at_++;
    PdfString out;
    int open = 1;
    while (at_ < text_.size()) {
      const char c = text_[at_++];
      if (c == '\\') {
        if (at_ >= text_.size()) break;
        const char e = text_[at_++];
        switch (e) {
          case 'n': out.bytes += '\n'; break;
          case 'r': out.bytes += '\r'; break;
          case 't': out.bytes += '\t'; break;
          case 'b': out.bytes += '\b'; break;
          case 'f': out.bytes += '\f'; break;
          case '\r':
            if (at_ < text_.size() && text_[at_] == '\n') ++at_;
            break;
          case '\n': break;
          default:
            if (e >= '0' && e <= '7') {
              int code = e - '0';
              for (int k = 0; k < 2 && at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '7'; ++k) {
                code = code * 8 + (text_[at_++] - '0');
              }
              out.bytes += static_cast<char>(code & 0xFF);
            } else {
              out.bytes += e;
            }
        }
      } else if (c == '(') {
        ++open;
        out.bytes += c;
      } else if (c == ')') {
        if (--open == 0) return out;
        out.bytes += c;
      } else {
        out.bytes += c;
      }
    }
    failed(start, "a string is not closed");
  }

  PdfString hex_string() {
    const std::size_t start = at_++;
    PdfString out;
    out.hex = true;
    int pending = -1;
    while (at_ < text_.size()) {
      const char c = text_[at_++];
      if (c == '>') {
        if (pending >= 0) out.bytes += static_cast<char>(pending << 4);
        return out;
      }
      if (is_white(c)) continue;
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) failed(at_ - 1, "a hexadecimal string holds a character that is not a hex digit");
      if (pending < 0) {
        pending = digit;
      } else {
        out.bytes += static_cast<char>((pending << 4) | digit);
        pending = -1;
      }
    }
    failed(start, "a hexadecimal string is not closed");
  }

  Failure fail_;
  std::string_view text_;
  std::size_t at_;
  bool operators_ = false;
};

namespace {

void write_hex(std::string& out, std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  out += '<';
  for (const char c : bytes) {
    out += digits[static_cast<unsigned char>(c) >> 4];
    out += digits[static_cast<unsigned char>(c) & 15];
  }
  out += '>';
}

void write(std::string& out, const PdfObject& object) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, PdfNull>) {
          out += "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, PdfNumber>) {
          out += v.text;
        } else if constexpr (std::is_same_v<T, PdfString>) {
          write_hex(out, v.bytes);
        } else if constexpr (std::is_same_v<T, PdfName>) {
          out += '/';
          out += v.name;
        } else if constexpr (std::is_same_v<T, PdfArray>) {
          out += '[';
          for (std::size_t k = 0; k < v.size(); ++k) {
            if (k) out += ' ';
            write(out, v[k]);
          }
          out += ']';
        } else if constexpr (std::is_same_v<T, PdfDict>) {
          out += "<<";
          for (const auto& entry : v.entries) {
            out += '/';
            out += entry.key;
            out += ' ';
            write(out, entry.value);
          }
          out += ">>";
        } else if constexpr (std::is_same_v<T, PdfRef>) {
          out += std::to_string(v.number) + ' ' + std::to_string(v.generation) + " R";
        } else if constexpr (std::is_same_v<T, PdfOperator>) {
          out += v.name;
        }
      },
      object.value);
}

}  // namespace

std::vector<ContentOperation> parse_content(std::string_view content, const PdfSyntax::Failure& fail) {
  PdfSyntax::Lexer lexer(content, 0, fail);
  lexer.read_operators();
  std::vector<ContentOperation> operations;
  ContentOperation pending;
  while (!lexer.done()) {
    const std::size_t at = lexer.at();
    PdfObject value = lexer.value();
    if (const auto* op = std::get_if<PdfOperator>(&value.value)) {
      pending.op = op->name;
      pending.offset = at;
      operations.push_back(std::move(pending));
      pending = {};
      // An inline image's data is not PDF syntax: skip it to its EI (8.9.7).
      if (operations.back().op == "ID") {
        const std::size_t end = content.find("EI", lexer.at());
        if (end == std::string_view::npos) lexer.failed(at, "an inline image is not closed by EI");
        lexer.move_to(end + 2);
        operations.push_back({"EI", {}, end});
      }
    } else {
      if (pending.operands.size() >= 4096) lexer.failed(at, "an operator has more than 4096 operands");
      pending.operands.push_back(std::move(value));
    }
  }
  if (!pending.operands.empty()) fail(content.size(), "the content ends with operands and no operator");
  return operations;
}

const PdfObject* PdfDict::find(std::string_view key) const {
  for (const auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

PdfObject* PdfDict::find(std::string_view key) {
  for (auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

void PdfDict::set(std::string_view key, PdfObject value) {
  if (PdfObject* old = find(key)) {
    *old = std::move(value);
  } else {
    entries.push_back({std::string(key), std::move(value)});
  }
}

void PdfDict::erase(std::string_view key) {
  entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const PdfEntry& e) { return e.key == key; }), entries.end());
}

PdfObject pdf_name(std::string name) { return {PdfName{std::move(name)}}; }
PdfObject pdf_integer(std::int64_t value) { return {PdfNumber{std::to_string(value), static_cast<double>(value)}}; }
PdfObject pdf_real(double value) {
  char text[48];
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string written = text;
  while (written.back() == '0') written.pop_back();
  if (written.back() == '.') written.pop_back();
  if (written == "-0") written = "0";
  return {PdfNumber{written, value}};
}
PdfObject pdf_ref(int number) { return {PdfRef{number, 0}}; }
PdfObject pdf_text(std::string bytes) { return {PdfString{std::move(bytes), false}}; }

std::string serialize(const PdfObject& object) {
  std::string out;
  write(out, object);
  return out;
}

PdfFile::PdfFile(std::string bytes, std::string name) : bytes_(std::move(bytes)), name_(std::move(name)) {
  if (bytes_.compare(0, 5, "%PDF-") != 0) fail_at(0, "the file does not start with %PDF-: it is not a PDF");
  // startxref, near the end (PDF 32000-1, 7.5.5): the last one is the newest revision's.
  const std::size_t tail = bytes_.size() > 2048 ? bytes_.size() - 2048 : 0;
  const std::size_t keyword = bytes_.rfind("startxref");
  if (keyword == std::string::npos || keyword < tail) fail_at(bytes_.size(), "no startxref near the end of the file: it is cut short or not a PDF");
  PdfSyntax::Lexer lexer(*this, keyword + 9);
  const std::int64_t offset = lexer.integer();
  if (offset <= 0 || static_cast<std::size_t>(offset) >= bytes_.size()) fail_at(keyword, "startxref points outside the file");
  last_xref_ = static_cast<std::size_t>(offset);
  read_xref_section(last_xref_, 0);
  const PdfObject* size = trailer_.find("Size");
  if (!size || !size->number() || size->number()->value < 1 || size->number()->value > 8388607) {
    fail_at(last_xref_, "the trailer has no usable /Size");
  }
  size_ = static_cast<int>(size->number()->value);
  if (!trailer_.find("Root")) fail_at(last_xref_, "the trailer names no catalog (/Root)");
  // Each %%EOF ends a revision; its end of line belongs to it.
  for (std::size_t at = bytes_.find("%%EOF"); at != std::string::npos; at = bytes_.find("%%EOF", at + 5)) {
    std::size_t end = at + 5;
    if (end < bytes_.size() && bytes_[end] == '\r') ++end;
    if (end < bytes_.size() && bytes_[end] == '\n') ++end;
    revision_ends_.push_back(end);
  }
}

void PdfFile::read_xref_section(std::size_t offset, int depth) {
  if (depth >= max_revisions) fail_at(offset, "more than " + std::to_string(max_revisions) + " revisions, or a /Prev that loops");
  xref_offsets_.push_back(offset);
  PdfSyntax::Lexer lexer(*this, offset);
  const std::string_view first = lexer.peek_word();
  if (first != "xref") {
    if (PdfSyntax::Lexer::is_integer(first)) {
      fail_with("sign.xref-stream", "{} keeps its cross-reference in a stream (PDF 1.5 object streams), which vanban does not read",
                {name_}, SourceLocation{name_, 0, 0},
                {"sign the PDF vanban made, before any other program rewrote it"});
    }
    fail_at(offset, "startxref or /Prev does not point at a cross-reference table");
  }
  lexer.word();
  while (true) {
    if (lexer.peek_word() == "trailer") break;
    const std::size_t section_at = lexer.at();
    const std::int64_t start = lexer.integer();
    const std::int64_t count = lexer.integer();
    if (start < 0 || count < 0 || start + count > 8388607 || count > static_cast<std::int64_t>(bytes_.size() / 18)) {
      fail_at(section_at, "a cross-reference subsection is larger than the file could hold");
    }
    for (std::int64_t k = 0; k < count; ++k) {
      const std::size_t entry_at = lexer.at();
      const std::int64_t where = lexer.integer();
      lexer.integer();  // the generation: vanban's files and their updates use 0
      const std::string_view kind = lexer.word();
      if (kind != "n" && kind != "f") fail_at(entry_at, "a cross-reference entry is neither 'n' nor 'f'");
      const int number = static_cast<int>(start + k);
      if (offsets_.count(number)) continue;  // a newer revision's entry stands
      if (kind == "n" && (where <= 0 || static_cast<std::size_t>(where) >= bytes_.size())) {
        fail_at(entry_at, "object " + std::to_string(number) + " is placed outside the file");
      }
      offsets_[number] = kind == "n" ? static_cast<std::size_t>(where) : 0;
    }
  }
  lexer.word();
  PdfObject trailer = lexer.value();
  if (!trailer.dict()) fail_at(lexer.at(), "the trailer is not a dictionary");
  if (depth == 0) trailer_ = *trailer.dict();
  if (const PdfObject* prev = trailer.dict()->find("Prev")) {
    if (!prev->number() || prev->number()->value <= 0 || prev->number()->value >= static_cast<double>(bytes_.size())) {
      fail_at(offset, "/Prev points outside the file");
    }
    const auto previous = static_cast<std::size_t>(prev->number()->value);
    if (previous == offset) fail_at(offset, "/Prev points at its own section");
    read_xref_section(previous, depth + 1);
  }
}

IndirectObject PdfFile::object(int number) const {
  const auto found = offsets_.find(number);
  if (found == offsets_.end() || found->second == 0) return {};
  PdfSyntax::Lexer lexer(*this, found->second);
  const std::int64_t read_number = lexer.integer();
  lexer.integer();
  lexer.expect_word("obj");
  if (read_number != number) {
    fail_at(found->second, "the cross-reference places object " + std::to_string(number) + " where object " +
                               std::to_string(read_number) + " is");
  }
  IndirectObject object{lexer.value(), {}, 0, 0};
  object.end = lexer.at();
  if (lexer.peek_word() == "stream") {
    // A /Length that refers to a stream whose /Length refers back would never end.
    thread_local int lengths_followed = 0;
    if (lengths_followed > 4) fail_at(found->second, "stream lengths refer to each other");
    struct Nested {
      Nested() { ++lengths_followed; }
      ~Nested() { --lengths_followed; }
    } nested;
    lexer.word();
    std::size_t data = lexer.at();
    if (data < bytes_.size() && bytes_[data] == '\r') ++data;
    if (data < bytes_.size() && bytes_[data] == '\n') ++data;
    const PdfDict* dict = object.value.dict();
    const PdfObject* length = dict ? dict->find("Length") : nullptr;
    PdfObject resolved = length && length->ref() && length->ref()->number != number ? resolve(*length) : PdfObject{};
    if (length && !length->ref()) resolved = *length;
    if (!resolved.number() || resolved.number()->value < 0 ||
        resolved.number()->value > static_cast<double>(bytes_.size() - data)) {
      fail_at(data, "a stream's /Length is missing or runs past the end of the file");
    }
    object.stream_offset = data;
    object.stream_length = static_cast<std::size_t>(resolved.number()->value);
    object.end = data + object.stream_length;
  }
  return object;
}

PdfObject PdfFile::resolve(const PdfObject& value) const {
  PdfObject current = value;
  for (int k = 0; k < 32 && current.ref(); ++k) current = object(current.ref()->number).value;
  if (current.ref()) fail_at(0, "references lead to references more than 32 times");
  return current;
}

PdfDict PdfFile::catalog() const {
  const PdfObject catalog = resolve(*trailer_.find("Root"));
  if (!catalog.dict()) fail_at(last_xref_, "the catalog (/Root) is not a dictionary");
  return *catalog.dict();
}

std::string_view PdfFile::stream_data(const IndirectObject& object) const {
  if (!object.stream_offset) return {};
  return std::string_view(bytes_).substr(*object.stream_offset, object.stream_length);
}

void PdfFile::fail_at(std::size_t offset, const std::string& what) const {
  fail_with("sign.bad-pdf", "{} is not a PDF vanban can read: {} (at byte {})", {name_, what, std::to_string(offset)},
            SourceLocation{name_, 0, 0});
}

}  // namespace vanban::sign
