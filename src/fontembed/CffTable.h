#pragma once
// The few facts a PDF needs from a 'CFF ' table: whether it is CID-keyed,
// its ROS, and each glyph's CID. Hand-written (about 150 lines) because
// HarfBuzz has no public API for the CFF charset and FreeType is not linked
// into the pdf module; it reads the small subset table hb-subset produced.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::fontembed {

struct CffInfo {
  bool valid = false;
  bool cidKeyed = false;  // Top DICT has ROS: glyphs are selected by CID through the charset
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
  std::vector<uint32_t> gidToCid;  // CID-keyed: CID of each glyph (index = gid)
};

CffInfo readCff(std::string_view cff);

}  // namespace folio::fontembed
