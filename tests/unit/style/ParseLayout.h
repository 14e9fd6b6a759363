#pragma once
// Builds a Layout from YAML text, as the style tests need it.
#include <optional>
#include <string>

#include "style/Layout.h"

namespace folio::style::testutil {

// `path` is where the layout pretends to live (images and fonts resolve
// against its directory).
inline std::optional<Layout> parseLayout(const std::string& text, Diagnostics& diags,
                                         const std::string& path = "/tmp/layouts/layout.yaml") {
  auto root = yaml::parse(text, "layout.yaml", yaml::Limits{}, diags);
  if (!root) return std::nullopt;
  return buildLayout(*root, path, diags);
}

}  // namespace folio::style::testutil
