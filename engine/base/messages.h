// Messages in the user's language: English, as the engine writes them, or Vietnamese
// (--lang vi), for the clerks who print the documents.
//
// The engine builds its messages in English at the place it finds the problem. The
// Vietnamese catalog (messages_vi.cpp) holds, for each diagnostic code, the English sentences
// with "{}" for the changing parts (a name, a line, a number) and their Vietnamese form: as
// gettext's catalogs, but keyed on the stable code, so a reworded English message falls back
// to English rather than to a wrong translation. A diagnostic made with formatted() or
// fail_with() carries its sentence and parts, and is looked up by code and sentence; one made
// as plain text is matched against the sentences as patterns.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace vanban {

// True if the catalog has a Vietnamese message for this code.
bool has_vietnamese(std::string_view code);

// True if the catalog has an entry of this code whose English is exactly format (a
// diagnostic's message_format).
bool has_vietnamese_format(std::string_view code, std::string_view format);

// The Vietnamese of a line of the command-line help (a command's or an option's description),
// or nullopt when the table lacks it.
std::optional<std::string> vietnamese_help(std::string_view english);


}  // namespace vanban
