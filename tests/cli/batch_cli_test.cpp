// vanban batch as an office runs it: a spreadsheet exported as CSV, with the usual faults (an
// empty name, a ragged row), printed to one print file and to one PDF per record.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

std::string records() { return testing::source_dir() + "/tests/data/batch/certificates.csv"; }
std::string common() { return testing::source_dir() + "/tests/data/batch/common.xml"; }

testing::Run batch(const std::string& args) {
  return run(quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(records()) + " --data " + quote(common()) +
             " " + args);
}

std::set<std::string> files_in(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

int pdf_pages(const std::string& pdf) {
  const auto info = run("pdfinfo " + quote(pdf));
  const auto at = info.out.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.out.substr(at + 6));
}

}  // namespace

TEST_CASE("batch: the good records are printed, the bad ones reported by record number and field") {
  const auto dir = testing::scratch("batch-report");
  const auto merged = (dir / "all.pdf").string(), report = (dir / "report.csv").string();
  const auto result = batch("--merge " + quote(merged) + " --out-dir " + quote((dir / "out").string()) +
                            " --name '{{stt}}-{{recipient.name}}.pdf' --report " + quote(report) + " -j 2");
  CHECK(result.exit_code == 3);  // some records failed
  // Record 3 has no name (a required field); record 4 has a cell too many.
  CHECK_THAT(result.err, Catch::Contains("record 3:") && Catch::Contains("recipient/name") &&
                             Catch::Contains("[check.required-field]"));
  CHECK_THAT(result.err, Catch::Contains("certificates.csv:5:1: error: record 4 has 6 cells") &&
                             Catch::Contains("[data.csv-ragged]"));
  CHECK_THAT(result.err, Catch::Contains("4 printed, 2 failed, 0 skipped, of 6 records"));
  // The print file holds the four good certificates, in input order.
  REQUIRE(std::filesystem::exists(merged));
  CHECK(pdf_pages(merged) == 4);
  const std::string text = testing::collapse_spaces(run("pdftotext -raw " + quote(merged) + " -").out);
  const auto at = [&](const std::string& s) { return text.find(s); };
  CHECK(at("Ông Nguyễn Văn An") < at("Bà Thạch Thị Sa Phia"));
  CHECK(at("Bà Thạch Thị Sa Phia") < at("Trưởng ấp Giồng Giếng, xã Long Hữu"));
  CHECK(at("Trưởng ấp Giồng Giếng, xã Long Hữu") < at("Ông Kim Sa Rinh"));
  // One file per good record, named from its fields.
  CHECK(files_in(dir / "out") == std::set<std::string>{"1-Nguyễn Văn An.pdf", "2-Thạch Thị Sa Phia.pdf",
                                                        "5-Nguyễn Văn An.pdf", "6-Kim Sa Rinh.pdf"});
  // The report: a row per record.
  const std::string rows = read_file(report);
  CHECK(rows.rfind("record,row,name,status,output,pages,problem\n", 0) == 0);
  CHECK(std::count(rows.begin(), rows.end(), '\n') == 7);
  // Each row with its line in the file and its name; a failed record names no output.
  CHECK_THAT(rows, Catch::Contains("\n3,4,\"\",failed,\"\",0,") && Catch::Contains("\n4,5,\"Lê Hoàng Đạt\",failed,\"\",0,") &&
                       Catch::Contains("\n6,8,\"Kim Sa Rinh\",printed,\""));
}

TEST_CASE("batch: -j 1 and -j 2 write the same bytes, names collide into -2, fold to ASCII, never overwrite") {
  const auto dir = testing::scratch("batch-jobs");
  for (const char* jobs : {"1", "2"}) {
    const auto out = dir / (std::string("out") + jobs);
    batch("--merge " + quote((dir / (std::string("all") + jobs + ".pdf")).string()) + " --out-dir " +
          quote(out.string()) + " --name '{{recipient.name}}' --ascii-names --quiet -j " + jobs);
  }
  CHECK(read_file((dir / "all1.pdf").string()) == read_file((dir / "all2.pdf").string()));
  const auto names = files_in(dir / "out1");
  CHECK(names == std::set<std::string>{"Nguyen Van An.pdf", "Thach Thi Sa Phia.pdf", "Nguyen Van An-2.pdf",
                                       "Kim Sa Rinh.pdf"});
  for (const auto& name : names) {
    INFO(name);
    CHECK(read_file((dir / "out1" / name).string()) == read_file((dir / "out2" / name).string()));
  }
}

