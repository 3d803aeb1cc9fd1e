// vanban: the command line. Arguments -> the engine (vanban/engine.h) -> exit code.
// Exit codes: 0 success, 1 bad input (a diagnostic names the place), 2 bad usage, 70 a bug.
// Both programs run it: vanban, and vanban-serve, the one that links the HTTP service
// (command_line.h tells why they are two).

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <unistd.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include <CLI/CLI.hpp>

#include "base/diagnostics.h"
#include "base/files.h"
#include "base/messages.h"
#include "base/prose.h"
#include "base/spelling.h"
#include <vanban/engine.h>

#include "cli/command_line.h"

#include "pipeline/batch.h"
#include "data/data_input.h"
#include "pipeline/generate.h"
#include "text/legacy.h"
#include "text/unicode.h"

namespace {

// The language of diagnostics: --lang, else $VANBAN_LANG, else English.
vanban::Language language = vanban::Language::english;

std::string describe(const vanban::Diagnostic& diagnostic) { return vanban::format_diagnostic(diagnostic, language); }

constexpr int exit_bad_input = 1;
constexpr int exit_bad_usage = 2;
constexpr int exit_records_failed = 3;  // a batch ran, and some of its records could not be printed
constexpr int exit_internal = 70;  // EX_SOFTWARE (sysexits.h)

// A choice among names, as the enum value CLI11 then stores, told in words when the value is
// none of them (CLI11's own transformer shows its map: "{first-fit->1,total-fit->0}").
template <class Enum>
CLI::Validator one_of(const std::map<std::string, Enum>& choices) {
  return CLI::Validator(
      [choices](std::string& text) -> std::string {
        std::string lower = text;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (const auto found = choices.find(lower); found != choices.end()) {
          text = std::to_string(static_cast<int>(found->second));
          return {};
        }
        std::vector<std::string> names;
        std::string list;
        for (const auto& [name, value] : choices) {
          names.push_back(name);
          list += (list.empty() ? "" : ", ") + name;
        }
        std::string message = "'" + text + "' is not one of " + list;
        if (const auto near = vanban::nearest_name(lower, names)) message += ": did you mean '" + *near + "'?";
        return message;
      },
      "");
}

// An output that vanban writes as PDF: a .pdf name, or - for standard output (a PDF named
// x.png would open in no image viewer).
CLI::Validator pdf_name() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::string extension = std::filesystem::path(text).extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
        if (text == "-" || extension == ".pdf") return {};
        return "'" + text + "': vanban writes PDF, so name a .pdf file (or - for standard output)";
      },
      "");
}

// A number flag's check: a finite number from low to high. CLI::Range lets NaN through (every
// comparison with it is false), and a NaN margin reached the layout.
CLI::Validator finite_between(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !std::isfinite(value) || value < low || value > high) {
          char range[64];
          std::snprintf(range, sizeof range, "a number from %g to %g", low, high);
          return "'" + text + "' is not " + range;
        }
        return {};
      },
      "");
}

// --max-* flags (base/limits.h), the same on render, check and batch.
struct LimitArgs {
  vanban::Limits limits;
  std::optional<double> max_input_mb;
  std::optional<double> max_image_mp;

  void add_to(CLI::App& command) {
    command.add_option("--max-input-mb", max_input_mb,
                       "largest input file in MB (default: 8 for data, markup and templates; 1024 for batch records)")
        ->check(finite_between(0.001, 1e6));
    // Readers and templates nest by recursion: 1000 levels fit any thread's stack, with the
    // sanitizers' larger frames too (docs/reliability.md, "Limits").
    command.add_option("--max-depth", limits.max_depth, "deepest nesting of elements, JSON and template sections (at most 1000)")
        ->capture_default_str()->check(CLI::Range(1, vanban::Limits::deepest));
    command.add_option("--max-pages", limits.max_pages, "most pages of one document")
        ->capture_default_str()->check(CLI::Range(1, 10000000));
    command.add_option("--max-table-rows", limits.max_table_rows, "most rows of one table")
        ->capture_default_str()->check(CLI::Range(1, 100000000));
    command.add_option("--max-image-mp", max_image_mp, "most pixels of one image, in megapixels (default: 50)")
        ->check(finite_between(0.001, 1000));
  }

  vanban::Limits get() const {
    vanban::Limits out = limits;
    if (max_input_mb) {
      out.max_input_bytes = out.max_records_bytes = static_cast<std::size_t>(*max_input_mb * (1 << 20));
    }
    if (max_image_mp) out.max_image_pixels = static_cast<std::uint64_t>(*max_image_mp * 1e6);
    return out;
  }
};

// --format: the data's format, when its name does not tell (standard input is sniffed).
vanban::DataFormat data_format_named(const std::string& name) {
  if (name == "json") return vanban::DataFormat::json;
  if (name == "xml") return vanban::DataFormat::xml;
  return vanban::DataFormat::automatic;
}

struct RenderArgs {
  std::string data;
  std::string format;
  std::string output;
  std::string template_name;
  std::string font_dir;
  std::string trace;
  std::string markup;
  std::string fields_json;
  bool sign_fields = false;
  vanban::PdfProfile pdf_profile = vanban::PdfProfile::plain;
  bool stats = false;
  bool from_markup = false;
  bool lenient = false;
  LimitArgs limits;
  std::optional<vanban::text::LegacyEncoding> input_encoding;
  vanban::layout::LineBreaker line_breaker = vanban::layout::LineBreaker::total_fit;
  // Margins in mm; the defaults are the layout's own.
  double margin_top = vanban::layout::LayoutSettings{}.margin_top / vanban::points_per_mm;
  double margin_bottom = vanban::layout::LayoutSettings{}.margin_bottom / vanban::points_per_mm;
  double margin_left = vanban::layout::LayoutSettings{}.margin_left / vanban::points_per_mm;
  double margin_right = vanban::layout::LayoutSettings{}.margin_right / vanban::points_per_mm;
};

std::string default_output(const std::string& data) {
  if (data == "-") return "-";
  return std::filesystem::path(data).stem().string() + ".pdf";
}

// Where vanban's own files live: the folder that holds templates/ and fonts/. Looked up in
// order: $VANBAN_HOME; <exe>/../share/vanban (installed); the nearest ancestor of the
// executable's folder that has both (a build tree inside the source tree). Throws Error
// "home.not-found" when none has them, or VANBAN_HOME names a folder without them.
bool is_home(const std::filesystem::path& folder) {
  std::error_code ignored;
  return std::filesystem::is_directory(folder / "templates", ignored) && std::filesystem::is_directory(folder / "fonts", ignored);
}

