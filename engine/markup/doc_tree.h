// DocTree: the document as the markup describes it (stage 3 output, layout's input).
//
// The tree names the parts of a Decree 30 document (header, title, body blocks, recipients,
// signature) and keeps their text as runs of styled inline text. It says nothing about
// positions or fonts: that is layout's work.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/align.h"
#include "base/color.h"
#include "base/diagnostics.h"
#include "base/image_data.h"

namespace vanban::markup {

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  Color color;
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
  paragraph,   // body text: justified, first-line indent
  heading,     // a section title ("I. MỤC ĐÍCH, YÊU CẦU"): bold, kept with the next block, bookmarked
  page_break,  // ends the page; may change orientation or restart page numbering
  keep,        // its children are kept on one page when they fit on one
  table,
  image,
  rule,        // a horizontal rule
  box,         // text in a bordered rectangle: an urgency stamp, a circulation note
};

using vanban::Align;

// Automatic list labels, as Decree 30 numbers the parts of a text (Phụ lục I, mục II.6): "I.",
// "1.", "a)" with the Vietnamese letter sequence, and the bullets "-" and "+".
enum class LabelStyle { none, roman, arabic, letter, dash, plus };

struct PageBreak {
  enum class Orientation { unchanged, portrait, landscape };
  Orientation orientation = Orientation::unchanged;
  bool restart_numbering = false;  // appendices: numbering starts again, first page unnumbered
};

struct Image {
  std::string source;  // as written in the markup
  std::shared_ptr<const ImageData> data;  // decoded by the pipeline (image/decode_image.h)
  int pixel_width = 0, pixel_height = 0;  // its size, from data
  double width = 0;    // points; 0: from height or the pixel size at 96 dpi
  double height = 0;   // points; 0: keeps the aspect ratio
  Align align = Align::center;
  SourceLocation where;
};

// A table column's width: fixed (points), proportional (a share of what fixed columns leave),
// or from content (as wide as its longest line, shrunk when the table would be too wide).
struct Column {
  enum class Sizing { fixed, proportional, content };
  Sizing sizing = Sizing::content;
  double value = 1;  // points when fixed, the weight when proportional
  Align align = Align::left;
  bool numbered = false;  // empty cells of body rows are filled with 1, 2, 3 … (STT)
};

enum class VerticalAlign { top, middle, bottom };

struct Cell {
  std::vector<Inlines> paragraphs;  // empty: an empty cell
  int span = 1;                     // columns covered
  bool has_align = false;
  Align align = Align::left;        // overrides the column's when has_align
  VerticalAlign vertical_align = VerticalAlign::top;  // in a row taller than the cell's text
  std::optional<Color> fill;        // shading behind the cell
  SourceLocation where;
};

struct Row {
  std::vector<Cell> cells;
  bool header = false;  // repeated at the top of every page the table continues on
  bool keep = false;    // never split across pages
  bool total = false;   // a report's total (Tổng cộng): bold, never the first row of a page
  SourceLocation where;
};

struct Table {
  std::vector<Column> columns;
  std::vector<Row> rows;
  bool borders = true;  // thin black borders; false for layout tables (the header is one)
  double size = 0;      // font size in points; 0: the layout's table size
};

// The line style of a box or a page border.
enum class BorderStyle { single, thick, double_line, ornamental };

