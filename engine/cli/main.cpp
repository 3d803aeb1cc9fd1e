// vanban: the program clerks and scripts run. `vanban serve` becomes vanban-serve
// (command_line.h tells why), found beside this program or where it is installed.

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include "base/diagnostics.h"
#include "cli/command_line.h"

namespace {

// Where vanban-serve is: beside vanban in a build tree, else in the installed libexec folder
// (VANBAN_SERVE_FROM_BIN, the path from the installed bin/ to it).
std::filesystem::path find_serve_program() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::canonical("/proc/self/exe", error);
  const std::filesystem::path folder = error ? std::filesystem::path(".") : self.parent_path();
  for (const auto& candidate : {folder / "vanban-serve", folder / VANBAN_SERVE_FROM_BIN}) {
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  vanban::fail_with("service.missing", "vanban-serve, the program that serves HTTP, is not beside vanban ({}) nor at {}",
                    {folder.string(), (folder / VANBAN_SERVE_FROM_BIN).lexically_normal().string()}, {}, {"build the whole project (cmake --build), or install it again"});
}

int hand_to_serve_program(const vanban::EngineOptions& engine, const vanban::service::ServiceOptions&, char** argv) {
  const std::filesystem::path program = find_serve_program();
  // The home this vanban found, so that vanban-serve reads the same templates and fonts.
  ::setenv("VANBAN_HOME", engine.home.c_str(), 1);
  ::execv(program.c_str(), argv);
  vanban::fail_with("service.missing", "cannot start {}: {}", {program.string(), std::strerror(errno)}, {}, {});
}

}  // namespace

int main(int argc, char** argv) { return vanban::cli::run_command_line(argc, argv, hand_to_serve_program); }
