// vanban sign and vanban verify (docs/electronic.md, "Signing"): the seed plan signed by a key
// file, then by a token (SoftHSM2 through PKCS#11) as the second signature, each PAdES B-B in
// an incremental update. What a reader sees is read back with poppler's pdfsig (whose exit code
// is 0 even on a digest mismatch: its text is what is checked), OpenSSL's own `cms -verify`
// over the byte ranges, and qpdf --check. The CA, the keys and the token are made here, thrown
// away after.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

// A throw-away CA that issued two certificates: a person's, in a PKCS#12 file, and an
// organisation's, whose key is on a SoftHSM2 token.
struct Keys {
  std::filesystem::path dir;
  std::string ca, p12, password, org_cert, pin, token_env;
  std::string token_uri = "pkcs11:token=vanban-test;object=org;type=private";
  std::string module = "/usr/lib/softhsm/libsofthsm2.so";
};

void must(const std::string& command) {
  const auto done = run(command);
  INFO(command << "\n" << done.err);
  REQUIRE(done.exit_code == 0);
}

const Keys& keys() {
  static const Keys made = [] {
    Keys k;
    k.dir = testing::scratch("signing-keys");
    const auto at = [&](const char* name) { return quote((k.dir / name).string()); };
    must("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + at("ca.key") + " -out " + at("ca.pem") +
         " -days 30 -subj '/CN=vanban test CA' -addext basicConstraints=critical,CA:TRUE"
         " -addext keyUsage=critical,keyCertSign,cRLSign");
    {
      std::ofstream(k.dir / "ext.cnf") << "keyUsage=critical,digitalSignature,nonRepudiation\n";
      std::ofstream(k.dir / "password.txt") << "mật khẩu thử\n";
      std::ofstream(k.dir / "pin.txt") << "123456\n";
      std::ofstream(k.dir / "softhsm2.conf") << "directories.tokendir = " << (k.dir / "tokens").string()
                                             << "\nobjectstore.backend = file\nlog.level = ERROR\n";
    }
    std::filesystem::create_directories(k.dir / "tokens");
    for (const auto& [name, subject] : {std::pair<std::string, std::string>{"person", "/CN=Lê Vũ Phương/O=UBND thị xã Duyên Hải"},
                                        {"org", "/CN=Ủy ban nhân dân thị xã Duyên Hải/O=UBND thị xã Duyên Hải"}}) {
      must("openssl req -utf8 -newkey rsa:2048 -nodes -keyout " + at((name + ".key").c_str()) + " -out " +
           at((name + ".csr").c_str()) + " -subj " + quote(subject));
      must("openssl x509 -req -in " + at((name + ".csr").c_str()) + " -CA " + at("ca.pem") + " -CAkey " + at("ca.key") +
           " -CAcreateserial -days 30 -extfile " + at("ext.cnf") + " -out " + at((name + ".pem").c_str()));
    }
    must("openssl pkcs12 -export -inkey " + at("person.key") + " -in " + at("person.pem") + " -certfile " + at("ca.pem") +
         " -passout file:" + at("password.txt") + " -out " + at("person.p12"));
    k.token_env = "SOFTHSM2_CONF=" + quote((k.dir / "softhsm2.conf").string()) + " ";
    must(k.token_env + "softhsm2-util --init-token --free --label vanban-test --pin 123456 --so-pin 654321");
    must("openssl pkcs8 -topk8 -nocrypt -in " + at("org.key") + " -out " + at("org.p8"));
    must(k.token_env + "softhsm2-util --import " + at("org.p8") + " --token vanban-test --label org --id 01 --pin 123456");
    std::filesystem::remove(k.dir / "org.key");  // the organisation's key is on the token only
    std::filesystem::remove(k.dir / "org.p8");
    k.ca = (k.dir / "ca.pem").string();
    k.p12 = (k.dir / "person.p12").string();
    k.password = (k.dir / "password.txt").string();
    k.org_cert = (k.dir / "org.pem").string();
    k.pin = (k.dir / "pin.txt").string();
    return k;
  }();
  return made;
}

std::string vanban_command() { return quote(testing::vanban_cli()); }

std::string image(const char* name) { return testing::source_dir() + "/samples/layout/images/" + name; }

