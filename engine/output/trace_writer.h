// The layout trace: a deterministic text form of a Frame, for golden tests and debugging.
//
// One line per item, in page order (tests/golden/README.md):
//   page N WIDTH HEIGHT
//   font STYLE SIZE                 (only when it changes)
//   color RRGGBB                    (only when the text colour changes)
//   text X Y "TEXT"                 (X, Y: baseline start from the top-left, points;
//                                    TEXT quoted, with \ before " and \)
//   rule X1 Y1 X2 Y2 THICKNESS [RRGGBB]
//   image X Y WIDTH HEIGHT "FILE"
//   path stroke RRGGBB|none fill RRGGBB|none THICKNESS M x y L x y C x y x y x y Z
//   bookmark LEVEL PAGE Y "TITLE"   (after the pages)
// Numbers have two decimals and a "." whatever the locale; text is NFC UTF-8.
#pragma once

#include <string>

#include "layout/frame.h"

namespace vanban::output {

std::string write_trace(const layout::Frame& frame);

}  // namespace vanban::output
