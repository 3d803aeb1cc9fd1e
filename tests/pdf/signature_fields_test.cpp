// render --sign-fields and --fields-json (docs/electronic.md, "Fields"): the unsigned signature
// fields stand where Decree 30 puts the signatures (Phụ lục I, mục II.7c and II.8), move
// nothing of the layout, and a reader (poppler's pdfsig, qpdf) sees them as fields to sign.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

struct Box {
  double x = 0, y = 0, width = 0, height = 0;  // points, from the page's top left
};

// The "field X Y W H NAME" lines of a layout trace, by name.
std::map<std::string, Box> trace_fields(const std::string& trace) {
  std::map<std::string, Box> fields;
  const std::regex line(R"re(^field ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) "([^"]+)"$)re");
  std::istringstream in(trace);
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (std::regex_match(text, m, line)) {
      fields[m[5]] = {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
    }
  }
  return fields;
}

std::string without_field_lines(const std::string& trace) {
  std::string out;
  std::istringstream in(trace);
  for (std::string text; std::getline(in, text);) {
    if (text.rfind("field ", 0) != 0) out += text + "\n";
  }
  return out;
}

// The baseline of the first text line of a trace that reads exactly `text`.
double baseline_of(const std::string& trace, const std::string& text) {
  const std::regex line("^text [0-9.]+ ([0-9.]+) \"" + text + "\"$");
  std::istringstream in(trace);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_match(l, m, line)) return std::stod(m[1]);
  }
  return -1;
}

struct Rendered {
  testing::Run run;
  std::string pdf, trace;
  nlohmann::json fields;
};

// Renders source with flags and its trace; with_json: --fields-json too.
Rendered render(const std::string& source, const std::string& name, const std::string& flags, bool with_json = false) {
  const auto dir = testing::scratch("signature-fields-" + name);
  Rendered out;
  out.pdf = (dir / (name + ".pdf")).string();
  const std::string trace = (dir / (name + ".trace")).string(), json = (dir / (name + ".json")).string();
  out.run = run(quote(testing::vanban_cli()) + " render " + flags + " " + quote(source) + " -o " + quote(out.pdf) +
                " --trace " + quote(trace) + (with_json ? " --fields-json " + quote(json) : ""));
  if (std::filesystem::exists(trace)) out.trace = read_file(trace);
  if (std::filesystem::exists(json)) out.fields = nlohmann::json::parse(read_file(json));
  return out;
}

}  // namespace

TEST_CASE("the seed plan keeps Sig_Signer between the position and the name and Sig_Org over its left third") {
  const Rendered with = render(testing::sample("ke-hoach-54.xml"), "seed", "", true);
  const Rendered without = render(testing::sample("ke-hoach-54.xml"), "seed-plain", "");
  REQUIRE(with.run.exit_code == 0);
  REQUIRE(without.run.exit_code == 0);
  // The fields move nothing: the same layout, line for line.
  CHECK(without_field_lines(with.trace) == without.trace);
  const auto fields = trace_fields(with.trace);
  REQUIRE(fields.count("Sig_Signer") == 1);
  REQUIRE(fields.count("Sig_Org") == 1);
  const Box signer = fields.at("Sig_Signer"), seal = fields.at("Sig_Org");
  // 7c: below the position's last line, above the name, centred on the signature column.
  const double position = baseline_of(with.trace, "CHỦ TỊCH"), name = baseline_of(with.trace, "Lê Vũ Phương");
  REQUIRE(position > 0);
  REQUIRE(name > position);
  CHECK(signer.y > position);
  CHECK(signer.y + signer.height < name);
  // 8: the seal's size (36 mm by default), centred level with the signature, its right edge a
  // third of the way into the signer's box.
  CHECK(seal.width == Approx(36 * 72 / 25.4).margin(0.01));
  CHECK(seal.height == Approx(seal.width).margin(0.01));
  CHECK(seal.x + seal.width == Approx(signer.x + signer.width / 3).margin(0.01));
  CHECK(seal.y + seal.height / 2 == Approx(signer.y + signer.height / 2).margin(0.01));

  // The JSON tells the same places: on the last page, the PDF's /Rect from the lower left and
  // millimetres from the top left.
  const auto& list = with.fields.at("fields");
  REQUIRE(list.size() == 2);
  for (const auto& field : list) {
    const Box& box = fields.at(field.at("name").get<std::string>());
    CHECK(field.at("page") == 4);
    const auto& rect = field.at("rect");
    CHECK(rect[0].get<double>() == Approx(box.x).margin(0.01));
    CHECK(rect[3].get<double>() == Approx(841.89 - box.y).margin(0.02));
    CHECK(rect[3].get<double>() - rect[1].get<double>() == Approx(box.height).margin(0.02));
    CHECK(field.at("mm").at("top").get<double>() == Approx(box.y * 25.4 / 72).margin(0.01));
    CHECK(field.at("mm").at("width").get<double>() == Approx(box.width * 25.4 / 72).margin(0.01));
  }
}

