// One engine core for the in-process tests: the source tree's templates and fonts, loaded
// once, templates by path allowed (the tests' own templates in temporary folders).
#pragma once

#include <vanban/resources.h>

#include "pipeline/generate.h"
#include "support/paths.h"
#include "text/font.h"

namespace vanban::testing {

inline const pipeline::Core& core() {
  static const pipeline::Core made([] {
    EngineOptions options;
    options.home = source_dir();
    options.allow_template_paths = true;
    return options;
  }());
  return made;
}

// The four faces of fonts/, read once.
inline const text::FontFamily& fonts() { return core().fonts(); }

// The files of a folder, for a document's images.
inline std::shared_ptr<const Resources> files_in(const std::string& folder) { return folder_resources(folder); }

}  // namespace vanban::testing
