#include "sign/cms_signature.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
// OpenSSL 3.0 reaches a PKCS#11 token only through the ENGINE interface (libp11's pkcs11
// engine; Debian 12 has no pkcs11 provider), which it marks deprecated.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/engine.h>

#include "base/diagnostics.h"

namespace vanban::sign {

namespace {

// OpenSSL's reason for the last failure, for a message.
std::string openssl_reason() {
  std::string reason;
  while (const unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    reason = text;  // the last one is the nearest to the cause
  }
  return reason.empty() ? "no reason given" : reason;
}

struct Freer {
  void operator()(BIO* p) const { BIO_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
  void operator()(PKCS12* p) const { PKCS12_free(p); }
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
  void operator()(X509_STORE* p) const { X509_STORE_free(p); }
  void operator()(STACK_OF(X509)* p) const { sk_X509_pop_free(p, X509_free); }
};
template <class T>
using Owned = std::unique_ptr<T, Freer>;

Owned<BIO> memory_bio(std::string_view bytes) {
  Owned<BIO> bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
  if (!bio) fail("sign.openssl", "out of memory");
  return bio;
}

std::string name_text(const X509_NAME* name) {
  Owned<BIO> out(BIO_new(BIO_s_mem()));
  // RFC 4514 with UTF-8 left as it is, so a Vietnamese name reads as written.
  X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::string der_length(std::size_t n) {
  if (n < 0x80) return std::string(1, static_cast<char>(n));
  std::string bytes;
  for (std::size_t v = n; v; v >>= 8) bytes.insert(bytes.begin(), static_cast<char>(v & 0xFF));
  return std::string(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

// The DER of the signer's signed attributes as they are signed (RFC 5652, 5.4): a SET OF in
// DER's order, its members sorted by their encodings (X.690, 11.6).
std::string signed_attributes_der(CMS_SignerInfo* info) {
  std::vector<std::string> members;
  for (int k = 0; k < CMS_signed_get_attr_count(info); ++k) {
    unsigned char* der = nullptr;
    const int size = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(info, k), &der);
    if (size <= 0) fail_with("sign.openssl", "cannot encode a signed attribute: {}", {openssl_reason()});
    members.emplace_back(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
  }
  std::sort(members.begin(), members.end(), [](const std::string& a, const std::string& b) {
    const int order = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    return order != 0 ? order < 0 : a.size() < b.size();
  });
  std::string body;
  for (const auto& m : members) body += m;
  return "\x31" + der_length(body.size()) + body;
}

std::string joined(const std::vector<std::string_view>& pieces) {
  std::string all;
  std::size_t size = 0;
  for (const auto piece : pieces) size += piece.size();
  all.reserve(size);
  for (const auto piece : pieces) all += piece;
  return all;
}

}  // namespace

struct Signer::State {
  Owned<X509> certificate;
  Owned<EVP_PKEY> key;
  Owned<STACK_OF(X509)> chain;
  ENGINE* engine = nullptr;  // the token's, while its key is in use
  ~State() {
    key.reset();
    if (engine) {
      ENGINE_finish(engine);
      ENGINE_free(engine);
    }
  }
};

Signer::Signer(std::unique_ptr<State> state) : state_(std::move(state)) {}
Signer::Signer(Signer&&) noexcept = default;
Signer& Signer::operator=(Signer&&) noexcept = default;
Signer::~Signer() = default;

Signer Signer::from_pkcs12(std::string_view bytes, const std::string& file, const std::string& password) {
  auto bio = memory_bio(bytes);
  Owned<PKCS12> p12(d2i_PKCS12_bio(bio.get(), nullptr));
  if (!p12) fail_with("sign.p12", "{} is not a PKCS#12 file (.p12, .pfx): {}", {file, openssl_reason()}, SourceLocation{file, 0, 0});
  auto state = std::make_unique<State>();
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!PKCS12_parse(p12.get(), password.c_str(), &key, &certificate, &chain)) {
    // Files made by older tools (and many CAs' exports) encrypt with RC2 or 3DES, which
    // OpenSSL 3 keeps in its legacy provider.
    ERR_clear_error();
    OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER_load(nullptr, "default");
    if (!PKCS12_parse(p12.get(), password.c_str(), &key, &certificate, &chain)) {
      fail_with("sign.p12", "cannot open {}: the password is wrong or the file is damaged ({})", {file, openssl_reason()},
                SourceLocation{file, 0, 0}, {"the password file holds the password on its first line"});
    }
  }
  state->key.reset(key);
  state->certificate.reset(certificate);
  state->chain.reset(chain ? chain : sk_X509_new_null());
  if (!state->key || !state->certificate) {
    fail_with("sign.p12", "{} holds no key with its certificate", {file}, SourceLocation{file, 0, 0});
  }
  return Signer(std::move(state));
}

Signer Signer::from_pkcs11(const std::string& module, const std::string& uri, const std::string& pin,
                           std::string_view cert_pem, const std::string& cert_file) {
  auto state = std::make_unique<State>();
  // The certificate first: a wrong file is told before the token is touched.
  auto bio = memory_bio(cert_pem);
  state->certificate.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!state->certificate) {
    fail_with("sign.certificate", "{} holds no certificate in PEM ({})", {cert_file, openssl_reason()},
              SourceLocation{cert_file, 0, 0});
  }
  state->chain.reset(sk_X509_new_null());
  while (X509* more = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) sk_X509_push(state->chain.get(), more);
  ERR_clear_error();  // the end of the file reads as an error

  ENGINE* engine = ENGINE_by_id("pkcs11");
  if (!engine) {
    fail_with("sign.pkcs11", "OpenSSL's pkcs11 engine cannot be loaded: {}", {openssl_reason()}, {},
              {"install libengine-pkcs11-openssl (scripts/install-deps.sh does)"});
  }
  if (!ENGINE_ctrl_cmd_string(engine, "MODULE_PATH", module.c_str(), 0) ||
      (!pin.empty() && !ENGINE_ctrl_cmd_string(engine, "PIN", pin.c_str(), 0)) || !ENGINE_init(engine)) {
    const std::string reason = openssl_reason();
    ENGINE_free(engine);
    fail_with("sign.pkcs11", "cannot open the PKCS#11 module {}: {}", {module, reason}, {},
              {"--pkcs11-module names the token's library, as its maker installs it (a .so file)"});
  }
  state->engine = engine;
  state->key.reset(ENGINE_load_private_key(engine, uri.c_str(), nullptr, nullptr));
  if (!state->key) {
    fail_with("sign.pkcs11", "the token has no key at {}, or refused the PIN: {}", {uri, openssl_reason()}, {},
              {"p11tool --list-all or pkcs11-tool --list-objects shows the token's objects and their URIs"});
  }
  if (!X509_check_private_key(state->certificate.get(), state->key.get())) {
    ERR_clear_error();
    fail_with("sign.certificate", "the certificate in {} is not the certificate of the key {}", {cert_file, uri},
              SourceLocation{cert_file, 0, 0});
  }
  return Signer(std::move(state));
}

std::string Signer::subject() const { return name_text(X509_get_subject_name(state_->certificate.get())); }

std::size_t Signer::certificates_size() const {
  std::size_t size = static_cast<std::size_t>(std::max(0, i2d_X509(state_->certificate.get(), nullptr)));
  for (int k = 0; k < sk_X509_num(state_->chain.get()); ++k) {
    size += static_cast<std::size_t>(std::max(0, i2d_X509(sk_X509_value(state_->chain.get(), k), nullptr)));
  }
  return size;
}

std::string Signer::sign_detached(const std::vector<std::string_view>& pieces) const {
  const unsigned flags = CMS_BINARY | CMS_DETACHED | CMS_PARTIAL | CMS_NOSMIMECAP;
  Owned<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, state_->chain.get(), nullptr, flags));
  if (!cms) fail_with("sign.openssl", "cannot start a CMS signature: {}", {openssl_reason()});
  CMS_SignerInfo* info =
      CMS_add1_signer(cms.get(), state_->certificate.get(), state_->key.get(), EVP_sha256(), flags | CMS_CADES);
  if (!info) fail_with("sign.openssl", "cannot add the signer to the CMS signature: {}", {openssl_reason()});
  const std::string content = joined(pieces);
  auto data = memory_bio(content);
  if (!CMS_final(cms.get(), data.get(), nullptr, flags)) {
    fail_with("sign.openssl", "cannot sign: {}", {openssl_reason()});
  }
  // OpenSSL 3.0 adds a signing-time to every signer and has no flag to leave it out: take it
  // away and sign the signed attributes again (docs/electronic.md, "The signature").
  const int time_at = CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1);
  if (time_at >= 0) {
    X509_ATTRIBUTE_free(CMS_signed_delete_attr(info, time_at));
    const std::string attributes = signed_attributes_der(info);
    Owned<EVP_MD_CTX> context(EVP_MD_CTX_new());
    std::size_t size = 0;
    const auto* signed_bytes = reinterpret_cast<const unsigned char*>(attributes.data());
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, state_->key.get()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size, signed_bytes, attributes.size()) != 1) {
      fail_with("sign.openssl", "cannot sign: {}", {openssl_reason()});
    }
    std::string signature(size, '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, signed_bytes,
                       attributes.size()) != 1) {
      fail_with("sign.openssl", "cannot sign: {}", {openssl_reason()});
    }
    ASN1_STRING_set(CMS_SignerInfo_get0_signature(info), signature.data(), static_cast<int>(size));
  }
  unsigned char* der = nullptr;
  const int size = i2d_CMS_ContentInfo(cms.get(), &der);
  if (size <= 0) fail_with("sign.openssl", "cannot encode the CMS signature: {}", {openssl_reason()});
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return out;
}