// Text in a rectangle, kept on one page: Decree 30's urgency stamp ("HỎA TỐC", 30 × 8 mm,
// single border, red) and circulation notes (box 11, a single-border rectangle).
struct Box {
  std::vector<Inlines> paragraphs;
  BorderStyle border = BorderStyle::single;  // single, thick or double_line
  Color color;                  // the border's colour; the text keeps its own
  std::optional<Color> fill;
  double width = 0;             // points; 0: as wide as the text in it, up to the text width
  double height = 0;            // points; 0: as tall as the text; the text is centred in it
  double padding = 4;           // between the border and the text
  double size = 0;              // font size; 0: the body size
  Align align = Align::center;  // the box on the line; the text in it is centred
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  // paragraph and heading
  std::string label;  // drawn before the text: "1.", "a)", "-", "+"; empty if none
  LabelStyle label_style = LabelStyle::none;  // when label is empty: numbered by layout
  int ordinal = 0;                             // the item's number in its list (1-based)
  int level = 0;      // nesting depth of a list item or heading, 0 for the outermost
  Align align = Align::justify;
  Inlines text;
  double size = 0;          // font size in points; 0: the body size
  double space_before = -1; // points above the block; negative: the usual paragraph spacing
  // Shrink to fit (a certificate's name and achievement): when the text takes more than
  // max_lines lines at size, the size steps down until it fits, but not below min_size;
  // at min_size the text wraps on, so nothing is ever cut or overflows. 0: no limit.
  int max_lines = 0;
  double min_size = 0;
  // the others
  PageBreak page_break;
  std::vector<Block> children;  // keep
  Table table;
  Image image;
  double rule_share = 1;  // rule: its length as a share of the text width, centred
  Box box;
  SourceLocation where;
};

struct Header {
  // Without issuer lines the header is a certificate's: Quốc hiệu and Tiêu ngữ centred on
  // the page, under the emblem if there is one (docs/conventions.md, "Certificates").
  Image emblem;                       // the national emblem (Quốc huy), optional; source empty if none
  std::vector<Inlines> parent_lines;  // tên cơ quan chủ quản, optional (box 2, not bold)
  std::vector<Inlines> issuer_lines;  // tên cơ quan ban hành, one entry per printed line
  std::string number;                 // "54"; written 01–09 for 1–9 (Decree 30 Phụ lục I, II.3)
  std::string notation;               // ký hiệu, "KH-UBND"
  std::string place;                  // địa danh, "Duyên Hải"
  std::string date;                   // ISO 8601 "2019-08-26"
  SourceLocation date_where;
  // A <place-date> was given. A Biên bản's header has none (Mẫu 1.9); any other document
  // prints the line, with blanks for a draft's missing date.
  bool date_line = false;
  // Box 11, a circulation note ("LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI"): caps bold in a
  // single-border rectangle in the top margin of page 1, above the Quốc hiệu (Phụ lục I,
  // mục II.11 and IV). Empty: none.
  Inlines circulation;
  // Box 14, the organisation's digital signature on an electronic copy or a separately filed
  // appendix: no image, a text block at the top right of page 1 with the số/ký hiệu and the
  // signing time in ISO 8601 with its offset, TNR 10 pt black (Phụ lục I, mục II.8; Phần II,
  // box 14). Empty: none.
  std::string electronic_signing_time;
  SourceLocation electronic_where;
  // Box 5b, a công văn's trích yếu ("V/v …"): under the Số line in the left column, 12 pt
  // upright (Phụ lục I, mục II.5b). Empty for every other document.
  Inlines subject;
};

struct Title {
  std::string type;  // tên loại, "Kế hoạch"; printed in capitals
  Inlines subject;   // trích yếu
  Inlines note;      // an italic line under the subject, above the rule: "(Kèm theo Quyết định số …)"
};

// Box 9a, "Kính gửi:" (Phụ lục I, mục II.9a): the addressees of a công văn, and of a tờ
// trình or báo cáo sent upward. One is written on the label's line; several each on a line
// of their own under it, their dashes (written by layout) aligned under the colon.
struct Addressees {
  std::string label = "Kính gửi:";
  std::vector<Inlines> items;  // as printed, with their own ";" and "."; no dash
};

// Box 13 (Phụ lục I, mục II.13): the issuer's address, telephone, e-mail and website, at the
// foot of page 1 only, under a rule the full text width, 11 pt.
struct Contact {
  std::vector<Inlines> lines;
};

struct Recipients {
  std::string label = "Nơi nhận:";
  std::vector<Inlines> items;
};

