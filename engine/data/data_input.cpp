#include "data/data_input.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "base/source_index.h"
#include "data/read_data.h"
#include "data/read_records.h"
#include "data/read_workbook.h"
#include "text/unicode.h"

namespace vanban::data {

namespace fs = std::filesystem;

namespace {

std::string hex_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char byte : bytes) out += std::string(out.empty() ? "" : " ") + digits[byte >> 4] + digits[byte & 15];
  return out;
}

// A value as messages quote it: its first 60 characters, invalid bytes as they are.
std::string quoted(const std::string& text) {
  const auto characters = text::decode_utf8(text);
  if (characters.size() <= 60) return "'" + text + "'";
  std::string cut;
  for (std::size_t k = 0; k < 60; ++k) text::append_utf8(characters[k], cut);
  return "'" + cut + "…'";
}

class EncodingChecker {
 public:
  EncodingChecker(const std::optional<text::LegacyEncoding>& encoding, const std::string& file, const std::string& text)
      : encoding_(encoding), file_(file), text_(text) {}

  void visit(data::Value& value) {
    if (value.kind == data::Value::Kind::text) check(value);
    for (auto& field : value.fields) visit(field.value.front());
  }

  std::vector<Diagnostic> finish() {
    report_legacy();
    std::vector<Diagnostic> out = std::move(errors_);
    if (encoding_ && !converted_.empty()) {
      if (converted_.size() == with_letters_) {
        // The whole file was legacy text: one line says so, not one per value.
        out.push_back(formatted(Severity::warning, "data.converted",
                                "every value with Vietnamese letters ({}) was converted from {}",
                                {std::to_string(converted_.size()), std::string(text::legacy_encoding_title(*encoding_))},
                                converted_.front().where));
      } else {
        out.insert(out.end(), converted_.begin(), converted_.end());
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return out;
  }

 private:
  // Where a bad byte is: in the file, at or after its value's element when the file is there.
  SourceLocation place_of(const data::Value& value, std::string_view bad) const {
    if (!text_.empty() && value.where.line > 0) {
      const auto at = text_.find(bad, offset_of_location(text_, value.where));
      if (at != std::string::npos) return locate_offset(file_, text_, at);
    }
    return value.where;
  }

  void check(data::Value& value) {
    const std::string text = value.plain_text();
    if (std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) return;
    ++with_letters_;
    const bool capitals = std::any_of(value.text.begin(), value.text.end(), [](const data::TextSpan& span) {
      return text::is_tcvn3_capitals_font(span.style.font);
    });
    if (encoding_) {
      if (const auto converted = text::convert_value(text, *encoding_, capitals)) {
        for (auto& span : value.text) span.text = text::convert_legacy(span.text, *encoding_);
        converted_.push_back(formatted(Severity::warning, "data.converted", "converted from {}: {} is {}",
                                       {std::string(text::legacy_encoding_title(*encoding_)), quoted(text),
                                        quoted(value.plain_text())},
                                       value.where));
        return;
      }
    }
    // The same text is judged once: a workbook's roles and honorifics repeat by the thousand.
    const auto key = std::pair(text, capitals);
    auto known = verdicts_.find(key);
    if (known == verdicts_.end()) known = verdicts_.emplace(key, text::classify_value(text, capitals)).first;
    const text::ValueEncoding verdict = known->second;
    using Kind = text::ValueEncoding::Kind;
    if (verdict.kind == Kind::unicode) return;
    if (verdict.kind == Kind::damaged) {
      const std::string_view bad = std::string_view(text).substr(verdict.offset, verdict.length);
      errors_.push_back(formatted(Severity::error, "data.bad-utf8",
                                  verdict.length > 1 ? "the data is not valid UTF-8: bytes {}" : "the data is not valid UTF-8: byte {}",
                                  {hex_bytes(bad)}, place_of(value, bad),
                                  {"the file was cut or saved in pieces: save it again as UTF-8 (\"CSV UTF-8\" in Excel)"}));
      return;
    }
    legacy_.push_back({&value, verdict.encoding, capitals});
  }

  // Legacy values are reported once the whole file is judged: a short value that two
  // encodings read is named by the one the file's other values are in.
  void report_legacy() {
    std::map<text::LegacyEncoding, int> votes;
    for (const auto& found : legacy_) ++votes[found.encoding];
    text::LegacyEncoding dominant = text::LegacyEncoding::tcvn3;
    int most = 0;
    for (const auto& [encoding, count] : votes) {
      if (count > most) dominant = encoding, most = count;
    }
    std::map<text::LegacyEncoding, int> seen;
    for (auto& found : legacy_) {
      const std::string text = found.value->plain_text();
      if (found.encoding != dominant && text::legacy_reads(text, dominant, found.capitals)) found.encoding = dominant;
      const std::string name(text::legacy_encoding_name(found.encoding));
      const std::string title(text::legacy_encoding_title(found.encoding));
      const Hint hint("render with --input-encoding {}, which converts only the values in {}, or convert the file with "
                      "'vanban convert --from {} {}'",
                      {name, title, name, file_});
      // The same finding for the whole of a legacy file: the first few values, then a count.
      const int count = ++seen[found.encoding];
      if (count > 3) {
        if (count == 4) {
          errors_.push_back(
              formatted(Severity::error, "data.legacy-encoding", "more values look like {} text", {title}, found.value->where, {hint}));
        }
        continue;
      }
      const bool raw = text::find_invalid_utf8(text).has_value();
      // Raw bytes are not quoted as they stand (they are not UTF-8): only what they read as.
      const std::string reading = quoted(text::convert_legacy(text, found.encoding, found.capitals));
      std::string format = raw ? "this value is in {}: it reads {} once converted" : "{} is {} text read as Latin-1: it reads {} once converted";
      std::vector<std::string> arguments = raw ? std::vector<std::string>{title, reading} : std::vector<std::string>{quoted(text), title, reading};
      if (encoding_) {
        format += ", not from {}";
        arguments.emplace_back(text::legacy_encoding_title(*encoding_));
      }
      errors_.push_back(formatted(Severity::error, "data.legacy-encoding", std::move(format), std::move(arguments),
                                  found.value->where, {hint}));
    }
  }

 private:
  struct Legacy {
    const data::Value* value;
    text::LegacyEncoding encoding;
    bool capitals;
  };

  std::optional<text::LegacyEncoding> encoding_;
  const std::string& file_;
  const std::string& text_;
  std::vector<Diagnostic> errors_, converted_;
  std::size_t with_letters_ = 0;
  std::vector<Legacy> legacy_;
  std::map<std::pair<std::string, bool>, text::ValueEncoding> verdicts_;
};

}  // namespace

std::vector<Diagnostic> check_value_encodings(data::Value& root, const std::optional<text::LegacyEncoding>& encoding,
                                              const std::string& file_name, const std::string& text) {
  EncodingChecker checker(encoding, file_name, text);
  checker.visit(root);
  return checker.finish();
}

void apply_capitals_fonts(data::Value& value) {
  for (auto& span : value.text) {
    if (text::is_tcvn3_capitals_font(span.style.font)) span.text = text::to_upper_vi(span.text);
  }
  for (auto& field : value.fields) apply_capitals_fonts(field.value.front());
}

DocumentData read_document_data(const std::string& bytes, const std::string& name,
                                const std::optional<text::LegacyEncoding>& encoding, const Limits& limits, DataFormat format) {
  DocumentData out;
  out.text = text::decode_text_file(bytes).text;
  if (format == DataFormat::automatic) {
    const std::string extension = text::to_lower_vi(fs::path(name).extension().string());
    const auto first = out.text.find_first_not_of(" \t\r\n");
    format = extension == ".json"                               ? DataFormat::json
             : extension == ".xml"                              ? DataFormat::xml
             : first != std::string::npos && out.text[first] == '{' ? DataFormat::json
                                                                  : DataFormat::xml;
  }
  out.json = format == DataFormat::json;
  out.tree = out.json ? data::read_json_data(out.text, name, limits.max_depth) : data::read_data(out.text, name, limits.max_depth);
  auto findings = check_value_encodings(out.tree.root, encoding, name, out.text);
  if (std::any_of(findings.begin(), findings.end(), [](const Diagnostic& d) { return d.severity == Severity::error; })) {
    throw Error(std::move(findings));
  }
  out.warnings = std::move(findings);
  apply_capitals_fonts(out.tree.root);
  return out;
}

namespace {

[[noreturn]] void refuse_binary(const std::string& name, const std::string& what) {
  fail_with("convert.binary",
            "{} is {}, not text: vanban convert reads text files (XML, CSV, JSON, plain text) and .xlsx workbooks",
            {name, what}, {name, 0, 0});
}

// A workbook: each run of text of its cells judged and converted alone.
ConvertedFile convert_workbook(const std::string& bytes, const std::string& name, text::LegacyEncoding from, bool capitals) {
  data::Value cells;
  cells.kind = data::Value::Kind::map;
  std::vector<std::string> texts;
  // First every text, with its place, to judge them as one file; then the workbook again.
  data::rewrite_workbook_texts(bytes, name, [&](const std::string& text, const SourceLocation& where) {
    data::Value value;
    value.where = where;
    value.text.push_back({text, {}});
    cells.fields.push_back({"cell", false, {std::move(value)}});
    return std::optional<std::string>();
  });
  auto findings = check_value_encodings(cells, from, name);
  if (std::any_of(findings.begin(), findings.end(), [](const Diagnostic& d) { return d.severity == Severity::error; })) {
    throw Error(std::move(findings));
  }
  std::size_t next = 0;
  ConvertedFile out;
  out.bytes = data::rewrite_workbook_texts(bytes, name, [&](const std::string& text, const SourceLocation&) {
    const std::string converted = cells.fields.at(next++).get().plain_text();
    if (converted == text && !capitals) return std::optional<std::string>();
    return std::optional<std::string>(capitals ? text::to_upper_vi(converted) : converted);
  });
  out.warnings = std::move(findings);
  return out;
}

}  // namespace

ConvertedFile convert_file(const std::string& bytes, const std::string& name, text::LegacyEncoding from, bool capitals) {
  const auto starts = [&](std::string_view signature) { return std::string_view(bytes).substr(0, signature.size()) == signature; };
  if (starts("PK\x03\x04")) {
    const auto dot = name.rfind('.');
    std::string extension = dot == std::string::npos ? "" : name.substr(dot);
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension == ".xlsx") return convert_workbook(bytes, name, from, capitals);
    refuse_binary(name, "a zip archive");
  }
  if (starts("%PDF-")) refuse_binary(name, "a PDF");
  if (starts("\x89PNG") || starts("\xFF\xD8\xFF") || starts("GIF8")) refuse_binary(name, "an image");
  const text::DecodedFile decoded = text::decode_text_file(bytes);
  if (decoded.text.find('\0') != std::string::npos) refuse_binary(name, "a binary file (it holds zero bytes)");
  // The values: runs of text between markup, CSV and JSON punctuation and line ends, each
  // judged alone, in the file's order and places.
  const std::string& text = decoded.text;
  const SourceIndex positions(name, text);
  data::Value values;
  values.kind = data::Value::Kind::map;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  constexpr std::string_view separators = "<>\"=\n\r\t,;{}[]|";
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find_first_of(separators, begin), text.size());
    if (end > begin) {
      data::Value value;
      value.where = positions.locate(begin);
      value.text.push_back({text.substr(begin, end - begin), {}});
      values.fields.push_back({"value", false, {std::move(value)}});
      spans.emplace_back(begin, end);
    }
    begin = end + 1;
  }
  auto findings = check_value_encodings(values, from, name, text);
  if (std::any_of(findings.begin(), findings.end(), [](const Diagnostic& d) { return d.severity == Severity::error; })) {
    throw Error(std::move(findings));
  }
  ConvertedFile out;
  std::size_t at = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    out.bytes += text.substr(at, spans[k].first - at);
    out.bytes += values.fields[k].get().plain_text();
    at = spans[k].second;
  }
  out.bytes += text.substr(at);
  if (capitals) out.bytes = text::to_upper_vi(out.bytes);
  out.warnings = std::move(findings);
  return out;
}

}  // namespace vanban::data
