// Messages in the user's language: English, as the engine writes them, or Vietnamese
// (--lang vi), for the clerks who print the documents.
//
// The engine builds its messages in English at the place it finds the problem. The
// Vietnamese catalog (messages_vi.cpp) holds, for each diagnostic code, patterns of those
// English messages and their Vietnamese form, the changing parts (a name, a line, a number)
// carried over: as gettext's catalogs, but keyed on the stable code, so a reworded English
// message falls back to English rather than to a wrong translation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace vanban {

// True if the catalog has a Vietnamese message for this code.
bool has_vietnamese(std::string_view code);

// The Vietnamese of a line of the command-line help (a command's or an option's description),
// or nullopt when the table lacks it.
std::optional<std::string> vietnamese_help(std::string_view english);


}  // namespace vanban