std::string find_home(const std::string& executable_path) {
  if (const char* env = std::getenv("VANBAN_HOME"); env && *env) {
    if (!is_home(env)) {
      vanban::fail_with("home.not-found", "VANBAN_HOME is '{}', which holds no templates/ and fonts/ folders", {env},
           {}, {"set VANBAN_HOME to vanban's source folder or its installed share/vanban, or unset it"});
    }
    return env;
  }
  std::error_code error;
  std::filesystem::path exe = std::filesystem::canonical(std::filesystem::path(executable_path), error);
  if (error) exe = std::filesystem::absolute(std::filesystem::path(executable_path), error);
  const std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "vanban";
  if (is_home(installed)) return installed.string();
  for (std::filesystem::path folder = exe.parent_path(); !folder.empty(); folder = folder.parent_path()) {
    if (is_home(folder)) return folder.string();
    if (folder == folder.root_path()) break;
  }
  // Not the working folder: a clerk's folder holds their data, and templates found there by
  // chance would be someone else's.
  vanban::fail_with("home.not-found", "vanban's templates and fonts are not beside the program ({}) nor in {}",
                    {exe.string(), installed.string()}, {}, {"run the vanban of a build or an install, or set VANBAN_HOME to the folder that holds templates/ and fonts/"});
}

// The engine for a command: its templates (and any given by path), and the fonts of --font-dir.
vanban::Engine open_engine(const std::string& home, const std::string& font_dir) {
  vanban::EngineOptions options;
  options.home = home;
  if (!font_dir.empty()) options.fonts = vanban::folder_resources(font_dir);
  options.allow_template_paths = true;
  return vanban::Engine(options);
}

std::optional<vanban::LegacyEncoding> public_encoding(const std::optional<vanban::text::LegacyEncoding>& encoding) {
  if (!encoding) return std::nullopt;
  return static_cast<vanban::LegacyEncoding>(*encoding);
}

// The folder a data file's images are read from: the file's own (standard input's: here).
std::string data_folder(const std::string& data) {
  return data == "-" ? "." : std::filesystem::path(data).parent_path().string();
}

// Prints a request's diagnostics; the exit code for them: 0 for none that is an error, 70 for
// a bug, 1 for bad input.
int report(const std::vector<vanban::Diagnostic>& diagnostics) {
  int code = 0;
  for (const auto& diagnostic : diagnostics) {
    std::cerr << describe(diagnostic) << '\n';
    if (diagnostic.severity == vanban::Severity::error) code = diagnostic.code == "internal" ? exit_internal : std::max(code, exit_bad_input);
  }
  return code;
}

int run_render(const RenderArgs& args, const std::string& home) {
  const vanban::Engine engine = open_engine(home, args.font_dir);
  vanban::RenderRequest request;
  request.template_name = args.template_name;
  request.format = args.from_markup ? vanban::DataFormat::markup : data_format_named(args.format);
  const std::string folder = data_folder(args.data);
  request.files = vanban::folder_resources(folder);
  request.margins = {args.margin_top, args.margin_bottom, args.margin_left, args.margin_right};
  request.line_breaking = args.line_breaker == vanban::layout::LineBreaker::first_fit ? vanban::LineBreaking::first_fit
                                                                                       : vanban::LineBreaking::total_fit;
  request.legacy_encoding = public_encoding(args.input_encoding);
  request.lenient = args.lenient;
  request.limits = args.limits.get();
  request.want_markup = !args.markup.empty();
  request.want_trace = !args.trace.empty();
  // The fields' places are those of the fields in the PDF: asking for them keeps the fields.
  request.sign_fields = args.sign_fields || !args.fields_json.empty();
  request.pdf_profile = args.pdf_profile;

  const std::string output = args.output.empty() ? default_output(args.data) : args.output;
  // Before any work: no output replaces the data, the template or a font, or another output.
  std::vector<std::string> inputs{args.data};
  if (!args.template_name.empty()) inputs.push_back(args.template_name);
  if (!args.font_dir.empty()) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(args.font_dir, error)) {
      std::string extension = entry.path().extension().string();
      std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
      if (extension == ".ttf" || extension == ".ttc" || extension == ".otf") inputs.push_back(entry.path().string());
    }
  }
  const std::vector<vanban::OutputFile> outputs{
      {output, "-o"}, {args.markup, "--markup"}, {args.trace, "--trace"}, {args.fields_json, "--fields-json"}};
  vanban::check_outputs(outputs, inputs);
  request.data = vanban::read_file(args.data, request.limits->max_input_bytes);
  request.data_name = args.data == "-" ? "<stdin>" : args.data;
  const vanban::RenderResult result = engine.render(request);
  if (const int code = report(result.diagnostics); code != 0) return code;
  // Everything is computed before anything is written, so an error leaves no output behind;
  // and no output replaces an image the document prints.
  for (const auto& image : result.images) inputs.push_back((std::filesystem::path(folder) / image).string());
  vanban::check_outputs(outputs, inputs);
  if (!args.markup.empty()) vanban::write_file_atomically(args.markup, result.markup);
  if (!args.trace.empty()) vanban::write_file_atomically(args.trace, result.trace);
  if (!args.fields_json.empty()) vanban::write_file_atomically(args.fields_json, vanban::signature_fields_json(result.signature_fields));
  vanban::write_file_atomically(output, result.pdf);
  if (args.stats) {
    const auto& s = result.stats;
    std::fprintf(stderr,
                 "%s: pages %zu, lines %d, overfull %d, loose (>1.5x) %d, space ratio min %.3f max %.3f mean %.3f%s\n",
                 args.data.c_str(), s.pages, s.lines, s.overfull_lines, s.loose_lines,
                 s.min_space_ratio, s.max_space_ratio, s.mean_space_ratio, s.tightened ? ", tightened" : "");
  }
  return 0;
}

struct CheckArgs {
  std::string data;
  std::string format;
  std::string template_name;
  LimitArgs limits;
  std::optional<vanban::text::LegacyEncoding> input_encoding;
};

// Prints every Decree 30 finding as file:line:col: warning|error: …; exit 1 if any is an error.
int run_check(const CheckArgs& args, const std::string& home) {
  const vanban::Engine engine = open_engine(home, {});
  vanban::RenderRequest request;
  request.template_name = args.template_name;
  request.format = data_format_named(args.format);
  request.legacy_encoding = public_encoding(args.input_encoding);
  request.limits = args.limits.get();
  const std::string name = args.data == "-" ? "<stdin>" : args.data;
  request.data = vanban::read_file(args.data, request.limits->max_input_bytes);
  request.data_name = name;
  const auto findings = engine.check(request);
  if (std::any_of(findings.begin(), findings.end(), [](const vanban::Diagnostic& d) { return d.code == "internal"; })) {
    return report(findings);
  }
  int errors = 0;
  for (const auto& finding : findings) {
    std::cout << describe(finding) << '\n';
    errors += finding.severity == vanban::Severity::error;
  }
  const std::size_t warnings = findings.size() - static_cast<std::size_t>(errors);
  if (language == vanban::Language::vietnamese) {
    std::cerr << name << ": " << errors << " lỗi, " << warnings << " cảnh báo\n";
  } else {
    std::cerr << name << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s") << '\n';
  }
  return errors > 0 ? exit_bad_input : 0;
}

