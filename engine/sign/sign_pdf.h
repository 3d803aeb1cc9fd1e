// Signing a PDF's signature field, and reading its signatures back.
//
// A PDF once handed over is never rewritten: a signature is an incremental update (PDF 32000-1,
// 7.5.6) appended to the bytes as they are, holding the signature dictionary (12.8.1), the
// field's widget with /V and its new appearance, the form's /SigFlags, a cross-reference
// section and a trailer pointing back (/Prev). The /ByteRange covers every byte of the new
// file but the /Contents string that holds the CMS (cms_signature.h), so a second signature
// added after it leaves the first one's bytes, and so its check, as they were.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/image_data.h"
#include "sign/cms_signature.h"
#include "sign/pdf_file.h"

namespace vanban::sign {

// A moment as a signature states it: a local time and its offset from UTC.
struct SigningTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 7 * 60;  // Viet Nam's, +07:00 (Decree 30, Phụ lục I, mục II.8)

  // Now, in Viet Nam's time.
  static SigningTime now();
  // "2026-12-04T10:30:00+07:00" (ISO 8601 with its offset), or nothing when it is not one.
  static std::optional<SigningTime> parse_iso(const std::string& text);
  // A PDF date "D:20261204103000+07'00'" (PDF 32000-1, 7.9.4), or nothing.
  static std::optional<SigningTime> parse_pdf(const std::string& text);
  std::string iso() const;
  std::string pdf() const;
};

struct SignOptions {
  std::string field;                          // the field's name, /T
  std::shared_ptr<const ImageData> image;     // the appearance (the signer's image, the seal), or none
  SigningTime time = SigningTime::now();      // /M
};

// The field names of the file's signature fields, and whether each is signed.
struct FieldState {
  std::string name;
  bool signed_already = false;
  int page = 0;  // 1-based; 0 when the widget names no page the file has
};
std::vector<FieldState> signature_fields(const PdfFile& file);

// The file's bytes with the signature appended. Errors: "sign.no-field" (with the fields the
// file has), "sign.field-signed", "sign.bad-pdf", and the signer's.
std::string sign_pdf(const PdfFile& file, const SignOptions& options, const Signer& signer);

// What verify finds of one signature.
struct SignatureReport {
  std::string field;
  std::string sub_filter;            // "ETSI.CAdES.detached"
  std::optional<SigningTime> time;   // /M
  bool byte_range_sound = false;     // starts at 0, leaves out exactly the /Contents string
  std::size_t covered_end = 0;       // the last byte covered, plus one
  std::size_t file_size = 0;
  int revision = 0;                  // the revision it covers, 1-based (0: ends at no revision)
  int revisions = 0;                 // the file's
  CmsCheck cms;
  bool valid() const { return byte_range_sound && cms.digest_matches && cms.signature_verifies; }
  bool covers_whole_file() const { return byte_range_sound && covered_end == file_size; }
  // PAdES B-B (ETSI EN 319 142-1, 5.3): ETSI.CAdES.detached, signing-certificate-v2, no signing-time.
  bool pades_baseline() const { return sub_filter == "ETSI.CAdES.detached" && cms.signing_certificate_v2 && !cms.signing_time; }
  std::string problem() const;  // why not valid
};

// Every signed field's signature, in the order of the form's fields. ca_pem: trusted CAs.
std::vector<SignatureReport> verify_pdf(const PdfFile& file, std::string_view ca_pem);

}  // namespace vanban::sign
