#include "check/check_document.h"

#include <algorithm>
#include <array>
#include <utility>

#include "text/document_number.h"
#include "text/formats.h"
#include "text/unicode.h"

namespace vanban::check {

namespace {

class Checker {
 public:
  Checker(const data::Value& root, const TemplateRules& rules) : root_(root), rules_(rules) {}

  std::vector<Diagnostic> run() {
    check_required();
    check_number();
    check_cited_decision();
    check_date();
    check_signer();
    check_recipients();
    check_lengths();
    // In the order of the data file, as a reader goes through it.
    std::stable_sort(findings_.begin(), findings_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(findings_);
  }

 private:
  void report(Severity severity, const char* code, std::string message, const SourceLocation& where) {
    findings_.push_back({severity, code, std::move(message), where});
  }

  static std::string text_of(const data::Value* value) {
    return value && value->kind == data::Value::Kind::text ? value->plain_text() : std::string();
  }

  // The number and ký hiệu (Phụ lục I, mục II.3; Phụ lục III). A draft may have no number
  // yet: the number is given when the document is issued.
  void check_number() {
    const data::Value* number = root_.find("number");
    const data::Value* notation = root_.find("notation");
    if (!text_of(number).empty() && !text_of(notation).empty()) {
      std::string type = text_of(root_.find("type"));
      if (type.empty()) type = rules_.type;
      for (auto& problem : text::check_document_number(text_of(number), text_of(notation), type, number->where)) {
        if (problem.code != "check.number-form") problem.where = notation->where;
        findings_.push_back(std::move(problem));
      }
    }
  }

  // A Giấy khen and a decision's attached list cite the decision (decree30.md §12.3, §13.3):
  // its number and ký hiệu follow the rules of a Quyết định's.
  void check_cited_decision() {
    const data::Value* decision = root_.find("decision");
    if (!decision || decision->kind != data::Value::Kind::map) return;
    const data::Value* number = decision->find("number");
    const data::Value* notation = decision->find("notation");
    if (text_of(number).empty() || text_of(notation).empty()) return;
    for (auto& problem : text::check_document_number(text_of(number), text_of(notation), "Quyết định", number->where)) {
      if (problem.code != "check.number-form") problem.where = notation->where;
      problem.message = "the decision cited: " + problem.message;
      findings_.push_back(std::move(problem));
    }
  }

  // The fields the template cannot print without. Each is looked for in every map on its
  // path: "session/item/time" must be in each item of each session.
  void check_required() {
    for (const auto& field : rules_.required) {
      std::vector<std::string> names;
      for (std::size_t from = 0; from <= field.path.size();) {
        const std::size_t slash = std::min(field.path.find('/', from), field.path.size());
        names.push_back(field.path.substr(from, slash - from));
        from = slash + 1;
      }
      check_required_in(root_, names, 0, field);
    }
  }

  static bool is_blank(const data::Value& value) {
    if (value.kind == data::Value::Kind::map) return value.fields.empty();
    return value.plain_text().find_first_not_of(" \t\n\r") == std::string::npos;
  }

  void check_required_in(const data::Value& map, const std::vector<std::string>& names, std::size_t depth,
                         const TemplateRules::Field& field) {
    bool found = false;
    for (const auto& entry : map.fields) {
      if (entry.name != names[depth] || is_blank(entry.get())) continue;
      found = true;
      if (depth + 1 < names.size()) {
        if (entry.get().kind == data::Value::Kind::map) {
          check_required_in(entry.get(), names, depth + 1, field);
        } else {
          report_missing(entry.get(), names, depth + 1, field);
        }
      }
    }
    if (!found) report_missing(map, names, depth, field);
  }

  void report_missing(const data::Value& where, const std::vector<std::string>& names, std::size_t depth,
                      const TemplateRules::Field& field) {
    std::string inside;
    for (std::size_t k = 0; k < depth; ++k) inside += (inside.empty() ? "" : "/") + names[k];
    report(Severity::error, "check.required-field", "the template '" + rules_.name + "' needs '" + field.path + "'" +
           (field.description.empty() ? "" : " (" + field.description + ")") + ": '" + names[depth] +
           "' is missing or empty " + (inside.empty() ? std::string("in the document") : "in this " + inside),
           where.where);
  }

  // Every field named "date", anywhere, is an ISO date that exists; the document's own date
  // line has a place (Phụ lục I, mục II.4).
  void check_date() {
    check_dates_in(root_);
    const data::Value* date = root_.find("date");
    if (!text_of(date).empty() && text_of(root_.find("place")).empty()) {
      report(Severity::warning, "check.place", "the date line has no place: Decree 30 writes \"<place>, ngày …\" "
             "(Phụ lục I, mục II.4)", date->where);
    }
  }

  void check_dates_in(const data::Value& value) {
    for (const auto& field : value.fields) {
      const data::Value& child = field.get();
      if (field.name == "date" && !text_of(&child).empty()) {
        try {
          text::parse_iso_date(text_of(&child), child.where);
        } catch (const Error& e) {
          findings_.push_back(e.diagnostic());
        }
      }
      if (child.kind == data::Value::Kind::map) check_dates_in(child);
    }
  }

  // The signature block (Điều 13; Phụ lục I, mục II.7; decree30.md §5).
  void check_signer() {
    const data::Value* signer = root_.find("signer");
    if (!signer || signer->kind != data::Value::Kind::map) return;
    const data::Value* authority = signer->find("authority");
    const std::string prefix = text_of(authority);
    const std::string on_behalf_of = text_of(signer->find("on-behalf-of"));
    const std::string position = text_of(signer->find("position"));
    if (!prefix.empty()) {
      static constexpr std::array<const char*, 5> prefixes = {"TM.", "KT.", "TL.", "TUQ.", "Q."};
      bool known = false;
      for (const char* p : prefixes) known = known || prefix == p;
      if (!known) {
        report(Severity::error, "check.authority", "the authority '" + prefix + "' is not one of TM., KT., TL., TUQ., "
               "Q. (Điều 13), written in capitals with its full stop", authority->where);
      } else if (on_behalf_of.empty()) {
        report(Severity::error, "check.authority", prefix + " needs what it signs for after it, in on-behalf-of: the "
               "collective for TM. (TM. ỦY BAN NHÂN DÂN), the head's position otherwise (KT. CHỦ TỊCH)", authority->where);
      } else if (prefix == "KT.") {
        if (position.empty()) {
          report(Severity::error, "check.authority", "KT. needs the deputy's own position on the second line "
                 "(KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)", authority->where);
        } else if (text::to_lower_vi(position).rfind("phó", 0) != 0) {
          report(Severity::warning, "check.authority", "KT. is signed by a deputy, but the position '" + position +
                 "' is not a Phó position", signer->find("position")->where);
        }
      }
    }
    const data::Value* name = signer->find("name");
    const std::string full_name = text_of(name);
    static constexpr std::array<const char*, 12> titles = {"gs", "pgs", "ts", "tskh", "ths", "bs", "ks",
                                                            "cn", "ds", "ls", "ngnd", "ngưt"};
    const std::string first_word = text::to_lower_vi(full_name.substr(0, full_name.find_first_of(" .")));
    for (const char* title : titles) {
      if (!full_name.empty() && first_word == title && full_name.size() > first_word.size()) {
        report(Severity::warning, "check.signer-title", "the signer's name '" + full_name + "' starts with an "
               "academic title: Decree 30 writes the name alone, unless the sector allows titles (decree30.md §5)",
               name->where);
        break;
      }
    }
  }

  // Nơi nhận (Phụ lục I, mục II.9b; decree30.md §6).
  void check_recipients() {
    const data::Value* recipients = root_.find("recipients");
    if (!recipients || recipients->kind != data::Value::Kind::map) return;
    std::vector<const data::Value*> items;
    for (const auto& field : recipients->fields) {
      if (field.name == "recipient") items.push_back(&field.get());
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
      const std::string item = text_of(items[k]);
      if (item.rfind("-", 0) == 0) {
        report(Severity::warning, "check.recipient", "the recipient '" + item + "' starts with '-': the template "
               "writes the dash", items[k]->where);
      }
      const bool last = k + 1 == items.size();
      if (!last && (item.empty() || item.back() != ';')) {
        report(Severity::warning, "check.recipient", "the recipient '" + item + "' must end with ';' (Phụ lục I, mục "
               "II.9b)", items[k]->where);
      }
      if (last && (item.rfind("Lưu: VT", 0) != 0 || item.back() != '.')) {
        report(Severity::warning, "check.recipient", "the last recipient is '" + item + "': Decree 30 ends Nơi nhận "
               "with 'Lưu: VT, <drafting unit>.' (Phụ lục I, mục II.9b)", items[k]->where);
      }
    }
  }

  // Input limits of the document management system (Phụ lục VI), in characters.
  void check_lengths() {
    const auto check_length = [&](const data::Value* value, const std::string& what, std::size_t limit) {
      const std::string content = text_of(value);
      if (content.empty()) return;
      const std::size_t length = text::decode_utf8(content).size();
      if (length > limit) {
        report(Severity::warning, "check.field-length", what + " is " + std::to_string(length) + " characters, more "
               "than the " + std::to_string(limit) + " of Phụ lục VI", value->where);
      }
    };
    check_length(root_.find("type"), "the type name", 100);
    check_length(root_.find("subject"), "the trích yếu", 500);
    if (const data::Value* signer = root_.find("signer"); signer && signer->kind == data::Value::Kind::map) {
      check_length(signer->find("position"), "the signer's position", 100);
      check_length(signer->find("name"), "the signer's name", 50);
    }
    if (const data::Value* issuer = root_.find("issuer"); issuer && issuer->kind == data::Value::Kind::map) {
      std::string lines;
      for (const auto& field : issuer->fields) {
        if (field.name == "line") lines += (lines.empty() ? "" : " ") + text_of(&field.get());
      }
      if (text::decode_utf8(lines).size() > 200) {
        report(Severity::warning, "check.field-length", "the issuer's name is more than the 200 characters of "
               "Phụ lục VI", issuer->where);
      }
    }
  }

  const data::Value& root_;
  const TemplateRules& rules_;
  std::vector<Diagnostic> findings_;
};

}  // namespace

std::vector<Diagnostic> check_document(const data::DataTree& data, const TemplateRules& rules) {
  return Checker(data.root, rules).run();
}

}  // namespace vanban::check
