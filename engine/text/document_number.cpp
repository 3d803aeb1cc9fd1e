#include "text/document_number.h"

#include "text/unicode.h"

namespace vanban::text {

namespace {

// Decree 30, Phụ lục III, mục I, in its order; copies from mục II.
const std::vector<DocumentType> types = {
    {"Nghị quyết", "NQ"},       {"Quyết định", "QĐ"},      {"Chỉ thị", "CT"},           {"Quy chế", "QC"},
    {"Quy định", "QyĐ"},        {"Thông cáo", "TC"},       {"Thông báo", "TB"},         {"Hướng dẫn", "HD"},
    {"Chương trình", "CTr"},    {"Kế hoạch", "KH"},        {"Phương án", "PA"},         {"Đề án", "ĐA"},
    {"Dự án", "DA"},            {"Báo cáo", "BC"},         {"Biên bản", "BB"},          {"Tờ trình", "TTr"},
    {"Hợp đồng", "HĐ"},         {"Công văn", ""},          {"Công điện", "CĐ"},         {"Bản ghi nhớ", "BGN"},
    {"Bản thỏa thuận", "BTT"},  {"Giấy ủy quyền", "GUQ"},  {"Giấy mời", "GM"},          {"Giấy giới thiệu", "GGT"},
    {"Giấy nghỉ phép", "GNP"},  {"Phiếu gửi", "PG"},       {"Phiếu chuyển", "PC"},      {"Phiếu báo", "PB"},
    {"Thư công", ""},           {"Bản sao y", "SY", true}, {"Bản trích sao", "TrS", true}, {"Bản sao lục", "SL", true},
};

// A type name reduced for comparison: NFC, lower case, single spaces, without the "(cá biệt)"
// that Điều 7 adds to nghị quyết and quyết định, and with the new-style tone place of the two
// names that the old style wrote differently ("thoả", "uỷ").
std::string type_key(std::string_view name) {
  std::string key = to_lower_vi(to_nfc(name));
  if (const auto at = key.find("(cá biệt)"); at != std::string::npos) key.erase(at);
  std::string collapsed;
  for (char c : key) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  for (const auto& [old_style, new_style] : {std::pair<std::string, std::string>{"thoả", "thỏa"}, {"uỷ", "ủy"}}) {
    if (const auto at = collapsed.find(old_style); at != std::string::npos) collapsed.replace(at, old_style.size(), new_style);
  }
  return collapsed;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alnum(char c) { return is_ascii_upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A ký hiệu group: a capital (A–Z or Đ), then letters, digits or "&" (Decree 30, Phụ lục I, mục II.3).
bool is_notation_group(std::string_view group) {
  static const std::string capital_d = "Đ", small_d = "đ";
  std::size_t at = 0;
  if (group.substr(0, capital_d.size()) == capital_d) {
    at = capital_d.size();
  } else if (!group.empty() && is_ascii_upper(group[0])) {
    at = 1;
  } else {
    return false;
  }
  while (at < group.size()) {
    if (is_ascii_alnum(group[at]) || group[at] == '&') {
      ++at;
    } else if (group.substr(at, capital_d.size()) == capital_d || group.substr(at, small_d.size()) == small_d) {
      at += capital_d.size();
    } else {
      return false;
    }
  }
  return true;
}

std::vector<std::string_view> split_groups(std::string_view notation) {
  std::vector<std::string_view> groups;
  for (std::size_t begin = 0;;) {
    const auto dash = notation.find('-', begin);
    groups.push_back(notation.substr(begin, dash == std::string_view::npos ? std::string_view::npos : dash - begin));
    if (dash == std::string_view::npos) return groups;
    begin = dash + 1;
  }
}

}  // namespace

const std::vector<DocumentType>& document_types() { return types; }

// The type of table named name, compared by type_key.
std::optional<DocumentType> find_type_in(const std::vector<DocumentType>& table, std::string_view name) {
  const std::string key = type_key(name);
  for (const auto& type : table) {
    if (type_key(type.name) == key) return type;
  }
  return std::nullopt;
}

std::optional<DocumentType> find_document_type(std::string_view name) { return find_type_in(types, name); }

std::optional<DocumentType> find_document_type_by_code(std::string_view code) {
  if (code.empty()) return std::nullopt;
  for (const auto& type : types) {
    if (type.code == code) return type;
  }
  return std::nullopt;
}

std::string build_notation(std::string_view type_name, std::string_view issuer, std::string_view unit,
                           const SourceLocation& where) {
  const auto type = find_document_type(type_name);
  if (!type) fail_with("data.bad-notation", "'{}' is not a document type of Decree 30, Phụ lục III", {std::string(type_name)}, where);
  if (type->code.empty()) {
    if (unit.empty()) {
      fail_with("data.bad-notation",
                "a {} has no type abbreviation: its ký hiệu is the issuer's then the drafting unit's abbreviation "
                "(UBND-VX), and no unit was given",
                {std::string(type->name)}, where);
    }
    return std::string(issuer) + "-" + std::string(unit);
  }
  std::string notation = std::string(type->code) + "-" + std::string(issuer);
  if (!unit.empty()) notation += "-" + std::string(unit);
  return notation;
}

std::vector<Diagnostic> check_document_number(std::string_view number, std::string_view notation,
                                              std::string_view type_name, const SourceLocation& where) {
  std::vector<Diagnostic> problems;
  const auto report = [&](const char* code, std::string format, std::vector<std::string> arguments = {}) {
    problems.push_back(formatted(Severity::error, code, std::move(format), std::move(arguments), where));
  };
  // The number (Phụ lục I, mục II.3; Phụ lục VI: at most 11 characters).
  const std::string number_text(number);
  if (number.empty() || number.find_first_not_of("0123456789") != std::string_view::npos) {
    report("check.number-form", "the number '{}' must be written in Arabic digits", {number_text});
  } else if (number.find_first_not_of('0') == std::string_view::npos) {
    report("check.number-form", "the number is 0: numbering starts at 01 on 1 January");
  } else if (number.size() > 11) {
    report("check.number-form", "the number '{}' is longer than 11 digits (Phụ lục VI)", {number_text});
  } else if (number[0] == '0' && !(number.size() == 2 && number[1] != '0')) {
    report("check.number-form", "the number '{}' has a leading zero: only 1–9 are written 01–09", {number_text});
  }
  // The ký hiệu.
  const std::string notation_text(notation);
  if (notation.empty()) {
    report("check.notation-form", "the ký hiệu is empty");
    return problems;
  }
  if (decode_utf8(notation).size() > 30) {
    report("check.notation-form", "the ký hiệu '{}' is longer than 30 characters (Phụ lục VI)", {notation_text});
  }
  if (notation.find('/') != std::string_view::npos) {
    report("check.notation-form", "the ký hiệu '{}' holds a '/': administrative documents carry no "
           "year, the form 30/2020/NĐ-CP belongs to legal normative documents", {notation_text});
    return problems;
  }
  const auto groups = split_groups(notation);
  bool groups_ok = groups.size() >= 2;
  for (const auto group : groups) groups_ok = groups_ok && is_notation_group(group);
  if (!groups_ok) {
    report("check.notation-form", "the ký hiệu '{}' must be abbreviations joined by '-' with no "
           "spaces, each starting with a capital letter (KH-UBND)", {notation_text});
    return problems;
  }
  // The type abbreviation (Phụ lục III).
  if (type_name.empty()) return problems;
  const auto type = find_document_type(type_name);
  if (!type) {
    report("check.unknown-type", "'{}' is not a document type of Decree 30, Phụ lục III", {std::string(type_name)});
    return problems;
  }
  const std::string first(groups.front());
  if (type->code.empty()) {
    if (const auto typed = find_document_type_by_code(first)) {
      report("check.notation-type", "a {} has no type abbreviation, but the ký hiệu '{}' starts with {}, the "
             "abbreviation of {}", {to_lower_vi(type->name), notation_text, first, to_lower_vi(typed->name)});
    }
  } else if (first != type->code) {
    // Only the letters' case differs: said so, as "in that case".
    report("check.notation-type",
           to_upper_vi(first) == to_upper_vi(type->code)
               ? "the ký hiệu '{}' must start with {}, the abbreviation of {} (Phụ lục III), in that case"
               : "the ký hiệu '{}' must start with {}, the abbreviation of {} (Phụ lục III)",
           {notation_text, std::string(type->code), to_lower_vi(type->name)});
  }
  return problems;
}

namespace {

// Hướng dẫn 36-HD/VPTW, the abbreviations of the kinds of Party document (docs/party.md).
const std::vector<DocumentType> party_types = {
    {"Nghị quyết", "NQ"},   {"Quyết định", "QĐ"}, {"Chỉ thị", "CT"},   {"Kết luận", "KL"},   {"Quy chế", "QC"},
    {"Quy định", "QĐi"},    {"Hướng dẫn", "HD"},  {"Thông tri", "TT"}, {"Báo cáo", "BC"},    {"Kế hoạch", "KH"},
    {"Chương trình", "CTr"}, {"Thông báo", "TB"}, {"Thông cáo", "TC"}, {"Tờ trình", "TTr"},  {"Đề án", "ĐA"},
    {"Biên bản", "BB"},     {"Công văn", "CV"},   {"Giấy mời", "GM"},  {"Giấy giới thiệu", "GGT"},
};

}  // namespace

const std::vector<DocumentType>& party_document_types() { return party_types; }

std::optional<DocumentType> find_party_document_type(std::string_view name) { return find_type_in(party_types, name); }

std::string format_party_number(std::string_view number, std::string_view notation) {
  std::string digits(number);
  if (digits.size() == 1 && digits[0] >= '1' && digits[0] <= '9') digits = "0" + digits;
  // A draft's blank: no-break spaces, so the line keeps its room (as the Decree 30 Số line).
  if (digits.empty()) {
    for (int k = 0; k < 10; ++k) digits += "\u00A0";
  }
  return "Số " + digits + "-" + std::string(notation);
}

std::vector<Diagnostic> check_party_number(std::string_view number, std::string_view notation,
                                           std::string_view type_name, const SourceLocation& where) {
  std::vector<Diagnostic> problems;
  const auto report = [&](const char* code, std::string format, std::vector<std::string> arguments = {}) {
    problems.push_back(formatted(Severity::error, code, std::move(format), std::move(arguments), where));
  };
  // The number follows Decree 30's rules; only the ký hiệu differs.
  for (auto& problem : check_document_number(number, "KH-UBND", "Kế hoạch", where)) {
    if (problem.code == "check.number-form") problems.push_back(std::move(problem));
  }
  const std::string notation_text(notation);
  const auto slash = notation.find('/');
  const std::string_view type_part = notation.substr(0, slash);
  const std::string_view issuer_part = slash == std::string_view::npos ? std::string_view() : notation.substr(slash + 1);
  if (slash == std::string_view::npos || !is_notation_group(type_part) || issuer_part.empty() ||
      issuer_part.find('/') != std::string_view::npos) {
    report("check.notation-form", "the ký hiệu '{}' of a Party document is the type's abbreviation, "
           "'/', and the issuer's (QĐ/TW, KH/ĐU), printed after the number and a '-' (Hướng dẫn 36-HD/VPTW)",
           {notation_text});
    return problems;
  }
  if (type_name.empty()) return problems;
  const auto type = find_party_document_type(type_name);
  if (!type) {
    report("check.unknown-type", "'{}' is not a kind of Party document vanban knows (docs/party.md)",
           {std::string(type_name)});
    return problems;
  }
  if (type_part != type->code) {
    report("check.notation-type", "the ký hiệu '{}' must start with {}, the abbreviation of {} in a Party document "
           "(Hướng dẫn 36-HD/VPTW)", {notation_text, std::string(type->code), to_lower_vi(type->name)});
  }
  return problems;
}

}  // namespace vanban::text