testing::Run sign_with_file(const std::string& in, const std::string& out, const std::string& extra = "") {
  return run(vanban_command() + " sign " + quote(in) + " --field Sig_Signer --p12 " + quote(keys().p12) + " --password-file " +
             quote(keys().password) + " --image " + quote(image("chu-ky.png")) + " -o " + quote(out) + " " + extra);
}

testing::Run sign_with_token(const std::string& in, const std::string& out) {
  return run(keys().token_env + vanban_command() + " sign " + quote(in) + " --field Sig_Org --pkcs11-module " +
             quote(keys().module) + " --pkcs11-uri " + quote(keys().token_uri) + " --cert " + quote(keys().org_cert) +
             " --pin-file " + quote(keys().pin) + " --image " + quote(image("con-dau.png")) + " -o " + quote(out));
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Each signature's /ByteRange and CMS, as an independent reader finds them in the bytes.
struct RawSignature {
  std::string content, cms;
};
std::vector<RawSignature> raw_signatures(const std::string& pdf) {
  std::vector<RawSignature> out;
  const std::regex range(R"(/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])");
  for (std::sregex_iterator m(pdf.begin(), pdf.end(), range), end; m != end; ++m) {
    const std::size_t a = std::stoul((*m)[2]), b = std::stoul((*m)[3]), c = std::stoul((*m)[4]);
    RawSignature s{pdf.substr(0, a) + pdf.substr(b, c), {}};
    for (std::size_t k = a + 1; k + 1 < b - 1; k += 2) s.cms += static_cast<char>(std::stoi(pdf.substr(k, 2), nullptr, 16));
    out.push_back(s);
  }
  return out;
}

// openssl cms -verify of one signature, trusting the test's CA, as CAdES (ESS checked).
testing::Run openssl_verify(const RawSignature& s, const std::filesystem::path& dir, const std::string& name) {
  const auto content = dir / (name + ".content"), cms = dir / (name + ".der");
  write_file_atomically(content.string(), s.content);
  write_file_atomically(cms.string(), s.cms);
  return run("openssl cms -verify -binary -inform DER -in " + quote(cms.string()) + " -content " + quote(content.string()) +
             " -CAfile " + quote(keys().ca) + " -purpose any -cades -out /dev/null");
}

struct Signed {
  std::filesystem::path dir;
  std::string unsigned_pdf, once, twice;
};

// The seed plan rendered with its fields, signed by the person's key file, then by the
// organisation's token.
const Signed& seed_signed() {
  static const Signed made = [] {
    Signed s;
    s.dir = testing::scratch("signing-seed");
    s.unsigned_pdf = (s.dir / "plan.pdf").string();
    s.once = (s.dir / "plan-signed.pdf").string();
    s.twice = (s.dir / "plan-issued.pdf").string();
    must(vanban_command() + " render --sign-fields --pdfa 2b " + quote(testing::sample("ke-hoach-54.xml")) + " -o " +
         quote(s.unsigned_pdf));
    const auto first = sign_with_file(s.unsigned_pdf, s.once, "--time 2026-12-04T09:30:00+07:00");
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const auto second = sign_with_token(s.once, s.twice);
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    return s;
  }();
  return made;
}

}  // namespace

