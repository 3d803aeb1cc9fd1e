// What every fuzz target shares: the bytes as a string, and the rule that bad input may only
// end in a vanban::Error (a located diagnostic). Any other exception escapes the target and
// libFuzzer reports it as a crash, as it does a sanitizer finding; the targets that go through
// the engine's façade, which catches everything, abort on the diagnostics it makes of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <vanban/engine.h>

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

// The diagnostics of a request through the façade (vanban/engine.h): refused input is
// fine; a bug ("internal": an exception that was no vanban::Error) or an allocation that
// failed ("limit.memory") is a crash.
inline void judge(const std::vector<Diagnostic>& diagnostics) {
  static const bool verbose = std::getenv("VANBAN_FUZZ_VERBOSE") != nullptr;
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.code == "internal" || diagnostic.code == "limit.memory") {
      std::cerr << format_diagnostic(diagnostic) << '\n';
      std::abort();
    }
    if (verbose && diagnostic.severity == Severity::error) std::cerr << format_diagnostic(diagnostic) << '\n';
  }
}

// Where the targets find templates, fonts and the sample images (the source tree).
inline std::string home() { return VANBAN_SOURCE_DIR; }

// The engine's options for the targets that go through it: the source tree's templates and fonts.
inline EngineOptions engine_options() {
  EngineOptions options;
  options.home = home();
  return options;
}

// One request through an engine made once per target: the bytes as data in format, its
// images read from files_folder (a folder of the source tree), the PDF or the layout trace
// made; its diagnostics judged.
inline void render_once(const std::uint8_t* data, std::size_t size, DataFormat format, const std::string& files_folder,
                        bool want_pdf) {
  static const Engine engine(engine_options());
  static const auto files = folder_resources(home() + "/" + files_folder);
  RenderRequest request;
  request.data = input(data, size);
  request.data_name = "fuzz.xml";
  request.format = format;
  request.files = files;
  request.want_pdf = want_pdf;
  request.want_trace = !want_pdf;
  judge(engine.render(request).diagnostics);
}

}  // namespace vanban::fuzz
