#pragma once
// Layout inheritance: `extends: NAME|PATH` at the top of a layout names a
// base layout; the extending file gives only what differs. Mappings merge
// key by key (a style keeps the base's properties it does not name);
// template items merge by `id` (an item with the id of a base item replaces
// it, or changes the keys it names, or with `remove: true` takes it away);
// everything else replaces the base's value. Nodes keep the position of
// the file they come from, so errors and relative image paths point there.
#include <string>
#include <vector>

#include "base/Diagnostics.h"
#include "yaml/Node.h"

namespace folio::style {

// Replaces `root` (the layout at `path`) by its merge onto its base, if it
// has `extends`; bases may extend further bases. False after reporting a
// base that is missing, unreadable, or part of a cycle.
bool resolveExtends(yaml::Node& root, const std::string& path, const yaml::Limits& limits,
                    const std::vector<std::string>& searchDirs, Diagnostics& diags);

// Merges `child` onto `base` (the rules above).
void mergeLayoutTrees(yaml::Node& base, const yaml::Node& child, Diagnostics& diags);

}  // namespace folio::style