// A template's one line, in Vietnamese with --lang vi where it has one.
std::string summary_of(const vanban::TemplateDescription& info) {
  return language == vanban::Language::vietnamese && !info.summary_vi.empty() ? info.summary_vi : info.summary;
}

// Lists the built-in templates; with a name, the fields that template reads.
int run_templates(const std::string& name, const std::string& home) {
  const vanban::Engine engine = open_engine(home, {});
  if (name.empty()) {
    for (const auto& info : engine.templates()) std::printf("%-16s %s\n", info.name.c_str(), summary_of(info).c_str());
    std::printf("\n'vanban templates NAME' lists the fields a template reads (docs/templates.md).\n");
    return 0;
  }
  const auto described = engine.describe_template(name);
  if (!described) vanban::catalogue::find_template(name, engine.core().templates(), true);  // says why, with a near name
  const auto& info = *described;
  std::printf("%s: %s\n", info.name.c_str(), summary_of(info).c_str());
  if (!info.type.empty()) std::printf("type: %s\n", info.type.c_str());
  if (!info.sample.empty()) std::printf("sample: samples/%s\n", info.sample.c_str());
  std::printf("\nfields (* required; a list takes any number of values, \"at most N\" that many):\n");
  for (const auto& field : info.fields) {
    std::string shape = field.kind;
    if (field.max == 0) shape += ", list";
    else if (field.max > 1) shape += ", at most " + std::to_string(field.max);
    std::printf("  %s %-26s %-16s %s\n", field.required ? "*" : " ", field.path.c_str(), shape.c_str(),
                field.description.c_str());
    if (!field.label.empty()) {
      std::string names = field.label;
      for (const auto& alias : field.aliases) names += " / " + alias;
      std::printf("    %-26s %-16s column: %s\n", "", "", names.c_str());
    }
  }
  std::printf("\nA batch's column is found by the names after \"column:\" (case, marks and punctuation aside), or by\n"
              "the field's own name (recipient/name); STT numbers the rows and Ghi chú holds notes, neither printed.\n"
              "Other headers: --map 'COLUMN=FIELD' (docs/batch.md).\n");
  return 0;
}

struct BatchArgs {
  std::string records;
  std::string sheet;
  std::vector<std::string> map;
  std::string map_file;
  int header_row = 0;
  std::string delimiter;
  std::string common;
  std::string template_name;
  std::string merge;
  std::string out_dir;
  std::string name = "{{number}}.pdf";
  std::string report;
  std::string shard;
  std::string font_dir;
  bool ascii_names = false;
  bool resume = false;
  bool dry_run = false;
  std::string report_format = "csv";
  bool quiet = false;
  bool lenient = false;
  bool sign_fields = false;
  vanban::output::PdfProfile pdf_profile = vanban::output::PdfProfile::plain;
  LimitArgs limits;
  int jobs = 0;
  std::optional<vanban::text::LegacyEncoding> input_encoding;
};

// --shard K/N, or N alone with K from the array job's index: a Kubernetes Indexed Job's
// JOB_COMPLETION_INDEX or a Slurm array's SLURM_ARRAY_TASK_ID, both counted from 0.
vanban::pipeline::Shard parse_shard(const std::string& text) {
  const auto bad = [&](const std::string& why) -> vanban::pipeline::Shard {
    vanban::fail_with("batch.shard", "--shard {}: {}", {text, why});
  };
  const auto number = [](const std::string& digits) {
    return !digits.empty() && digits.size() < 9 && digits.find_first_not_of("0123456789") == std::string::npos
               ? std::stoi(digits)
               : -1;
  };
  vanban::pipeline::Shard shard;
  const auto slash = text.find('/');
  shard.count = number(slash == std::string::npos ? text : text.substr(slash + 1));
  if (slash != std::string::npos && slash > 0) {
    shard.index = number(text.substr(0, slash));
  } else {
    const char* index = std::getenv("JOB_COMPLETION_INDEX");
    if (!index) index = std::getenv("SLURM_ARRAY_TASK_ID");
    if (!index) return bad("give K/N, or run as an indexed job (JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID)");
    const int zero_based = number(index);
    if (zero_based < 0) return bad(std::string("the job index '") + index + "' is not a number");
    shard.index = zero_based + 1;
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) return bad("write K/N with 1 <= K <= N");
  return shard;
}

// Prints progress on standard error: a line redrawn in place on a terminal (count, rate,
// ETA), a plain line every tenth of the work otherwise.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool quiet) : quiet_(quiet), terminal_(::isatty(2) == 1) {}

  void operator()(int done, int total) {
    if (quiet_) return;
    const double seconds = elapsed();
    const double rate = seconds > 0 ? done / seconds : 0;
    const double eta = rate > 0 ? (total - done) / rate : 0;
    if (terminal_) {
      if (done < total && seconds - last_ < 0.1) return;
      last_ = seconds;
      std::fprintf(stderr, "\r%d/%d records, %.0f/s, ETA %.0f s   %s", done, total, rate, eta, done == total ? "\n" : "");
    } else if (done == total || done * 10 / total != (done - 1) * 10 / total) {
      std::fprintf(stderr, "%d/%d records, %.0f/s, ETA %.0f s\n", done, total, rate, eta);
    }
  }

  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  bool quiet_, terminal_;
  double last_ = -1;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// --map 'Họ tên người được khen=recipient/name' and the lines of a --map-file, each COLUMN=FIELD
// (FIELD '-': leave the column out). A header may hold '=', a field never does.
std::pair<std::string, std::string> parse_column_map(const std::string& text, const vanban::SourceLocation& where) {
  const auto equals = text.rfind('=');
  std::string column = equals == std::string::npos ? std::string() : vanban::trim_space(text.substr(0, equals));
  std::string field = equals == std::string::npos ? std::string() : vanban::trim_space(text.substr(equals + 1));
  if (column.empty() || field.empty()) {
    vanban::fail_with("batch.map", "'{}' is not COLUMN=FIELD", {text}, where,
                 {"write the column's header, '=', and the field it feeds: --map 'Họ tên=recipient/name' ('-' leaves it out)"});
  }
  std::replace(field.begin(), field.end(), '.', '/');
  return {std::move(column), std::move(field)};
}