TEST_CASE("the seed plan signed by a key file, then by a token, verifies twice with pdfsig, OpenSSL and vanban") {
  const Signed& s = seed_signed();
  const std::string before = read_file(s.unsigned_pdf), once = read_file(s.once), twice = read_file(s.twice);
  // Incremental updates: each file is the one before it, byte for byte, and more.
  REQUIRE(once.size() > before.size());
  CHECK(once.compare(0, before.size(), before) == 0);
  REQUIRE(twice.size() > once.size());
  CHECK(twice.compare(0, once.size(), once) == 0);

  const auto pdfsig = run("pdfsig " + quote(s.twice));
  INFO(pdfsig.out);
  CHECK(count(pdfsig.out, "Signature Validation: Signature is Valid.") == 2);
  CHECK(count(pdfsig.out, "Signature Type: ETSI.CAdES.detached") == 2);
  CHECK(count(pdfsig.out, "Signing Hash Algorithm: SHA-256") == 2);
  // The first covers its own revision, the second the whole file.
  const auto first_at = pdfsig.out.find("Signature Field Name: Sig_Signer");
  const auto second_at = pdfsig.out.find("Signature Field Name: Sig_Org");
  REQUIRE(first_at < second_at);
  REQUIRE(second_at != std::string::npos);
  CHECK(pdfsig.out.find("Not total document signed", first_at) < second_at);
  CHECK(pdfsig.out.find("Total document signed", second_at) != std::string::npos);
  CHECK_THAT(pdfsig.out, Catch::Contains("Signer Certificate Common Name: Lê Vũ Phương") &&
                             Catch::Contains("Signer Certificate Common Name: Ủy ban nhân dân thị xã Duyên Hải"));

  const auto signatures = raw_signatures(twice);
  REQUIRE(signatures.size() == 2);
  for (std::size_t k = 0; k < signatures.size(); ++k) {
    const auto checked = openssl_verify(signatures[k], s.dir, "signature" + std::to_string(k));
    INFO(checked.err);
    CHECK(checked.exit_code == 0);
  }

  const auto verified = run(vanban_command() + " verify " + quote(s.twice) + " --ca " + quote(keys().ca));
  INFO(verified.out << verified.err);
  CHECK(verified.exit_code == 0);
  CHECK_THAT(verified.out, Catch::Contains("Sig_Signer: valid, covers revision 2 of 3") &&
                               Catch::Contains("Sig_Org: valid, covers the whole file") &&
                               Catch::Contains("signed at: 2026-12-04T09:30:00+07:00") &&
                               Catch::Contains("CN=Lê Vũ Phương") && Catch::Contains("leads to a trusted CA"));
  CHECK(count(verified.out, "PAdES B-B") == 2);
  CHECK(run("qpdf --check " + quote(s.once)).exit_code == 0);
  CHECK(run("qpdf --check " + quote(s.twice)).exit_code == 0);
  // Still PDF/A-2b once signed twice: the updates keep the identifier, add printable widgets
  // with image appearances, and each signature covers its revision.
  const auto linted = run(vanban_command() + " lint-pdfa " + quote(s.once) + " " + quote(s.twice));
  INFO(linted.out);
  CHECK(linted.exit_code == 0);
  CHECK_THAT(linted.out, Catch::Contains("1 signature\n") && Catch::Contains("2 signatures"));
}

TEST_CASE("a signature is PAdES B-B: signing-certificate-v2, no CMS signing-time, the time in /M") {
  const Signed& s = seed_signed();
  const auto signatures = raw_signatures(read_file(s.twice));
  REQUIRE(signatures.size() == 2);
  for (std::size_t k = 0; k < signatures.size(); ++k) {
    const auto der = s.dir / ("attributes" + std::to_string(k) + ".der");
    write_file_atomically(der.string(), signatures[k].cms);
    const auto printed = run("openssl cms -cmsout -print -inform DER -in " + quote(der.string()));
    REQUIRE(printed.exit_code == 0);
    CHECK_THAT(printed.out, Catch::Contains("id-smime-aa-signingCertificateV2") && Catch::Contains("messageDigest") &&
                                Catch::Contains("contentType"));
    CHECK_THAT(printed.out, !Catch::Contains("signingTime"));
  }
  // The time stands in the first signature's dictionary, /M (written as a hex string).
  std::string hex;
  for (const unsigned char c : std::string("D:20261204093000+07'00'")) {
    static constexpr char digits[] = "0123456789ABCDEF";
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  CHECK(count(read_file(s.twice), "/M<" + hex + ">") == 1);
  const auto json = run(vanban_command() + " verify --json " + quote(s.twice));
  CHECK(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"time\": \"2026-12-04T09:30:00+07:00\"") &&
                           Catch::Contains("\"pades_baseline_b\": true") && Catch::Contains("\"covers_whole_file\": true"));
}

