// Paper sizes as a document names them: A4, A3, A5, or the two sides in millimetres
// ("400x280mm", "400 × 280 mm"), each from 50 to 1200 mm (a Bằng khen's frame is made to
// measure; docs/markup.md, <page>). Read by the markup parser and by `vanban check`.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace vanban {

// The paper's width and height in millimetres, portrait as written; nullopt if value names
// no paper.
std::optional<std::pair<double, double>> paper_size_mm(std::string_view value);

// What paper_size_mm accepts, for messages.
inline constexpr std::string_view paper_sizes_accepted =
    "A4, A3, A5, or the paper's sides from 50 to 1200 mm, such as 400x280mm";

}  // namespace vanban
