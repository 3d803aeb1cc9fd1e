// XML prose: text in which white space is layout, not content (data and markup alike).
//
// Runs are any type with a `text` string and a `style` that compares with ==: consecutive
// text of one style joins into one run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban {

inline bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The text without the white space around it (a spreadsheet cell, a column name).
inline std::string trim_space(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

// Appends raw text to runs, each run of white space becoming one space (also across runs).
template <class Run, class Style>
void append_prose(std::vector<Run>& runs, std::string_view raw, const Style& style) {
  std::string text;
  bool previous_space = !runs.empty() && !runs.back().text.empty() && runs.back().text.back() == ' ';
  for (char c : raw) {
    if (is_xml_space(c)) {
      if (!previous_space) text += ' ';
      previous_space = true;
    } else {
      text += c;
      previous_space = false;
    }
  }
  if (text.empty()) return;
  if (!runs.empty() && runs.back().style == style) runs.back().text += text;
  else runs.push_back({std::move(text), style});
}

// Removes the space at the start of the first run and the end of the last, and empty runs.
template <class Run>
void trim_prose(std::vector<Run>& runs) {
  while (!runs.empty() && (runs.front().text.empty() || runs.front().text.front() == ' ')) {
    if (!runs.front().text.empty()) runs.front().text.erase(0, 1);
    if (runs.front().text.empty()) runs.erase(runs.begin());
  }
  while (!runs.empty() && (runs.back().text.empty() || runs.back().text.back() == ' ')) {
    if (!runs.back().text.empty()) runs.back().text.pop_back();
    if (runs.back().text.empty()) runs.pop_back();
  }
}

}  // namespace vanban
