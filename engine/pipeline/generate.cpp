#include "pipeline/generate.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

#include "base/files.h"
#include "base/source_index.h"
#include "check/check_document.h"
#include "image/decode_image.h"
#include "data/read_data.h"
#include "markup/parse_markup.h"
#include "data/data_input.h"
#include "pipeline/template_check.h"
#include "pipeline/template_helpers.h"
#include "catalogue/templates.h"
#include "text/font.h"
#include "text/formats.h"
#include "text/unicode.h"

namespace vanban::pipeline {

namespace fs = std::filesystem;

namespace {

}  // namespace

namespace {

// Stages 3 and 4: markup -> DocTree -> Frame.
void lay_out(const std::string& markup, const std::string& markup_name, const Core& core, const GenerateOptions& options,
             Generated& out) {
  const text::FontFamily& fonts = core.fonts();
  markup::DocTree doc = markup::parse_markup(markup, markup_name, options.limits);
  // What data brought in was checked at its place; what is left came from the template or
  // the markup itself.
  if (const auto missing = text::find_undrawable_character(markup, fonts)) {
    throw Error(check::undrawable_finding(*missing, locate_offset(markup_name, markup, missing->offset)));
  }
  static const MemoryResources no_files;
  image::load_images(doc, options.files ? *options.files : no_files, options.limits, core.images());
  layout::LayoutSettings settings = options.settings;
  settings.max_pages = options.limits.max_pages;
  out.frame = layout::layout_document(doc, fonts, settings, &out.stats);
}

}  // namespace

// A data file may name only a built-in template: a path in it would make vanban read (and,
// in its error, tell of) whatever file the data chose.
std::string template_name_of(const data::DataTree& tree, const GenerateOptions& options) {
  if (!options.template_name.empty()) return options.template_name;
  const data::Value* named = tree.root.find("template");
  if (!named) return {};
  const std::string name = named->plain_text();
  const bool plain = !name.empty() && name.find_first_of("/\\") == std::string::npos && name.front() != '.' &&
                     fs::path(name).extension() != ".mustache";
  if (!plain) {
    fail_with("template.data-path", "template=\"{}\": a data file names a built-in template, never a path", {name},
              named->where, {"'vanban templates' lists the built-in ones; a template of your own is given with -t PATH"});
  }
  return name;
}

namespace {

// The fields a batch's --name pattern makes file names from, added to the contract where it
// does not declare them: read, but not printed in the document.
void add_outside_fields(check::Contract& contract, const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    check::FieldSpec* node = &contract.root;
    std::string so_far;
    for (std::size_t from = 0; node && from <= path.size();) {
      const std::size_t slash = std::min(path.find('/', from), path.size());
      const std::string name = path.substr(from, slash - from);
      so_far += (so_far.empty() ? "" : "/") + name;
      check::FieldSpec* child = nullptr;
      for (auto& c : node->children) {
        if (c.name == name) child = &c;
      }
      if (!child) {
        if (node->kind != check::FieldKind::group) break;
        check::FieldSpec made;
        made.name = name;
        made.path = so_far;
        made.kind = slash == path.size() ? check::FieldKind::text : check::FieldKind::group;
        made.outside_document = true;
        made.description = "read by the --name pattern";
        node->children.push_back(std::move(made));
        child = &node->children.back();
      }
      node = child;
      from = slash + 1;
    }
  }
}

// A markup error about something the data put there (a length, an image's path) is reported
// at the data value, with the markup's place as a hint: the clerk fixes the data, not the
// markup the template made of it.
Error at_data(const Error& error, const mustache::Rendered& rendered, const std::string& markup_name) {
  std::vector<Diagnostic> moved = error.diagnostics();
  for (auto& diagnostic : moved) {
    if (diagnostic.where.file != markup_name || diagnostic.where.line <= 0) continue;
    const std::size_t offset = offset_of_location(rendered.markup, diagnostic.where);
    const std::size_t tag_end = offset < rendered.markup.size() && rendered.markup[offset] == '<'
                                    ? rendered.markup.find('>', offset)
                                    : offset;
    const mustache::PlacedValue* found = nullptr;
    for (const auto& placed : rendered.placed) {
      const bool inside = placed.begin <= offset && offset < placed.end;
      const bool in_tag = placed.begin >= offset && placed.begin <= tag_end;
      if (!inside && !in_tag) continue;
      const std::string text = rendered.markup.substr(placed.begin, placed.end - placed.begin);
      if (!found || (!text.empty() && diagnostic.message.find(text) != std::string::npos)) found = &placed;
      if (inside) break;
    }
    if (!found) continue;
    add_hint(diagnostic, {"in the markup made from it, {}",
                          {diagnostic.where.file + ":" + std::to_string(diagnostic.where.line) + ":" +
                           std::to_string(diagnostic.where.column)}});
    diagnostic.where = found->value->where;
  }
  return Error(std::move(moved));
}

}  // namespace