TEST_CASE("batch --name: a name's own dot is kept and .pdf added, an empty name becomes the record number") {
  const auto dir = testing::scratch("batch-dots");
  batch("--out-dir " + quote((dir / "out").string()) + " --name 'TS. {{recipient.name}}' --quiet");
  CHECK(files_in(dir / "out").count("TS. Kim Sa Rinh.pdf") == 1);
  // Dots and spaces alone are no name (no file may end in either): the record number is used.
  batch("--out-dir " + quote((dir / "empty").string()) + " --name '. .' --quiet");
  CHECK(files_in(dir / "empty") == std::set<std::string>{"1.pdf", "2.pdf", "5.pdf", "6.pdf"});
}

TEST_CASE("batch --resume skips the records whose complete PDF is there, and redoes a cut one") {
  const auto dir = testing::scratch("batch-resume");
  const auto out = dir / "out";
  batch("--out-dir " + quote(out.string()) + " --quiet");
  const auto first = out / "1.pdf", second = out / "2.pdf";
  REQUIRE(std::filesystem::exists(first));
  const std::string whole = read_file(second.string());
  write_file_atomically(second.string(), whole.substr(0, whole.size() / 2));  // as if cut off
  const auto again = batch("--out-dir " + quote(out.string()) + " --resume --report " + quote((dir / "r.csv").string()));
  CHECK_THAT(again.err, Catch::Contains("1 printed, 2 failed, 3 skipped"));
  CHECK(read_file(second.string()) == whole);
  CHECK_THAT(read_file((dir / "r.csv").string()), Catch::Contains("\n1,2,\"Nguyễn Văn An\",skipped,") && Catch::Contains(",printed,"));
  // A file that only looks whole at its ends (20 bytes "%PDF- … %%EOF") is redone too, and the
  // temporary file a killed run left between writing and renaming is removed.
  write_file_atomically(second.string(), "%PDF-1.4\n%fake\n%%EOF\n");
  write_file_atomically((out / ".5.pdf.Ab3xYz").string(), whole.substr(0, 100));
  const auto third = batch("--out-dir " + quote(out.string()) + " --resume");
  CHECK_THAT(third.err, Catch::Contains("1 printed, 2 failed, 3 skipped"));
  CHECK(read_file(second.string()) == whole);
  CHECK_FALSE(std::filesystem::exists(out / ".5.pdf.Ab3xYz"));
}

TEST_CASE("batch --shard: four shards print exactly the whole, each record once") {
  const auto dir = testing::scratch("batch-shards");
  std::set<std::string> all;
  std::size_t total = 0;
  for (int k = 1; k <= 4; ++k) {
    const auto out = dir / ("shard" + std::to_string(k));
    batch("--out-dir " + quote(out.string()) + " --quiet --shard " + std::to_string(k) + "/4");
    if (!std::filesystem::exists(out)) continue;
    for (const auto& name : files_in(out)) {
      all.insert(name);
      ++total;
    }
  }
  CHECK(total == all.size());  // no record printed twice
  CHECK(all == std::set<std::string>{"1.pdf", "2.pdf", "5.pdf", "6.pdf"});
  // Shards sharing a folder agree on names: records 1 and 5 share a name, in shards 1 and 4.
  const auto shared = dir / "shared";
  for (int k = 1; k <= 4; ++k) {
    batch("--out-dir " + quote(shared.string()) + " --name '{{recipient.name}}' --quiet --shard " + std::to_string(k) + "/4");
  }
  CHECK(files_in(shared) == std::set<std::string>{"Nguyễn Văn An.pdf", "Thạch Thị Sa Phia.pdf", "Nguyễn Văn An-2.pdf",
                                                  "Kim Sa Rinh.pdf"});
  // The index can come from an indexed job: JOB_COMPLETION_INDEX counts from 0.
  const auto out = dir / "indexed";
  run("JOB_COMPLETION_INDEX=3 " + quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(records()) + " --data " +
      quote(common()) + " --out-dir " + quote(out.string()) + " --quiet --shard 4");
  CHECK(files_in(out) == std::set<std::string>{"5.pdf", "6.pdf"});  // records 5 and 6 of 6
  CHECK(batch("--out-dir " + quote(out.string()) + " --shard 5/4").exit_code == 1);
}

