// Fuzz target: a PDF handed to vanban verify, vanban lint-pdfa and vanban sign's reader
// (engine/sign/pdf_file.h): the cross-reference chain, the objects, the signatures' byte
// ranges and CMS, the fields, and the PDF/A lint's reading of content streams, fonts and XMP.
// Bad input is a vanban::Error; anything else (a crash, a hang, a leak) is a bug.
#include <cstdint>
#include <string>

#include "archive/pdfa_lint.h"
#include "base/diagnostics.h"
#include "sign/sign_pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const vanban::sign::PdfFile file(std::string(reinterpret_cast<const char*>(data), size), "input.pdf");
    for (const auto& report : vanban::sign::verify_pdf(file, {})) (void)report.valid();
    (void)vanban::sign::signature_fields(file);
    (void)vanban::archive::lint_pdfa(file, vanban::archive::PdfaLevel::u);
  } catch (const vanban::Error&) {
  }
  return 0;
}
