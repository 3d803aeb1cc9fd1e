#include "base/paper.h"

#include <regex>
#include <string>

namespace vanban {

std::optional<std::pair<double, double>> paper_size_mm(std::string_view value) {
  if (value == "A4") return std::pair{210.0, 297.0};
  if (value == "A3") return std::pair{297.0, 420.0};
  if (value == "A5") return std::pair{148.0, 210.0};
  static const std::regex sides(R"(^\s*(\d+(?:\.\d+)?)\s*(?:x|X|×)\s*(\d+(?:\.\d+)?)\s*mm\s*$)");
  const std::string text(value);
  std::smatch match;
  if (!std::regex_match(text, match, sides)) return std::nullopt;
  const double width = std::stod(match[1]), height = std::stod(match[2]);
  if (width < 50 || width > 1200 || height < 50 || height > 1200) return std::nullopt;
  return std::pair{width, height};
}

}  // namespace vanban
