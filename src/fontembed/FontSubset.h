#pragma once
// hb-subset of one face to the glyphs a document uses.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
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

  // `program` compressed by `compress` at `level`, done once per distinct
  // subset: the copies subsetFont's cache hands a batch share it.
  std::string packed(int level, const std::function<std::string(std::string_view, int)>& compress) const;

 private:
  struct Packed {
    std::mutex mutex;
    int level = -1;
    std::string bytes;
  };
  std::shared_ptr<Packed> m_packed = std::make_shared<Packed>();
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

// What subsetFont keeps for a batch, all fonts together, is bounded by a
// budget (bytes, roughly counted): past it, a font gives up the subsets it
// used least recently. setSubsetBudget returns the budget it replaces (for
// tests); keptSubsetBytes is what is kept now.
inline constexpr size_t kSubsetBudget = size_t{16} << 20;
size_t setSubsetBudget(size_t bytes);
size_t keptSubsetBytes();

// Deterministic 6-letter subset tag ("ABCDEF+") from the font and its glyphs.
std::string subsetTag(const text::Font& font, const std::vector<uint32_t>& gids);

}  // namespace folio::fontembed