std::vector<std::pair<std::string, std::string>> column_map(const BatchArgs& args) {
  std::vector<std::pair<std::string, std::string>> map;
  if (!args.map_file.empty()) {
    const std::string text = vanban::text::decode_text_file(vanban::read_file(args.map_file, std::size_t{1} << 20)).text;
    int line = 0;
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t end = std::min(text.find('\n', from), text.size());
      const std::string entry = vanban::trim_space(text.substr(from, end - from));
      ++line;
      from = end + 1;
      if (entry.empty() || entry.front() == '#') continue;
      map.push_back(parse_column_map(entry, {args.map_file, line, 1}));
    }
  }
  for (const auto& entry : args.map) map.push_back(parse_column_map(entry, {"--map"}));
  return map;
}

// A batch's problems, shown as each record is done, in input order: the first of a kind in
// full, the same again in later records only counted, and summed up at the end ("the same
// error in 499 more records: 2 (row 6), 3 (row 7) …"), so that 500 rows missing one column
// make two lines, not 500.
class ProblemPrinter {
 public:
  void operator()(const vanban::pipeline::RecordOutcome& outcome) {
    for (const auto& problem : outcome.problems) {
      auto [group, first] = groups_.try_emplace(key_of(problem));
      group->second.records.push_back({outcome.number, outcome.row});
      if (!first) continue;
      group->second.first = problem;
      order_.push_back(group->first);
      std::cerr << (terminal_ ? "\r\x1b[K" : "") << describe(problem) << '\n';
    }
  }

  void summary() const {
    for (const auto& key : order_) {
      const Group& group = groups_.at(key);
      if (group.records.size() < 2) continue;
      std::string which;
      const std::size_t shown = std::min<std::size_t>(group.records.size(), 6);
      for (std::size_t k = 1; k < shown; ++k) {
        const char* row = language == vanban::Language::vietnamese ? " (hàng " : " (row ";
        which += (k > 1 ? ", " : "") + std::to_string(group.records[k].first) + row + std::to_string(group.records[k].second) + ")";
      }
      if (group.records.size() > shown) which += ", …";
      const bool error = group.first.severity == vanban::Severity::error;
      std::cerr << describe(vanban::formatted(group.first.severity, "batch.repeated",
                                              error ? "the same error as record {}'s [{}] in {} more records: {}"
                                                    : "the same warning as record {}'s [{}] in {} more records: {}",
                                              {std::to_string(group.records.front().first), group.first.code,
                                               std::to_string(group.records.size() - 1), which},
                                              {group.first.where.file}))
                << '\n';
    }
  }

 private:
  struct Group {
    vanban::Diagnostic first;
    std::vector<std::pair<int, int>> records;  // number, row
  };

  // The same problem in another record: its code, message and hints.
  static std::string key_of(const vanban::Diagnostic& problem) {
    // Not the column: a CSV cell's column in characters moves with the length of the cells before it.
    std::string key = problem.code + '\n' + problem.message;
    for (const auto& hint : problem.hints) key += '\n' + hint;
    return key;
  }

  std::map<std::string, Group> groups_;
  std::vector<std::string> order_;
  bool terminal_ = ::isatty(2) == 1;
};

int run_batch(const BatchArgs& args, const std::string& home) {
  const vanban::Engine engine = open_engine(home, args.font_dir);
  vanban::pipeline::BatchOptions options;
  options.generate.template_name = args.template_name;
  options.generate.lenient = args.lenient;
  options.generate.settings.signature_fields = args.sign_fields;
  options.pdf_profile = args.pdf_profile;
  options.generate.input_encoding = args.input_encoding;
  options.generate.limits = args.limits.get();
  options.generate.files = vanban::folder_resources(std::filesystem::path(args.records).parent_path().string());
  options.records_file = args.records;
  options.sheet = args.sheet;
  options.column_map = column_map(args);
  options.header_row = args.header_row;
  options.delimiter = args.delimiter == "tab" ? '\t' : args.delimiter.empty() ? '\0' : args.delimiter.front();
  if (!args.quiet) {
    options.show_columns = [&](const vanban::data::TableLayout& table) {
      std::cerr << vanban::pipeline::describe_columns(table, args.template_name);
    };
  }
  options.common_file = args.common;
  options.merge_file = args.merge;
  options.out_dir = args.out_dir;
  options.name_pattern = args.name;
  options.ascii_names = args.ascii_names;
  options.resume = args.resume;
  options.report_file = args.report;
  options.jobs = args.jobs > 0 ? args.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!args.shard.empty()) options.shard = parse_shard(args.shard);

  options.dry_run = args.dry_run;
  ProgressPrinter progress(args.quiet);
  ProblemPrinter problems;
  options.on_record = std::ref(problems);
  const auto result = vanban::pipeline::run_batch(engine.core(), options, std::ref(progress));
  for (const auto& warning : result.warnings) std::cerr << describe(warning) << '\n';
  problems.summary();
  if (!args.report.empty()) {
    vanban::write_file_atomically(args.report, args.report_format == "json" ? vanban::pipeline::batch_report_json(result)
                                                                             : vanban::pipeline::batch_report_csv(result));
  }
  if (!args.quiet) {
    const double seconds = progress.elapsed();
    std::fprintf(stderr, "%s: %d %s, %d failed, %zu skipped, of %zu records in %.2f s (%.0f/s)\n",
                 args.records.c_str(), result.printed(), args.dry_run ? "would print (--dry-run: nothing written)" : "printed",
                 result.failed(), result.outcomes.size() - static_cast<std::size_t>(result.printed() + result.failed()),
                 result.outcomes.size(), seconds, seconds > 0 ? static_cast<double>(result.outcomes.size()) / seconds : 0.0);
  }
  return result.failed() > 0 ? exit_records_failed : 0;
}

struct ConvertArgs {
  std::string input;
  std::string output = "-";
  vanban::text::LegacyEncoding from = vanban::text::LegacyEncoding::tcvn3;
  bool capitals = false;
};

// vanban serve: where it listens, how much it takes at once, and each request's limits.
struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int workers = 0;
  int queue = 64;
  double max_body_mb = 32;
  double queue_timeout = 10;
  int client_timeout = 10;
  std::string token_file;
  bool quiet = false;
  std::string font_dir;
  LimitArgs limits;
};

