// The signature inside a signed PDF: a detached CMS SignedData (RFC 5652) in the CAdES form
// PAdES B-B asks for (ETSI EN 319 142-1, 5.3; docs/electronic.md, "The signature"), made and
// checked with OpenSSL 3. OpenSSL lives in this stage only.
//
// What a signature holds: SHA-256; the signed attributes content-type, message-digest and
// signing-certificate-v2 (ESS, RFC 5035) and nothing else: no signing-time, which PAdES puts
// in the signature dictionary's /M instead; the signer's certificate and the chain given.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::sign {

// A certificate and a key that can sign with it: in memory from a PKCS#12 file, or on a token
// (a USB key, an HSM) reached through its PKCS#11 module by OpenSSL's pkcs11 engine (libp11).
class Signer {
 public:
  // A PKCS#12 file's bytes (named file in errors) and its password. Errors: "sign.p12".
  static Signer from_pkcs12(std::string_view bytes, const std::string& file, const std::string& password);
  // The key at uri (RFC 7512, "pkcs11:token=…;object=…") on the token of module, logged in
  // with pin (empty: the URI's pin-value, or none); the certificate (and any chain after it)
  // in PEM from cert_pem, named cert_file. Errors: "sign.pkcs11", "sign.certificate".
  static Signer from_pkcs11(const std::string& module, const std::string& uri, const std::string& pin,
                            std::string_view cert_pem, const std::string& cert_file);
  Signer(Signer&&) noexcept;
  Signer& operator=(Signer&&) noexcept;
  ~Signer();

  // The signer's name as the certificate gives it (RFC 4514, UTF-8).
  std::string subject() const;
  // Bytes the certificates take, for sizing the place kept for the signature.
  std::size_t certificates_size() const;
  // The DER of a CMS ContentInfo signing the concatenation of the pieces, detached.
  // Errors: "sign.openssl".
  std::string sign_detached(const std::vector<std::string_view>& pieces) const;

 private:
  struct State;
  explicit Signer(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// What a check of a detached CMS signature found.
struct CmsCheck {
  bool parsed = false;              // the bytes are a CMS SignedData
  int signer_count = 0;             // SignerInfos: one, for a PDF signature
  bool digest_matches = false;      // message-digest is the content's digest
  bool signature_verifies = false;  // the signer's key signed the signed attributes
  bool certificate_checked = false;  // a trusted CA was given and the chain was built to it
  bool certificate_trusted = false;
  bool signing_certificate_v2 = false;  // the ESS attribute is present and names the signer
  bool signing_time = false;            // a CMS signing-time attribute is present
  std::string digest;                   // "SHA-256"
  std::string signer;                   // the certificate's subject (RFC 4514)
  std::string issuer;
  std::string problem;  // why it does not verify, when it does not
};

// Checks der (trailing zero bytes of a /Contents allowed) against the content's pieces.
// ca_pem: trusted certificates in PEM, or empty for no chain check.
CmsCheck check_detached(std::string_view der, const std::vector<std::string_view>& pieces, std::string_view ca_pem);

}  // namespace vanban::sign
