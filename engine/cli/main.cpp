// vanban: the program clerks and scripts run. `vanban serve` becomes vanban-serve, `vanban
// sign` and `vanban verify` become vanban-sign (command_line.h tells why), each found beside
// this program or where it is installed.

#include "cli/command_line.h"
#include "cli/hand_over.h"

int main(int argc, char** argv) { return vanban::cli::run_command_line(argc, argv, vanban::cli::handed_over_commands()); }
