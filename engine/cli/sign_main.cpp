// vanban-sign: the vanban command line linked with OpenSSL's CMS (engine/sign); `vanban sign`
// and `vanban verify` run it (command_line.h tells why it is a program of its own).

#include <iostream>

#include <nlohmann/json.hpp>

#include "archive/pdfa_lint.h"
#include "base/diagnostics.h"
#include "base/files.h"
#include "cli/command_line.h"
#include "cli/hand_over.h"
#include "image/decode_image.h"
#include "sign/sign_pdf.h"

namespace {

using vanban::cli::in_vietnamese;

constexpr std::size_t max_pdf_bytes = std::size_t{1} << 30;  // a print file of many thousand pages
constexpr std::size_t max_secret_bytes = 4096;

// A password or a PIN from its file's first line: a file, not an argument, as a command line
// is visible to every user of the machine.
std::string secret_from(const std::string& file) {
  std::string text = vanban::read_file(file, max_secret_bytes);
  text = text.substr(0, text.find_first_of("\r\n"));
  return text;
}

int sign(const vanban::cli::SignArgs& args) {
  vanban::sign::SignOptions options;
  options.field = args.field;
  if (!args.time.empty()) {
    const auto time = vanban::sign::SigningTime::parse_iso(args.time);
    if (!time) {
      vanban::fail_with("sign.time", "--time {} is not a time in ISO 8601 with its offset", {args.time}, {},
                        {"write it as 2026-12-04T09:30:00+07:00"});
    }
    options.time = *time;
  }
  if (!args.image.empty()) {
    options.image = vanban::image::decode_image(vanban::read_file(args.image, std::size_t{64} << 20), args.image,
                                                args.max_image_pixels, vanban::SourceLocation{args.image, 0, 0});
  }
  const vanban::sign::PdfFile file(vanban::read_file(args.input, max_pdf_bytes), args.input);
  const vanban::sign::Signer signer =
      args.p12.empty()
          ? vanban::sign::Signer::from_pkcs11(args.pkcs11_module, args.pkcs11_uri,
                                              args.pin_file.empty() ? std::string() : secret_from(args.pin_file),
                                              vanban::read_file(args.certificate, max_secret_bytes * 64), args.certificate)
          : vanban::sign::Signer::from_pkcs12(vanban::read_file(args.p12, max_secret_bytes * 64), args.p12,
                                              secret_from(args.password_file));
  vanban::write_file_atomically(args.output, vanban::sign::sign_pdf(file, options, signer));
  std::cerr << (in_vietnamese() ? "đã ký " : "signed ") << args.field << (in_vietnamese() ? " bởi " : " as ") << signer.subject()
            << ": " << args.output << '\n';
  return 0;
}

std::string coverage(const vanban::sign::SignatureReport& report) {
  const bool vi = in_vietnamese();
  if (report.covers_whole_file()) return vi ? "phủ toàn bộ tệp" : "covers the whole file";
  const std::string added = std::to_string(report.file_size - report.covered_end);
  if (report.revision > 0) {
    return (vi ? "phủ phiên bản " : "covers revision ") + std::to_string(report.revision) + (vi ? "/" : " of ") +
           std::to_string(report.revisions) + (vi ? "; các phiên bản sau thêm " : "; later revisions add ") + added +
           (vi ? " byte" : " bytes");
  }
  return (vi ? "dừng ở byte " : "ends at byte ") + std::to_string(report.covered_end) + (vi ? ", không phải cuối một phiên bản" : ", at no revision's end");
}

int verify(const vanban::cli::VerifyArgs& args) {
  const vanban::sign::PdfFile file(vanban::read_file(args.input, max_pdf_bytes), args.input);
  const std::string ca = args.ca.empty() ? std::string() : vanban::read_file(args.ca, max_secret_bytes * 256);
  const auto reports = vanban::sign::verify_pdf(file, ca);
  const auto fields = vanban::sign::signature_fields(file);
  bool all_valid = !reports.empty();
  for (const auto& report : reports) all_valid = all_valid && report.valid() && (args.ca.empty() || report.cms.certificate_trusted);
  if (args.json) {
    nlohmann::ordered_json out;
    out["file"] = args.input;
    out["valid"] = all_valid;
    out["signatures"] = nlohmann::ordered_json::array();
    for (const auto& r : reports) {
      nlohmann::ordered_json s;
      s["field"] = r.field;
      s["valid"] = r.valid();
      s["covers_whole_file"] = r.covers_whole_file();
      s["revision"] = r.revision;
      s["revisions"] = r.revisions;
      s["signer"] = r.cms.signer;
      s["issuer"] = r.cms.issuer;
      s["time"] = r.time ? r.time->iso() : "";
      s["sub_filter"] = r.sub_filter;
      s["pades_baseline_b"] = r.pades_baseline();
      s["digest"] = r.cms.digest;
      s["certificate_checked"] = r.cms.certificate_checked;
      s["certificate_trusted"] = r.cms.certificate_trusted;
      if (!r.valid() || !r.problem().empty()) s["problem"] = r.problem();
      out["signatures"].push_back(s);
    }
    out["unsigned_fields"] = nlohmann::ordered_json::array();
    for (const auto& f : fields) {
      if (!f.signed_already) out["unsigned_fields"].push_back(f.name);
    }
    std::cout << out.dump(2) << '\n';
    return all_valid ? 0 : 1;
  }
  const bool vi = in_vietnamese();
  if (reports.empty()) {
    std::cout << args.input << (vi ? ": không có chữ ký nào" : ": no signature");
    std::size_t unsigned_fields = 0;
    for (const auto& f : fields) unsigned_fields += f.signed_already ? 0 : 1;
    if (unsigned_fields) std::cout << " (" << unsigned_fields << (vi ? " trường chữ ký chưa ký)" : " unsigned signature fields)");
    std::cout << '\n';
    return 1;
  }
  for (const auto& r : reports) {
    std::cout << r.field << ": " << (r.valid() ? (vi ? "hợp lệ" : "valid") : (vi ? "KHÔNG HỢP LỆ" : "INVALID"));
    if (r.valid()) std::cout << ", " << coverage(r);
    std::cout << '\n';
    if (!r.valid()) std::cout << "  " << (vi ? "lý do: " : "why: ") << r.problem() << '\n';
    std::cout << "  " << (vi ? "người ký: " : "signer: ") << (r.cms.signer.empty() ? "?" : r.cms.signer) << '\n';
    std::cout << "  " << (vi ? "thời điểm ký: " : "signed at: ") << (r.time ? r.time->iso() : "?") << '\n';
    std::cout << "  " << (vi ? "kiểu: " : "type: ") << (r.sub_filter.empty() ? "?" : r.sub_filter) << ", " << r.cms.digest
              << (r.pades_baseline() ? ", PAdES B-B" : "") << '\n';
    std::cout << "  " << (vi ? "chứng thư: " : "certificate: ");
    if (!r.cms.certificate_checked) {
      std::cout << (vi ? "chưa đối chiếu với CA tin cậy (--ca TỆP)" : "not checked against a trusted CA (--ca FILE)");
    } else if (r.cms.certificate_trusted) {
      std::cout << (vi ? "dẫn tới một CA tin cậy" : "leads to a trusted CA");
    } else {
      std::cout << (vi ? "KHÔNG dẫn tới CA tin cậy nào" : "does NOT lead to a trusted CA");
      if (r.valid()) std::cout << " (" << r.cms.problem << ')';
    }
    std::cout << '\n';
  }
  for (const auto& f : fields) {
    if (!f.signed_already) std::cout << f.name << ": " << (vi ? "chưa ký" : "not signed") << '\n';
  }
  return all_valid ? 0 : 1;
}

// Each file's findings as diagnostics ("file: error: … (where) [pdfa 6.1.3-1]"), then a line
// saying what was checked; exit 1 when any file has a finding.
int lint(const vanban::cli::LintArgs& args) {
  const bool vi = in_vietnamese();
  if (args.rules) {
    for (const auto& rule : vanban::archive::pdfa_rules()) {
      std::cout << rule.id << '\t' << rule.summary << (rule.level_u_only ? " (2u)" : "") << '\n';
    }
    if (args.files.empty()) return 0;
  }
  bool all_passed = true;
  for (const auto& name : args.files) {
    const vanban::sign::PdfFile file(vanban::read_file(name, max_pdf_bytes), name);
    vanban::archive::PdfaLevel level = vanban::archive::PdfaLevel::b;
    if (args.level == "u") level = vanban::archive::PdfaLevel::u;
    auto report = vanban::archive::lint_pdfa(file, level);
    // No level asked: the one the file claims, linted again when it claims U.
    if (args.level.empty() && report.claimed == "2U") report = vanban::archive::lint_pdfa(file, vanban::archive::PdfaLevel::u);
    for (const auto& finding : report.findings) {
      const std::string rule = finding.rule == "unchecked" ? "pdfa unchecked" : "pdfa " + finding.rule;
      std::cout << name << ": " << (vi ? "lỗi: " : "error: ") << finding.message << " (" << finding.where << ") [" << rule << "]\n";
    }
    const std::string level_name = level == vanban::archive::PdfaLevel::u || (args.level.empty() && report.claimed == "2U") ? "2u" : "2b";
    // "1 page", "2 pages"; Vietnamese has no plural.
    const auto count = [vi](int n, const char* one, const char* many, const char* vietnamese) {
      return std::to_string(n) + ' ' + (vi ? vietnamese : n == 1 ? one : many);
    };
    std::cout << name << ": PDF/A-" << level_name << " lint: " << (report.passed() ? (vi ? "đạt" : "passes") : (vi ? "KHÔNG ĐẠT" : "FAILS"))
              << ", " << count(report.rules_checked, "rule", "rules", "quy tắc") << (vi ? ", " : " over ")
              << count(report.objects, "object", "objects", "đối tượng") << ", " << count(report.pages, "page", "pages", "trang") << ", "
              << count(report.fonts, "font", "fonts", "phông") << ", " << count(report.signatures, "signature", "signatures", "chữ ký");
    if (!report.findings.empty()) {
      std::cout << "; " << count(static_cast<int>(report.findings.size()), "finding", "findings", "lỗi");
    }
    std::cout << '\n';
    all_passed = all_passed && report.passed();
  }
  return all_passed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  vanban::cli::Commands commands = vanban::cli::handed_over_commands();
  commands.sign = [](const vanban::cli::SignArgs& args, char**) { return sign(args); };
  commands.verify = [](const vanban::cli::VerifyArgs& args, char**) { return verify(args); };
  commands.lint_pdfa = [](const vanban::cli::LintArgs& args, char**) { return lint(args); };
  return vanban::cli::run_command_line(argc, argv, commands);
}
