// Diagnostics: the one error type of the engine.
//
// Every stage reports bad input as a Diagnostic that names where it came from: the file, the
// 1-based line and column (columns count Unicode characters, not bytes), and a stable code.
// Fatal problems are thrown as vanban::Error; the CLI prints them as "file:line:col: error: ...".
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vanban {

enum class Severity { warning, error };

// A place in an input file. line == 0 means "the whole file".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // stable, e.g. "data.xml-syntax"; tests match on it
  std::string message;  // human text, English
  SourceLocation where;
};

// Formats a diagnostic as "file:line:col: error: message [code]".
std::string format_diagnostic(const Diagnostic& diagnostic);

// Finds the 1-based line and column of a byte offset in UTF-8 text.
SourceLocation locate_offset(std::string_view file_name, std::string_view text, std::size_t offset);

// The inverse of locate_offset: the byte offset at which a line and column start in text
// (the end of text if it is shorter).
std::size_t offset_of_location(std::string_view text, const SourceLocation& where);

// Finds the line and column of an XML element whose parser reports the offset of its name:
// the position given is that of the '<' that opens it.
SourceLocation locate_element(std::string_view file_name, std::string_view text, std::ptrdiff_t name_offset);

// A fatal diagnostic, thrown by any stage and caught at the pipeline boundary.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const noexcept { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// Throws an Error with the given code, message and location.
[[noreturn]] void fail(std::string code, std::string message, SourceLocation where = {});

}  // namespace vanban
