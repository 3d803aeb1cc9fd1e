#include "layout/page_builder.h"

namespace vanban::layout {

void shift_item(Item& item, double dy) {
  std::visit(
      [dy](auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, RuleItem>) {
          i.y1 += dy;
          i.y2 += dy;
        } else if constexpr (std::is_same_v<T, PathItem>) {
          for (auto& segment : i.segments) {
            for (auto& point : segment.points) point.y += dy;
          }
        } else {
          i.y += dy;
        }
      },
      item);
}

namespace {

class PageBuilder {
 public:
  PageBuilder(Frame& frame, const std::vector<Slice>& slices, const std::vector<std::vector<Slice>>& header_groups,
              const PageFrame& margins)
      : frame_(frame), slices_(slices), header_groups_(header_groups), margins_(margins) {}

  void run(double first_top) {
    std::size_t page_start = 0;
    y_ = first_top;
    std::size_t i = 0;
    while (i < slices_.size()) {
      const Slice& slice = slices_[i];
      if (slice.page_break_before) {
        // A page the builder has just begun and left empty takes the new set-up itself.
        const bool fresh = placed_.empty() && frame_.pages.size() > 1 && frame_.pages.back().items.empty();
        if (fresh) {
          apply_setup(frame_.pages.back(), slice.setup);
        } else {
          flush();
          start_page(slice.setup);
        }
        page_start = i;
      }
      const bool first_on_page = i == page_start;
      const double space = first_on_page ? 0 : slice.space_before;
      if (y_ + space + slice.height <= bottom() + 0.01 || first_on_page) {
        place(slice, y_ + space);
        y_ += space + slice.height;
        ++i;
        continue;
      }
      // The slice does not fit: end the page at the last allowed break, or here if none.
      std::size_t cut = i;
      while (cut > page_start && !slices_[cut].break_before_allowed) --cut;
      if (cut == page_start) cut = i;
      while (!placed_.empty() && placed_.back().index >= cut && placed_.back().index != repeated) placed_.pop_back();
      flush();
      start_page(BreakSetup{frame_.pages.back().width, frame_.pages.back().height, false});
      page_start = cut;
      i = cut;
      // A table continuing here: its header rows first (no break inside them).
      if (slices_[i].header_group >= 0) {
        for (const auto& header : header_groups_[static_cast<std::size_t>(slices_[i].header_group)]) {
          placed_.push_back({repeated, &header, y_});
          y_ += header.height;
        }
      }
    }
    flush();
  }

 private:
  static constexpr std::size_t repeated = static_cast<std::size_t>(-1);  // a repeated header slice

  struct Placed {
    std::size_t index;  // into slices_, or repeated
    const Slice* slice;
    double top;
  };

  double bottom() const {
    return frame_.pages.back().height - margins_.bottom - (frame_.pages.size() == 1 ? margins_.first_page_reserve : 0);
  }

  void place(const Slice& slice, double top) {
    placed_.push_back({static_cast<std::size_t>(&slice - slices_.data()), &slice, top});
  }

  static void apply_setup(Page& page, const BreakSetup& setup) {
    if (setup.width > 0) {
      page.width = setup.width;
      page.height = setup.height;
    }
    if (setup.restart_numbering) {
      page.number = 1;
      page.number_shown = false;
    }
  }

  void start_page(const BreakSetup& setup) {
    if (margins_.max_pages > 0 && frame_.pages.size() >= margins_.max_pages) {
      fail_with("limit.pages", "the document takes more than {} pages", {std::to_string(margins_.max_pages)},
                margins_.where, {"check the data for a text pasted many times over; raise the limit with --max-pages"});
    }
    const Page& previous = frame_.pages.back();
    Page page{previous.width, previous.height, previous.number + 1, true, {}};
    apply_setup(page, setup);
    frame_.pages.push_back(std::move(page));
    y_ = margins_.top;
  }

  void add_items(Page& page, const std::vector<Item>& items, double top) {
    for (const Item& item : items) shift_item(page.items.emplace_back(item), top);
  }

  // Draws what was placed on the current page, with the items its first and last slices
  // draw only there (the borders of a table row split by the page).
  void flush() {
    Page& page = frame_.pages.back();
    const std::size_t page_index = frame_.pages.size() - 1;
    // A page holds a thousand items: grown once, not by doubling, with room for the few that
    // layout adds after the pages are built (the page number, a border, box 11).
    std::size_t count = page.items.size() + 8;
    for (const auto& p : placed_) count += p.slice->items.size() + p.slice->items_if_first.size() + p.slice->items_if_last.size();
    page.items.reserve(count);
    bool content_started = false;
    for (std::size_t k = 0; k < placed_.size(); ++k) {
      const auto& p = placed_[k];
      add_items(page, p.slice->items, p.top);
      if (p.index != repeated && !content_started) add_items(page, p.slice->items_if_first, p.top);
      if (p.index != repeated) content_started = true;
      if (k + 1 == placed_.size()) add_items(page, p.slice->items_if_last, p.top);
      for (auto entry : p.slice->bookmarks) {
        entry.page = page_index;
        entry.y += p.top;
        frame_.outline.push_back(std::move(entry));
      }
    }
    placed_.clear();
  }

  Frame& frame_;
  const std::vector<Slice>& slices_;
  const std::vector<std::vector<Slice>>& header_groups_;
  PageFrame margins_;
  std::vector<Placed> placed_;
  double y_ = 0;
};

}  // namespace

void build_pages(Frame& frame, const std::vector<Slice>& slices, const std::vector<std::vector<Slice>>& header_groups,
                 double first_top, const PageFrame& margins) {
  PageBuilder(frame, slices, header_groups, margins).run(first_top);
}

}  // namespace vanban::layout