TEST_CASE("batch reads JSON and XML records too") {
  const auto dir = testing::scratch("batch-formats");
  const std::string json = (dir / "r.json").string(), xml = (dir / "r.xml").string();
  write_file_atomically(json, R"([{"recipient": {"name": "Nguyễn Văn An"}}, {"recipient": {"name": "Lê Thị Bé"}}])");
  write_file_atomically(xml, "<ds><r><recipient><name>Nguyễn Văn An</name></recipient></r></ds>");
  for (const auto& file : {json, xml}) {
    const auto merged = file + ".pdf";
    const auto result = run(quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(file) + " --data " +
                            quote(common()) + " --merge " + quote(merged) + " --quiet");
    INFO(file << ": " << result.err);
    CHECK(result.exit_code == 0);
    CHECK(pdf_pages(merged) == (file == json ? 2 : 1));
  }
}

TEST_CASE("batch --merge: the certificates share one page border, drawn once in the print file") {
  const auto dir = testing::scratch("batch-border");
  const auto merged = (dir / "all.pdf").string();
  batch("--merge " + quote(merged) + " --out-dir " + quote((dir / "out").string()) + " --quiet");
  // Uncompressed, the border's curves (its corner flowers and rings) are counted in the
  // print file of four certificates and in the file of one: the same, since every page
  // shares them.
  const auto curves = [&](const std::string& pdf) {
    const std::string qdf = pdf + ".qdf";
    REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(qdf)).exit_code == 0);
    const std::string raw = read_file(qdf);
    std::size_t count = 0;
    for (std::size_t at = raw.find(" c\n"); at != std::string::npos; at = raw.find(" c\n", at + 1)) ++count;
    return count;
  };
  REQUIRE(pdf_pages(merged) == 4);
  const auto in_one = curves((dir / "out" / "1.pdf").string());
  CHECK(in_one >= 32);  // four corners, each a flower of eight curves and a ring of four
  CHECK(curves(merged) == in_one);
  CHECK(std::filesystem::file_size(merged) < 4 * std::filesystem::file_size(dir / "out" / "1.pdf") / 2);
}

TEST_CASE("batch reads an Excel workbook: numbers and dates as Excel shows them, error cells fail their record") {
  const auto dir = testing::scratch("batch-xlsx");
  const std::string workbook = testing::source_dir() + "/tests/data/batch/certificates.xlsx";
  const auto out = (dir / "out").string();
  const auto result = run(quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(workbook) + " --data " +
                          quote(common()) + " --out-dir " + quote(out) + " --name '{{stt}}-{{golden-book}}' --quiet");
  CHECK(result.exit_code == 3);
  // Sheet "Cá nhân": record 3 has no name (row 4), record 4's golden-book cell is #REF! (E5);
  // the empty row 7 is skipped, so record 6 is row 8.
  CHECK_THAT(result.err, Catch::Contains("certificates.xlsx:4:") && Catch::Contains("record 3:") &&
                             Catch::Contains("[check.required-field]"));
  CHECK_THAT(result.err, Catch::Contains("certificates.xlsx:5:5: error: record 4: cell E5 holds the error #REF!") &&
                             Catch::Contains("[data.xlsx-error-cell]"));
  // Numbers without ".0": the names are "1-101.pdf" …
  CHECK(files_in(out) == std::set<std::string>{"1-101.pdf", "2-102.pdf", "5-105.pdf", "6-106.pdf"});
  // … a typed date (25/06/2020 in the sheet) replaces the common date, and a line break
  // inside a cell is kept as a space in the line it joins.
  const std::string second = testing::collapse_spaces(run("pdftotext -raw " + quote(out + "/2-102.pdf") + " -").out);
  CHECK_THAT(second, Catch::Contains("Duyên Hải, ngày 25 tháng 6 năm 2020") && Catch::Contains("Bà Thạch Thị Sa Phia"));
  const std::string fifth = testing::collapse_spaces(run("pdftotext -raw " + quote(out + "/5-105.pdf") + " -").out);
  CHECK_THAT(fifth, Catch::Contains("Trưởng ấp Giồng Giếng, xã Long Hữu") && Catch::Contains("ngày 22 tháng 6 năm 2020"));
}