TEST_CASE("the fields' appearances are the signer's image and the seal, where the fields were kept") {
  const Signed& s = seed_signed();
  // Page 4 drawn before and after: the signatures change pixels only inside the two fields.
  const auto png = [&](const std::string& pdf, const std::string& name) {
    must("pdftoppm -png -r 30 -f 4 -l 4 -singlefile " + quote(pdf) + " " + quote((s.dir / name).string()));
    return read_file((s.dir / (name + ".png")).string());
  };
  CHECK(png(s.unsigned_pdf, "before") != png(s.twice, "after"));
  const auto listed = run("qpdf --show-npages " + quote(s.twice));
  CHECK(listed.out == "4\n");
  // The widgets now point at image forms.
  const auto objects = run("qpdf --qdf --object-streams=disable " + quote(s.twice) + " -").out;
  CHECK(count(objects, "/Subtype /Image") >= 2);
  CHECK(count(objects, "/SMask") >= 2);
  CHECK_THAT(objects, Catch::Contains("/SigFlags 3"));
}

TEST_CASE("one changed byte makes a signature invalid, exit 1, and a change after a signature leaves it valid") {
  const Signed& s = seed_signed();
  const std::string twice = read_file(s.twice);
  // A byte of the first revision (the document itself): both signatures cover it.
  std::string changed = twice;
  const auto page_text = changed.find("/MediaBox");
  REQUIRE(page_text != std::string::npos);
  changed[page_text + 1] = 'm';
  const auto tampered = (s.dir / "tampered.pdf").string();
  write_file_atomically(tampered, changed);
  const auto verified = run(vanban_command() + " verify " + quote(tampered));
  CHECK(verified.exit_code == 1);
  CHECK(count(verified.out, "INVALID") == 2);
  CHECK_THAT(verified.out, Catch::Contains("changed after signing"));
  const auto pdfsig = run("pdfsig " + quote(tampered));
  CHECK(count(pdfsig.out, "Digest Mismatch") == 2);

  // A byte of the second revision only: the first signature does not cover it and holds.
  std::string later = twice;
  const std::size_t first_end = read_file(s.once).size();
  const auto in_second = later.find("/SigFlags", first_end);
  REQUIRE(in_second != std::string::npos);
  later[in_second + 1] = 's';
  const auto second_tampered = (s.dir / "second-tampered.pdf").string();
  write_file_atomically(second_tampered, later);
  const auto partly = run(vanban_command() + " verify " + quote(second_tampered));
  CHECK(partly.exit_code == 1);
  CHECK_THAT(partly.out, Catch::Contains("Sig_Signer: valid") && Catch::Contains("Sig_Org: INVALID"));

  // The signature's own bytes: the last of the CMS, inside the signature value (a DER
  // SEQUENCE "30 82 hi lo" of 4 + hi·256 + lo bytes, zeros after it).
  std::string in_cms = twice;
  const auto contents = in_cms.rfind("/Contents<") + 10;
  REQUIRE(in_cms.substr(contents, 4) == "3082");
  const std::size_t der_size = 4 + std::stoul(in_cms.substr(contents + 4, 4), nullptr, 16);
  const std::size_t last_digit = contents + 2 * der_size - 1;
  in_cms[last_digit] = in_cms[last_digit] == '0' ? '1' : '0';
  const auto cms_tampered = (s.dir / "cms-tampered.pdf").string();
  write_file_atomically(cms_tampered, in_cms);
  CHECK(run(vanban_command() + " verify " + quote(cms_tampered)).exit_code == 1);

  // An unsigned file has nothing valid to report.
  const auto none = run(vanban_command() + " verify " + quote(s.unsigned_pdf));
  CHECK(none.exit_code == 1);
  CHECK_THAT(none.out, Catch::Contains("no signature (2 unsigned signature fields)"));
}

TEST_CASE("a certificate from another CA verifies as a signature but fails --ca") {
  const Signed& s = seed_signed();
  const auto other = s.dir / "other-ca.pem";
  must("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + quote((s.dir / "other.key").string()) + " -out " +
       quote(other.string()) + " -days 30 -subj '/CN=another CA'");
  const auto verified = run(vanban_command() + " verify " + quote(s.twice) + " --ca " + quote(other.string()));
  CHECK(verified.exit_code == 1);
  CHECK_THAT(verified.out, Catch::Contains("does NOT lead to a trusted CA"));
  CHECK(run(vanban_command() + " verify " + quote(s.twice)).exit_code == 0);  // no --ca: the signatures alone
}

