#include "fontembed/CMaps.h"

#include <algorithm>

#include "fontembed/Hex.h"

namespace folio::fontembed {

namespace {

// A PostScript string literal; registry/ordering are ASCII names in practice.
std::string psString(const std::string& s) {
  std::string out = "(";
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

constexpr size_t kMaxPerBlock = 100;  // the CMap format's limit per begin...end block

}  // namespace

std::string toUnicodeCMap(const std::vector<std::pair<uint16_t, std::u32string>>& entries) {
  std::vector<const std::pair<uint16_t, std::u32string>*> mapped;
  for (const auto& e : entries) mapped.push_back(&e);
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < mapped.size(); i += kMaxPerBlock) {
    size_t n = std::min(kMaxPerBlock, mapped.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t j = i; j < i + n; ++j)
      out.append("<")
          .append(hex4(mapped[j]->first))
          .append("> <")
          .append(utf16beHex(mapped[j]->second))
          .append(">\n");
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

std::string codeToCidCMap(const std::string& name, const CidSystemInfo& csi,
                          const std::vector<std::pair<uint16_t, uint32_t>>& codeToCid) {
  // Runs of consecutive codes with consecutive CIDs become one cidrange.
  struct Range {
    uint16_t first, last;
    uint32_t cid;
  };
  std::vector<Range> ranges;
  for (const auto& [code, cid] : codeToCid) {
    if (!ranges.empty() && ranges.back().last + 1 == code &&
        ranges.back().cid + (ranges.back().last - ranges.back().first) + 1 == cid) {
      ranges.back().last = code;
    } else {
      ranges.push_back({code, code, cid});
    }
  }
  std::string out =
      "%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo 3 dict dup begin\n/Registry " +
      psString(csi.registry) + " def\n/Ordering " + psString(csi.ordering) + " def\n/Supplement " +
      std::to_string(csi.supplement) + " def\nend def\n/CMapName /" + name +
      " def\n/CMapType 1 def\n/WMode 0 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < ranges.size(); i += kMaxPerBlock) {
    size_t n = std::min(kMaxPerBlock, ranges.size() - i);
    out += std::to_string(n) + " begincidrange\n";
    for (size_t j = i; j < i + n; ++j) {
      out.append("<").append(hex4(ranges[j].first)).append("> <").append(hex4(ranges[j].last)).append("> ");
      out.append(std::to_string(ranges[j].cid)).append("\n");
    }
    out += "endcidrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace folio::fontembed
