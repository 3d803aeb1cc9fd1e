// vanban's diagnostics: what every part of the engine says about its input.
//
// A Diagnostic names where the problem is (the file, the 1-based line and column, columns
// counting Unicode characters), a stable code ("data.xml-syntax") that programs match on, an
// English message and hints. The engine's entry points (vanban/engine.h) return them; a
// problem that stops a document is thrown inside the engine as a vanban::Error and comes out
// of Engine::render among its result's diagnostics.
#pragma once

#include <cstddef>
#include <optional>
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
  // In a batch, the record (1-based, in the whole records file) the diagnostic is about; 0
  // when it is about no one record. Printed before the message: "record 3: …".
  int record = 0;
  // The data field it is about, where the data has one at the place it points to:
  // "recipient/name", "to[2]" for the second of a repeated field. Empty otherwise.
  std::string field = {};
  // The message's sentence with "{}" for each part that changes, and those parts in order,
  // where the engine made the message so: a translation is found by the code and this
  // sentence, and takes the parts as given, never parsed back out of the English text
  // (docs/library.md, "Diagnostics"). Empty for a message made as plain text.
  std::string message_format = {};
  std::vector<std::string> arguments = {};
  // The same for the hints: hint_formats[k] and hint_arguments[k] are those of hints[k], the
  // format empty (or past the end) for a hint made as plain text.
  std::vector<std::string> hint_formats = {};
  std::vector<std::vector<std::string>> hint_arguments = {};
};

// Formats a diagnostic as "file:line:col: error: message [code]", then "  hint: ..." lines;
// "record N: " before the message when it is about one record of a batch.
std::string format_diagnostic(const Diagnostic& diagnostic);

// The languages vanban writes its messages in: English, as the engine makes them, and
// Vietnamese, for the clerks who print the documents.
enum class Language { english, vietnamese };

// "en" or "vi" (also "vi_VN.UTF-8" and the like, as $LANG gives it); nullopt for another.
std::optional<Language> language_named(std::string_view name);

// The diagnostic with its message and hints in language; what the catalogue lacks stays English.
Diagnostic translate(const Diagnostic& diagnostic, Language language);

// format_diagnostic in language: "file:line:col: lỗi: … [code]", "  gợi ý: …".
std::string format_diagnostic(const Diagnostic& diagnostic, Language language);

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

}  // namespace vanban