TEST_CASE("a reader sees the two fields as unsigned signature fields of a valid file, and none without --sign-fields") {
  const Rendered with = render(testing::sample("ke-hoach-54.xml"), "seed-read", "--sign-fields");
  REQUIRE(with.run.exit_code == 0);
  const auto signatures = run("pdfsig " + quote(with.pdf));
  // pdfsig's exit code is 0 for unsigned fields too: its text says what it found.
  CHECK_THAT(signatures.out, Catch::Contains("Signature Field Name: Sig_Signer") &&
                                 Catch::Contains("Signature Field Name: Sig_Org"));
  const std::regex unsigned_field("The signature form field is not signed");
  CHECK(std::distance(std::sregex_iterator(signatures.out.begin(), signatures.out.end(), unsigned_field),
                      std::sregex_iterator()) == 2);
  CHECK(run("qpdf --check " + quote(with.pdf)).exit_code == 0);
  // Printable widgets, in the page's annotations and the form's fields.
  const auto objects = run("qpdf --qdf --object-streams=disable " + quote(with.pdf) + " -").out;
  CHECK_THAT(objects, Catch::Contains("/FT /Sig") && Catch::Contains("/Subtype /Widget") && Catch::Contains("/F 4") &&
                          Catch::Contains("/AcroForm") && Catch::Contains("/Annots"));

  const Rendered without = render(testing::sample("ke-hoach-54.xml"), "seed-read-plain", "");
  REQUIRE(without.run.exit_code == 0);
  CHECK(run("pdfsig " + quote(without.pdf)).out.find("Signature Field Name") == std::string::npos);
  CHECK(run("qpdf --qdf --object-streams=disable " + quote(without.pdf) + " -").out.find("/AcroForm") == std::string::npos);
  // The same text copies out of both.
  CHECK(run("pdftotext -raw -enc UTF-8 " + quote(with.pdf) + " -").out ==
        run("pdftotext -raw -enc UTF-8 " + quote(without.pdf) + " -").out);
}

