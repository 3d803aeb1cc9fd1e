#include "base/source_index.h"

#include <algorithm>

namespace vanban {

namespace {

bool is_lead_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

SourceIndex::SourceIndex(std::string_view file_name, std::string_view text) : file_(file_name), text_(text) {
  line_starts_.push_back(0);
  characters_at_block_.reserve(text.size() / block + 1);
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (at % block == 0) characters_at_block_.push_back(characters);
    const char c = text[at];
    if (c == '\n') line_starts_.push_back(at + 1);
    if (is_lead_byte(c)) ++characters;
  }
  if (text.size() % block == 0) characters_at_block_.push_back(characters);
}

std::size_t SourceIndex::characters_before(std::size_t at) const {
  const std::size_t k = at / block;
  std::size_t characters = characters_at_block_[k];
  for (std::size_t i = k * block; i < at; ++i) characters += is_lead_byte(text_[i]) ? 1 : 0;
  return characters;
}

SourceLocation SourceIndex::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset >= last_offset_ && offset - last_offset_ <= 2 * block) {
    for (std::size_t at = last_offset_; at < offset; ++at) {
      const char c = text_[at];
      if (c == '\n') {
        ++last_line_;
        last_column_ = 1;
      } else if (is_lead_byte(c)) {
        ++last_column_;
      }
    }
    last_offset_ = offset;
    return {file_, last_line_, last_column_};
  }
  const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  const std::size_t column = characters_before(offset) - characters_before(*line) + 1;
  last_offset_ = offset;
  last_line_ = static_cast<int>(line - line_starts_.begin()) + 1;
  last_column_ = static_cast<int>(column);
  return {file_, last_line_, last_column_};
}

SourceLocation SourceIndex::locate_element(std::ptrdiff_t name_offset) const {
  auto at = name_offset < 0 ? std::size_t{0} : static_cast<std::size_t>(name_offset);
  if (at > 0 && at <= text_.size() && text_[at - 1] == '<') --at;
  return locate(at);
}

}  // namespace vanban
