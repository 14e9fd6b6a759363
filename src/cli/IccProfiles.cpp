#include "cli/IccProfiles.h"

#include <fstream>
#include <sstream>
#include <vector>

namespace folio::cli {

namespace {

// sRGB IEC61966-2.1: icc-profiles-free's ICC v2 profile first (v2 is what
// every reader handles), then colord-data's and Ghostscript's.
const std::vector<std::string> kSrgb = {"/usr/share/color/icc/sRGB.icc",
                                        "/usr/share/color/icc/colord/sRGB.icc",
                                        "/usr/share/color/icc/ghostscript/srgb.icc"};
// A CMYK output (prtr) profile: Debian 12 ships no FOGRA39 / ISO Coated
// profile in main; Ghostscript's SWOP characterisation (libgs-common) is the
// one CMYK press profile there.
const std::vector<std::string> kCmyk = {"/usr/share/color/icc/ghostscript/default_cmyk.icc"};

bool readFirst(const std::vector<std::string>& paths, std::string& bytes, std::string& path) {
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) continue;
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
    path = p;
    return !bytes.empty();
  }
  return false;
}

std::string list(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

bool loadIccProfiles(IccProfiles& out, Diagnostics& diags) {
  bool ok = true;
  if (!readFirst(kSrgb, out.srgb, out.srgbPath)) {
    diags.error({"folio", 0, 0}, "no sRGB ICC profile found (looked for " + list(kSrgb) +
                                     "); expected the Debian package icc-profiles-free (tools/setup.sh)");
    ok = false;
  }
  if (!readFirst(kCmyk, out.cmyk, out.cmykPath)) {
    diags.error({"folio", 0, 0}, "no CMYK ICC profile found (looked for " + list(kCmyk) +
                                     "); expected the Debian package libgs-common (tools/setup.sh)");
    ok = false;
  }
  return ok;
}

}  // namespace folio::cli