namespace {

// Names the data field each diagnostic points to: the path of the value that was read at its
// place in the data (docs/library.md, "Diagnostics"), so that a form can show it beside its
// field.
void collect_field_places(const data::Value& value, const std::string& path,
                          std::map<std::pair<int, int>, std::string>& places) {
  if (!path.empty()) places.emplace(std::pair(value.where.line, value.where.column), path);
  if (value.kind != data::Value::Kind::map) return;
  std::map<std::string, int> seen, count;
  for (const auto& field : value.fields) ++count[field.name];
  for (const auto& field : value.fields) {
    std::string name = path.empty() ? field.name : path + '/' + field.name;
    const int index = ++seen[field.name];
    if (count[field.name] > 1) name += '[' + std::to_string(index) + ']';
    collect_field_places(field.get(), name, places);
  }
}

void name_fields(const data::DataTree& tree, const std::string& data_name, std::vector<Diagnostic>& diagnostics) {
  std::map<std::pair<int, int>, std::string> places;
  for (auto& d : diagnostics) {
    if (!d.field.empty() || d.where.file != data_name || d.where.line == 0) continue;
    if (places.empty()) collect_field_places(tree.root, "", places);
    if (const auto found = places.find(std::pair(d.where.line, d.where.column)); found != places.end()) {
      d.field = found->second;
    }
  }
}

// Runs work; the diagnostics it throws get their fields named.
template <typename Work>
auto with_fields(const data::DataTree& tree, const std::string& data_name, Work&& work) {
  try {
    return work();
  } catch (const Error& e) {
    std::vector<Diagnostic> named = e.diagnostics();
    name_fields(tree, data_name, named);
    throw Error(std::move(named));
  }
}

}  // namespace

