// What every fuzz target shares: the bytes as a string, and the rule that bad input may only
// end in a vanban::Error (a located diagnostic). Any other exception escapes the target and
// libFuzzer reports it as a crash, as it does a sanitizer finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "base/diagnostics.h"

namespace vanban::fuzz {

inline std::string input(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Input the engine refused, as it should refuse bad input. With VANBAN_FUZZ_VERBOSE set, the
// diagnostic is printed: to see that seeds get through, or why an input stops where it does.
inline void refused(const Error& error) {
  static const bool verbose = std::getenv("VANBAN_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::cerr << format_diagnostic(error.diagnostic()) << '\n';
}

// Where the targets find templates, fonts and the sample images (the source tree).
inline std::string home() { return VANBAN_SOURCE_DIR; }

}  // namespace vanban::fuzz