TEST_CASE("the fields stand where the signature and seal images stand") {
  const Rendered rendered =
      render(testing::sample("layout/images.xml"), "images", "--from-markup --sign-fields");
  REQUIRE(rendered.run.exit_code == 0);
  const auto fields = trace_fields(rendered.trace);
  REQUIRE(fields.count("Sig_Signer") == 1);
  REQUIRE(fields.count("Sig_Org") == 1);
  // The trace's image lines, "image X Y W H NAME", as boxes by name (the seal's last: the
  // signature block's, after the one drawn over the title).
  std::map<std::string, Box> images;
  const std::regex line(R"re(^image ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) "([^"]+)"$)re");
  std::istringstream in(rendered.trace);
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (std::regex_match(text, m, line)) images[m[5]] = {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
  }
  REQUIRE(images.count("chu-ky.png") == 1);
  REQUIRE(images.count("con-dau.png") == 1);
  for (const auto& [field, image] : {std::pair{"Sig_Signer", "chu-ky.png"}, std::pair{"Sig_Org", "con-dau.png"}}) {
    INFO(field);
    CHECK(fields.at(field).x == Approx(images.at(image).x).margin(0.01));
    CHECK(fields.at(field).y == Approx(images.at(image).y).margin(0.01));
    CHECK(fields.at(field).width == Approx(images.at(image).width).margin(0.01));
    CHECK(fields.at(field).height == Approx(images.at(image).height).margin(0.01));
  }
}

TEST_CASE("a seal that is not square keeps its own size in its field") {
  // A portrait photograph as the seal: 36 mm wide, taller than that, where a field of the
  // default square would cover another place than the seal drawn.
  const auto dir = testing::scratch("signature-fields-tall-seal-source");
  std::filesystem::copy(testing::sample("layout/images"), dir / "images", std::filesystem::copy_options::recursive);
  std::string markup = read_file(testing::sample("layout/images.xml"));
  const std::string seal = "<seal src=\"images/con-dau.png\"/>";
  REQUIRE(markup.find(seal) != std::string::npos);
  markup.replace(markup.find(seal), seal.size(), "<seal src=\"images/anh-the.jpg\"/>");
  write_file_atomically((dir / "tall-seal.xml").string(), markup);
  const Rendered rendered = render((dir / "tall-seal.xml").string(), "tall-seal", "--from-markup --sign-fields");
  REQUIRE(rendered.run.exit_code == 0);
  const auto fields = trace_fields(rendered.trace);
  REQUIRE(fields.count("Sig_Org") == 1);
  const std::regex line(R"re(^image ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) "anh-the.jpg"$)re");
  std::istringstream in(rendered.trace);
  Box image;
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (std::regex_match(text, m, line)) image = {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
  }
  REQUIRE(image.width > 0);
  CHECK(image.height != Approx(image.width).margin(1));  // not square: the case at stake
  CHECK(fields.at("Sig_Org").x == Approx(image.x).margin(0.01));
  CHECK(fields.at("Sig_Org").y == Approx(image.y).margin(0.01));
  CHECK(fields.at("Sig_Org").width == Approx(image.width).margin(0.01));
  CHECK(fields.at("Sig_Org").height == Approx(image.height).margin(0.01));
}

TEST_CASE("a Biên bản's chair on the right takes Sig_Signer and Sig_Org and the secretary Sig_Signer_2") {
  const Rendered rendered = render(testing::sample("bien-ban-hop-hoi-dong.xml"), "bien-ban", "", true);
  REQUIRE(rendered.run.exit_code == 0);
  const auto fields = trace_fields(rendered.trace);
  REQUIRE(fields.size() == 3);
  const Box chair = fields.at("Sig_Signer"), secretary = fields.at("Sig_Signer_2"), seal = fields.at("Sig_Org");
  CHECK(chair.x > secretary.x + secretary.width);
  CHECK(seal.x + seal.width == Approx(chair.x + chair.width / 3).margin(0.01));
  CHECK(rendered.fields.at("fields").size() == 3);
}

TEST_CASE("a batch of certificates keeps each one's fields, and its print file names each field once") {
  const auto dir = testing::scratch("signature-fields-batch");
  const std::string merged = (dir / "all.pdf").string(), each = (dir / "each").string();
  const auto batch = run(quote(testing::vanban_cli()) + " batch -t giay-khen " +
                         quote(testing::sample("batch/giay-khen-danh-sach.xlsx")) + " --data " +
                         quote(testing::sample("batch/giay-khen-chung.xml")) + " --merge " + quote(merged) + " --out-dir " +
                         quote(each) + " --sign-fields -q");
  REQUIRE(batch.exit_code == 3);  // the sample list's two bad rows, on purpose
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(each)) {
    const auto signatures = run("pdfsig " + quote(entry.path().string())).out;
    INFO(entry.path().filename().string());
    CHECK_THAT(signatures, Catch::Contains("Signature Field Name: Sig_Signer\n") &&
                               Catch::Contains("Signature Field Name: Sig_Org\n"));
    ++files;
  }
  CHECK(files == 8);
  const auto signatures = run("pdfsig " + quote(merged)).out;
  const std::regex name("Signature Field Name: (\\S+)");
  std::set<std::string> names;
  int fields = 0;
  for (std::sregex_iterator at(signatures.begin(), signatures.end(), name), end; at != end; ++at, ++fields) {
    names.insert((*at)[1].str());
  }
  CHECK(fields == 16);
  CHECK(names.size() == 16);
  CHECK(run("qpdf --check " + quote(merged)).exit_code == 0);
}

TEST_CASE("a document with Nơi nhận but no signer keeps no field") {
  const auto dir = testing::scratch("signature-fields-unsigned");
  const std::string markup = (dir / "no-signer.xml").string();
  write_file_atomically(markup,
                        "<document>\n<header>\n  <issuer><name>Ủy ban nhân dân</name><name>thị xã Duyên Hải</name></issuer>\n"
                        "  <number value=\"1\" notation=\"TB-UBND\"/>\n  <place-date place=\"Duyên Hải\" date=\"2020-07-06\"/>\n"
                        "</header>\n<title><type>Thông báo</type><subject>Một việc</subject></title>\n"
                        "<body><p>Một đoạn văn.</p></body>\n<recipients><recipient>Lưu: VT.</recipient></recipients>\n</document>\n");
  const Rendered rendered = render(markup, "no-signer", "--from-markup", true);
  REQUIRE(rendered.run.exit_code == 0);
  CHECK(rendered.fields.at("fields").empty());
  CHECK(trace_fields(rendered.trace).empty());
}
