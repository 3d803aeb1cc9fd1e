// Renders a Giấy khen from JSON through the installed C++ API, then a copy with the
// recipient's name left out, which must come back refused with a located diagnostic.
//   cpp_consumer HOME DATA.json OUT.pdf
#include <fstream>
#include <iostream>
#include <sstream>

#include <vanban/engine.h>

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  vanban::EngineOptions options;
  options.home = argv[1];
  const vanban::Engine engine(options);
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream data;
  data << in.rdbuf();

  vanban::RenderRequest request;
  request.data = data.str();
  request.data_name = "giay-khen.json";
  const vanban::RenderResult good = engine.render(request);
  if (!good.ok() || good.pdf.rfind("%PDF-", 0) != 0 || good.stats.pages != 1) {
    for (const auto& d : good.diagnostics) std::cerr << vanban::format_diagnostic(d) << '\n';
    std::cerr << "cpp_consumer: the sample did not render to one page\n";
    return 1;
  }
  std::ofstream(argv[3], std::ios::binary) << good.pdf;

  std::string without_name = request.data;
  const auto at = without_name.find("\"name\": \"Nguyễn Văn An\"");
  if (at == std::string::npos) return 2;
  without_name.replace(at, std::string("\"name\": \"Nguyễn Văn An\"").size(), "\"nam\": \"Nguyễn Văn An\"");
  request.data = without_name;
  const vanban::RenderResult bad = engine.render(request);
  bool refused = false;
  for (const auto& d : bad.diagnostics) {
    std::cout << vanban::format_diagnostic(d, vanban::Language::vietnamese) << '\n';
    if (d.code == "check.required-field" && d.field == "recipient/name" && d.where.line > 0) refused = true;
  }
  if (bad.ok() || !bad.pdf.empty() || !refused) {
    std::cerr << "cpp_consumer: data without the recipient's name was not refused at its place\n";
    return 1;
  }
  std::cout << "cpp_consumer: " << good.pdf.size() << " bytes, " << engine.templates().size() << " templates\n";
  return 0;
}
