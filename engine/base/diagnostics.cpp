#include "base/diagnostics.h"

#include <mutex>
#include <unordered_set>

namespace vanban {

namespace {

struct NamePool {
  std::mutex lock;
  std::unordered_set<std::string> names{std::string()};
};

NamePool& pool() {
  static NamePool* made = new NamePool;  // lives to the end of the process, past every static that holds a place
  return *made;
}

}  // namespace

FileName::FileName() : FileName(std::string_view()) {}

FileName::FileName(std::string_view name) {
  NamePool& names = pool();
  const std::lock_guard lock(names.lock);
  name_ = &*names.names.emplace(name).first;
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  return format_diagnostic_in(diagnostic, {"error", "warning", "hint", "record"});
}

std::string format_diagnostic_in(const Diagnostic& diagnostic, const SeverityWords& words) {
  std::string out;
  if (!diagnostic.where.file.empty()) {
    out += diagnostic.where.file;
    if (diagnostic.where.line > 0) {
      out += ':' + std::to_string(diagnostic.where.line) + ':' + std::to_string(diagnostic.where.column);
    }
    out += ": ";
  }
  out += std::string(diagnostic.severity == Severity::error ? words.error : words.warning) + ": ";
  if (diagnostic.record > 0) out += std::string(words.record) + " " + std::to_string(diagnostic.record) + ": ";
  out += diagnostic.message;
  if (!diagnostic.code.empty()) out += " [" + diagnostic.code + "]";
  for (const auto& hint : diagnostic.hints) out += "\n  " + std::string(words.hint) + ": " + hint;
  return out;
}

SourceLocation locate_offset(std::string_view file_name, std::string_view text, std::size_t offset) {
  SourceLocation where{std::string(file_name), 1, 1};
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // count characters: skip UTF-8 continuation bytes
      ++where.column;
    }
  }
  return where;
}

std::size_t offset_of_location(std::string_view text, const SourceLocation& where) {
  std::size_t at = 0;
  for (int line = 1; line < where.line && at < text.size(); ++at) {
    if (text[at] == '\n') ++line;
  }
  for (int column = 1; column < where.column && at < text.size(); ++column) {
    do ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);  // a character's bytes
  }
  return at;
}

SourceLocation locate_element(std::string_view file_name, std::string_view text, std::ptrdiff_t name_offset) {
  auto at = name_offset < 0 ? std::size_t{0} : static_cast<std::size_t>(name_offset);
  if (at > 0 && at <= text.size() && text[at - 1] == '<') --at;
  return locate_offset(file_name, text, at);
}

Error::Error(Diagnostic diagnostic) : Error(std::vector<Diagnostic>{std::move(diagnostic)}) {}

namespace {

const Diagnostic& first_error(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::error) return diagnostic;
  }
  return diagnostics.front();
}

}  // namespace

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(diagnostics.empty() ? std::string("error") : format_diagnostic(first_error(diagnostics))),
      diagnostics_(diagnostics.empty() ? std::vector<Diagnostic>{Diagnostic{}} : std::move(diagnostics)) {}

const Diagnostic& Error::diagnostic() const noexcept { return first_error(diagnostics_); }

void add_hint(Diagnostic& d, Hint hint) {
  d.hints.push_back(format_message(hint.format, hint.arguments));
  d.hint_formats.resize(d.hints.size() - 1);
  d.hint_arguments.resize(d.hints.size() - 1);
  d.hint_formats.push_back(std::move(hint.format));
  d.hint_arguments.push_back(std::move(hint.arguments));
}

void fail(std::string code, std::string message, SourceLocation where, std::vector<Hint> hints) {
  Diagnostic d{Severity::error, std::move(code), std::move(message), std::move(where), {}};
  for (auto& hint : hints) add_hint(d, std::move(hint));
  throw Error(std::move(d));
}

std::string format_message(std::string_view format, const std::vector<std::string>& arguments) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t at = 0; at < format.size(); ++at) {
    if (format.compare(at, 2, "{}") == 0 && next < arguments.size()) {
      out += arguments[next++];
      ++at;
    } else {
      out += format[at];
    }
  }
  return out;
}

Diagnostic formatted(Severity severity, std::string code, std::string format, std::vector<std::string> arguments,
                     SourceLocation where, std::vector<Hint> hints) {
  Diagnostic d{severity, std::move(code), format_message(format, arguments), std::move(where), {}};
  for (auto& hint : hints) add_hint(d, std::move(hint));
  d.message_format = std::move(format);
  d.arguments = std::move(arguments);
  return d;
}

void fail_with(std::string code, std::string format, std::vector<std::string> arguments, SourceLocation where,
               std::vector<Hint> hints) {
  throw Error(formatted(Severity::error, std::move(code), std::move(format), std::move(arguments), std::move(where),
                        std::move(hints)));
}

}  // namespace vanban
