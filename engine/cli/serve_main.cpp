// vanban-serve: the vanban command line linked with the HTTP service; `vanban serve` runs it
// (command_line.h tells why it is a program of its own).

#include "cli/command_line.h"

namespace {

int serve_here(const vanban::EngineOptions& engine_options, const vanban::service::ServiceOptions& options, char**) {
  const vanban::Engine engine(engine_options);
  return vanban::service::serve(engine, options);
}

}  // namespace

int main(int argc, char** argv) { return vanban::cli::run_command_line(argc, argv, serve_here); }