int run_serve(const ServeArgs& args, const std::string& home, const vanban::cli::ServeCommand& serve, char** argv) {
  vanban::EngineOptions engine_options;
  engine_options.home = home;
  if (!args.font_dir.empty()) engine_options.fonts = vanban::folder_resources(args.font_dir);
  // Requests name built-in templates only: never a path on this machine.
  engine_options.allow_template_paths = false;
  vanban::service::ServiceOptions options;
  options.host = args.host;
  options.port = args.port;
  options.workers = args.workers;
  options.queue = args.queue;
  options.max_body_bytes = static_cast<std::size_t>(args.max_body_mb * 1024 * 1024);
  options.queue_deadline_s = args.queue_timeout;
  options.read_timeout_s = options.write_timeout_s = args.client_timeout;
  options.limits = args.limits.get();
  if (!args.token_file.empty()) {
    // A file, not an argument: a command line is visible to every user of the machine.
    std::string token = vanban::read_file(args.token_file, options.limits.max_input_bytes);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    if (token.empty()) vanban::fail("service.token", "the token file is empty", {args.token_file});
    options.token = token;
  }
  if (!args.quiet) options.access_log = &std::cerr;
  options.on_listening = [](const std::string& host, int port) {
    std::cerr << "vanban serve: listening on http://" << (host.find(':') != std::string::npos ? "[" + host + "]" : host)
              << ':' << port << "/ (SIGTERM or Ctrl-C stops it)" << std::endl;
  };
  const int code = serve(engine_options, options, argv);
  if (code != 0) {
    std::cerr << describe({vanban::Severity::error, "service.listen",
                           "cannot listen on " + args.host + ":" + std::to_string(args.port), {},
                           {"is another program using the port? choose another with --port"}})
              << '\n';
    return exit_bad_input;
  }
  std::cerr << "vanban serve: stopped" << std::endl;
  return 0;
}

// Converts the legacy values of a file (TCVN3, VNI or Windows-1258: bytes, or mojibake in
// UTF-8) to UTF-8 in NFC, each value judged alone; a workbook into a new workbook.
int run_convert(const ConvertArgs& args) {
  const std::string name = args.input == "-" ? "<stdin>" : args.input;
  vanban::check_outputs({{args.output, "-o"}}, {args.input});
  const auto converted = vanban::data::convert_file(vanban::read_file(args.input, vanban::Limits{}.max_records_bytes), name,
                                                        args.from, args.capitals);
  for (const auto& warning : converted.warnings) std::cerr << describe(warning) << '\n';
  vanban::write_file_atomically(args.output, converted.bytes);
  return 0;
}

}  // namespace

// `vanban completion bash`: a bash completion script made from the commands and options
// themselves, so that it cannot drift from them. Install it as
// /usr/share/bash-completion/completions/vanban, or source it.
std::string bash_completion(const CLI::App& app) {
  std::string commands, cases;
  for (const auto* command : app.get_subcommands({})) {
    if (command->get_name() == "completion" || command->get_name() == "man") continue;
    commands += (commands.empty() ? "" : " ") + command->get_name();
    std::string options;
    for (const auto* option : command->get_options()) {
      for (const auto& name : option->get_lnames()) options += " --" + name;
      for (const auto& name : option->get_snames()) options += " -" + name;
    }
    cases += "    " + command->get_name() + ") words=\"" + options.substr(options.empty() ? 0 : 1) + "\" ;;\n";
  }
  return "# bash completion for vanban (made by: vanban completion bash)\n"
         "_vanban() {\n"
         "  local current=${COMP_WORDS[COMP_CWORD]} command=${COMP_WORDS[1]} words\n"
         "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
         "    COMPREPLY=($(compgen -W \"" + commands + " --help --version --lang\" -- \"$current\"))\n"
         "    return\n"
         "  fi\n"
         "  case $command in\n" + cases +
         "    *) words=\"\" ;;\n"
         "  esac\n"
         "  if [[ $current == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$words --help --lang\" -- \"$current\"))\n"
         "  else\n"
         "    COMPREPLY=($(compgen -f -- \"$current\"))\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _vanban vanban\n";
}

// `vanban man`: the manual page (roff), made from the same commands and options.
std::string manual_page(const CLI::App& app) {
  const auto roff = [](std::string text) {
    std::string out;
    for (char c : text) out += c == '\\' ? std::string("\\e") : c == '-' ? std::string("\\-") : std::string(1, c);
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out = "\\&" + out;
    return out;
  };
  std::string page = ".TH VANBAN 1 \"\" \"vanban " VANBAN_VERSION "\" \"User Commands\"\n"
                     ".SH NAME\nvanban \\- " + roff(app.get_description().substr(app.get_description().find(':') + 2)) + "\n"
                     ".SH SYNOPSIS\n.B vanban\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] ...\n"
                     ".SH DESCRIPTION\nvanban merges structured data (XML, JSON, CSV, Excel workbooks) into templates and "
                     "lays the documents out as Decree 30/2020/ND\\-CP asks, as PDF. Every value of the data is printed, "
                     "or refused with its file, line and column.\n"
                     ".SH COMMANDS\n";
  for (const auto* command : app.get_subcommands({})) {
    page += ".SS " + command->get_name() + "\n" + roff(command->get_description()) + "\n";
    for (const auto* option : command->get_options()) {
      if (option->get_name() == "--help") continue;
      std::string names;
      for (const auto& name : option->get_snames()) names += (names.empty() ? "-" : ", -") + name;
      for (const auto& name : option->get_lnames()) names += (names.empty() ? "--" : ", --") + name;
      if (names.empty()) names = option->get_name();
      page += ".TP\n.B " + roff(names) + "\n" + roff(option->get_description()) + "\n";
    }
  }
  page += ".SH EXIT STATUS\n0: done; 1: bad input, nothing written; 2: a usage error; 3: a batch ran and some records "
          "failed (the others are printed).\n"
          ".SH ENVIRONMENT\n.TP\n.B VANBAN_HOME\nthe folder that holds templates/ and fonts/ (default: beside the program)\n"
          ".TP\n.B VANBAN_LANG\nthe language of messages, en or vi\n"
          ".SH SEE ALSO\nThe README and docs/ of the source: docs/batch.md, docs/data-schema.md, docs/templates.md.\n";
  return page;
}