std::vector<Diagnostic> check_data(const Core& core, const std::string& data, const std::string& data_name,
                                   const GenerateOptions& options) {
  data::DocumentData input = data::read_document_data(data, data_name, options.input_encoding, options.limits, options.data_format);
  const std::string template_name = template_name_of(input.tree, options);
  std::vector<Diagnostic> findings = std::move(input.warnings);
  // The template is checked against its contract too: a tag naming no field is reported here.
  std::vector<Diagnostic> checked;
  if (template_name.empty()) {
    checked = check::check_document(input.tree, {});
  } else {
    const auto maker = core.maker(template_name, options);
    if (input.json) check::join_json_blocks(input.tree.root, maker->rules().contract.root);
    checked = check::check_document(input.tree, maker->rules());
  }
  findings.insert(findings.end(), checked.begin(), checked.end());
  std::stable_sort(findings.begin(), findings.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  name_fields(input.tree, data_name, findings);
  return findings;
}

DocumentMaker::DocumentMaker(const Core& core, const std::string& template_name, const GenerateOptions& options)
    : core_(core),
      lenient_(options.lenient),
      template_(catalogue::load_template(core.find(template_name), options.limits)),
      helpers_(vietnamese_helpers()) {
  const catalogue::TemplateSource source = core.find(template_name);
  info_ = catalogue::load_template_info(source);
  if (info_.contract.empty()) {
    fail_with("template.no-declaration", "the template '{}' declares no fields: there is no template.xml beside {}",
              {info_.name, template_.source().file}, {template_.source().file}, {"declare every field it prints in template.xml (docs/templates.md, \"Declaring a template\"): "
                            "without it, vanban cannot tell data it would print from data it would lose"});
  }
  rules_ = info_.rules(options.lenient);
  add_outside_fields(rules_.contract, options.also_read);
  // Checked against the very contract documents are checked against: the reads it returns
  // point into it.
  reads_ = check_template_fields(template_.source(), rules_.contract, helpers_);
}

DocumentMaker::~DocumentMaker() = default;

Generated DocumentMaker::make(const data::DataTree& tree, const std::string& data_name, const GenerateOptions& options,
                              const std::string& clean) const {
  const auto start = std::chrono::steady_clock::now();
  Generated out;
  // The data checked against its contract and Decree 30: errors stop here, all of them
  // reported at once, with the characters the fonts cannot draw; the warnings go with them,
  // in data order.
  std::vector<Diagnostic> findings = check::check_document(tree, rules_);
  check::check_drawable(tree.root, core_.fonts(), clean, data_name, findings);
  if (std::any_of(findings.begin(), findings.end(), [](const Diagnostic& d) { return d.severity == Severity::error; })) {
    throw Error(std::move(findings));
  }
  out.warnings = std::move(findings);
  // 2. Template: the data in the shape the template reads, rendered; every value followed to
  // the markup, and any that did not reach it is an error, never a blank.
  data::DataTree shaped = tree;
  check::normalize_data(shaped.root, rules_.contract, lenient_);
  const mustache::Rendered rendered = mustache::render_template(template_, shaped, helpers_);
  if (auto unprinted = find_unprinted_values(shaped.root, rules_.contract, rendered, reads_); !unprinted.empty()) {
    throw Error(std::move(unprinted));
  }
  out.markup = rendered.markup;
  out.template_ms = milliseconds_since(start);
  // 3 and 4. Markup -> DocTree -> Frame.
  const auto laid = std::chrono::steady_clock::now();
  const std::string markup_name = data_name + " (markup of " + template_.source().name + ")";
  try {
    lay_out(out.markup, markup_name, core_, options, out);
  } catch (const Error& e) {
    throw at_data(e, rendered, markup_name);
  }
  out.layout_ms = milliseconds_since(laid);
  return out;
}

Generated generate(const Core& core, const std::string& data, const std::string& data_name, const GenerateOptions& options) {
  // 1. Data: bytes -> Unicode (each value judged alone, legacy text converted when asked) ->
  // DataTree.
  data::DocumentData input = data::read_document_data(data, data_name, options.input_encoding, options.limits, options.data_format);
  // 2. Template: the one asked for, else the one the data names, with its declaration.
  const std::string template_name = template_name_of(input.tree, options);
  if (template_name.empty()) {
    fail("template.none", "no template given: use -t NAME or a template=\"NAME\" attribute on the root",
         input.tree.root.where);
  }
  const auto maker = core.maker(template_name, options);
  if (input.json) check::join_json_blocks(input.tree.root, maker->rules().contract.root);
  // 3 and 4: checks, template, markup and layout.
  Generated out = with_fields(input.tree, data_name, [&] { return maker->make(input.tree, data_name, options, input.text); });
  out.warnings.insert(out.warnings.begin(), input.warnings.begin(), input.warnings.end());
  name_fields(input.tree, data_name, out.warnings);
  return out;
}

Generated generate_from_markup(const Core& core, const std::string& markup, const std::string& markup_name,
                               const GenerateOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Generated out;
  out.markup = markup;
  lay_out(markup, markup_name, core, options, out);
  out.layout_ms = milliseconds_since(start);
  return out;
}

}  // namespace vanban::pipeline
