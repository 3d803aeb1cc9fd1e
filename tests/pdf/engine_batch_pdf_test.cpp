// Engine::render_batch, as an e-office program calls it: the records and common data as
// bytes, the PDFs back in memory, read back by poppler as a reader sees them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include <vanban/engine.h>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;

namespace {

const Engine& engine() {
  static const Engine made([] {
    EngineOptions options;
    options.home = testing::source_dir();
    return options;
  }());
  return made;
}

BatchRequest sample_batch() {
  BatchRequest request;
  request.template_name = "giay-khen";
  request.records = read_file(testing::sample("batch/giay-khen-danh-sach.csv"));
  request.records_name = "danh-sach.csv";
  request.common = read_file(testing::sample("batch/giay-khen-chung.xml"));
  request.common_name = "chung.xml";
  return request;
}

// What a reader sees of a PDF made in memory.
struct ReadBack {
  int pages = 0;
  std::string text;
};

ReadBack read_back(const std::string& pdf, const std::string& name) {
  const auto dir = testing::scratch("engine-batch");
  const auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << pdf;
  ReadBack seen;
  const auto info = testing::run("pdfinfo " + testing::quote(path));
  const auto at = info.out.find("Pages:");
  if (at != std::string::npos) seen.pages = std::stoi(info.out.substr(at + 6));
  seen.text = testing::collapse_spaces(testing::run("pdftotext -enc UTF-8 " + testing::quote(path) + " -").out);
  return seen;
}

const BatchRecord& record_numbered(const BatchResult& result, int number) {
  const auto found = std::find_if(result.records.begin(), result.records.end(),
                                  [&](const BatchRecord& r) { return r.number == number; });
  REQUIRE(found != result.records.end());
  return *found;
}

}  // namespace

TEST_CASE("render_batch: the sample list in memory gives a print file and a PDF per record, the bad records told") {
  BatchRequest request = sample_batch();
  request.want_each = true;
  request.name_pattern = "{{number}}-{{recipient.name}}.pdf";
  request.jobs = 2;
  const BatchResult result = engine().render_batch(request);
  REQUIRE(result.ok());
  REQUIRE(result.records.size() == 10);
  CHECK(result.printed() == 8);
  CHECK(result.failed() == 2);

  // Record 6 has no name, record 7 is TCVN3 text: each failed at its row and field, in the
  // records' own name, with no PDF.
  const BatchRecord& nameless = record_numbered(result, 6);
  CHECK(nameless.status == RecordStatus::failed);
  CHECK(nameless.pdf.empty());
  CHECK(nameless.file_name.empty());
  REQUIRE(!nameless.diagnostics.empty());
  CHECK(nameless.diagnostics[0].code == "check.required-field");
  CHECK(nameless.diagnostics[0].record == 6);
  CHECK(nameless.diagnostics[0].where.file == "danh-sach.csv");
  CHECK(nameless.diagnostics[0].where.line == 10);
  const BatchRecord& legacy = record_numbered(result, 7);
  CHECK(legacy.status == RecordStatus::failed);
  REQUIRE(!legacy.diagnostics.empty());
  CHECK(legacy.diagnostics[0].code == "data.legacy-encoding");

  // Each printed record's own PDF, under its name, holds that person and only one page.
  const BatchRecord& first = record_numbered(result, 1);
  CHECK(first.status == RecordStatus::printed);
  CHECK(first.file_name == "1-Nguyễn Văn An.pdf");
  const ReadBack one = read_back(first.pdf, "one.pdf");
  CHECK(one.pages == 1);
  CHECK_THAT(one.text, Catch::Contains("Nguyễn Văn An"));
  CHECK_THAT(one.text, !Catch::Contains("Huỳnh Văn Tám"));

  // The print file: every printed record's page, in input order; none of a failed one.
  const ReadBack merged = read_back(result.merged_pdf, "merged.pdf");
  CHECK(merged.pages == 8);
  const auto an = merged.text.find("Nguyễn Văn An"), tam = merged.text.find("Huỳnh Văn Tám");
  CHECK(an != std::string::npos);
  CHECK(tam != std::string::npos);
  CHECK(an < tam);
  CHECK_THAT(merged.text, !Catch::Contains("Bình"));

  // The table's columns as read, and the report naming each record's file.
  CHECK_THAT(result.columns, Catch::Contains("Họ và tên") && Catch::Contains("recipient/name"));
  const std::string report = batch_report_csv(result);
  CHECK_THAT(report, Catch::Contains("1,5,\"Nguyễn Văn An\",printed,\"1-Nguyễn Văn An.pdf\",1,"));
  CHECK_THAT(report, Catch::Contains("6,10,\"\",failed,\"\",0,\"danh-sach.csv:10:3: error: record 6:"));
}

