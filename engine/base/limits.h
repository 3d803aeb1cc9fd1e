// Limits inside the engine: the public struct (vanban/limits.h), and how the stages apply it.
// Each limit's error names the CLI flag that raises it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <vanban/limits.h>

namespace vanban {

// A nesting limit as the stages apply it: at least 1, at most Limits::deepest, whatever a
// library caller asked for.
inline int depth_limit(int asked) { return asked < 1 ? 1 : asked > Limits::deepest ? Limits::deepest : asked; }

// A size for a message: "8.0 MB".
std::string format_megabytes(std::size_t bytes);

// The error for an input over its size limit, naming the flag: "limit.input-size".
[[noreturn]] void fail_input_size(const std::string& file_name, std::size_t size, std::size_t limit);

}  // namespace vanban
