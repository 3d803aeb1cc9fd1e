// Document types and the "Số/ký hiệu" string of Decree 30: the type abbreviations of
// Phụ lục III, a builder for ký hiệu, and a validator that later checks use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace vanban::text {

// One row of Phụ lục III, mục I (Decree 30, Phụ lục III, mục I).
struct DocumentType {
  std::string_view name;  // "Kế hoạch", in sentence case
  std::string_view code;  // "KH", in its exact case ("QyĐ", "CTr", "TTr"); empty for công văn, thư công
  bool is_copy = false;   // bản sao y (SY), bản trích sao (TrS), bản sao lục (SL)
};

// The 29 administrative document types (Decree 30, Điều 7) and the three kinds of copy.
const std::vector<DocumentType>& document_types();

// Finds a type by its name, in any case and in NFC or NFD: "kế hoạch", "KẾ HOẠCH", "Quyết
// định (cá biệt)", and old-style tone places ("Giấy uỷ quyền").
std::optional<DocumentType> find_document_type(std::string_view name);

// Finds a type by its abbreviation, in its exact case: "TTr" is found, "TTR" is not.
std::optional<DocumentType> find_document_type_by_code(std::string_view code);

// Builds the ký hiệu (Phụ lục I, mục II.3): "<type>-<issuer>" for a typed document
// ("KH-UBND"), "<issuer>-<unit>" for a công văn, which has no type abbreviation ("UBND-VX").
// Throws Error "data.bad-notation" at where if the type is unknown, or if a công văn has no unit.
std::string build_notation(std::string_view type_name, std::string_view issuer, std::string_view unit,
                           const SourceLocation& where);

// Checks a document's number and ký hiệu against Decree 30 (Phụ lục I, mục II.3; Phụ lục III;
// Phụ lục VI field lengths) and the type named in the document, if any. Returns one
// diagnostic per problem, all at where; an empty list when all is well.
//  - the number is digits, not 0, at most 11 characters, and only 1–9 carry a zero (01–09);
//  - the ký hiệu is groups joined by "-", each starting with a capital, with no spaces and no
//    year (the "30/2020/NĐ-CP" form belongs to legal normative documents), at most 30 characters;
//  - its first group is the type's abbreviation, in the table's case ("TTr", not "TTR"); a công
//    văn's first group is no type abbreviation at all.
std::vector<Diagnostic> check_document_number(std::string_view number, std::string_view notation,
                                              std::string_view type_name, const SourceLocation& where);

// ---- Party documents (Hướng dẫn 36-HD/VPTW, 2018; docs/party.md) ---------------------------

// The type names and abbreviations of Party documents that vanban prints, in the guide's case:
// several differ from Decree 30's (Quy định QĐi, Thông tri TT, Kết luận KL, Công văn CV).
const std::vector<DocumentType>& party_document_types();
std::optional<DocumentType> find_party_document_type(std::string_view name);

// The Số line of a Party document: "Số 127-QĐ/TW", no colon, the number then "-" then the ký
// hiệu (type abbreviation, "/", the issuer's abbreviation); 1–9 written 01–09. A draft with
// no number keeps a blank wide enough to write one: "Số      -KH/ĐU".
std::string format_party_number(std::string_view number, std::string_view notation);

// Checks a Party document's number and ký hiệu: the number as Decree 30's (digits, 01–09);
// the ký hiệu "<type>/<issuer>", its type abbreviation the guide's for type_name (errors at
// where).
std::vector<Diagnostic> check_party_number(std::string_view number, std::string_view notation,
                                           std::string_view type_name, const SourceLocation& where);

}  // namespace vanban::text
