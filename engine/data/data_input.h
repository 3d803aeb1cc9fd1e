// Data in: a data file's bytes to a tree whose every value is Unicode text
// (docs/vietnamese.md). Old data mixes encodings value by value (a workbook with one row typed
// in TCVN3, an XML file assembled from pieces), so each value is judged alone: what is
// already Vietnamese Unicode is never converted, legacy text is converted only where the user
// asked and each conversion is listed, and damaged bytes are refused where they stand.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <vanban/engine.h>

#include "base/diagnostics.h"
#include "base/limits.h"
#include "data/data_tree.h"
#include "text/legacy.h"

namespace vanban::data {

// Judges every text value below root alone (text::classify_value) and converts or refuses it:
//  - Unicode is kept as it is;
//  - legacy text (TCVN3, VNI, Windows-1258: bytes, or bytes read as Latin-1) is converted when
//    `encoding` names one, each conversion a warning "data.converted" at the value (one for
//    the file when every value with a letter above ASCII was converted), and refused with the
//    encoding to name otherwise ("data.legacy-encoding");
//  - damaged UTF-8 is refused ("data.bad-utf8"), naming its bytes.
// text is the file the values came from, when there is one, to place a bad byte exactly.
// Returns the findings in data order; values are converted in place.
std::vector<Diagnostic> check_value_encodings(Value& root, const std::optional<text::LegacyEncoding>& encoding,
                                              const std::string& file_name, const std::string& text = {});

// TCVN3 has no codes for capitals with tones: they were typed in lower case and shown in an
// "H" face (.VnTimeH). Text the data marks as set in such a face is upper-cased
// (docs/data-schema.md, "Legacy fonts").
void apply_capitals_fonts(Value& value);

// A document's data: its bytes decoded (a BOM, UTF-16), read as XML, each value judged, TCVN3
// capitals applied. Throws Error with every encoding error; the conversions come back as
// warnings. text is the decoded file, for placing later findings exactly.
struct DocumentData {
  DataTree tree;
  std::string text;
  std::vector<Diagnostic> warnings;
  bool json = false;  // read as JSON (its blocks are joined once the template is known: check::join_json_blocks)
};
// The data's format: JSON for a .json file, XML for .xml; otherwise (standard input, another
// name) JSON when the text starts with '{', XML else.
using vanban::DataFormat;  // vanban/engine.h; markup is not data, and is read as XML here
DocumentData read_document_data(const std::string& bytes, const std::string& name,
                                const std::optional<text::LegacyEncoding>& encoding, const Limits& limits,
                                DataFormat format = DataFormat::automatic);

// `vanban convert`: a file's legacy values converted to Unicode, each judged alone as above
// (what is already Unicode is kept, each conversion listed): a workbook's cells into a new
// workbook; a text file's values, split where markup, CSV or JSON punctuation separates them,
// in the file as it was; capitals: the whole text was set in a TCVN3 capitals face. A binary
// file (a PDF, an image, a zip that is not a workbook) is refused, "convert.binary". Throws
// Error with every error found; nothing is converted then.
struct ConvertedFile {
  std::string bytes;
  std::vector<Diagnostic> warnings;  // the conversions
};
ConvertedFile convert_file(const std::string& bytes, const std::string& name, text::LegacyEncoding from, bool capitals);

}  // namespace vanban::data
