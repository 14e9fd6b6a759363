#pragma once
// Turns yaml-cpp's terse parser messages into diagnostics a writer can act on.
#include <string>
#include <string_view>

#include "base/Diagnostics.h"

namespace folio::yaml {

// "YAML syntax error: <what>; check indentation and quoting (<hint>)".
// `text` is the whole input and `pos` where yaml-cpp stopped.
std::string describeSyntaxError(const std::string& yamlCppMessage, std::string_view text,
                                const SourcePos& pos);

}  // namespace folio::yaml
