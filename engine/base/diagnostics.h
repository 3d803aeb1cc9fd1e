// Diagnostics inside the engine: the public types (vanban/diagnostic.h), and what the stages
// use to make and place them.
//
// Every stage reports bad input as a Diagnostic at the place it finds the problem. Fatal
// problems are thrown as vanban::Error, which carries every error a stage found, not only the
// first; the façade (pipeline/engine.cpp) returns them as the result's diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <vanban/diagnostic.h>

namespace vanban {

// The same with other words for "error", "warning" and "hint" (base/messages.h).
struct SeverityWords {
  std::string_view error, warning, hint, record;
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

// A hint as a diagnostic is given it: a sentence with "{}" for each part that changes and
// those parts (Hint{"did you mean '{}'?", {name}}), or plain text ("raise the limit with
// --max-depth"), whose sentence is itself.
struct Hint {
  std::string format;
  std::vector<std::string> arguments;
  Hint(const char* text) : format(text) {}  // NOLINT(google-explicit-constructor): a literal hint
  Hint(std::string text) : format(std::move(text)) {}  // NOLINT(google-explicit-constructor)
  Hint(std::string sentence, std::vector<std::string> parts) : format(std::move(sentence)), arguments(std::move(parts)) {}
};

// Adds a hint to d: its text (Diagnostic::hints) and its sentence and parts.
void add_hint(Diagnostic& d, Hint hint);

// Throws an Error with the given code, message, location and hints.
[[noreturn]] void fail(std::string code, std::string message, SourceLocation where = {}, std::vector<Hint> hints = {});

// format with each "{}" replaced by the next argument ("{}" past the last stays as it is).
std::string format_message(std::string_view format, const std::vector<std::string>& arguments);

// A diagnostic whose message is format with its arguments, both kept (Diagnostic::message_format),
// so that its translation is looked up by code and format (base/messages.h).
Diagnostic formatted(Severity severity, std::string code, std::string format, std::vector<std::string> arguments,
                     SourceLocation where = {}, std::vector<Hint> hints = {});

// What --lenient adds to an error it prints anyway (then a warning): the Vietnamese catalog
// translates the message before it and the words themselves.
inline constexpr std::string_view lenient_suffix = " (printed anyway: --lenient)";

// What a problem with the number or ký hiệu of a decision a document cites (a Giấy khen's)
// starts with: the catalog translates the words and the message after them apart.
inline constexpr std::string_view cited_decision_prefix = "the decision cited: ";

// Throws an Error with such a diagnostic.
[[noreturn]] void fail_with(std::string code, std::string format, std::vector<std::string> arguments,
                            SourceLocation where = {}, std::vector<Hint> hints = {});

}  // namespace vanban
