#include "check/check_document.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <regex>
#include <utility>

#include "base/paper.h"
#include "base/source_index.h"
#include "text/font.h"
#include "text/document_number.h"
#include "text/formats.h"
#include "text/unicode.h"

namespace vanban::check {

namespace {

class Checker {
 public:
  Checker(const data::Value& root, const TemplateRules& rules) : root_(root), rules_(rules) {}

  std::vector<Diagnostic> run() {
    if (!rules_.contract.empty()) {
      auto found = validate_data(root_, rules_.contract, rules_.lenient);
      findings_.insert(findings_.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    check_number();
    check_cited_decision();
    check_date();
    check_electronic_signature();
    check_signer();
    check_recipients();
    check_addressees();
    check_letter();
    check_basis_and_articles();
    check_totals(root_);
    check_event_dates();
    check_duplicate_delegates();
    check_lengths();
    check_paper();
    check_long_words(root_);
    // In the order of the data file, as a reader goes through it.
    std::stable_sort(findings_.begin(), findings_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(findings_);
  }

 private:
  // A finding made of its format and arguments, so that its translation is looked up by them
  // (base/messages.h); a message with no part that changes is its own format.
  void report(Severity severity, const char* code, std::string format, std::vector<std::string> arguments,
              const SourceLocation& where) {
    findings_.push_back(formatted(severity, code, std::move(format), std::move(arguments), where));
  }
  void report(Severity severity, const char* code, std::string message, const SourceLocation& where) {
    report(severity, code, std::move(message), {}, where);
  }

  static std::string text_of(const data::Value* value) {
    return value && value->kind == data::Value::Kind::text ? value->plain_text() : std::string();
  }

  // The number and ký hiệu (Phụ lục I, mục II.3; Phụ lục III). A draft may have no number
  // yet: the number is given when the document is issued.
  void check_number() {
    std::string type = text_of(root_.find("type"));
    if (type.empty()) type = rules_.type;
    check_number_of(root_, type, "");
    // A draft: a Số line with no number yet, a date line with no date; printed with blanks
    // to write them in by hand when the document is issued (Phụ lục I, mục II.3–4).
    // A certificate has no Số line: its date line is the signature's, after its place.
    const data::Value* notation = root_.find("notation");
    const data::Value* place = root_.find("place");
    const data::Value* anchor = !text_of(notation).empty() ? notation : !text_of(place).empty() ? place : nullptr;
    if (!anchor) return;
    if (anchor == notation && text_of(root_.find("number")).empty()) {
      report(Severity::warning, "check.draft", "a draft: no number yet, the Số line keeps room to write it in when the "
             "document is issued (Phụ lục I, mục II.3)", notation->where);
    }
    const bool has_date_line = rules_.contract.empty() || check::find_field(rules_.contract.root, "date");
    if (has_date_line && text_of(root_.find("date")).empty()) {
      report(Severity::warning, "check.draft", "a draft: no date yet, the date line keeps room for the day, month and year "
             "(Phụ lục I, mục II.4)", anchor->where);
    }
  }

  // A Giấy khen and a decision's attached list cite the decision (docs/conventions.md, "Certificates"):
  // its number and ký hiệu follow the rules of a Quyết định's.
  void check_cited_decision() {
    const data::Value* decision = root_.find("decision");
    if (decision && decision->kind == data::Value::Kind::map) check_number_of(*decision, "Quyết định", std::string(cited_decision_prefix));
  }

  // Checks the number and notation fields of map as a document of type; a problem with the
  // ký hiệu is placed at the notation, one with the number at the number.
  void check_number_of(const data::Value& map, const std::string& type, const std::string& about) {
    const data::Value* number = map.find("number");
    const data::Value* notation = map.find("notation");
    if (text_of(number).empty() || text_of(notation).empty()) return;
    const bool party = rules_.profile == Profile::party && about.empty();  // a cited decision may be the state's
    for (auto& problem : party ? text::check_party_number(text_of(number), text_of(notation), type, number->where)
                               : text::check_document_number(text_of(number), text_of(notation), type, number->where)) {
      if (problem.code != "check.number-form") problem.where = notation->where;
      problem.message = about + problem.message;
      if (!problem.message_format.empty()) problem.message_format = about + problem.message_format;
      findings_.push_back(std::move(problem));
    }
  }

  // Every field named "date", anywhere, is an ISO date that exists; the document's own date
  // line has a place (Phụ lục I, mục II.4).
  void check_date() {
    if (rules_.contract.empty()) check_dates_in(root_);  // with a contract, its date fields are checked there
    // A template without a place has no date line (a Biên bản, Mẫu 1.9): its date is the meeting's.
    const bool has_place = rules_.contract.empty() || check::find_field(rules_.contract.root, "place");
    const data::Value* date = root_.find("date");
    if (has_place && !text_of(date).empty() && text_of(root_.find("place")).empty()) {
      report(Severity::warning, "check.place", "the date line has no place: Decree 30 writes \"<place>, ngày …\" "
             "(Phụ lục I, mục II.4)", date->where);
    }
  }

  // Box 14 (Phụ lục I, mục II.8): the organisation signs an electronic copy or an appendix
  // filed apart at a time in ISO 8601 with Viet Nam's offset, +07:00; the block names the
  // document's số/ký hiệu, so a draft without its number cannot carry one.
  void check_electronic_signature() {
    const data::Value* electronic = root_.find("electronic");
    if (!electronic || electronic->kind != data::Value::Kind::map) return;
    const data::Value* time = electronic->find("signed_at");
    const std::string text = text_of(time);
    if (!text.empty()) {
      static const std::regex iso_time(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2}))");
      std::smatch m;
      if (!std::regex_match(text, m, iso_time) || std::stoi(m[4]) > 23 || std::stoi(m[5]) > 59 || std::stoi(m[6]) > 59) {
        report(Severity::error, "check.electronic-time", "the signing time '{}' is not ISO 8601: write it as 2026-12-04T09:30:00+07:00",
               {text}, time->where);
      } else {
        try {
          text::parse_date(text.substr(0, 10), time->where);
          if (m[7] != "+07:00") {
            report(Severity::error, "check.electronic-time",
                   "the signing time '{}' is not in Viet Nam's time zone: Decree 30 writes it with +07:00 (Phụ lục I, mục II.8)",
                   {text}, time->where);
          }
        } catch (const Error& e) {
          findings_.insert(findings_.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
      }
    }
    if (text_of(root_.find("number")).empty() || text_of(root_.find("notation")).empty()) {
      report(Severity::error, "check.electronic-number",
             "box 14 names the document's số and ký hiệu, and this one has none yet: give number and notation", electronic->where);
    }
  }

  void check_dates_in(const data::Value& value) {
    for (const auto& field : value.fields) {
      const data::Value& child = field.get();
      if (field.name == "date" && !text_of(&child).empty()) {
        try {
          text::parse_date(text_of(&child), child.where);
        } catch (const Error& e) {
          findings_.insert(findings_.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
      }
      if (child.kind == data::Value::Kind::map) check_dates_in(child);
    }
  }

  // The signature block (Decree 30, Điều 13; Phụ lục I, mục II.7).
  void check_signer() {
    for (const data::Value* signer : all_of(root_, "signer")) {
      if (signer->kind == data::Value::Kind::map) check_signer(signer);
    }
  }

  void check_signer(const data::Value* signer) {
    const data::Value* authority = signer->find("authority");
    const std::string prefix = text_of(authority);
    const std::string on_behalf_of = text_of(signer->find("on-behalf-of"));
    const std::string position = text_of(signer->find("position"));
    if (!prefix.empty() && rules_.profile == Profile::party) {
      check_party_authority(signer, authority, prefix, on_behalf_of);
    } else if (!prefix.empty()) {
      static constexpr std::array<const char*, 5> prefixes = {"TM.", "KT.", "TL.", "TUQ.", "Q."};
      bool known = false;
      for (const char* p : prefixes) known = known || prefix == p;
      if (!known) {
        report(Severity::error, "check.authority", "the authority '{}' is not one of TM., KT., TL., TUQ., "
               "Q. (Điều 13), written in capitals with its full stop", {prefix}, authority->where);
      } else if (on_behalf_of.empty()) {
        report(Severity::error, "check.authority", "{} needs what it signs for after it, in on-behalf-of: the "
               "collective for TM. (TM. ỦY BAN NHÂN DÂN), the head's position otherwise (KT. CHỦ TỊCH)", {prefix},
               authority->where);
      } else if (prefix == "KT.") {
        if (position.empty()) {
          report(Severity::error, "check.authority", "KT. needs the deputy's own position on the second line "
                 "(KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)", authority->where);
        } else if (text::to_lower_vi(position).rfind("phó", 0) != 0) {
          report(Severity::warning, "check.authority", "KT. is signed by a deputy, but the position '{}' is not a Phó "
                 "position", {position}, signer->find("position")->where);
        }
      }
    }
    // TM. with KT. under it (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH): a deputy
    // signs for the head on the collective's behalf, and the deputy's own position follows.
    const auto positions = all_of(*signer, "position");
    for (std::size_t k = 0; k < positions.size(); ++k) {
      const std::string line = text_of(positions[k]);
      if (line.rfind("KT.", 0) != 0) continue;
      if (k + 1 == positions.size()) {
        report(Severity::error, "check.authority", "'{}' needs the deputy's own position on the line after "
               "it (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)", {line}, positions[k]->where);
      } else if (text::to_lower_vi(text_of(positions[k + 1])).rfind(text::to_nfc("phó"), 0) != 0) {
        report(Severity::warning, "check.authority", "KT. is signed by a deputy, but the position '{}' is not a Phó "
               "position", {text_of(positions[k + 1])}, positions[k + 1]->where);
      }
    }
    const data::Value* name = signer->find("name");
    const std::string full_name = text_of(name);
    static constexpr std::array<const char*, 12> titles = {"gs", "pgs", "ts", "tskh", "ths", "bs", "ks",
                                                            "cn", "ds", "ls", "ngnd", "ngưt"};
    const std::string first_word = text::to_lower_vi(full_name.substr(0, full_name.find_first_of(" .")));
    for (const char* title : titles) {
      if (!full_name.empty() && first_word == title && full_name.size() > first_word.size()) {
        report(Severity::warning, "check.signer-title", "the signer's name '{}' starts with an academic title: "
               "Decree 30 writes the name alone, unless the sector allows titles (Decree 30, Phụ lục I, mục II.7)",
               {full_name}, name->where);
        break;
      }
    }
  }

  // A Party document's signer (Hướng dẫn 36-HD/VPTW; docs/party.md): T/M (on behalf of a
  // committee), K/T (a deputy for the secretary, whose own position follows) or T/L (by
  // order), with a slash and no full stop; Decree 30's TM., KT., TL. are the state's.
  void check_party_authority(const data::Value* signer, const data::Value* authority, const std::string& prefix,
                             const std::string& on_behalf_of) {
    static constexpr std::array<std::pair<const char*, const char*>, 3> prefixes = {
        {{"T/M", "TM."}, {"K/T", "KT."}, {"T/L", "TL."}}};
    for (const auto& [party, state] : prefixes) {
      if (prefix == state) {
        report(Severity::error, "check.authority", "a Party document writes '{}', not the state's '{}' (Hướng dẫn "
               "36-HD/VPTW)", {party, prefix}, authority->where);
        return;
      }
    }
    bool known = false;
    for (const auto& entry : prefixes) known = known || prefix == entry.first;
    if (!known) {
      report(Severity::error, "check.authority", "the authority '{}' is not one of T/M, K/T, T/L, the "
             "prefixes of a Party document (Hướng dẫn 36-HD/VPTW)", {prefix}, authority->where);
    } else if (on_behalf_of.empty()) {
      report(Severity::error, "check.authority", "{} needs what it signs for after it, in on-behalf-of: the "
             "committee for T/M (T/M BAN THƯỜNG VỤ), the secretary for K/T (K/T BÍ THƯ)", {prefix}, authority->where);
    } else if (prefix == "K/T" && !signer->find("position")) {
      report(Severity::error, "check.authority", "K/T needs the deputy's own position on the second line (K/T BÍ THƯ / "
             "PHÓ BÍ THƯ)", authority->where);
    }
  }

  // Nơi nhận (Decree 30, Phụ lục I, mục II.9b).
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
        report(Severity::warning, "check.recipient", "the recipient '{}' starts with '-': the template "
               "writes the dash", {item}, items[k]->where);
      }
      const bool last = k + 1 == items.size();
      if (rules_.profile == Profile::party) {
        // Party practice ends each item with "," (or ";") and files it "Lưu Văn phòng …."
        // (docs/party.md: the guide's own wording is not confirmed here).
        if (!last && (item.empty() || (item.back() != ',' && item.back() != ';'))) {
          report(Severity::warning, "check.recipient", "the recipient '{}' must end with ',' (Hướng dẫn "
                 "36-HD/VPTW)", {item}, items[k]->where);
        }
        if (last && (item.rfind("Lưu", 0) != 0 || item.back() != '.')) {
          report(Severity::warning, "check.recipient", "the last recipient is '{}': a Party document ends Nơi "
                 "nhận with 'Lưu Văn phòng ….' (Hướng dẫn 36-HD/VPTW)", {item}, items[k]->where);
        }
        continue;
      }
      if (!last && (item.empty() || item.back() != ';')) {
        report(Severity::warning, "check.recipient", "the recipient '{}' must end with ';' (Phụ lục I, mục "
               "II.9b)", {item}, items[k]->where);
      }
      if (last && (item.rfind("Lưu: VT", 0) != 0 || item.back() != '.')) {
        report(Severity::warning, "check.recipient", "the last recipient is '{}': Decree 30 ends Nơi nhận "
               "with 'Lưu: VT, <drafting unit>.' (Phụ lục I, mục II.9b)", {item}, items[k]->where);
      }
    }
  }

  // Box 9a, Kính gửi (Phụ lục I, mục II.9a): one addressee stands on the label's line;
  // several each on a line of their own, a dash before each (layout writes it), all but the
  // last ending with ";", the last with ".". A document with addressees opens its Nơi nhận
  // with "Như trên;" (Phụ lục III, Mẫu 1.5).
  void check_addressees() {
    const data::Value* addressees = root_.find("addressees");
    if (!addressees || addressees->kind != data::Value::Kind::map) return;
    const auto items = all_of(*addressees, "addressee");
    for (std::size_t k = 0; k < items.size(); ++k) {
      const std::string item = text_of(items[k]);
      if (item.rfind("-", 0) == 0) {
        report(Severity::warning, "check.addressee", "the addressee '{}' starts with '-': layout writes the "
               "dash when there are several", {item}, items[k]->where);
      }
      if (items.size() < 2 || item.empty()) continue;
      const bool last = k + 1 == items.size();
      if (item.back() != (last ? '.' : ';')) {
        report(Severity::warning, "check.addressee",
               last ? "the last addressee must end with '.': '{}' (Phụ lục I, mục II.9a)"
                    : "an addressee other than the last must end with ';': '{}' (Phụ lục I, mục II.9a)",
               {item}, items[k]->where);
      }
    }
    const data::Value* recipients = root_.find("recipients");
    if (items.empty() || !recipients || recipients->kind != data::Value::Kind::map) return;
    const auto listed = all_of(*recipients, "recipient");
    if (!listed.empty() && text_of(listed.front()).rfind("Như trên", 0) != 0) {
      report(Severity::warning, "check.recipient", "a document with Kính gửi opens Nơi nhận with 'Như trên;' for its "
             "addressees, not '{}' (Phụ lục III, Mẫu 1.5)", {text_of(listed.front())}, listed.front()->where);
    }
  }

  // The last text of a value: a body's closing words.
  static const data::Value* last_text(const data::Value& value) {
    if (value.kind == data::Value::Kind::text) return &value;
    for (auto field = value.fields.rbegin(); field != value.fields.rend(); ++field) {
      if (field->is_attribute) continue;
      if (const data::Value* found = last_text(field->get())) return found;
    }
    return nullptr;
  }

  // A công văn (Phụ lục I, mục II.5b; Phụ lục III, Mẫu 1.5): its trích yếu is printed after
  // "V/v ", which the template writes.
  void check_letter() {
    check_body_ending();
    if (text::to_nfc(rules_.type) != text::to_nfc("Công văn")) return;
    if (const data::Value* subject = root_.find("subject")) {
      const std::string start = text::to_lower_vi(text_of(subject).substr(0, 12));
      if (start.rfind("v/v", 0) == 0 || start.rfind(text::to_nfc("về việc"), 0) == 0) {
        report(Severity::warning, "check.subject", "the trích yếu starts with '{}': the template writes 'V/v ' "
               "before it, so it would print twice", {text_of(subject).substr(0, 3)}, subject->where);
      }
    }
  }

  // A text's body ends with "./." (the sample forms of Phụ lục III, Mẫu 1.1–1.9).
  void check_body_ending() {
    if (rules_.profile == Profile::party) return;  // the guide's forms are not confirmed to end "./." (docs/party.md)
    // A Biên bản's last line is the template's own: "Cuộc họp kết thúc vào …/." (Mẫu 1.9).
    if (text::to_nfc(rules_.type) == text::to_nfc("Biên bản")) return;
    const data::Value* body = root_.find("body");
    if (!body || body->kind != data::Value::Kind::map) return;
    const data::Value* closing = last_text(*body);
    const std::string words = closing ? closing->plain_text() : std::string();
    if (closing && (words.size() < 3 || words.compare(words.size() - 3, 3, "./.") != 0)) {
      report(Severity::warning, "check.ending", "the text's last paragraph ends with './.' (Phụ lục III, Mẫu 1.1–1.9)",
             closing->where);
    }
  }

  std::vector<const data::Value*> all_of(const data::Value& map, std::string_view name) const {
    std::vector<const data::Value*> found;
    for (const auto& field : map.fields) {
      if (field.name == name) found.push_back(&field.get());
    }
    return found;
  }

  // A decision's căn cứ and articles (Decree 30, Phụ lục I, mục II.6; docs/conventions.md, "Meeting paperwork"): every
  // căn cứ but the last ends with ";", the last with "."; the articles are numbered 1, 2, 3 …
  // in order; the last ends with "./."; an article that names who carries the decision out
  // is answered in Nơi nhận by "Như Điều N;".
  void check_basis_and_articles() {
    // Decree 30's endings; a Party decision's căn cứ may end "Xét đề nghị …," (docs/party.md).
    const bool state = rules_.profile == Profile::state;
    const auto basis = state ? all_of(root_, "basis") : std::vector<const data::Value*>{};
    for (std::size_t k = 0; k < basis.size(); ++k) {
      const std::string line = text_of(basis[k]);
      const bool last = k + 1 == basis.size();
      const char wanted = last ? '.' : ';';
      if (!line.empty() && line.back() != wanted) {
        report(Severity::warning, "check.basis",
               last ? "the last căn cứ line ends with '.' (Decree 30, Phụ lục I, mục II.6)"
                    : "a căn cứ line other than the last ends with ';' (Decree 30, Phụ lục I, mục II.6)",
               basis[k]->where);
      }
    }
    const auto articles = all_of(root_, "article");
    int executing_article = 0;
    for (std::size_t k = 0; k < articles.size(); ++k) {
      const data::Value& article = *articles[k];
      if (article.kind != data::Value::Kind::map) continue;
      const std::string number = text_of(article.find("number"));
      if (number != std::to_string(k + 1)) {
        report(Severity::error, "check.article-number", "article {} is numbered '{}': articles are numbered 1, 2, "
               "3 … in order (Decree 30, Phụ lục I, mục II.6)", {std::to_string(k + 1), number}, article.where);
      }
      const std::string body = text_of(article.find("text"));
      if (body.find("chịu trách nhiệm thi hành") != std::string::npos) executing_article = static_cast<int>(k + 1);
      if (state && k + 1 == articles.size() && body.size() >= 3 && body.compare(body.size() - 3, 3, "./.") != 0) {
        report(Severity::warning, "check.ending", "the last article ends with './.' (Phụ lục I, mục II.6)",
               article.where);
      }
    }
    const data::Value* recipients = root_.find("recipients");
    if (executing_article == 0 || !recipients || recipients->kind != data::Value::Kind::map) return;
    const std::string wanted = "Như Điều " + std::to_string(executing_article);
    bool listed = false;
    for (const data::Value* item : all_of(*recipients, "recipient")) listed = listed || text_of(item).rfind(wanted, 0) == 0;
    if (!listed) {
      report(Severity::warning, "check.recipient", "Điều {} names who carries the decision out: Nơi nhận begins "
             "with '{};' (Phụ lục III, Mẫu 1.2)", {std::to_string(executing_article), wanted}, recipients->where);
    }
  }

  // A whole number as a report writes it: "545", "1.250" (grouped by "."); anything else is
  // not counted.
  static std::optional<long long> whole_number(const std::string& text) {
    std::string digits;
    for (const char c : text) {
      if (c >= '0' && c <= '9') digits += c;
      else if (c != '.' || digits.empty()) return std::nullopt;
    }
    // Twelve digits at most: a million such rows still add up within a long long.
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    return std::stoll(digits);
  }

  // A report's table of figures (Phụ lục III, Mẫu 1.4): a total row (total="yes") adds up
  // the rows above it, back to the header or the previous total, column by column, where
  // every one of those cells is a whole number. A total that does not is said (warning).
  void check_totals(const data::Value& value) {
    for (const auto& field : value.fields) {
      const data::Value& child = field.get();
      if (child.kind != data::Value::Kind::map) continue;
      if (field.name == "table") check_table_totals(child);
      else check_totals(child);
    }
  }

  void check_table_totals(const data::Value& table) {
    std::map<int, long long> sums;  // column -> sum since the last header or total
    std::map<int, bool> countable;  // column -> every cell so far a whole number
    int rows = 0;
    for (const data::Value* row : all_of(table, "row")) {
      if (row->kind != data::Value::Kind::map) continue;
      const bool header = text_of(row->find("header")) == "yes";
      const bool total = text_of(row->find("total")) == "yes";
      std::map<int, const data::Value*> cells;
      int column = 0;
      for (const data::Value* cell : all_of(*row, "cell")) {
        cells[column] = cell;
        const data::Value* span = cell->kind == data::Value::Kind::map ? cell->find("span") : nullptr;
        // A span as markup takes it, 1 to 100 (anything else is refused there): never an overflow here.
        const auto covered = whole_number(text_of(span));
        column += static_cast<int>(std::clamp<long long>(covered.value_or(1), 1, 100));
      }
      const auto cell_text = [](const data::Value* cell) {
        if (cell->kind == data::Value::Kind::text) return cell->plain_text();
        const data::Value* text = cell->find("text");
        return text ? text->plain_text() : std::string();
      };
      if (header) {
        sums.clear();
        countable.clear();
        rows = 0;
        continue;
      }
      if (total) {
        for (const auto& [at, cell] : cells) {
          const auto given = whole_number(cell_text(cell));
          if (!given || rows == 0 || !countable.count(at) || !countable[at]) continue;
          if (*given != sums[at]) {
            report(Severity::warning, "check.total", "the total {} is not the sum of the {} rows above it, which is {}",
                   {cell_text(cell), std::to_string(rows), std::to_string(sums[at])}, cell->where);
          }
        }
        sums.clear();
        countable.clear();
        rows = 0;
        continue;
      }
      ++rows;
      std::map<int, bool> seen;
      for (const auto& [at, cell] : cells) {
        const auto number = whole_number(cell_text(cell));
        seen[at] = true;
        if (!number) {
          countable[at] = false;
          continue;
        }
        if (!countable.count(at)) countable[at] = rows == 1;
        sums[at] += *number;
      }
      for (auto& [at, ok] : countable) {
        if (!seen.count(at)) ok = false;  // a row without that cell
      }
    }
  }

  static bool is_date(const std::string& iso) {
    try {
      text::parse_date(iso, {});
      return true;
    } catch (const Error&) {
      return false;
    }
  }

  // An invitation's meeting and a certificate's decision sit on the right side of the
  // document's own date: a meeting after the invitation, a decision on or before the award.
  void check_event_dates() {
    const data::Value* date = root_.find("date");
    if (text_of(date).empty()) return;
    const auto compare = [&](const char* holder, bool must_follow, const std::string& what) {
      const data::Value* map = root_.find(holder);
      if (!map || map->kind != data::Value::Kind::map) return;
      const data::Value* other = map->find("date");
      const std::string own = text_of(date), theirs = text_of(other);
      // Bad dates are reported on their own; ISO dates that exist compare as text.
      if (theirs.empty() || !is_date(own) || !is_date(theirs)) return;
      if (must_follow ? theirs < own : theirs > own) {
        report(Severity::warning, "check.date-order",
               must_follow ? "{} ({}) comes before the document's date ({})" : "{} ({}) comes after the document's date ({})",
               {what, theirs, own}, other->where);
      }
    };
    compare("meeting", true, "the meeting");
    compare("decision", false, "the decision");
    // A letter of introduction is valid from its date on (Mẫu 1.8).
    const data::Value* until = root_.find("valid-until");
    const std::string own = text_of(date), last = text_of(until);
    if (!last.empty() && is_date(own) && is_date(last) && last < own) {
      report(Severity::warning, "check.date-order", "{} ({}) comes before the document's date ({})",
             {"the last day it is valid", last, own}, until->where);
    }
  }

  // A delegate listed twice in one group is a copying slip that a sorted list of hundreds
  // hides; the same name in two groups may be two people, so it is not reported.
  void check_duplicate_delegates() {
    for (const data::Value* group : all_of(root_, "group")) {
      if (group->kind != data::Value::Kind::map) continue;
      std::map<std::string, const data::Value*> seen;  // name and position -> first entry
      for (const data::Value* delegate : all_of(*group, "delegate")) {
        if (delegate->kind != data::Value::Kind::map) continue;
        const data::Value* name = delegate->find("name");
        if (text_of(name).empty()) continue;
        const std::string key = text::to_nfc(text_of(name)) + "\n" + text::to_nfc(text_of(delegate->find("role")));
        const auto [first, added] = seen.emplace(key, delegate);
        if (!added) {
          report(Severity::warning, "check.duplicate", "'{}' is listed twice in this group, with the same position "
                 "(first at line {})", {text_of(name), std::to_string(first->second->where.line)}, delegate->where);
        }
      }
    }
  }

  // A certificate's paper (docs/conventions.md, "Certificates"): A4, A3, A5 or the sides of a
  // frame in millimetres, each 50–1200 mm, as <page size> takes it (docs/markup.md).
  void check_paper() {
    const data::Value* paper = root_.find("paper");
    const std::string value = text_of(paper);
    if (value.empty() || paper_size_mm(value)) return;
    static constexpr const char* format =
        "the paper '{}' is not A4, A3, A5, or the paper's sides from 50 to 1200 mm, such as 400x280mm";
    // The sizes as base/paper.h accepts them, written out so that the catalog finds the sentence.
    static_assert(std::string_view(format).substr(std::string_view("the paper '{}' is not ").size()) == paper_sizes_accepted);
    report(Severity::error, "check.paper", format, {value}, paper->where);
  }

  // Input limits of the document management system (Phụ lục VI), in characters.
  void check_lengths() {
    const auto check_length = [&](const data::Value* value, const std::string& what, std::size_t limit) {
      const std::string content = text_of(value);
      if (content.empty()) return;
      const std::size_t length = text::decode_utf8(content).size();
      if (length > limit) {
        report(Severity::warning, "check.field-length", "{} is {} characters, more than the {} of Phụ lục VI",
               {what, std::to_string(length), std::to_string(limit)}, value->where);
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

  // A word wider than any line is cut between letters to fit (layout/paragraph.cpp): legal,
  // but on paper it reads as a mistake, so it is said. 80 characters is about a 16 cm line
  // of 14 pt Times; no Vietnamese word comes near (the longest have 7 letters), so such a
  // "word" is a pasted URL, a run of symbols, or a text whose spaces were lost.
  void check_long_words(const data::Value& value) {
    constexpr std::size_t longest = 80;
    for (const auto& span : value.text) {
      std::size_t run = 0;
      for (const char32_t c : text::decode_utf8(span.text)) {
        run = (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r') ? 0 : run + 1;
        if (run == longest + 1) {
          report(Severity::warning, "check.long-word",
                 "a word of more than {} characters is wider than a line: it is cut between letters to fit",
                 {std::to_string(longest)}, value.where);
          add_hint(findings_.back(), "put spaces where the text has lost them, or shorten a pasted address");
          return;
        }
      }
    }
    for (const auto& field : value.fields) check_long_words(field.get());
  }

  const data::Value& root_;
  const TemplateRules& rules_;
  std::vector<Diagnostic> findings_;
};

}  // namespace

std::vector<Diagnostic> check_document(const data::DataTree& data, const TemplateRules& rules) {
  std::vector<Diagnostic> findings = Checker(data.root, rules).run();
  // --lenient prints a document its template or Decree 30 would refuse: those errors stay in
  // the report, as warnings that say so.
  if (rules.lenient) {
    for (auto& finding : findings) {
      if (finding.severity == Severity::error && finding.code.rfind("check.", 0) == 0) {
        finding.severity = Severity::warning;
        finding.message += std::string(lenient_suffix);
        if (!finding.message_format.empty()) finding.message_format += std::string(lenient_suffix);
      }
    }
  }
  return findings;
}

Diagnostic undrawable_finding(const text::UndrawableCharacter& missing, const SourceLocation& where) {
  if (missing.missing_from.empty()) {
    return formatted(Severity::error, "text.undrawable",
                     "{} is outside the Basic Multilingual Plane, which the PDF writer (libharu 2.3) cannot encode: it cannot "
                     "be printed; remove or replace it",
                     {missing.character}, where);
  }
  return formatted(Severity::error, "text.undrawable", "{} is not in the font {}: it cannot be printed; remove or replace it",
                   {missing.character, missing.missing_from}, where);
}

// A character's place: where it stands in the data file when it is there as written, else its
// element (a character reference, or NFD text that composes to it).
void check_drawable(const data::Value& value, const text::FontFamily& fonts, const std::string& data,
                    const std::string& data_name, std::vector<Diagnostic>& errors) {
  for (const auto& span : value.text) {
    const std::string nfc = text::to_nfc(span.text);
    const auto missing = text::find_undrawable_character(nfc, fonts);
    if (!missing) continue;
    std::string bytes;
    text::append_utf8(missing->code_point, bytes);
    // Records of a batch come without their file's text: the element's place is the best.
    const auto found = data.empty() ? std::string::npos : data.find(bytes, offset_of_location(data, value.where));
    errors.push_back(undrawable_finding(*missing, found == std::string::npos ? value.where : locate_offset(data_name, data, found)));
  }
  for (const auto& field : value.fields) check_drawable(field.get(), fonts, data, data_name, errors);
}

}  // namespace vanban::check