// --lang vi (or VANBAN_LANG=vi) shows the help in Vietnamese: every description from the
// table, and CLI11's own words. Looked for before parsing, since the help is printed by it.
void translate_help(CLI::App& app, int argc, char** argv) {
  std::string name;
  if (const char* env = std::getenv("VANBAN_LANG"); env && *env) name = env;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (arg == "--lang" && k + 1 < argc) name = argv[k + 1];
    if (arg.rfind("--lang=", 0) == 0) name = arg.substr(7);
  }
  if (vanban::language_named(name) != vanban::Language::vietnamese) return;
  const auto formatter = app.get_formatter();
  for (const auto& [english, vietnamese] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Usage", "Cách dùng"}, {"OPTIONS", "TÙY CHỌN"}, {"SUBCOMMAND", "LỆNH"}, {"SUBCOMMANDS", "LỆNH"},
           {"Positionals", "Tham số"}, {"Options", "Tùy chọn"}, {"Subcommands", "Lệnh"}, {"REQUIRED", "BẮT BUỘC"}}) {
    formatter->label(english, vietnamese);
  }
  const std::function<void(CLI::App&)> translate = [&](CLI::App& command) {
    if (auto text = vanban::vietnamese_help(command.get_description())) command.description(*text);
    for (auto* option : command.get_options()) {
      if (auto text = vanban::vietnamese_help(option->get_description())) option->description(*text);
      if (!option->get_positional()) option->group("Tùy chọn");
    }
    for (auto* sub : command.get_subcommands({})) {
      sub->formatter(formatter);
      sub->group("Lệnh");
      translate(*sub);
    }
  };
  translate(app);
  app.footer("Trợ giúp chi tiết: README và docs/ của mã nguồn; vanban man in trang hướng dẫn (tiếng Anh).");
}

std::string vanban::cli::describe(const Diagnostic& diagnostic) { return vanban::format_diagnostic(diagnostic, language); }
bool vanban::cli::in_vietnamese() { return language == vanban::Language::vietnamese; }

