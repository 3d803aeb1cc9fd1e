# Writes OUTPUT, a C++ file defining the bytes of the sRGB ICC profile PDF/A's output intent
# embeds (output/colour_profile.h), from PROFILE, the file Debian's icc-profiles-free installs.
file(READ "${PROFILE}" hex HEX)
string(LENGTH "${hex}" digits)
math(EXPR size "${digits} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
set(out "// Made by engine/output/embed_profile.cmake from icc-profiles-free's sRGB.icc; do not edit.\n")
string(APPEND out "#include \"output/colour_profile.h\"\n\nnamespace vanban::output {\n\nnamespace {\n")
string(APPEND out "constexpr char profile[${size}] = {${bytes}};\n}  // namespace\n\n")
string(APPEND out "std::string_view srgb_profile() { return {profile, sizeof profile}; }\n\n}  // namespace vanban::output\n")
file(WRITE "${OUTPUT}.new" "${out}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