TEST_CASE("signing refuses, with its reason, what it cannot sign, and writes nothing") {
  const Signed& s = seed_signed();
  const auto out = (s.dir / "refused.pdf").string();
  const auto signed_again = sign_with_file(s.once, out);
  CHECK(signed_again.exit_code == 1);
  CHECK_THAT(signed_again.err, Catch::Contains("[sign.field-signed]"));
  const auto no_field = run(vanban_command() + " sign " + quote(s.unsigned_pdf) + " --field Sig_Chair --p12 " + quote(keys().p12) +
                            " --password-file " + quote(keys().password) + " -o " + quote(out));
  CHECK(no_field.exit_code == 1);
  CHECK_THAT(no_field.err, Catch::Contains("[sign.no-field]") && Catch::Contains("Sig_Signer, Sig_Org"));
  const auto wrong = s.dir / "wrong.txt";
  write_file_atomically(wrong.string(), "not it\n");
  const auto bad_password = run(vanban_command() + " sign " + quote(s.unsigned_pdf) + " --field Sig_Signer --p12 " +
                                quote(keys().p12) + " --password-file " + quote(wrong.string()) + " -o " + quote(out));
  CHECK(bad_password.exit_code == 1);
  CHECK_THAT(bad_password.err, Catch::Contains("[sign.p12]"));
  const auto wrong_token_key = run(keys().token_env + vanban_command() + " sign " + quote(s.unsigned_pdf) +
                                   " --field Sig_Org --pkcs11-module " + quote(keys().module) +
                                   " --pkcs11-uri 'pkcs11:token=vanban-test;object=nobody;type=private' --cert " +
                                   quote(keys().org_cert) + " --pin-file " + quote(keys().pin) + " -o " + quote(out));
  CHECK(wrong_token_key.exit_code == 1);
  CHECK_THAT(wrong_token_key.err, Catch::Contains("[sign.pkcs11]"));
  // The person's certificate with the organisation's key on the token.
  const auto mismatched = run(keys().token_env + vanban_command() + " sign " + quote(s.unsigned_pdf) + " --field Sig_Org --pkcs11-module " +
                              quote(keys().module) + " --pkcs11-uri " + quote(keys().token_uri) + " --cert " +
                              quote((keys().dir / "person.pem").string()) + " --pin-file " + quote(keys().pin) + " -o " + quote(out));
  CHECK(mismatched.exit_code == 1);
  CHECK_THAT(mismatched.err, Catch::Contains("[sign.certificate]"));
  // Not a PDF, a PDF cut short, and one whose cross-reference is a stream.
  const auto text = s.dir / "not.pdf";
  write_file_atomically(text.string(), "hello");
  CHECK_THAT(sign_with_file(text.string(), out).err, Catch::Contains("[sign.bad-pdf]"));
  const auto cut = s.dir / "cut.pdf";
  const std::string whole = read_file(s.unsigned_pdf);
  write_file_atomically(cut.string(), whole.substr(0, whole.size() / 2));
  CHECK_THAT(sign_with_file(cut.string(), out).err, Catch::Contains("[sign.bad-pdf]"));
  const auto streams = s.dir / "streams.pdf";
  must("qpdf --object-streams=generate " + quote(s.unsigned_pdf) + " " + quote(streams.string()));
  CHECK_THAT(sign_with_file(streams.string(), out).err, Catch::Contains("[sign.xref-stream]"));
  CHECK_FALSE(std::filesystem::exists(out));
  // The input is never the output.
  const auto onto_itself = run(vanban_command() + " sign " + quote(s.unsigned_pdf) + " --field Sig_Signer --p12 " + quote(keys().p12) +
                               " --password-file " + quote(keys().password) + " -o " + quote(s.unsigned_pdf));
  CHECK(onto_itself.exit_code == 1);
  CHECK_THAT(onto_itself.err, Catch::Contains("[io.output]"));
}

