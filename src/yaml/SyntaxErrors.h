#pragma once
// Turns the YAML parser's terse messages into diagnostics a writer can act on.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/Diagnostics.h"
#include "yaml/TextCheck.h"

namespace folio::yaml {

// "YAML syntax error: <what>; check indentation and quoting (<hint>)".
// `what` names the problem ("illegal map value", the words Folio has used
// since it read YAML with yaml-cpp); `text` is the whole input and `pos`
// where the parser stopped.
std::string describeSyntaxError(const std::string& what, std::string_view text, const SourcePos& pos);

// libyaml's account of why it stopped (yaml_parser_t's error fields), with
// byte offsets into the text.
struct SyntaxProblem {
  std::string problem;                  // "mapping values are not allowed in this context"
  std::string context;                  // "while scanning a quoted scalar", or ""
  int value = -1;                       // the offending character for reader errors, or -1
  size_t offset = 0;                    // where the parser stopped
  std::optional<size_t> contextOffset;  // where the construct it was reading began
};

// The diagnostic for a libyaml error: FILE:LINE:COL and the message above.
Diagnostic describeSyntaxProblem(const SyntaxProblem& problem, std::string_view text, const LineIndex& index,
                                 const std::string& file);

}  // namespace folio::yaml
