// The data contract of a template: for every field, what shape its value has, how many
// values it takes and whether it must be there (docs/templates.md, "Declaring a template";
// the body's vocabulary is docs/data-schema.md, "The body"). Data of any format (XML, JSON,
// CSV, a workbook) is read into the same DataTree and validated against it as a whole, inside
// bodies too, so that nothing in the data is quietly left unprinted: a field the template
// does not take, a second value where it prints one, elements where it prints text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "data/data_tree.h"

namespace vanban::check {

enum class FieldKind {
  text,         // plain text, no emphasis: a name, a place; a template may put it in an attribute
  inline_text,  // text that may hold emphasis (<b>, <i>, <u>)
  date,         // an ISO date that exists, YYYY-MM-DD
  number,       // digits: a document's or a decision's number
  notation,     // a ký hiệu: KH-UBND
  image,        // a PNG or JPEG file, by its path from the data file's folder
  flag,         // yes or no: it chooses what is printed and is not printed itself
  group,        // fields of its own
  blocks,       // a body: paragraphs, sections, items, points, bullets, tables (block_vocabulary)
};

// The name a declaration writes for a kind ("inline" for inline_text), and back.
std::string_view kind_name(FieldKind kind);
bool parse_kind(std::string_view name, FieldKind& kind);

struct FieldSpec {
  std::string name;         // one step of the path: "name" of "signer/name"
  std::string path;         // the whole path, for messages: "signer/name"
  FieldKind kind = FieldKind::inline_text;
  bool required = false;    // at least one value that is not blank
  int max = 1;              // most values in one map; 0: any number
  // A group whose values may also be the blocks of a body (a section holds its paragraphs).
  bool takes_blocks = false;
  std::string description;
  std::string label;                // the Vietnamese name a clerk's sheet gives it ("Họ và tên"), if declared
  std::vector<FieldSpec> children;  // a group's fields
  SourceLocation declared;          // its <field> in template.xml; empty for built-in ones
  // Read outside the document, not printed in it: a column a batch's --name pattern makes the
  // file names from.
  bool outside_document = false;
};

// The blocks a body holds, and what each holds: one vocabulary for every template.
const std::vector<FieldSpec>& block_vocabulary();

// The field named `name` below spec: one of its children, or a block when it takes blocks;
// nullptr when it has none by that name.
const FieldSpec* find_field(const FieldSpec& spec, std::string_view name);

// Every name that may stand below spec, for messages and "did you mean".
std::vector<std::string> field_names(const FieldSpec& spec);

// True for a kind whose values are text (everything but group and blocks).
bool is_text_kind(FieldKind kind);

struct Contract {
  std::string template_name;
  FieldSpec root;  // a group: the document
  bool empty() const { return root.children.empty(); }
};

// One <field> of a template's declaration (template.xml).
struct FieldDeclaration {
  std::string path;         // "signer/name": names from the data's root, separated by "/"
  bool required = false;    // the template cannot print the document without it
  std::string description;  // what the field holds, for `vanban templates` and messages
  FieldKind kind = FieldKind::inline_text;
  bool kind_given = false;  // kind="…" was written (else: inline, or group when it has fields)
  int max = 1;              // most values; 0: any number (list="yes")
  SourceLocation where;     // its <field> in template.xml
  // The header a clerk's sheet gives a column of this field ("Họ và tên"), and the other
  // usual ones ("Họ tên", "Tên"): a batch's columns are matched by them (docs/batch.md).
  std::string label;
  std::vector<std::string> aliases;
};

// Builds the contract's tree from the declared paths: "signer/name" is the field name of the
// group signer. A group need not be declared when its fields are (it is then one, optional);
// declaring it says more: list="yes" for sessions, required="yes". Throws Error
// "template.declaration" at the declaration for a path declared twice, a field below one
// that is not a group, or a group with no fields.
Contract make_contract(const std::string& template_name, const std::vector<FieldDeclaration>& fields);

// Validates data against the contract: a field the contract does not take (an error, or a
// warning when lenient; it is not printed), a value given more often than the field takes,
// a value of the wrong shape (elements where text is printed, emphasis where plain text is,
// a number that is not digits, a flag that is not yes or no, a date that does not exist), a
// required field missing or blank, a character that has no place in text. Each at the data's
// own place, with a hint where one helps.
std::vector<Diagnostic> validate_data(const data::Value& root, const Contract& contract, bool lenient = false);

// Puts valid data in the shape its template reads: a flag that is "no" is absent, a group
// given as bare text is that group's text ({text: …}), a body given as bare text is one
// paragraph, and, when lenient, fields the contract does not take are dropped (the warning
// said so).
void normalize_data(data::Value& root, const Contract& contract, bool lenient = false);

// JSON cannot repeat a key in an object, so a body's blocks in order (p, bullet, p), and a
// section's or an item's, are written as an array of one-key objects:
//   "body": [{"p": "…"}, {"section": [{"number": "I"}, {"title": "…"}, {"p": "…"}]}, {"p": "…"}]
// The array makes the field repeat; here, where the contract says the field holds blocks (or
// is a group of one value, as a bullet with its + bullets) and each of its values is a map of
// one field, they are joined into the one map XML would give (docs/data-schema.md, "JSON").
void join_json_blocks(data::Value& map, const FieldSpec& spec);

}  // namespace vanban::check