CmsCheck check_detached(std::string_view der, const std::vector<std::string_view>& pieces, std::string_view ca_pem) {
  CmsCheck check;
  const auto* start = reinterpret_cast<const unsigned char*>(der.data());
  Owned<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &start, static_cast<long>(der.size())));
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    check.problem = "the signature is not a CMS SignedData (" + openssl_reason() + ")";
    return check;
  }
  check.parsed = true;
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  check.signer_count = sk_CMS_SignerInfo_num(infos);
  if (sk_CMS_SignerInfo_num(infos) != 1) {
    check.problem = "the signature has " + std::to_string(sk_CMS_SignerInfo_num(infos)) + " signers, not one";
    return check;
  }
  CMS_SignerInfo* info = sk_CMS_SignerInfo_value(infos, 0);
  CMS_set1_signers_certs(cms.get(), nullptr, 0);
  X509* signer = nullptr;
  X509_ALGOR* digest_algorithm = nullptr;
  CMS_SignerInfo_get0_algs(info, nullptr, &signer, &digest_algorithm, nullptr);
  if (signer) {
    check.signer = name_text(X509_get_subject_name(signer));
    check.issuer = name_text(X509_get_issuer_name(signer));
  }
  const ASN1_OBJECT* digest_object = nullptr;
  X509_ALGOR_get0(&digest_object, nullptr, nullptr, digest_algorithm);
  const EVP_MD* md = EVP_get_digestbyobj(digest_object);
  // As FIPS 180-4 and pdfsig write it: "SHA-256", not OpenSSL's "SHA256".
  check.digest = md ? EVP_MD_get0_name(md) : "unknown";
  if (check.digest.size() > 3 && check.digest.compare(0, 3, "SHA") == 0 && std::isdigit(static_cast<unsigned char>(check.digest[3]))) {
    check.digest.insert(3, "-");
  }
  check.signing_time = CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1) >= 0;
  // signing-certificate-v2 (RFC 5035) names the signer's certificate by its hash: it must be
  // the certificate the signature carries.
  if (const auto* ess = static_cast<const ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(
          info, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE));
      ess && signer) {
    const unsigned char* p = ASN1_STRING_get0_data(ess);
    ESS_SIGNING_CERT_V2* named = d2i_ESS_SIGNING_CERT_V2(nullptr, &p, ASN1_STRING_length(ess));
    Owned<STACK_OF(X509)> chain(sk_X509_new_null());
    X509_up_ref(signer);
    sk_X509_push(chain.get(), signer);
    check.signing_certificate_v2 = named && OSSL_ESS_check_signing_certs(nullptr, named, chain.get(), 1) == 1;
    ESS_SIGNING_CERT_V2_free(named);
    ERR_clear_error();
  }

  // The content's digest against message-digest: a changed byte shows here.
  const std::string content = joined(pieces);
  if (md) {
    unsigned char computed[EVP_MAX_MD_SIZE];
    unsigned int computed_size = 0;
    EVP_Digest(content.data(), content.size(), computed, &computed_size, md, nullptr);
    const int at = CMS_signed_get_attr_by_NID(info, NID_pkcs9_messageDigest, -1);
    const ASN1_OCTET_STRING* stated = at >= 0 ? static_cast<const ASN1_OCTET_STRING*>(
                                                    CMS_signed_get0_data_by_OBJ(info, OBJ_nid2obj(NID_pkcs9_messageDigest), -3,
                                                                                V_ASN1_OCTET_STRING))
                                              : nullptr;
    check.digest_matches = stated && static_cast<unsigned>(ASN1_STRING_length(stated)) == computed_size &&
                           std::memcmp(ASN1_STRING_get0_data(stated), computed, computed_size) == 0;
  }
  if (!check.digest_matches) {
    check.problem = "the document's digest is not the one signed: it was changed after signing";
    return check;
  }
  // The signature over the signed attributes, and the certificate's chain when a CA is given.
  Owned<X509_STORE> store(X509_STORE_new());
  unsigned flags = CMS_BINARY | CMS_DETACHED;
  if (!ca_pem.empty()) {
    auto bio = memory_bio(ca_pem);
    while (X509* ca = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
      X509_STORE_add_cert(store.get(), ca);
      X509_free(ca);
    }
    ERR_clear_error();
    check.certificate_checked = true;
  } else {
    flags |= CMS_NO_SIGNER_CERT_VERIFY;
  }
  // Any purpose: an office's signing certificate is seldom marked for S/MIME.
  X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
  auto data = memory_bio(content);
  // With a CA, OpenSSL checks the ESS attribute against the chain it built (CMS_CADES), which
  // it cannot build without one: then the check above stands alone.
  const unsigned cades = check.certificate_checked && check.signing_certificate_v2 ? CMS_CADES : 0;
  if (CMS_verify(cms.get(), nullptr, store.get(), data.get(), nullptr, flags | cades) == 1) {
    check.signature_verifies = true;
    check.certificate_trusted = check.certificate_checked;
    return check;
  }
  const std::string reason = openssl_reason();
  if (check.certificate_checked) {
    // Told apart: a signature that holds but a certificate not from the CA given.
    auto again = memory_bio(content);
    if (CMS_verify(cms.get(), nullptr, store.get(), again.get(), nullptr,
                   flags | CMS_NO_SIGNER_CERT_VERIFY) == 1) {
      check.signature_verifies = true;
      check.problem = "the signer's certificate does not lead to a CA given with --ca (" + reason + ")";
      return check;
    }
    ERR_clear_error();
  }
  check.problem = "the signature does not verify (" + reason + ")";
  return check;
}

}  // namespace vanban::sign

#pragma GCC diagnostic pop
