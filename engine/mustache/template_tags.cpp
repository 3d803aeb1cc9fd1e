#include "mustache/template_tags.h"

#include <utility>

namespace vanban::mustache {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// "=<% %>=" -> the two delimiters, as kainjow parses them; nullopt for a bad tag.
std::optional<std::pair<std::string, std::string>> parse_set_delimiter(std::string_view contents) {
  if (contents.size() < 5 || contents.back() != '=') return std::nullopt;
  const std::string_view inner = trim(contents.substr(1, contents.size() - 2));
  const auto space = inner.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto next = inner.find_first_not_of(' ', space + 1);
  if (next == std::string_view::npos) return std::nullopt;
  std::string open(inner.substr(0, space)), close(inner.substr(next));
  for (const auto& delimiter : {open, close}) {
    if (delimiter.empty()) return std::nullopt;
    for (char c : delimiter) {
      if (c == '=' || is_space(c)) return std::nullopt;
    }
  }
  return std::pair{std::move(open), std::move(close)};
}

}  // namespace

std::vector<std::string> split_dotted_name(std::string_view name) {
  std::vector<std::string> parts;
  for (std::size_t from = 0;;) {
    const auto dot = name.find('.', from);
    parts.emplace_back(name.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
    if (dot == std::string_view::npos) return parts;
    from = dot + 1;
  }
}

TagScan scan_template_tags(std::string_view text) {
  TagScan scan;
  std::string open = "{{", close = "}}";
  struct Open {
    std::string name;
    std::size_t begin, content;
  };
  std::vector<Open> sections;
  const auto problem = [&](std::string message, std::size_t offset) {
    scan.problem = TagScan::Problem{std::move(message), offset};
    return scan;
  };
  for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at)) {
    const bool braces = open == "{{" && close == "}}";
    std::size_t contents = at + open.size();
    const bool triple = braces && contents < text.size() && text[contents] == '{';
    if (triple) ++contents;
    const std::string_view closing = triple ? std::string_view("}}}") : std::string_view(close);
    const auto end = text.find(closing, contents);
    if (end == std::string_view::npos) return problem("Unclosed tag", at);
    const std::string_view inside = trim(text.substr(contents, end - contents));
    TemplateTag tag;
    tag.begin = at;
    tag.end = end + closing.size();
    if (!triple && !inside.empty() && inside.front() == '=') {
      const auto delimiters = parse_set_delimiter(inside);
      if (!delimiters) return problem("Invalid set delimiter tag", at);
      tag.kind = TemplateTag::Kind::set_delimiter;
      open = delimiters->first;
      close = delimiters->second;
    } else if (triple) {
      tag.kind = TemplateTag::Kind::unescaped;
      tag.name = inside;
    } else {
      using Kind = TemplateTag::Kind;
      const char sigil = inside.empty() ? 0 : inside.front();
      switch (sigil) {
        case '#': tag.kind = Kind::section; break;
        case '^': tag.kind = Kind::inverted; break;
        case '/': tag.kind = Kind::section_end; break;
        case '>': tag.kind = Kind::partial; break;
        case '&': tag.kind = Kind::unescaped; break;
        case '!': tag.kind = Kind::comment; break;
        default: tag.kind = Kind::variable;
      }
      tag.name = tag.kind == Kind::variable ? inside : trim(inside.substr(1));
    }
    at = tag.end;
    if (tag.kind == TemplateTag::Kind::section || tag.kind == TemplateTag::Kind::inverted) {
      sections.push_back({tag.name, tag.begin, tag.end});
      scan.deepest_nesting = std::max(scan.deepest_nesting, static_cast<int>(sections.size()));
    } else if (tag.kind == TemplateTag::Kind::section_end) {
      if (sections.empty()) return problem("Unopened section \"" + tag.name + "\"", tag.begin);
      if (sections.back().name != tag.name) {
        return problem("Unclosed section \"" + sections.back().name + "\"", sections.back().begin);
      }
      scan.nested_text_bytes += tag.begin - sections.back().content;
      sections.pop_back();
    }
    scan.tags.push_back(std::move(tag));
  }
  if (!sections.empty()) return problem("Unclosed section \"" + sections.back().name + "\"", sections.back().begin);
  return scan;
}

}  // namespace vanban::mustache
