// Sorting people the Vietnamese way (docs/conventions.md, "Sorting names"): by given name first, each part of the
// name compared with ICU's Vietnamese collation (Đ after D, Ă and Â after A, tones after
// letters: ngang < huyền < hỏi < ngã < sắc < nặng).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// A Vietnamese personal name: họ (the first word), tên đệm (the words between) and tên (the
// last word). "Nguyễn Thị Minh Khai" is {"Nguyễn", "Thị Minh", "Khai"}; a single word is a
// given name alone.
struct PersonName {
  std::string family;  // họ
  std::string middle;  // tên đệm, possibly several words or none
  std::string given;   // tên
};

// Splits a full name at its spaces, after NFC and trimming.
PersonName split_person_name(std::string_view full_name);

enum class NamePart { given, family, middle };

// The order in which name parts decide. No legal rule exists; lists are sorted by tên first,
// and ties are broken by họ then đệm in most offices, by đệm then họ in some (docs/conventions.md, "Sorting names").
struct NameOrder {
  std::vector<NamePart> parts{NamePart::given, NamePart::family, NamePart::middle};
};

// Returns the positions of names in sorted order. Equal names keep their input order, so a
// list sorted twice, or already in order, does not move.
//
// Old-style and new-style tone places ("Hoà", "Hòa"; "Thuý", "Thúy") are one spelling for
// sorting: the tone is moved to the first vowel of a final "oa", "oe" or "uy" (not after "q")
// before the key is made, so the two spellings sort together.
std::vector<std::size_t> sort_names_order(const std::vector<std::string>& full_names, const NameOrder& order = {});

// Returns the positions of texts in Vietnamese collation order (ICU "vi"), stable: for lists
// of units, places or titles.
std::vector<std::size_t> sort_texts_order(const std::vector<std::string>& texts);

}  // namespace vanban::text