int vanban::cli::run_command_line(int argc, char** argv, const Commands& commands) {
  CLI::App app{"vanban: Vietnamese administrative documents, typeset by Decree 30/2020/NĐ-CP"};
  app.set_version_flag("--version", "vanban " VANBAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // --lang after the subcommand too: vanban render --lang vi …
  std::string language_name;
  if (const char* env = std::getenv("VANBAN_LANG"); env && *env) language_name = env;
  app.add_option("--lang", language_name, "language of messages: en (default) or vi (also $VANBAN_LANG)")
      ->check([](const std::string& name) {
        return vanban::language_named(name) ? std::string() : "--lang is en or vi, not " + name;
      });

  std::string shell;
  auto* completion_cmd = app.add_subcommand("completion", "Print a shell completion script: vanban completion bash");
  completion_cmd->add_option("SHELL", shell, "bash")->required()->check(CLI::IsMember({"bash"}));
  auto* man_cmd = app.add_subcommand("man", "Print the manual page (roff): vanban man > vanban.1");

  RenderArgs render;
  const std::map<std::string, vanban::text::LegacyEncoding> encodings{{"tcvn3", vanban::text::LegacyEncoding::tcvn3},
                                                                      {"vni", vanban::text::LegacyEncoding::vni},
                                                                      {"cp1258", vanban::text::LegacyEncoding::cp1258}};
  auto* render_cmd = app.add_subcommand("render", "Render a data file through its template to PDF");
  render_cmd->add_option("DATA", render.data, "the document's data, XML or JSON, or - for standard input")->required();
  render_cmd->add_option("--format", render.format, "xml or json (default: from DATA's name, or its first character)")
      ->check(CLI::IsMember({"xml", "json"}));
  render_cmd->add_option("-o,--output", render.output, "PDF to write, or - for standard output (default: DATA.pdf here)")
      ->check(pdf_name());
  render_cmd->add_option("-t,--template", render.template_name,
                         "built-in template name (templates/NAME) or a template path (default: the data's own)");
  render_cmd->add_option("--font-dir", render.font_dir,
                         "folder with the four faces of Times New Roman or Liberation Serif (default: fonts/)");
  render_cmd->add_option("--trace", render.trace, "also write the layout trace to this file");
  render_cmd->add_option("--markup", render.markup, "also write the document markup the template produced");
  render_cmd->add_flag("--sign-fields", render.sign_fields,
                       "keep unsigned signature fields where the signer and the organisation sign (Sig_Signer, Sig_Org)");
  render_cmd->add_option("--fields-json", render.fields_json,
                         "also write each signature field's name, page and rectangle (points, and mm from the top left) as JSON");
  const std::map<std::string, vanban::PdfProfile> profiles{{"2b", vanban::PdfProfile::pdfa_2b}, {"2u", vanban::PdfProfile::pdfa_2u}};
  render_cmd->add_option("--pdfa", render.pdf_profile, "write PDF/A-2 for archiving: 2b (the look kept) or 2u (and the text as Unicode)")
      ->transform(one_of(profiles))->type_name("2b|2u");
  render_cmd->add_flag("--from-markup", render.from_markup,
                       "DATA is document markup (docs/markup.md): lay it out without a template");
  render_cmd->add_flag("--stats", render.stats, "print line-breaking figures to standard error");
  render_cmd->add_flag("--lenient", render.lenient,
                       "print despite Decree 30 and template errors (e.g. an office's own ký hiệu form), as warnings");
  const std::map<std::string, vanban::layout::LineBreaker> breakers{
      {"total-fit", vanban::layout::LineBreaker::total_fit}, {"first-fit", vanban::layout::LineBreaker::first_fit}};
  render_cmd->add_option("--line-breaker", render.line_breaker, "total-fit (Knuth-Plass, default) or first-fit (word processor)")
      ->transform(one_of(breakers))->type_name("total-fit|first-fit");
  render_cmd->add_option("--input-encoding", render.input_encoding,
                         "the data holds TCVN3 (ABC, .VnTime), VNI or Windows-1258 text: convert the values that read as Vietnamese")
      ->transform(one_of(encodings))->type_name("tcvn3|vni|cp1258");

  CheckArgs check;
  auto* check_cmd = app.add_subcommand("check", "Check a data file against Decree 30 without printing it");
  check_cmd->add_option("DATA", check.data, "the document's data, XML or JSON, or - for standard input")->required();
  check_cmd->add_option("--format", check.format, "xml or json (default: from DATA's name, or its first character)")
      ->check(CLI::IsMember({"xml", "json"}));
  check_cmd->add_option("-t,--template", check.template_name,
                        "the template whose required fields to check (default: the data's own)");
  check_cmd->add_option("--input-encoding", check.input_encoding, "the data holds TCVN3, VNI or Windows-1258 text: convert the values that read as Vietnamese")
      ->transform(one_of(encodings))->type_name("tcvn3|vni|cp1258");

  std::string template_name;
  auto* templates_cmd = app.add_subcommand("templates", "List the built-in templates, or the fields of one");
  templates_cmd->add_option("NAME", template_name, "a template: list the fields it reads, required ones starred");

  BatchArgs batch;
  auto* batch_cmd = app.add_subcommand("batch", "Print one template over many records: a spreadsheet's rows");
  batch_cmd->add_option("RECORDS", batch.records, "the records: an .xlsx workbook, .csv (UTF-8, as Excel or "
                        "LibreOffice export it), .txt (tab-separated), .json (an array of objects) or .xml (a list)")->required();
  batch_cmd->add_option("--sheet", batch.sheet, "the .xlsx workbook's sheet to read (default: the first)");
  batch_cmd->add_option("--map", batch.map, "COLUMN=FIELD: the column with this header feeds FIELD ('-': leave it out); "
                                            "headers the template names (Họ và tên, Chức vụ …) need none")
      ->type_name("COLUMN=FIELD");
  batch_cmd->add_option("--delimiter", batch.delimiter, "CSV: the separator, ',' ';' or tab (default: found from the first lines)")
      ->check(CLI::IsMember({",", ";", "tab"}));
  batch_cmd->add_option("--map-file", batch.map_file, "a file of COLUMN=FIELD lines, as --map (# starts a comment)");
  batch_cmd->add_option("--header-row", batch.header_row, "the row that names the columns (default: found below any title rows)")
      ->check(CLI::PositiveNumber);
  batch_cmd->add_option("-t,--template", batch.template_name, "built-in template name or path")->required();
  batch_cmd->add_option("--data", batch.common, "an XML or JSON file of the fields every record shares (authority, signer, decision)");
  batch_cmd->add_option("--merge", batch.merge, "one print-ready PDF of every record, in input order")->check(pdf_name());
  batch_cmd->add_option("--out-dir", batch.out_dir, "one PDF per record in this folder");
  batch_cmd->add_option("--name", batch.name, "the file name of each record's PDF, a Mustache pattern over its fields")
      ->capture_default_str();
  batch_cmd->add_flag("--ascii-names", batch.ascii_names, "fold diacritics out of the file names (Nguyễn -> Nguyen)");
  batch_cmd->add_option("-j,--jobs", batch.jobs, "worker threads (default: all cores)");
  batch_cmd->add_option("--report", batch.report, "a row per record: row, name, status, output, pages, problem (CSV, or JSON with --report-format json)");
  batch_cmd->add_flag("--resume", batch.resume, "skip records whose complete PDF is already in --out-dir");
  batch_cmd->add_flag("--dry-run", batch.dry_run, "check and lay out every record, print nothing and write no file but the report");
  batch_cmd->add_option("--report-format", batch.report_format, "csv (the default) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  batch_cmd->add_option("--shard", batch.shard, "K/N: only the K-th of N slices (N alone: K from the array job's index)");
  batch_cmd->add_flag("-q,--quiet", batch.quiet, "no progress and no summary; problems are still printed");
  batch_cmd->add_flag("--lenient", batch.lenient, "print despite Decree 30 and template errors, as warnings");
  batch_cmd->add_flag("--sign-fields", batch.sign_fields,
                      "each record's PDF keeps unsigned signature fields where the signer and the organisation sign");
  const std::map<std::string, vanban::output::PdfProfile> batch_profiles{{"2b", vanban::output::PdfProfile::pdfa_2b},
                                                                         {"2u", vanban::output::PdfProfile::pdfa_2u}};
  batch_cmd->add_option("--pdfa", batch.pdf_profile, "write each PDF as PDF/A-2: 2b or 2u")
      ->transform(one_of(batch_profiles))->type_name("2b|2u");
  batch_cmd->add_option("--font-dir", batch.font_dir, "folder with the four faces (default: fonts/)");
  batch_cmd->add_option("--input-encoding", batch.input_encoding, "the records hold TCVN3, VNI or Windows-1258 text: convert the values that read as Vietnamese")
      ->transform(one_of(encodings))->type_name("tcvn3|vni|cp1258");

  ConvertArgs convert;
  auto* convert_cmd = app.add_subcommand("convert", "Convert a text file or a workbook typed in TCVN3, VNI or Windows-1258 to Unicode (UTF-8, NFC)");
  convert_cmd->add_option("FILE", convert.input, "file to convert, or - for standard input")->required();
  convert_cmd->add_option("--from", convert.from, "tcvn3 (ABC, .VnTime fonts), vni (VNI-Times fonts) or cp1258 (Windows-1258)")
      ->required()
      ->transform(one_of(encodings))->type_name("tcvn3|vni|cp1258");
  convert_cmd->add_option("-o,--output", convert.output, "file to write, or - for standard output (the default)");
  convert_cmd->add_flag("--capitals", convert.capitals,
                        "the text was set in a TCVN3 capitals font (.VnTimeH): write it in capitals");
  ServeArgs serve;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the engine over HTTP for e-office systems, with a page for clerks at /");
  serve_cmd->add_option("--host", serve.host, "address to listen on (0.0.0.0 for every interface)")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "TCP port (0: any free one)")->capture_default_str()->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--workers", serve.workers, "documents made at once (default: one per core)")->check(CLI::NonNegativeNumber);
  serve_cmd->add_option("--queue", serve.queue, "requests that may wait for a worker; one more is answered 429")
      ->capture_default_str()->check(CLI::Range(0, 100000));
  serve_cmd->add_option("--max-body-mb", serve.max_body_mb, "the largest request body, in MB (larger: 413)")
      ->capture_default_str()->check(finite_between(0.001, 1024));
  serve_cmd->add_option("--queue-timeout", serve.queue_timeout, "seconds a request may wait for a worker (longer: 503)")
      ->capture_default_str()->check(finite_between(0.001, 3600));
  serve_cmd->add_option("--client-timeout", serve.client_timeout, "seconds a client may send or read nothing before it is dropped")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  serve_cmd->add_option("--token-file", serve.token_file, "a file holding the bearer token every /v1/ request must give");
  serve_cmd->add_flag("-q,--quiet", serve.quiet, "no access log");
  serve_cmd->add_option("--font-dir", serve.font_dir, "folder with the four faces (default: fonts/)");
  serve.limits.add_to(*serve_cmd);

  SignArgs sign;
  auto* sign_cmd = app.add_subcommand("sign", "Sign a signature field of a PDF (PAdES B-B), with a key file or a token, as an incremental update");
  sign_cmd->add_option("PDF", sign.input, "the PDF to sign, made with --sign-fields")->required();
  sign_cmd->add_option("--field", sign.field, "the field to sign: Sig_Signer (the signer) or Sig_Org (the organisation, with its seal)")
      ->required();
  sign_cmd->add_option("-o,--output", sign.output, "the signed PDF to write (never the input: a PDF handed over is not rewritten)")
      ->required()->check(pdf_name());
  auto* p12_option = sign_cmd->add_option("--p12", sign.p12, "the signer's key and certificate in a PKCS#12 file (.p12, .pfx)");
  auto* password_option = sign_cmd->add_option("--password-file", sign.password_file, "a file whose first line is the PKCS#12 file's password");
  auto* module_option = sign_cmd->add_option("--pkcs11-module", sign.pkcs11_module,
                                             "the token's PKCS#11 library (a USB token's, or SoftHSM's)");
  auto* uri_option = sign_cmd->add_option("--pkcs11-uri", sign.pkcs11_uri, "the key on the token: pkcs11:token=…;object=…");
  auto* cert_option = sign_cmd->add_option("--cert", sign.certificate, "the token key's certificate (and its chain) in PEM");
  sign_cmd->add_option("--pin-file", sign.pin_file, "a file whose first line is the token's PIN");
  sign_cmd->add_option("--image", sign.image, "the field's appearance: the signer's image or the seal (PNG with transparency, or JPEG)");
  sign_cmd->add_option("--time", sign.time, "the signing time, ISO 8601 with its offset (default: now, +07:00)");
  p12_option->excludes(module_option)->needs(password_option);
  module_option->needs(uri_option)->needs(cert_option);

  VerifyArgs verify;
  auto* verify_cmd = app.add_subcommand("verify", "Check every signature of a PDF: valid or not, what it covers, who signed and when");
  verify_cmd->add_option("PDF", verify.input, "the signed PDF")->required();
  verify_cmd->add_option("--ca", verify.ca, "trusted CA certificates in PEM: also check each signer's certificate leads to one");
  verify_cmd->add_flag("--json", verify.json, "print the report as JSON");

  LintArgs lint;
  auto* lint_cmd = app.add_subcommand("lint-pdfa", "Check PDFs against the PDF/A-2 rules that apply to what vanban writes, named by veraPDF's numbers");
  lint_cmd->add_option("PDF", lint.files, "the PDFs to check");
  lint_cmd->add_option("--level", lint.level, "b or u (default: the level each file claims)")->check(CLI::IsMember({"b", "u"}));
  lint_cmd->add_flag("--rules", lint.rules, "list the rules the lint checks, and nothing else");

  render.limits.add_to(*render_cmd);
  check.limits.add_to(*check_cmd);
  batch.limits.add_to(*batch_cmd);
  render_cmd->add_option("--margin-top", render.margin_top, "top margin in mm (20-25)")
      ->capture_default_str()->check(finite_between(20, 25));
  render_cmd->add_option("--margin-bottom", render.margin_bottom, "bottom margin in mm (20-25)")
      ->capture_default_str()->check(finite_between(20, 25));
  render_cmd->add_option("--margin-left", render.margin_left, "left margin in mm (30-35)")
      ->capture_default_str()->check(finite_between(30, 35));
  render_cmd->add_option("--margin-right", render.margin_right, "right margin in mm (15-20)")
      ->capture_default_str()->check(finite_between(15, 20));

  translate_help(app, argc, argv);
  // A command that is not one ("vanban rendr") is told with the nearest, before CLI11 would
  // say only that a subcommand is required.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> command_names;
    for (const auto* command : app.get_subcommands({})) command_names.push_back(command->get_name());
    if (std::find(command_names.begin(), command_names.end(), argv[1]) == command_names.end()) {
      std::cerr << "vanban: '" << argv[1] << "' is not a command";
      if (const auto near = vanban::nearest_name(argv[1], command_names)) std::cerr << ": did you mean '" << *near << "'?";
      std::cerr << "\nThe commands are render, check, batch, templates, convert, sign, verify, lint-pdfa, serve, completion and man; vanban --help tells more.\n";
      return exit_bad_usage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    // An option misspelt ("--marge"): the nearest of the command's own.
    for (const auto* command : app.get_subcommands()) {
      std::vector<std::string> options;
      for (const auto* option : command->get_options()) {
        for (const auto& name : option->get_lnames()) options.push_back("--" + name);
      }
      std::vector<std::string> extras = command->remaining();
      for (const auto& extra : app.remaining()) extras.push_back(extra);
      for (const auto& extra : extras) {
        if (extra.rfind("--", 0) != 0) continue;
        const std::string name = extra.substr(0, extra.find('='));
        if (const auto near = vanban::nearest_name(name, options)) std::cerr << name << ": did you mean '" << *near << "'?\n";
      }
    }
    return exit_bad_usage;
  }

  language = vanban::language_named(language_name).value_or(vanban::Language::english);
  try {
    if (*completion_cmd) return std::printf("%s", bash_completion(app).c_str()) < 0 ? exit_bad_input : 0;
    if (*man_cmd) return std::printf("%s", manual_page(app).c_str()) < 0 ? exit_bad_input : 0;
    if (*convert_cmd) return run_convert(convert);  // needs no templates or fonts
    if (*sign_cmd) {
      if (sign.p12.empty() && sign.pkcs11_module.empty()) {
        std::cerr << describe({vanban::Severity::error, "sign.no-key", "vanban sign needs a key: --p12 FILE --password-file FILE, "
                               "or --pkcs11-module LIB --pkcs11-uri URI --cert FILE", {}, {}})
                  << '\n';
        return exit_bad_usage;
      }
      sign.max_image_pixels = vanban::Limits{}.max_image_pixels;
      vanban::check_outputs({{sign.output, "-o"}}, {sign.input});
      return commands.sign(sign, argv);
    }
    if (*verify_cmd) return commands.verify(verify, argv);
    if (*lint_cmd) {
      if (lint.files.empty() && !lint.rules) {
        std::cerr << describe({vanban::Severity::error, "sign.no-input", "vanban lint-pdfa needs the PDFs to check", {}, {}}) << '\n';
        return exit_bad_usage;
      }
      return commands.lint_pdfa(lint, argv);
    }
    const std::string home = find_home("/proc/self/exe");
    if (*render_cmd) return run_render(render, home);
    if (*check_cmd) return run_check(check, home);
    if (*templates_cmd) return run_templates(template_name, home);
    if (*batch_cmd) return run_batch(batch, home);
    if (*serve_cmd) return run_serve(serve, home, commands.serve, argv);
  } catch (const vanban::Error& e) {
    for (const auto& diagnostic : e.diagnostics()) std::cerr << describe(diagnostic) << '\n';
    return exit_bad_input;
  } catch (const std::bad_alloc&) {
    std::cerr << describe({vanban::Severity::error, "limit.memory",
                           "out of memory: the input is too large for this machine; use a smaller input or lower the "
                           "--max-* limits", {}, {}})
              << '\n';
    return exit_bad_input;
  } catch (const std::exception& e) {
    // Every bad input should have been a vanban::Error with its place; this is a bug.
    std::cerr << describe({vanban::Severity::error, "internal",
                           std::string("internal error: ") + e.what() +
                               " (a bug in vanban: please report it with the input that caused it)", {}, {}})
              << '\n';
    return exit_internal;
  }
  return exit_bad_usage;
}
