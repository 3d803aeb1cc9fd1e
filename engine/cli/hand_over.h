// Handing a command to the program that links what it needs (command_line.h tells why there
// are three): vanban-serve for serve, vanban-sign for sign and verify.
#pragma once

#include "cli/command_line.h"

namespace vanban::cli {

// Replaces this process by program (beside this one in a build tree, else in the installed
// libexec folder), with the same argv. Returns only by throwing vanban::Error.
[[noreturn]] void hand_over(const char* program, char** argv);

// serve, sign and verify, each handed to its program; a program that runs one itself
// replaces that member.
Commands handed_over_commands();

}  // namespace vanban::cli
