// The clerks' page (engine/service/page/), built into the program so that vanban serve needs
// no files beside it and fetches nothing from outside.
#pragma once

#include <string_view>

namespace vanban::service {

extern const std::string_view page_html;
extern const std::string_view page_js;
extern const std::string_view page_css;

}  // namespace vanban::service
