// DocTree: the document as the markup describes it (stage 3 output, layout's input).
//
// The tree names the parts of a Decree 30 document (header, title, body blocks, recipients,
// signature) and keeps their text as runs of styled inline text. It says nothing about
// positions or fonts: that is layout's work.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace vanban::markup {

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool operator==(const InlineStyle&) const = default;
};

struct InlineRun {
  std::string text;  // whitespace collapsed; may be NFD here, layout normalises
  InlineStyle style;
};

using Inlines = std::vector<InlineRun>;

// Returns the text of the runs without styles.
std::string plain_text(const Inlines& inlines);

enum class BlockKind {
  paragraph,  // body text: justified, first-line indent
  heading,    // a section title ("I. MỤC ĐÍCH, YÊU CẦU"): bold, kept with the next block
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string label;  // list label drawn before the text: "1.", "a)", "-", "+"; empty if none
  int level = 0;      // nesting depth of a labelled item, 0 for the outermost
  Inlines text;
  SourceLocation where;
};

struct Header {
  std::vector<Inlines> parent_lines;  // tên cơ quan chủ quản, optional (box 2, not bold)
  std::vector<Inlines> issuer_lines;  // tên cơ quan ban hành, one entry per printed line
  std::string number;                 // "54"; written 01–09 for 1–9 (Decree 30 Phụ lục I, II.3)
  std::string notation;               // ký hiệu, "KH-UBND"
  std::string place;                  // địa danh, "Duyên Hải"
  std::string date;                   // ISO 8601 "2019-08-26"
  SourceLocation date_where;
};

struct Title {
  std::string type;  // tên loại, "Kế hoạch"; printed in capitals
  Inlines subject;   // trích yếu
};

struct Recipients {
  std::string label = "Nơi nhận:";
  std::vector<Inlines> items;
};

struct Signature {
  std::vector<Inlines> authority_lines;  // "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH": capitals, bold
  Inlines name;                           // signer's name, bold
};

struct DocTree {
  Header header;
  Title title;
  std::vector<Block> body;
  Recipients recipients;
  Signature signature;
};

}  // namespace vanban::markup
