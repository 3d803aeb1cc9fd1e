// UTF-8 validity (RFC 3629): what every reader needs before it hands text on, the ones that
// may not link ICU (data/) included.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vanban {

// The first ill-formed sequence in text: its byte offset and length; nullopt when text is
// valid UTF-8. Ill-formed are a byte that cannot start a sequence, a sequence cut short, an
// overlong form, a surrogate, a code point past U+10FFFF (the rules of ICU's U8_NEXT).
struct InvalidBytes {
  std::size_t offset = 0, length = 0;
};
std::optional<InvalidBytes> find_invalid_utf8(std::string_view text);

// Encodes one code point as UTF-8 onto out.
void append_utf8(char32_t code_point, std::string& out);

}  // namespace vanban
