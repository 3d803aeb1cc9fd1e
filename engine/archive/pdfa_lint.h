// A lint of a finished PDF against the rules of PDF/A-2 (ISO 19005-2) that apply to what vanban
// writes and to what signing adds, each named by the number veraPDF's validation profile gives
// it ("6.1.3-1": clause 6.1.3, its first test). No validator of record runs here: the lint
// claims only the rules it lists (pdfa_rules), and a construct it cannot judge (a font kind
// vanban never writes, an XMP extension schema) is a finding, not a pass
// (docs/electronic.md, "PDF/A").
#pragma once

#include <string>
#include <vector>

#include "sign/pdf_file.h"

namespace vanban::archive {

enum class PdfaLevel { b, u };

struct PdfaRule {
  const char* id;       // veraPDF's number: "6.1.3-1"
  const char* summary;  // what it asks, in a line
  bool level_u_only = false;
};

// The rules the lint checks, in the standard's order.
const std::vector<PdfaRule>& pdfa_rules();

struct PdfaFinding {
  std::string rule;     // a rule's id, or "unchecked": something the lint cannot judge
  std::string where;    // "object 12", "page 3", "the XMP metadata"
  std::string message;
};

struct PdfaReport {
  std::vector<PdfaFinding> findings;
  int rules_checked = 0;
  int objects = 0, pages = 0, fonts = 0, signatures = 0;
  std::string claimed;  // the XMP's part and conformance, "2B"; empty when it names none
  bool passed() const { return findings.empty(); }
};

// Lints the file for PDF/A-2 at the level. Errors that stop the reading (a file that is not a
// PDF) are thrown as the reader's ("sign.bad-pdf"); everything else is a finding.
PdfaReport lint_pdfa(const sign::PdfFile& file, PdfaLevel level);

}  // namespace vanban::archive
