// Alignment of a paragraph or a table cell's text, shared by the markup (what the author asks
// for) and the layout (how lines are set).
#pragma once

namespace vanban {

// Decree 30 justifies the body text (Phụ lục I, mục II.6); headings and the blocks of the
// header are centred, and table cells set their own.
enum class Align { justify, left, center, right };

}  // namespace vanban
