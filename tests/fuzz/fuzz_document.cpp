// Fuzz target: the whole pipeline from a document's data file (XML naming its built-in
// template) through template, markup and layout, to the layout trace or, when
// VANBAN_FUZZ_PDF is defined, to PDF bytes.
#include <map>
#include <memory>

#include "fuzz_input.h"
#include "output/pdf_writer.h"
#include "output/trace_writer.h"
#include "pipeline/data_input.h"
#include "pipeline/generate.h"
#include "pipeline/templates.h"

namespace {

const vanban::pipeline::GenerateOptions& options() {
  static const vanban::pipeline::GenerateOptions made = [] {
    vanban::pipeline::GenerateOptions o;
    o.home = vanban::fuzz::home();
    o.base_dir = o.home + "/samples";
    return o;
  }();
  return made;
}

// One maker per built-in template, made when first used: loading fonts for every input
// would leave little time for the input itself.
const vanban::pipeline::DocumentMaker* maker_for(const std::string& name) {
  static std::map<std::string, std::unique_ptr<vanban::pipeline::DocumentMaker>> makers = [] {
    std::map<std::string, std::unique_ptr<vanban::pipeline::DocumentMaker>> all;
    for (const auto& info : vanban::pipeline::list_templates(options().home)) all[info.name];
    return all;
  }();
  const auto found = makers.find(name);
  if (found == makers.end()) return nullptr;
  if (!found->second) found->second = std::make_unique<vanban::pipeline::DocumentMaker>(name, options());
  return found->second.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = vanban::fuzz::input(data, size);
  try {
    const auto input = vanban::pipeline::read_document_data(bytes, "fuzz.xml", {}, {});
    const vanban::data::Value* named = input.tree.root.find("template");
    const auto* maker = named ? maker_for(named->plain_text()) : nullptr;
    if (!maker) return 0;
    const auto generated = maker->make(input.tree, "fuzz.xml", input.text);
#ifdef VANBAN_FUZZ_PDF
    vanban::output::write_pdf(generated.frame, {true, "vanban fuzz"});
#else
    vanban::output::write_trace(generated.frame);
#endif
  } catch (const vanban::Error& error) {
    vanban::fuzz::refused(error);
  }
  return 0;
}
