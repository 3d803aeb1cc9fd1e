// vanban-serve: the vanban command line linked with the HTTP service; `vanban serve` runs it
// (command_line.h tells why it is a program of its own).

#include "cli/command_line.h"
#include "cli/hand_over.h"

int main(int argc, char** argv) {
  vanban::cli::Commands commands = vanban::cli::handed_over_commands();
  commands.serve = [](const vanban::EngineOptions& engine_options, const vanban::service::ServiceOptions& options, char**) {
    const vanban::Engine engine(engine_options);
    return vanban::service::serve(engine, options);
  };
  return vanban::cli::run_command_line(argc, argv, commands);
}
