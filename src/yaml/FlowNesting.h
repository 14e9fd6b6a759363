#pragma once
// yaml-cpp's scanner reads ahead over nested flow collections ("[[[[..."):
// on 4 MB of '[' it spends seconds and about 1 GB before the parser emits
// the first event, so the depth check in the event handler comes too late.
// This pre-scan follows YAML's token structure just far enough to measure
// flow nesting (brackets inside quoted, plain and block scalars and comments
// do not count) in one linear pass. Where it must guess, it guesses towards
// counting a bracket, never towards missing one.
#include <cstddef>
#include <string_view>

namespace folio::yaml {

// Offset of the bracket that takes flow nesting past `maxDepth`, or npos.
size_t findDeepFlowNesting(std::string_view text, int maxDepth);

}  // namespace folio::yaml
