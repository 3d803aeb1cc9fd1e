// Where the tests find the project's own files (set by tests/CMakeLists.txt).
#pragma once

#include <string>

namespace vanban::testing {

inline std::string source_dir() { return VANBAN_SOURCE_DIR; }
inline std::string fonts_dir() { return source_dir() + "/fonts"; }
inline std::string sample(const std::string& name) { return source_dir() + "/samples/" + name; }

}  // namespace vanban::testing
