// Stage 5, PDF: Frame -> PDF bytes. libharu lives here only.
//
// What the writer guarantees (docs/dependencies.md lists the libharu 2.3.0 traps each one avoids):
//  - fonts embedded and truly subset: each face is cut with hb-subset to the glyphs the
//    document draws and embedded as a CIDFontType2 whose codes are the subset's glyph ids,
//    built with libharu's object layer; libharu 2.3's own TrueType fonts keep ~47 KB a face
//    and cost a 65,536-code table per face in every file;
//  - one conformant ToUnicode CMap (bfchar, bfrange) over the document's character codes,
//    shared by every face, not libharu's invalid "begincidrange" one, so text copies out
//    with every diacritic and readers print no warning;
//  - pages that draw the same border and lines share one content stream (page_sharing.h),
//    and inherit one resource dictionary;
//  - document info in UTF-8 (title, author, subject, creator); compression on;
//  - the same Frame gives the same bytes: no dates, no random IDs (a PDF/A file's /ID is a
//    hash of its own bytes).
#pragma once

#include <string>

#include "layout/frame.h"

namespace vanban::output {

// What a file claims besides PDF 1.7 (docs/electronic.md, "PDF/A").
enum class PdfProfile {
  plain,
  // PDF/A-2b (ISO 19005-2, level B: the look kept for archiving): XMP metadata naming the
  // part and level, an sRGB output intent, a file identifier.
  pdfa_2b,
  // PDF/A-2u: level B, and every character's code maps to Unicode, as vanban's always do.
  pdfa_2u,
};

struct PdfOptions {
  bool compress = true;
  std::string creator = "vanban";
  PdfProfile profile = PdfProfile::plain;
};

// Writes the frame as a PDF. Throws Error "pdf.*" when libharu or HarfBuzz fails.
std::string write_pdf(const layout::Frame& frame, const PdfOptions& options = {});

}  // namespace vanban::output