TEST_CASE("batch --sheet reads the named sheet, a sheet it lacks, or a file that is not a workbook, is refused") {
  const auto dir = testing::scratch("batch-xlsx-sheet");
  const std::string workbook = testing::source_dir() + "/tests/data/batch/certificates.xlsx";
  const auto merged = (dir / "groups.pdf").string();
  const auto cli = quote(testing::vanban_cli()) + " batch -t giay-khen ";
  auto result = run(cli + quote(workbook) + " --sheet 'Tập thể' --data " + quote(common()) + " --merge " + quote(merged) +
                    " --quiet");
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(pdf_pages(merged) == 2);
  CHECK_THAT(testing::collapse_spaces(run("pdftotext -raw " + quote(merged) + " -").out),
             Catch::Contains("Trường Tiểu học Long Toàn A") && Catch::Contains("Hội Nông dân xã Dân Thành"));

  const auto missing = (dir / "missing.pdf").string();
  result = run(cli + quote(workbook) + " --sheet 'Khen thưởng' --data " + quote(common()) + " --merge " + quote(missing));
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.err, Catch::Contains("no sheet \"Khen thưởng\"") && Catch::Contains("\"Cá nhân\", \"Tập thể\"") &&
                             Catch::Contains("[data.xlsx-sheet]"));
  CHECK_FALSE(std::filesystem::exists(missing));

  const std::string not_zip = (dir / "danh-sach.xlsx").string();
  write_file_atomically(not_zip, "stt,recipient/name\n1,Nguyễn Văn An\n");  // a CSV saved under the wrong name
  result = run(cli + quote(not_zip) + " --data " + quote(common()) + " --merge " + quote(missing));
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.err, Catch::Contains("danh-sach.xlsx:1:1: error: the file is not an .xlsx workbook") &&
                             Catch::Contains("[data.xlsx-not-zip]"));
  CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("batch: a clerk's workbook prints as kept, title rows and Vietnamese headers, each bad row told at its row") {
  const auto dir = testing::scratch("batch-clerk");
  const std::string samples = testing::source_dir() + "/samples/batch/";
  const std::string merged = (dir / "giay-khen.pdf").string();
  const auto result = run(quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(samples + "giay-khen-danh-sach.xlsx") +
                          " --sheet 'ca nhan' --data " + quote(samples + "giay-khen-chung.xml") + " --merge " + quote(merged) +
                          " -j 2");
  CHECK(result.exit_code == 3);  // two records failed; the others are printed
  // The mapping, before the run: the header found at row 4 under the title, every column told.
  CHECK_THAT(result.err, Catch::Contains("header: row 4; above it, not records:") &&
                             Catch::Contains("row 1: DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"));
  CHECK_THAT(result.err, Catch::Contains("C   Họ và tên        -> recipient/name") &&
                             Catch::Contains("D   Chức vụ, đơn vị  -> recipient/role") &&
                             Catch::Contains("H   Ghi chú          notes: not printed"));
  // Each bad row once, at its own row of the sheet.
  CHECK_THAT(result.err, Catch::Contains("giay-khen-danh-sach.xlsx:10:") && Catch::Contains("[check.required-field]"));
  CHECK_THAT(result.err, Catch::Contains("giay-khen-danh-sach.xlsx:11:3: error: record 7: 'Lª V¨n B×nh' is TCVN3"));
  CHECK_THAT(result.err, Catch::Contains("8 printed, 2 failed"));
  CHECK(pdf_pages(merged) == 8);
  const auto text = run("pdftotext -layout " + quote(merged) + " -").out;
  // Trailing spaces gone, a row's own achievement over the common one, the Excel date as a date.
  CHECK_THAT(text, Catch::Contains("Ông Lê Hoàng Đạt\n") || Catch::Contains("Ông Lê Hoàng Đạt "));
  CHECK_THAT(text, Catch::Contains("công tác giảng dạy năm học 2019 - 2020"));
  CHECK_THAT(text, Catch::Contains("Duyên Hải, ngày 22 tháng 6 năm 2020"));
  CHECK_THAT(text, !Catch::Contains("Đã nhận") && !Catch::Contains("DANH SÁCH"));  // notes and titles are not printed

  // The same list saved as CSV (dates as 22/06/2020), the old row converted on request.
  const std::string from_csv = (dir / "csv.pdf").string();
  const auto csv = run(quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(samples + "giay-khen-danh-sach.csv") +
                       " --data " + quote(samples + "giay-khen-chung.xml") + " --merge " + quote(from_csv) +
                       " --input-encoding tcvn3 --quiet");
  CHECK(csv.exit_code == 3);
  CHECK_THAT(csv.err, Catch::Contains("giay-khen-danh-sach.csv:10:") && Catch::Contains("[check.required-field]"));
  CHECK_THAT(csv.err, Catch::Contains("'Tr­ëng Êp C©y Da' is 'Trưởng ấp Cây Da' [data.converted]"));
  CHECK(pdf_pages(from_csv) == 9);
  CHECK_THAT(run("pdftotext " + quote(from_csv) + " -").out, Catch::Contains("Ông Lê Văn Bình"));
}

