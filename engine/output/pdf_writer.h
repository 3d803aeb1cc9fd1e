// Stage 5, PDF: Frame -> PDF bytes. libharu lives here only.
//
// What the writer guarantees (libraries.md lists the libharu 2.3.0 traps each one avoids):
//  - fonts embedded and truly subset: each face is cut with hb-subset to the code points the
//    document draws before libharu sees it, since libharu 2.3 keeps ~47 KB per face;
//  - a conformant ToUnicode CMap (bfchar), replacing libharu's invalid "begincidrange" one,
//    so text copies out with every diacritic and readers print no warning;
//  - document info in UTF-8 (title, author, subject, creator); compression on;
//  - the same Frame gives the same bytes: no dates, no random IDs.
#pragma once

#include <string>

#include "layout/frame.h"

namespace vanban::output {

struct PdfOptions {
  bool compress = true;
  std::string creator = "vanban";
};

// Writes the frame as a PDF. Throws Error "pdf.*" when libharu or HarfBuzz fails.
std::string write_pdf(const layout::Frame& frame, const PdfOptions& options = {});

}  // namespace vanban::output