TEST_CASE("a certificate of a batch made with --sign-fields signs and verifies") {
  const auto dir = testing::scratch("signing-batch");
  const std::string batch = testing::source_dir() + "/samples/batch/";
  // The sample list holds rows with mistakes on purpose (exit 3): the others are printed.
  const auto printed = run(vanban_command() + " batch " + quote(batch + "giay-khen-danh-sach.csv") + " -t giay-khen --data " +
                           quote(batch + "giay-khen-chung.xml") + " --sign-fields --out-dir " + quote((dir / "out").string()) + " -q");
  CHECK(printed.exit_code == 3);
  std::vector<std::filesystem::path> pdfs;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) pdfs.push_back(entry.path());
  REQUIRE(pdfs.size() >= 2);
  std::sort(pdfs.begin(), pdfs.end());
  const auto signed_pdf = (dir / "signed.pdf").string();
  const auto done = run(vanban_command() + " sign " + quote(pdfs.front().string()) + " --field Sig_Signer --p12 " + quote(keys().p12) +
                        " --password-file " + quote(keys().password) + " -o " + quote(signed_pdf));
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  const auto verified = run(vanban_command() + " verify " + quote(signed_pdf) + " --ca " + quote(keys().ca));
  CHECK(verified.exit_code == 0);
  CHECK_THAT(run("pdfsig " + quote(signed_pdf)).out, Catch::Contains("Signature is Valid"));
  CHECK(run("qpdf --check " + quote(signed_pdf)).exit_code == 0);
}

TEST_CASE("box 14: an appendix filed apart carries the số/ký hiệu and the time at the top right, Sig_Org over it alone") {
  const auto dir = testing::scratch("signing-box14");
  std::string data = read_file(testing::sample("ke-hoach-54.xml"));
  const std::string date = "<date>2019-08-26</date>";
  REQUIRE(data.find(date) != std::string::npos);
  data.replace(data.find(date), date.size(),
               date + "\n  <electronic><signed_at>2026-12-04T09:30:00+07:00</signed_at></electronic>");
  const auto source = (dir / "appendix.xml").string(), pdf = (dir / "appendix.pdf").string();
  const auto trace = (dir / "appendix.trace").string(), json = (dir / "appendix.json").string();
  write_file_atomically(source, data);
  must(vanban_command() + " render --pdfa 2b --sign-fields --fields-json " + quote(json) + " --trace " + quote(trace) + " " +
       quote(source) + " -o " + quote(pdf));
  // Times New Roman (Liberation Serif) 10 pt, upright, in the top margin of page 1, flush right.
  const std::string traced = read_file(trace);
  const std::regex block(
      R"re(page 1 [0-9.]+ [0-9.]+\nfont regular 10\.00\ntext [0-9.]+ ([0-9.]+) "Số: 54/KH-UBND"\ntext [0-9.]+ ([0-9.]+) "Thời gian ký: 2026-12-04T09:30:00\+07:00")re");
  std::smatch m;
  REQUIRE(std::regex_search(traced, m, block));
  CHECK(std::stod(m[2]) < 20 * 72 / 25.4);  // above the text block: in the 20 mm top margin
  CHECK(std::stod(m[1]) < std::stod(m[2]));
  // The organisation alone signs, over the block; no image is drawn there.
  const std::string fields = read_file(json);
  CHECK_THAT(fields, Catch::Contains("\"name\": \"Sig_Org\", \"page\": 1") && !Catch::Contains("Sig_Signer"));
  const auto text = run("pdftotext -l 1 " + quote(pdf) + " -").out;
  CHECK_THAT(text, Catch::Contains("Thời gian ký: 2026-12-04T09:30:00+07:00"));
  const auto signed_pdf = (dir / "appendix-signed.pdf").string();
  const auto done = run(keys().token_env + vanban_command() + " sign " + quote(pdf) + " --field Sig_Org --pkcs11-module " +
                        quote(keys().module) + " --pkcs11-uri " + quote(keys().token_uri) + " --cert " + quote(keys().org_cert) +
                        " --pin-file " + quote(keys().pin) + " --time 2026-12-04T09:30:00+07:00 -o " + quote(signed_pdf));
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  const auto verified = run(vanban_command() + " verify " + quote(signed_pdf) + " --ca " + quote(keys().ca));
  CHECK(verified.exit_code == 0);
  CHECK_THAT(verified.out, Catch::Contains("Sig_Org: valid, covers the whole file") &&
                               Catch::Contains("signed at: 2026-12-04T09:30:00+07:00"));
  CHECK(run(vanban_command() + " lint-pdfa " + quote(signed_pdf)).exit_code == 0);
}