TEST_CASE("render_batch: the output does not depend on the workers, and a dry run prints nothing") {
  BatchRequest request = sample_batch();
  request.jobs = 1;
  const BatchResult one = engine().render_batch(request);
  request.jobs = 3;
  const BatchResult three = engine().render_batch(request);
  REQUIRE(!one.merged_pdf.empty());
  CHECK(one.merged_pdf == three.merged_pdf);

  request.want_merged = false;
  request.want_each = false;
  const BatchResult dry = engine().render_batch(request);
  CHECK(dry.ok());
  CHECK(dry.merged_pdf.empty());
  CHECK(dry.printed() == 8);
  CHECK(std::all_of(dry.records.begin(), dry.records.end(), [](const BatchRecord& r) { return r.pdf.empty(); }));
}

TEST_CASE("render_batch: a batch that cannot start says why, with no records and no PDF") {
  BatchRequest request = sample_batch();
  request.records_name = "danh-sach.docx";
  BatchResult result = engine().render_batch(request);
  CHECK(!result.ok());
  CHECK(result.records.empty());
  CHECK(result.merged_pdf.empty());
  REQUIRE(!result.diagnostics.empty());
  CHECK(result.diagnostics[0].code == "batch.records-format");

  request = sample_batch();
  request.template_name.clear();
  result = engine().render_batch(request);
  REQUIRE(!result.diagnostics.empty());
  CHECK(result.diagnostics[0].code == "batch.template");

  request = sample_batch();
  request.template_name = "khong-co";
  result = engine().render_batch(request);
  REQUIRE(!result.diagnostics.empty());
  CHECK(result.diagnostics[0].code == "template.not-found");

  request = sample_batch();
  Limits small;
  small.max_records_bytes = 100;
  request.limits = small;
  result = engine().render_batch(request);
  REQUIRE(!result.diagnostics.empty());
  CHECK(result.diagnostics[0].code == "limit.input-size");
  CHECK(result.diagnostics[0].where.file == "danh-sach.csv");
}

TEST_CASE("render_batch: each record's PDF handed to the program as it is made and kept nowhere else") {
  BatchRequest request = sample_batch();
  request.want_each = true;
  request.want_merged = false;
  request.name_pattern = "{{number}}.pdf";
  request.jobs = 2;
  std::map<std::string, std::string> handed;
  int at_once = 0, most_at_once = 0;
  request.on_record_pdf = [&](const std::string& name, std::string pdf) {
    most_at_once = std::max(most_at_once, ++at_once);
    CHECK(handed.count(name) == 0);
    handed[name] = std::move(pdf);
    --at_once;
  };
  const BatchResult result = engine().render_batch(request);
  REQUIRE(result.ok());
  CHECK(result.printed() == 8);
  CHECK(most_at_once == 1);
  CHECK(handed.size() == 8);
  for (const auto& record : result.records) {
    CHECK(record.pdf.empty());
    if (record.status == RecordStatus::printed) CHECK(handed.count(record.file_name) == 1);
  }
  const ReadBack first = read_back(handed.at("1.pdf"), "handed-1.pdf");
  CHECK(first.pages == 1);
  CHECK_THAT(first.text, Catch::Contains("Nguyễn Văn An"));

  // A handler that throws fails its record, and the others print.
  request.on_record_pdf = [](const std::string& name, std::string) {
    if (name == "2.pdf") throw std::runtime_error("the archive is full");
  };
  const BatchResult refused = engine().render_batch(request);
  CHECK(refused.printed() == 7);
  const BatchRecord& second = record_numbered(refused, 2);
  CHECK(second.status == RecordStatus::failed);
  REQUIRE(!second.diagnostics.empty());
  CHECK(second.diagnostics[0].code == "batch.record-sink");
  CHECK(second.pages == 0);
  CHECK_THAT(second.diagnostics[0].message, Catch::Contains("the archive is full"));
}
