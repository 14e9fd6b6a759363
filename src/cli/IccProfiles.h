#pragma once
// The ICC profiles a PDF standard needs, read from the Debian packages that
// tools/setup.sh installs (see docs/standards.md for why these).
#include <string>

#include "base/Diagnostics.h"

namespace folio::cli {

struct IccProfiles {
  std::string srgb, cmyk;  // profile bytes
  std::string srgbPath, cmykPath;
};

// The first profile of each list that exists; false with a diagnostic when
// one is missing.
bool loadIccProfiles(IccProfiles& out, Diagnostics& diags);

}  // namespace folio::cli
