// Diagnostics: the one error type of the engine.
//
// Every stage reports bad input as a Diagnostic that names where it came from: the file, the
// 1-based line and column (columns count Unicode characters, not bytes), and a stable code,
// with hints on what to do about it. Fatal problems are thrown as vanban::Error, which carries
// every error a stage found, not only the first; the CLI prints each as
// "file:line:col: error: ... [code]", its hints on the lines below.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

enum class Severity { warning, error };

// A file's name as places carry it: kept once (interned) for the whole run, each place holding
// a pointer to it. A reader places every value it reads; a copy of a long path in each of a
// million values cost a tenth of the memory and a fifth of the time of reading them.
class FileName {
 public:
  FileName();
  FileName(std::string_view name);  // NOLINT: a name converts, as a string did
  FileName(const std::string& name) : FileName(std::string_view(name)) {}
  FileName(const char* name) : FileName(std::string_view(name)) {}
  const std::string& str() const { return *name_; }
  operator const std::string&() const { return *name_; }  // NOLINT
  bool empty() const { return name_->empty(); }
  std::size_t find(std::string_view part, std::size_t from = 0) const { return name_->find(part, from); }

  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_; }
  friend bool operator==(const FileName& a, std::string_view b) { return *a.name_ == b; }
  friend bool operator==(const FileName& a, const std::string& b) { return *a.name_ == b; }
  friend bool operator==(const FileName& a, const char* b) { return *a.name_ == b; }
  friend std::string operator+(const FileName& a, std::string_view b) { return *a.name_ + std::string(b); }
  friend std::string operator+(const FileName& a, const char* b) { return *a.name_ + b; }
  friend std::string operator+(const FileName& a, const std::string& b) { return *a.name_ + b; }
  friend std::string operator+(const std::string& a, const FileName& b) { return a + *b.name_; }
  friend std::string operator+(const char* a, const FileName& b) { return a + *b.name_; }

 private:
  const std::string* name_;  // in the pool, never freed
};

// A place in an input file. line == 0 means "the whole file".
struct SourceLocation {
  FileName file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // stable, e.g. "data.xml-syntax"; tests match on it
  std::string message;  // human text, English
  SourceLocation where;
  std::vector<std::string> hints;  // one sentence each: "did you mean 'name'?"
};

// Formats a diagnostic as "file:line:col: error: message [code]", then "  hint: ..." lines.
std::string format_diagnostic(const Diagnostic& diagnostic);

// The same with other words for "error", "warning" and "hint" (base/messages.h).
struct SeverityWords {
  std::string_view error, warning, hint;
};
std::string format_diagnostic_in(const Diagnostic& diagnostic, const SeverityWords& words);

// Finds the 1-based line and column of a byte offset in UTF-8 text.
SourceLocation locate_offset(std::string_view file_name, std::string_view text, std::size_t offset);

// The inverse of locate_offset: the byte offset at which a line and column start in text
// (the end of text if it is shorter).
std::size_t offset_of_location(std::string_view text, const SourceLocation& where);

// Finds the line and column of an XML element whose parser reports the offset of its name:
// the position given is that of the '<' that opens it.
SourceLocation locate_element(std::string_view file_name, std::string_view text, std::ptrdiff_t name_offset);

// Fatal diagnostics, thrown by any stage and caught at the pipeline boundary: one, or every
// error a stage found (each required field missing, each character the fonts lack).
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic diagnostic);
  // Not empty. Warnings may come along, in their place among the errors; what() says the
  // first error.
  explicit Error(std::vector<Diagnostic> diagnostics);
  const Diagnostic& diagnostic() const noexcept;  // the first error
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Throws an Error with the given code, message, location and hints.
[[noreturn]] void fail(std::string code, std::string message, SourceLocation where = {},
                       std::vector<std::string> hints = {});

}  // namespace vanban