TEST_CASE("batch --map feeds a field from a header the template does not name, --header-row forces the header") {
  const auto dir = testing::scratch("batch-map");
  const auto list = dir / "ds.csv";
  vanban::write_file_atomically(list.string(), "Danh sách khen thưởng\nSTT,Người được khen,Đơn vị công tác,Điện thoại\n"
                                               "1,Nguyễn Văn An,Phường 1,0901234567\n");
  const auto cli = quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(list.string()) + " --data " + quote(common()) +
                   " --merge " + quote((dir / "out.pdf").string());
  // Unmapped, the name is missing and the phone has no field: said before the run, then refused.
  const auto unmapped = run(cli);
  CHECK(unmapped.exit_code == 3);
  CHECK_THAT(unmapped.err, Catch::Contains("Điện thoại") && Catch::Contains("no field of giay-khen"));
  const auto mapped = run(cli + " --map 'người được khen=recipient.name' --map 'Đơn vị công tác=recipient/role' --map 'Điện thoại=-'");
  CHECK(mapped.exit_code == 0);
  CHECK_THAT(mapped.err, Catch::Contains("-> recipient/name (--map)") && Catch::Contains("left out (--map): not printed"));
  CHECK_THAT(run("pdftotext " + quote((dir / "out.pdf").string()) + " -").out,
             Catch::Contains("Nguyễn Văn An") && !Catch::Contains("0901234567"));
  // A map file does the same; a misspelt field in it is refused at its line.
  vanban::write_file_atomically((dir / "cot.txt").string(), "# cột = trường\nNgười được khen = recipient/nam\n");
  const auto misspelt = run(cli + " --map-file " + quote((dir / "cot.txt").string()));
  CHECK(misspelt.exit_code != 0);
  CHECK_THAT(misspelt.err, Catch::Contains("the template has no field 'recipient/nam'") &&
                               Catch::Contains("did you mean 'recipient/name'?"));
  const auto forced = run(cli + " --header-row 1 --quiet");
  CHECK(forced.exit_code == 3);
  CHECK_THAT(forced.err, Catch::Contains("has 4 cells where the header names 1 columns"));
}

TEST_CASE("batch --dry-run checks every record and writes nothing, a problem in every record is said once") {
  const auto dir = testing::scratch("batch-dry");
  const auto list = dir / "ds.csv";
  std::string rows = "STT,Họ và tên,Chức vụ,Điện thoại\n";
  for (int k = 1; k <= 6; ++k) rows += std::to_string(k) + ",Người " + std::to_string(k) + ",Chuyên viên,090" + std::to_string(k) + "\n";
  rows += "7,,Chuyên viên,\n";
  vanban::write_file_atomically(list.string(), rows);
  const auto report = dir / "report.json";
  const auto result = run(quote(testing::vanban_cli()) + " batch -t giay-khen " + quote(list.string()) + " --data " + quote(common()) +
                          " --dry-run --out-dir " + quote((dir / "out").string()) + " --report " + quote(report.string()) +
                          " --report-format json");
  CHECK(result.exit_code == 3);  // records failed
  CHECK_FALSE(std::filesystem::exists(dir / "out"));  // nothing written but the report
  // The phone column, unknown in every row: once in full, then counted.
  const auto first = result.err.find("record 1: ");
  REQUIRE(first != std::string::npos);
  CHECK(result.err.find("Điện thoại", first) != std::string::npos);
  CHECK(result.err.find("record 2: ") == std::string::npos);
  CHECK_THAT(result.err, Catch::Contains("the same error as record 1's [check.unknown-field] in 5 more records: 2 (row 3), 3 (row 4)"));
  CHECK_THAT(result.err, Catch::Contains("record 7: ") && Catch::Contains("[check.required-field]"));
  CHECK_THAT(result.err, Catch::Contains("0 would print (--dry-run: nothing written), 7 failed"));
  const auto json = nlohmann::json::parse(read_file(report.string()));
  REQUIRE(json.size() == 7);
  CHECK(json[0]["row"] == 2);
  CHECK(json[0]["name"] == "Người 1");
  CHECK(json[0]["status"] == "failed");
  CHECK(json[0]["output"].is_null());
  CHECK(json[0]["problems"][0]["code"] == "check.unknown-field");
  CHECK(json[6]["problems"][0]["line"] == 8);
}
