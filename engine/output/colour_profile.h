// The sRGB ICC profile (IEC 61966-2.1) a PDF/A file's output intent embeds: the one Debian's
// icc-profiles-free installs (ICC v2, zlib licence), built into the program so that no file is
// read at run time (engine/output/embed_profile.cmake).
#pragma once

#include <string_view>

namespace vanban::output {

std::string_view srgb_profile();

}  // namespace vanban::output
