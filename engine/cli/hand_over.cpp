#include "cli/hand_over.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include "base/diagnostics.h"

namespace vanban::cli {

namespace {

// Where a program is: beside this one in a build tree, else in the installed libexec folder
// (VANBAN_LIBEXEC_FROM_BIN, the path from the installed bin/ to it).
std::filesystem::path find_program(const char* name) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::canonical("/proc/self/exe", error);
  const std::filesystem::path folder = error ? std::filesystem::path(".") : self.parent_path();
  const std::filesystem::path installed = folder / VANBAN_LIBEXEC_FROM_BIN / name;
  for (const auto& candidate : {folder / name, installed}) {
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  vanban::fail_with("home.missing-program", "{}, the program that runs this command, is not beside vanban ({}) nor at {}",
                    {name, folder.string(), installed.lexically_normal().string()}, {},
                    {"build the whole project (cmake --build), or install it again"});
}

}  // namespace

void hand_over(const char* program, char** argv) {
  const std::filesystem::path path = find_program(program);
  ::execv(path.c_str(), argv);
  vanban::fail_with("home.missing-program", "cannot start {}: {}", {path.string(), std::strerror(errno)}, {}, {});
}

Commands handed_over_commands() {
  Commands commands;
  commands.serve = [](const EngineOptions& engine, const service::ServiceOptions&, char** argv) -> int {
    // The home this vanban found, so that vanban-serve reads the same templates and fonts.
    ::setenv("VANBAN_HOME", engine.home.c_str(), 1);
    hand_over("vanban-serve", argv);
  };
  commands.sign = [](const SignArgs&, char** argv) -> int { hand_over("vanban-sign", argv); };
  commands.verify = [](const VerifyArgs&, char** argv) -> int { hand_over("vanban-sign", argv); };
  commands.lint_pdfa = [](const LintArgs&, char** argv) -> int { hand_over("vanban-sign", argv); };
  return commands;
}

}  // namespace vanban::cli
