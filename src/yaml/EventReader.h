#pragma once
// Reads YAML text with libyaml, the reference C implementation of YAML,
// and hands its parser events to a TreeBuilder. libyaml scans each
// character once with plain C tests; yaml-cpp, which Folio used before,
// matched small regular expressions per character and cost about ten times
// as many instructions (docs/performance.md, "A cheaper YAML reader").
#include <optional>
#include <string>
#include <string_view>

#include "base/Diagnostics.h"
#include "yaml/TextCheck.h"

namespace folio::yaml {

class TreeBuilder;

// Feeds every event of `text` (valid UTF-8 without a byte order mark, as
// checkText leaves it) to `builder`. Returns the syntax error that stopped
// the parser, if any; what the builder throws (LimitExceeded) passes through.
std::optional<Diagnostic> readEvents(std::string_view text, const LineIndex& index, const std::string& file,
                                     TreeBuilder& builder);

}  // namespace folio::yaml
