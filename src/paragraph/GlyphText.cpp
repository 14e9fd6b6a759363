#include "paragraph/GlyphText.h"

#include <algorithm>

#include "text/Unicode.h"

namespace folio::paragraph::detail {

namespace {

// Decides the units of a word and which characters each glyph carries.
class Assigner {
 public:
  Assigner(const std::vector<text::Glyph>& glyphs, uint32_t g0, uint32_t g1, uint32_t textBegin,
           uint32_t textEnd, bool rtl, const std::u32string& source, GlyphTexts& out)
      : m_glyphs(glyphs),
        m_g0(g0),
        m_n(g1 - g0),
        m_textBegin(textBegin),
        m_textEnd(textEnd),
        m_rtl(rtl),
        m_source(source),
        m_out(out) {}

  // Units: a cluster with at least one spacing glyph, plus the clusters that
  // follow it (logically) and draw no advance, plus more clusters while the
  // unit has more spacing glyphs than characters. Text of a unit: from its
  // first cluster to the next unit's.
  void run() {
    if (oneCharEach()) return;
    size_t i = 0;
    while (i < m_n) {
      const uint32_t from = std::clamp(clusterAt(i), m_textBegin, m_textEnd);
      size_t j = clusterEnd(i);
      size_t m = spacingIn(i, j);
      while (j < m_n) {
        const size_t next = clusterEnd(j);
        const size_t nextSpacing = spacingIn(j, next);
        if (nextSpacing != 0 && m != 0 && !tooFewChars(m, from, textTo(j, from))) break;
        m += nextSpacing;
        j = next;
      }
      assignUnit(i, j, from, textTo(j, from));
      i = j;
    }
  }

 private:
  // The usual word: in logical order every glyph advances and stands for the
  // next character of the word (cluster k is textBegin + k). The units
  // below are then single glyphs carrying one character each; filled
  // directly, with the same result.
  bool oneCharEach() {
    if (m_textEnd - m_textBegin != m_n) return false;
    for (size_t k = 0; k < m_n; ++k) {
      const text::Glyph& g = m_glyphs[logical(k)];
      if (g.cluster != m_textBegin + k || g.advance == 0) return false;
    }
    m_out.text.assign(m_source, m_textBegin, m_n);
    for (size_t k = 0; k < m_n; ++k) {
      GlyphText& g = m_out.glyphs[logical(k) - m_g0];
      g.textBegin = static_cast<uint32_t>(k);
      g.textEnd = static_cast<uint32_t>(k + 1);
    }
    return true;
  }

  // The k-th glyph in logical order (HarfBuzz returns RTL words reversed).
  uint32_t logical(size_t k) const { return static_cast<uint32_t>(m_rtl ? m_g0 + m_n - 1 - k : m_g0 + k); }
  uint32_t clusterAt(size_t k) const { return m_glyphs[logical(k)].cluster; }
  size_t clusterEnd(size_t k) const {
    while (k + 1 < m_n && clusterAt(k + 1) == clusterAt(k)) ++k;
    return k + 1;
  }
  size_t spacingIn(size_t a, size_t b) const {
    size_t m = 0;
    for (size_t k = a; k < b; ++k) m += m_glyphs[logical(k)].advance != 0;
    return m;
  }
  uint32_t textTo(size_t k, uint32_t from) const {
    return k < m_n ? std::clamp(clusterAt(k), from, m_textEnd) : m_textEnd;
  }
  bool tooFewChars(size_t m, uint32_t from, uint32_t to) const {
    if (m <= to - from) return false;
    return m > text::canonicalDecomposition(std::u32string_view(m_source).substr(from, to - from)).size();
  }

  void assignUnit(size_t i, size_t j, uint32_t from, uint32_t to) {
    std::vector<uint32_t>& carriers = m_out.carriers;
    carriers.clear();
    for (size_t k = i; k < j; ++k)
      if (m_glyphs[logical(k)].advance != 0) carriers.push_back(logical(k));
    if (carriers.empty()) carriers.push_back(logical(i));  // a word made of marks only
    std::u32string& chars = m_out.chars;
    chars.assign(m_source, from, to - from);
    if (carriers.size() > chars.size()) {
      // More spacing glyphs than characters (a split vowel): the canonical
      // decomposition has one character per part, and NFC restores it.
      std::u32string decomposed = text::canonicalDecomposition(chars);
      if (decomposed.size() > chars.size()) chars = std::move(decomposed);
    }
    // Consecutive shares, at least one character each while there are
    // enough.
    const size_t n = chars.size(), m = carriers.size();
    for (size_t c = 0; c < m; ++c) {
      const size_t b = n >= m ? c * n / m : std::min(c, n);
      const size_t e = n >= m ? (c + 1) * n / m : std::min(c + 1, n);
      GlyphText& g = m_out.glyphs[carriers[c] - m_g0];
      g.textBegin = static_cast<uint32_t>(m_out.text.size());
      m_out.text.append(chars, b, e - b);
      g.textEnd = static_cast<uint32_t>(m_out.text.size());
    }
  }

  const std::vector<text::Glyph>& m_glyphs;
  uint32_t m_g0;
  size_t m_n;
  uint32_t m_textBegin, m_textEnd;
  bool m_rtl;
  const std::u32string& m_source;
  GlyphTexts& m_out;
};

}  // namespace

void assignGlyphText(const std::vector<text::Glyph>& glyphs, uint32_t g0, uint32_t g1, uint32_t textBegin,
                     uint32_t textEnd, bool rtl, const std::u32string& source, GlyphTexts& out) {
  out.glyphs.clear();
  out.text.clear();
  if (g0 >= g1) return;
  for (uint32_t g = g0; g < g1; ++g) out.glyphs.push_back(GlyphText{g, 0, 0});
  Assigner(glyphs, g0, g1, textBegin, textEnd, rtl, source, out).run();
}

}  // namespace folio::paragraph::detail
