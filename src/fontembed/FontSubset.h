#pragma once
// hb-subset of one face to the glyphs a document uses.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "fontembed/CffTable.h"
#include "text/Font.h"

namespace folio::fontembed {

struct FontSubset {
  bool ok = false;
  std::string error;  // why not ok
  bool cff = false;   // CFF outlines: `program` is the bare CFF table, else a TrueType font
  std::string program;
  std::unordered_map<uint32_t, uint32_t> newGid;  // original gid -> gid in the subset
  CffInfo cffInfo;                                // when cff
};

// `gids`: the original glyph ids used (sorted, unique). Layout tables (GSUB,
// GPOS, GDEF, BASE, JSTF, MATH, kern) and DSIG are dropped: a PDF shows
// positioned glyphs, and without GSUB the subset has no closure over
// ligatures and alternates the document never used.
FontSubset subsetFont(const text::Font& font, const std::vector<uint32_t>& gids);

// The CID of each glyph of a CID-keyed CFF font (index = gid), read from
// the font's own charset (hb-subset keeps these CIDs in the subset); empty
// for any other font.
std::vector<uint32_t> cffCids(const text::Font& font);

// Deterministic 6-letter subset tag ("ABCDEF+") from the font and its glyphs.
std::string subsetTag(const text::Font& font, const std::vector<uint32_t>& gids);

}  // namespace folio::fontembed
