#include "output/page_sharing.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace vanban::output {

namespace {

using layout::Item;
using layout::Page;
using layout::TextItem;

std::size_t background_of(const Page& page) { return std::min(page.background_items, page.items.size()); }

bool same_background(const Page& a, const Page& b) {
  const std::size_t count = background_of(a);
  return a.width == b.width && a.height == b.height && background_of(b) == count &&
         std::equal(a.items.begin(), a.items.begin() + static_cast<std::ptrdiff_t>(count), b.items.begin());
}

// The page's items past its background that are not text, in order.
std::vector<const Item*> graphics_of(const Page& page) {
  std::vector<const Item*> graphics;
  for (std::size_t k = background_of(page); k < page.items.size(); ++k) {
    if (!std::holds_alternative<TextItem>(page.items[k])) graphics.push_back(&page.items[k]);
  }
  return graphics;
}

bool same_graphics(const Page& a, const Page& b) {
  const auto ga = graphics_of(a), gb = graphics_of(b);
  return std::equal(ga.begin(), ga.end(), gb.begin(), gb.end(),
                    [](const Item* x, const Item* y) { return *x == *y; });
}

std::size_t text_hash(const TextItem& t) {
  std::size_t hash = std::hash<std::string>{}(t.text);
  for (double value : {t.x, t.y, t.size}) hash = hash * 31 + std::hash<double>{}(value);
  return hash;
}

// Matches the candidate texts, in order, to equal texts of the page, each used once.
// Returns, for each candidate, the index of its match in page.items or npos.
std::vector<std::size_t> match_texts(const std::vector<const TextItem*>& candidates, const Page& page) {
  std::unordered_multimap<std::size_t, std::size_t> by_hash;
  for (std::size_t k = background_of(page); k < page.items.size(); ++k) {
    if (const auto* t = std::get_if<TextItem>(&page.items[k])) by_hash.emplace(text_hash(*t), k);
  }
  std::vector<std::size_t> matches;
  std::vector<bool> used(page.items.size(), false);
  for (const TextItem* candidate : candidates) {
    std::size_t found = std::string::npos;
    const auto [begin, end] = by_hash.equal_range(text_hash(*candidate));
    for (auto it = begin; it != end && found == std::string::npos; ++it) {
      if (!used[it->second] && std::get<TextItem>(page.items[it->second]) == *candidate) found = it->second;
    }
    if (found != std::string::npos) used[found] = true;
    matches.push_back(found);
  }
  return matches;
}

void keep_all(PageContent& content, const Page& page, std::size_t from) {
  for (std::size_t k = from; k < page.items.size(); ++k) content.own.push_back(&page.items[k]);
}

}  // namespace

ContentPlan plan_content(const layout::Frame& frame) {
  ContentPlan plan;
  const auto& pages = frame.pages;
  plan.pages.resize(pages.size());
  std::vector<std::vector<std::size_t>> groups;  // pages with one background, in order
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (background_of(pages[i]) == 0) {
      keep_all(plan.pages[i], pages[i], 0);
      continue;
    }
    const auto group = std::find_if(groups.begin(), groups.end(),
                                    [&](const auto& g) { return same_background(pages[g.front()], pages[i]); });
    if (group != groups.end()) group->push_back(i);
    else groups.push_back({i});
  }

  for (const auto& group : groups) {
    if (group.size() == 1) {
      keep_all(plan.pages[group.front()], pages[group.front()], 0);
      continue;
    }
    const Page& first = pages[group.front()];
    const std::size_t background = background_of(first);
    const auto add_shared = [&](std::vector<const Item*> items) {
      plan.shared.push_back({std::move(items), first.height});
      return static_cast<int>(plan.shared.size() - 1);
    };
    std::vector<std::vector<std::size_t>> alike;  // pages whose other graphics are equal too
    for (std::size_t i : group) {
      const auto same = std::find_if(alike.begin(), alike.end(),
                                     [&](const auto& a) { return same_graphics(pages[a.front()], pages[i]); });
      if (same != alike.end()) same->push_back(i);
      else alike.push_back({i});
    }
    int background_only = -1;
    for (const auto& members : alike) {
      const Page& model = pages[members.front()];
      if (members.size() == 1) {
        if (background_only < 0) {
          std::vector<const Item*> items;
          for (std::size_t k = 0; k < background; ++k) items.push_back(&first.items[k]);
          background_only = add_shared(std::move(items));
        }
        plan.pages[members.front()].shared = background_only;
        keep_all(plan.pages[members.front()], model, background);
        continue;
      }
      // The texts every member draws: the model's, less those some member lacks (indices
      // into model.items).
      std::vector<std::size_t> common;
      for (std::size_t k = background; k < model.items.size(); ++k) {
        if (std::holds_alternative<TextItem>(model.items[k])) common.push_back(k);
      }
      const auto texts_of = [&model](const std::vector<std::size_t>& indices) {
        std::vector<const TextItem*> texts;
        for (std::size_t k : indices) texts.push_back(&std::get<TextItem>(model.items[k]));
        return texts;
      };
      for (std::size_t i : members) {
        const auto matches = match_texts(texts_of(common), pages[i]);
        std::vector<std::size_t> kept;
        for (std::size_t c = 0; c < common.size(); ++c) {
          if (matches[c] != std::string::npos) kept.push_back(common[c]);
        }
        common = std::move(kept);
      }
      std::vector<const Item*> items;
      for (std::size_t k = 0; k < model.items.size(); ++k) {
        if (k < background || !std::holds_alternative<TextItem>(model.items[k])) items.push_back(&model.items[k]);
      }
      for (std::size_t k : common) items.push_back(&model.items[k]);
      const int shared = add_shared(std::move(items));
      for (std::size_t i : members) {
        const auto matches = match_texts(texts_of(common), pages[i]);
        std::vector<bool> in_shared(pages[i].items.size(), false);
        for (std::size_t m : matches) in_shared[m] = true;
        PageContent& content = plan.pages[i];
        content.shared = shared;
        for (std::size_t k = background; k < pages[i].items.size(); ++k) {
          const Item& item = pages[i].items[k];
          if (std::holds_alternative<TextItem>(item) && !in_shared[k]) content.own.push_back(&item);
        }
      }
    }
  }
  return plan;
}

}  // namespace vanban::output
