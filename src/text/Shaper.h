#pragma once
// HarfBuzz shaping of one item (a range of a paragraph with one font,
// direction, script and language), with the whole paragraph as context so
// Arabic joins across item boundaries. Results of context-free words are
// cached (as minikin's LayoutCache): one Shaper per thread.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/Units.h"
#include "text/Font.h"

struct hb_buffer_t;  // global scope: the real HarfBuzz type (see Font.h)

namespace folio::text {

struct Glyph {
  uint32_t gid = 0;
  Sp advance = 0;  // at the requested size
  Sp xOffset = 0;
  Sp yOffset = 0;
  uint32_t cluster = 0;  // index into the paragraph text of the cluster's first char
};

struct ShapeRequest {
  const Font* font = nullptr;
  Sp size = 0;
  bool rtl = false;
  uint32_t script = 0;        // hb_script_t value
  std::string_view language;  // BCP 47
  std::string_view features;  // e.g. "-liga,+smcp,tnum" (HarfBuzz feature syntax, comma separated)
};

class Shaper {
 public:
  Shaper();
  ~Shaper();
  // Appends the glyphs of text[begin, end) in visual order (reversed for RTL,
  // as HarfBuzz returns them). Cluster level: monotone characters.
  void shape(std::u32string_view paragraph, uint32_t begin, uint32_t end, const ShapeRequest& request,
             std::vector<Glyph>& out);
  size_t cacheHits() const { return m_hits; }
  size_t cacheMisses() const { return m_misses; }

 private:
  struct Cache;
  Cache* m_cache;
  ::hb_buffer_t* m_buffer;
  size_t m_hits = 0, m_misses = 0;
};

}  // namespace folio::text
