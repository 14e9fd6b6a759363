#pragma once
// A parser may read ahead over nested flow collections ("[[[[...") before
// it emits the first event (yaml-cpp, Folio's parser before libyaml, spent
// seconds and about 1 GB on 4 MB of '['), so the depth check in the event
// handler could come too late. This pre-scan follows YAML's token structure just far enough to measure
// flow nesting (brackets inside quoted, plain and block scalars and comments
// do not count) in one linear pass. Where it must guess, it guesses towards
// counting a bracket, never towards missing one.
#include <cstddef>
#include <string_view>

namespace folio::yaml {

// Offset of the bracket that takes flow nesting past `maxDepth`, or npos.
size_t findDeepFlowNesting(std::string_view text, int maxDepth);

}  // namespace folio::yaml