struct Signature {
  // A certificate's signature starts with the place and date (docs/conventions.md, "Certificates"): an italic
  // line above the authority. Documents carry it in the header instead.
  std::string place;
  std::string date;  // ISO; empty: no date line
  SourceLocation date_where;
  double space = 0;  // room to sign and seal, in points; 0: the layout's (22 mm)
  double space_before = -1;  // between the body and the closing; negative: the layout's
  std::vector<Inlines> authority_lines;  // "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH": capitals, bold
  Inlines name;                           // signer's name, bold
  Image signature_image;                  // optional: the scanned signature (source empty if none)
  Image seal_image;                       // optional: the seal, overlapping the signature's left
  SourceLocation where;
};

// Lines at the left margin level with the signature, where a document has Nơi nhận: a
// certificate's decision number and số sổ vàng (docs/conventions.md, "Certificates").
struct SideNote {
  std::vector<Inlines> lines;
};

// An appendix (phụ lục) after the signature: it starts a page, and its page numbers start
// again from 1 with its first page unnumbered (Decree 30, Phụ lục I, III.1.đ). A document
// issued with another (a decision's attached list, Mẫu 1.3) opens with its own header,
// without Số or date, and its own title.
struct Appendix {
  std::optional<Header> header;
  Title title;
  // A phụ lục of the document (Mẫu 2.1): its label ("Phụ lục"), numbered I, II … by layout
  // when the document has two or more (Phụ lục I, mục II.6 and III.1.đ); then its title in
  // caps and the "(Kèm theo …)" line that layout writes from the document's type, number,
  // date and issuer, with blanks on a draft. Empty: none of this.
  std::string label;
  PageBreak page_break;  // restart_numbering is always set
  std::vector<Block> blocks;
  SourceLocation where;
};

// A frame drawn on every page at inset from the paper's edges: certificates (Giấy khen) carry
// an ornamental border all round (docs/conventions.md, "Certificates").
struct PageBorder {
  bool present = false;
  BorderStyle style = BorderStyle::single;
  Color color;
  double inset = 28.35;    // points from each edge of the paper (10 mm)
  double thickness = 1;    // of the main line
};

// The paper and margins when a document sets its own: a certificate is landscape and
// symmetric (docs/conventions.md, "Certificates"). Zero: the layout's settings (A4 portrait, Decree 30 margins).
struct PageSetup {
  double width = 0, height = 0;  // points, portrait or as given
  bool landscape = false;
  // The paper it is printed on when that differs from the paper it is designed on: the
  // laid-out pages are scaled to it whole (a certificate designed on A4 prints on A3 or A5
  // with every size in proportion). 0: the design's paper.
  double print_width = 0, print_height = 0;
  // A one-page document may sit in the middle of its text block, as a certificate does,
  // rather than hang from the top margin.
  bool centre_vertically = false;
  // A certificate is one sheet: more pages than this is an error, never a spilled page.
  int max_pages = 0;  // 0: no limit
  double margin_top = 0, margin_bottom = 0, margin_left = 0, margin_right = 0;
  SourceLocation where;
};

// The rules a document is set by: Decree 30 for the state's documents; Hướng dẫn 36-HD/VPTW
// for the Party's, whose header has "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the Quốc hiệu and
// Tiêu ngữ, an asterisk under the issuer, "Số 127-QĐ/TW" and larger type (docs/party.md).
enum class Profile { state, party };

struct DocTree {
  Profile profile = Profile::state;
  PageSetup page;
  PageBorder page_border;
  Header header;
  Title title;
  Addressees addressees;
  std::vector<Block> body;
  Recipients recipients;
  SideNote side_note;
  // The signers, in the order written: one signs in the right column; several sign side by
  // side (a Biên bản's THƯ KÝ and CHỦ TỌA, a joint document's heads), Nơi nhận under them.
  std::vector<Signature> signatures;
  Contact contact;
  std::vector<Appendix> appendices;
};

}  // namespace vanban::markup
