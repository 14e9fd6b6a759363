// Step 2 of a paragraph: itemize and shape the text, then describe it to the
// line breaker as boxes (shaped word pieces), glue (spaces) and penalties
// (hyphenation points, other break opportunities, forced breaks).
#include <algorithm>

#include "base/Utf8.h"
#include "paragraph/Internal.h"
#include "text/Unicode.h"

namespace folio::paragraph::detail {

namespace {

constexpr uint32_t tag(char a, char b, char c, char d) {
  return (uint32_t(uint8_t(a)) << 24) | (uint32_t(uint8_t(b)) << 16) | (uint32_t(uint8_t(c)) << 8) |
         uint8_t(d);
}

bool languageIsOneOf(const std::string& tag, std::initializer_list<std::string_view> languages) {
  const std::string_view primary = std::string_view(tag).substr(0, tag.find_first_of("-_"));
  return std::find(languages.begin(), languages.end(), primary) != languages.end();
}

// Chinese and Japanese: a justified line spreads evenly between its
// characters, so every break opportunity gets a little stretchable glue.
bool interCharacterScript(uint32_t script) {
  switch (script) {
    case tag('H', 'a', 'n', 'i'):
    case tag('H', 'i', 'r', 'a'):
    case tag('K', 'a', 'n', 'a'):
    case tag('B', 'o', 'p', 'o'):
      return true;
    default:
      return false;
  }
}

bool isPunctuation(char32_t c) {
  return (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) ||
         (c >= 0x2010 && c <= 0x205E) || c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1;
}

constexpr int32_t kHyphenPenalty = 100;  // TeX's \hyphenpenalty is 50: expansion needs fewer hyphens
// Justified text is broken with spacing demerits (Paragraph.cpp), whose
// line costs are far above TeX's: a hyphen costs 650^2, as much as a line
// of ten spaces each about 0.08 em off their width; after an explicit
// hyphen, half that. Ragged text keeps TeX's scale. (800 until the fifth
// round; since letter spacing joined expansion as a flexibility the
// breaker knows, lines need fewer hyphens, and 650 is the price at which
// every row of bench/typography/compare.sh has no more than microtype's:
// docs/typography.md.)
constexpr int32_t kJustifiedHyphenPenalty = 650;
constexpr int32_t kExHyphenPenalty = 50;   // after an explicit hyphen
constexpr int32_t kUrlBreakPenalty = 100;  // inside a URL: allowed, but a space is better

class ItemBuilder {
 public:
  ItemBuilder(const Flat& flat, const Options& o, Context& ctx, Shaped& out)
      : m_flat(flat), m_o(o), m_ctx(ctx), m_out(out), m_ragged(false) {}

  void build() {
    const std::u32string& text = m_flat.text;
    m_ragged = isRagged(m_o, m_out.items.rtl);
    // Punctuation hangs on a flush edge only: both sides of justified text,
    // the start side of text set flush to its start.
    if (m_o.style->hangingPunctuation && m_o.style->protrusion > 0 && m_o.breakLines) {
      const style::Align a = resolvedAlign(m_o, m_out.items.rtl);
      m_hangEnd = a == style::Align::Justify;
      m_hangStart = m_hangEnd || a == (m_out.items.rtl ? style::Align::Right : style::Align::Left);
    }
    // Only breaks inside words are asked for (a space is a break of its
    // own, addSpace), so ICU's answers per word serve.
    m_breaks = text::wordBreaks(text, m_o.language);
    if (m_o.firstIndent > 0) {
      addPiece(Piece{Piece::Kind::Indent, 0, 0, 0, 0, 0, m_o.firstIndent,
                     m_out.items.rtl ? uint8_t(1) : uint8_t(0)});
      m_out.kp.push_back(linebreak::Item::box(m_o.firstIndent, lastPiece()));
    }
    // A table cell's last word may be its only one: it must hyphenate to fit.
    m_lastWordStart = m_o.hyphenateLastWord ? UINT32_MAX : lastWordStart();
    for (uint32_t i = 0; i < m_out.items.items.size(); ++i) buildItem(i);
    m_out.kp.push_back(linebreak::Item::penaltyItem(0, linebreak::kInfinitePenalty, false, kNoPiece));
    m_out.kp.push_back(linebreak::Item::filGlue(0, kNoPiece));
    m_out.kp.push_back(linebreak::Item::penaltyItem(0, -linebreak::kInfinitePenalty, false, kNoPiece));
  }

 private:
  uint32_t lastPiece() const { return static_cast<uint32_t>(m_out.pieces.size() - 1); }
  void addPiece(const Piece& p) { m_out.pieces.push_back(p); }
  const Span& spanAt(uint32_t i) const { return m_flat.spans[m_flat.spanOf[i]]; }

  text::ShapeRequest request(const text::Item& item, const Span& span) const {
    text::ShapeRequest r;
    r.font = item.font;
    r.size = span.size;
    r.rtl = item.level & 1;
    r.script = item.script;
    r.language = item.language;
    r.features = span.features;
    return r;
  }

  uint32_t lastWordStart() const {
    const std::u32string& t = m_flat.text;
    size_t i = t.size();
    while (i > 0 && t[i - 1] != U' ') --i;
    return static_cast<uint32_t>(i);
  }

  void buildItem(uint32_t itemIndex) {
    const text::Item& item = m_out.items.items[itemIndex];
    const std::u32string& text = m_flat.text;
    uint32_t pos = item.begin;
    while (pos < item.end) {
      char32_t c = text[pos];
      if (c == U' ' || c == 0xA0 || c == 0x202F) {
        addSpace(itemIndex, pos);
        ++pos;
      } else if (c == kLineSeparator) {
        addPiece(Piece{Piece::Kind::Break, itemIndex, pos, pos + 1, 0, 0, 0, item.level});
        m_out.kp.push_back(linebreak::Item::filGlue(0, lastPiece()));
        m_out.kp.push_back(linebreak::Item::penaltyItem(0, -linebreak::kInfinitePenalty, false, lastPiece()));
        ++pos;
      } else {
        uint32_t end = pos;
        while (end < item.end && text[end] != U' ' && text[end] != 0xA0 && text[end] != 0x202F &&
               text[end] != kLineSeparator && (end == pos || m_flat.spanOf[end] == m_flat.spanOf[pos]))
          ++end;
        addWord(itemIndex, pos, end);
        pos = end;
      }
    }
  }

  void addSpace(uint32_t itemIndex, uint32_t pos) {
    const text::Item& item = m_out.items.items[itemIndex];
    const Span& span = spanAt(pos);
    uint32_t g0 = static_cast<uint32_t>(m_out.glyphs.size());
    m_ctx.shaper.shape(m_flat.text, pos, pos + 1, request(item, span), m_out.glyphs);
    uint32_t g1 = static_cast<uint32_t>(m_out.glyphs.size());
    Sp w = 0;
    for (uint32_t g = g0; g < g1; ++g) w += m_out.glyphs[g].advance;
    addPiece(Piece{Piece::Kind::Space, itemIndex, pos, pos + 1, g0, g1, w, m_out.items.levels[pos]});
    m_out.pieces.back().expandable = expandable(item, span);
    char32_t c = m_flat.text[pos];
    bool breakable = c == U' ';
    Sp stretch = c == 0x202F ? 0 : w / 2, shrink = c == 0x202F ? 0 : w / 3;
    if (breakable && m_o.style->wideSentenceSpace && endsSentence(pos)) {
      // TeX's space factor 3000: a third more space, three times the
      // stretch, a third of the shrink.
      w += w / 3;
      stretch *= 3;
      shrink /= 3;
      m_out.pieces.back().width = w;
    }
    if (!m_ragged && breakable) {
      // The word before may take letter spacing: the line breaker counts it
      // (it finds fuller lines) and the line's fit spends it last.
      m_out.pieces.back().letterStretch = m_letterStretch;
      stretch += m_letterStretch;
    }
    m_letterStretch = 0;
    if (!breakable)
      m_out.kp.push_back(linebreak::Item::penaltyItem(0, linebreak::kInfinitePenalty, false, kNoPiece));
    if (m_ragged && breakable) {
      // Ragged right as in Knuth-Plass: the line end may stretch by 3 em,
      // the space itself never does.
      Sp rag = 3 * span.size;
      m_out.kp.push_back(linebreak::Item::glue(0, rag, 0, lastPiece()));
      m_out.kp.push_back(linebreak::Item::penaltyItem(0, 0, false, lastPiece()));
      m_out.kp.push_back(linebreak::Item::glue(w, -rag, 0, lastPiece()));
    } else {
      m_out.kp.push_back(
          linebreak::Item::glue(w, m_ragged ? 0 : stretch, m_ragged ? 0 : shrink, lastPiece()));
    }
  }

  // TeX's rule for the end of a sentence: the space follows . ! or ?
  // (perhaps inside closing quotes or brackets) that does not follow a
  // capital letter ("J. Smith", "the U.S. Navy" stay at word spacing).
  bool endsSentence(uint32_t pos) const {
    const std::u32string& t = m_flat.text;
    uint32_t k = pos;
    while (k > 0 && (t[k - 1] == U')' || t[k - 1] == U']' || t[k - 1] == U'"' || t[k - 1] == U'\'' ||
                     t[k - 1] == 0x201D || t[k - 1] == 0x2019))
      --k;
    if (k < 2 || (t[k - 1] != U'.' && t[k - 1] != U'!' && t[k - 1] != U'?')) return false;
    return !folio::text::isUppercase(t[k - 2]);
  }

  // A word: shaped whole (so kerning and ligatures are right), then cut into
  // boxes at the break opportunities inside it and at hyphenation points.
  void addWord(uint32_t itemIndex, uint32_t begin, uint32_t end) {
    const text::Item& item = m_out.items.items[itemIndex];
    const Span& span = spanAt(begin);
    const std::u32string& text = m_flat.text;
    // A break opportunity right before this word when it follows another
    // piece without a space (CJK, an item boundary after a slash, ...).
    if (begin > 0 && m_breaks[begin] == text::BreakKind::Allowed && text[begin - 1] != U' ' &&
        text[begin - 1] != kLineSeparator && !m_out.pieces.empty() &&
        m_out.pieces.back().kind == Piece::Kind::Box)
      addOpportunity(item, begin);

    uint32_t g0 = static_cast<uint32_t>(m_out.glyphs.size());
    m_ctx.shaper.shape(text, begin, end, request(item, span), m_out.glyphs);
    uint32_t g1 = static_cast<uint32_t>(m_out.glyphs.size());

    // Everything below is one pass over the word's characters and glyphs:
    // a hostile "word" of a million characters (CJK without spaces, a long
    // URL) must cost no more than a million short ones.
    indexClusters(g0, g1, begin, end);
    const bool url = looksLikeUrl(begin, end);
    m_cuts.clear();
    if (url) {
      // Never a piece of one character between two breaks or at either
      // end ("https://t" | ".co", "a" | "-b"): the later break goes.
      uint32_t kept = begin;
      for (uint32_t k = begin + 2; k + 1 < end; ++k)
        if (k - kept >= 2 && urlBreakBefore(k)) m_cuts.push_back({kept = k, false});
    } else {
      for (uint32_t k = begin + 1; k < end; ++k)
        if (m_breaks[k] != text::BreakKind::None) m_cuts.push_back({k, false});
    }
    for (uint32_t k : hyphenationPoints(item, span, begin, end)) m_cuts.push_back({k, true});
    std::sort(m_cuts.begin(), m_cuts.end(), [](const Cut& a, const Cut& b) { return a.at < b.at; });

    // Runts: the paragraph's last line should hold a word of 4 or more
    // letters; remember where the latest such word starts.
    const size_t firstKp = m_out.kp.size();
    uint32_t letters = 0;
    for (uint32_t k = begin; k < end; ++k) letters += !isPunctuation(text[k]);
    if (letters >= 4) m_out.runtAfter = firstKp;
    m_wordKey = wordKey(begin, end);

    uint32_t from = begin;
    for (const Cut& cut : m_cuts) {
      if (cut.at <= from) continue;
      if (!glyphStartsAt(begin, cut.at)) continue;  // a ligature spans the cut
      addBox(itemIndex, from, cut.at, item.level);
      if (cut.hyphen)
        addHyphen(itemIndex, span, cut.at);
      else
        addOpportunity(item, cut.at, url ? kUrlBreakPenalty : 0);
      from = cut.at;
    }
    addBox(itemIndex, from, end, item.level);
    // Fill in glyph ranges for the boxes of this word now that all cuts are known.
    assignGlyphs(g0, g1, begin);
  }

  // m_clusterGlyph[c - begin] = the first glyph whose cluster is c (or
  // kNoGlyph): which cuts fall between glyphs, in one pass.
  static constexpr uint32_t kNoGlyph = UINT32_MAX;
  void indexClusters(uint32_t g0, uint32_t g1, uint32_t begin, uint32_t end) {
    m_clusterGlyph.assign(end - begin, kNoGlyph);
    for (uint32_t g = g0; g < g1; ++g) {
      const uint32_t c = m_out.glyphs[g].cluster;
      if (c >= begin && c < end && m_clusterGlyph[c - begin] == kNoGlyph) m_clusterGlyph[c - begin] = g;
    }
  }
  // True when some glyph starts exactly at `at` (no ligature spans the cut).
  bool glyphStartsAt(uint32_t begin, uint32_t at) const { return m_clusterGlyph[at - begin] != kNoGlyph; }

  // URLs, e-mail addresses and paths break where style guides (Chicago
  // 14.18, the Guardian's) put the break: after a slash (a "//" stays
  // whole) and after @; before a dot, ?, #, &, =, %, ~, _ and a hyphen of
  // the address, which then starts the next line ("northern" | "-light"),
  // so no reader takes it for a hyphenation; never after such a hyphen,
  // and no hyphen is added. (LaTeX's url package breaks after its break
  // characters, and after hyphens with [hyphens]; Typst breaks after any
  // run of punctuation.)
  bool looksLikeUrl(uint32_t begin, uint32_t end) const {
    std::u32string_view w(m_flat.text.data() + begin, end - begin);
    if (w.find(U"://") != std::u32string_view::npos || w.substr(0, 4) == U"www." || spanAt(begin).link >= 0)
      return true;
    const size_t at = w.find(U'@');  // name@host.tld
    if (at != std::u32string_view::npos && at > 0 && w.find(U'.', at) != std::u32string_view::npos)
      return true;
    size_t slashes = 0;  // /usr/share/fonts, C:/Users/...
    for (char32_t c : w) slashes += c == U'/';
    return slashes >= 2 && w.find(U' ') == std::u32string_view::npos && w.size() >= 12;
  }
  bool urlBreakBefore(uint32_t k) const {
    const std::u32string& t = m_flat.text;
    const char32_t prev = t[k - 1], c = t[k];
    if (c == U'/' || prev == U'-') return false;  // "//" whole; a line never ends in a hyphen
    if (prev == U'/' || prev == U'@') return true;
    if (c == U'-' || c == U'_' || c == U'=' || c == U'%' || c == U'~') {
      // Between two letters or digits: "northern" | "-light", not "/-x".
      return !isPunctuation(prev) && k + 1 < t.size() && !isPunctuation(t[k + 1]);
    }
    if (c == U'.' || c == U'?' || c == U'#' || c == U'&') {
      // Not before trailing punctuation: "example.org." ends a sentence.
      return k + 1 < t.size() && !isPunctuation(t[k + 1]) && prev != U'.';
    }
    return false;
  }

  void addBox(uint32_t itemIndex, uint32_t begin, uint32_t end, uint8_t level) {
    addPiece(Piece{Piece::Kind::Box, itemIndex, begin, end, 0, 0, 0, level});
    m_pendingBoxes.push_back(lastPiece());
    m_out.kp.push_back(linebreak::Item::box(0, lastPiece()));
    m_out.kp.back().word = m_wordKey;
    m_pendingKp.push_back(m_out.kp.size() - 1);
  }

  // Glyphs with clusters in [textBegin, textEnd) of each pending box:
  // contiguous in visual order for both directions because clusters are
  // monotone. The boxes tile the word in text order, so each glyph finds its
  // box through a per-character index (one pass, not boxes x glyphs).
  void assignGlyphs(uint32_t g0, uint32_t g1, uint32_t wordBegin) {
    const size_t boxes = m_pendingBoxes.size();
    m_boxOfChar.resize(m_clusterGlyph.size());
    for (size_t i = 0; i < boxes; ++i) {
      const Piece& p = m_out.pieces[m_pendingBoxes[i]];
      for (uint32_t c = p.textBegin; c < p.textEnd; ++c)
        m_boxOfChar[c - wordBegin] = static_cast<uint32_t>(i);
    }
    m_boxRange.assign(boxes, {g1, g0});
    for (uint32_t g = g0; g < g1; ++g) {
      const uint32_t c = m_out.glyphs[g].cluster;
      if (c < wordBegin || c - wordBegin >= m_boxOfChar.size()) continue;
      auto& [lo, hi] = m_boxRange[m_boxOfChar[c - wordBegin]];
      lo = std::min(lo, g), hi = std::max(hi, g + 1);
    }
    for (size_t i = 0; i < boxes; ++i) {
      Piece& p = m_out.pieces[m_pendingBoxes[i]];
      auto [lo, hi] = m_boxRange[i];
      if (lo >= hi) lo = hi = g0;
      p.glyphBegin = lo;
      p.glyphEnd = hi;
      Sp w = 0;
      const Sp tracking = letterSpacing(m_o, m_out.items.items[p.item].script);
      for (uint32_t g = lo; g < hi; ++g)
        if (m_out.glyphs[g].advance != 0) w += m_out.glyphs[g].advance + tracking;
      p.width = w;
      m_out.kp[m_pendingKp[i]].width = w;
      p.expandable = expandable(m_out.items.items[p.item], spanAt(p.textBegin));
      p.letterSpaceable = mayLetterSpace(p);
      if (p.expandable) {
        m_out.kp[m_pendingKp[i]].expand = static_cast<Sp>(static_cast<double>(w) * m_o.style->expansion);
        if (!p.letterSpaceable)
          m_out.kp[m_pendingKp[i]].expand += static_cast<Sp>(letterGapsOf(m_out, p)) * trackOf(m_o);
      }
      setProtrusion(p, m_out.kp[m_pendingKp[i]]);
      setKashida(p, wordBegin);
      if (!p.letterSpaceable) continue;
      // The letter spacing the box may take goes to the glue after it: the
      // break opportunity that follows it inside a Thai word, else the next
      // space (or the opportunity that starts the next word).
      const Sp room = static_cast<Sp>(letterGaps(m_out, p) * letterCap(p));
      const size_t next = m_pendingKp[i] + 1;
      if (next < m_out.kp.size() && m_out.kp[next].type == linebreak::Item::Type::Glue &&
          m_out.kp[next].tag != kNoPiece &&
          m_out.pieces[m_out.kp[next].tag].kind == Piece::Kind::Opportunity) {
        m_out.kp[next].stretch += room;
        m_out.pieces[m_out.kp[next].tag].letterStretch += room;
      } else {
        m_letterStretch += room;
      }
    }
    m_pendingBoxes.clear();
    m_pendingKp.clear();
  }

  // Arabic justified with kashida: the box's best place for tatweels (a
  // glyph boundary: no ligature spans it) and the font's tatweel. The room
  // the tatweels give goes to the next space's stretch, as letter spacing
  // does, so the line breaker counts it; fitLine spends it first.
  void setKashida(Piece& p, uint32_t wordBegin) {
    if (!m_o.style->kashida || m_ragged || !m_o.breakLines) return;
    const text::Item& item = m_out.items.items[p.item];
    if (item.script != tag('A', 'r', 'a', 'b') || !item.font || p.glyphEnd <= p.glyphBegin) return;
    const KashidaPoint k = kashidaPoint(m_flat.text, p.textBegin, p.textEnd);
    if (k.at == 0 || !glyphStartsAt(wordBegin, k.at)) return;
    const Span& span = spanAt(p.textBegin);
    auto cached = std::find_if(m_tatweels.begin(), m_tatweels.end(),
                               [&](const Tatweel& t) { return t.font == item.font && t.size == span.size; });
    if (cached == m_tatweels.end()) {
      static const std::u32string kTatweel = U"\u0640";
      std::vector<text::Glyph> glyphs;
      m_ctx.shaper.shape(kTatweel, 0, 1, request(item, span), glyphs);
      Tatweel t{item.font, span.size, 0, 0};
      if (glyphs.size() == 1 && glyphs[0].gid != 0) t.gid = glyphs[0].gid, t.advance = glyphs[0].advance;
      m_tatweels.push_back(t);
      cached = m_tatweels.end() - 1;
    }
    if (cached->advance <= 0) return;  // the font has no tatweel
    p.kashidaAt = k.at;
    p.kashidaRank = static_cast<uint8_t>(k.rank);
    p.kashidaGid = cached->gid;
    p.kashidaUnit = cached->advance;
    m_letterStretch += cached->advance * kMaxKashidas;
  }

  // The advance of the glyphs of the character at `at` when it is a cluster
  // of its own (no ligature or mark joins it to a neighbour), else 0.
  Sp clusterAdvance(const Piece& p, uint32_t at) const {
    Sp w = 0;
    bool alone = at + 1 >= p.textEnd;
    for (uint32_t g = p.glyphBegin; g < p.glyphEnd; ++g) {
      if (m_out.glyphs[g].cluster == at) w += m_out.glyphs[g].advance;
      if (m_out.glyphs[g].cluster == at + 1) alone = true;
    }
    return alone ? w : 0;
  }

  // Hanging punctuation of a box: its first character may hang at a line
  // start, its last at a line end, when it runs in the paragraph's
  // direction (a mark inside an embedded run is not at the margin). Never
  // in monospace fonts or code, whose columns must line up.
  void setProtrusion(const Piece& p, linebreak::Item& item) const {
    if ((!m_hangStart && !m_hangEnd) || p.textEnd <= p.textBegin || p.glyphEnd <= p.glyphBegin) return;
    if (bool(p.level & 1) != m_out.items.rtl) return;
    const text::Item& ti = m_out.items.items[p.item];
    if ((spanAt(p.textBegin).flags & markup::kCode) || !ti.font || ti.font->metrics().fixedPitch) return;
    if (m_hangStart) {
      const int f = protrusionOf(m_flat.text[p.textBegin]).start;
      if (f > 0) item.protrudeStart = hang(clusterAdvance(p, p.textBegin), f);
    }
    if (m_hangEnd) {
      const int f = protrusionOf(m_flat.text[p.textEnd - 1]).end;
      if (f > 0) item.protrudeEnd = hang(clusterAdvance(p, p.textEnd - 1), f);
    }
  }
  // `perMille` of `advance`, times the style's protrusion factor.
  Sp hang(Sp advance, int perMille) const {
    return static_cast<Sp>(static_cast<double>(advance) * perMille / 1000 * m_o.style->protrusion);
  }

  // Letter spacing helps justify text in languages that cannot hyphenate
  // (no patterns: Georgian, Armenian, Azerbaijani, Korean ...); elsewhere
  // hyphenation does that job and letters keep their fit.
  bool mayLetterSpace(const Piece& p) {
    if (m_ragged || !m_o.breakLines) return false;
    const uint32_t script = m_out.items.items[p.item].script;
    if (!allowsLetterSpacing(script)) return false;
    if (distributesLetters(m_o, script)) return true;  // Thai justifies between its letters
    const std::string& language = spanAt(p.textBegin).language;
    auto it = std::find_if(m_canHyphenate.begin(), m_canHyphenate.end(),
                           [&](const auto& e) { return e.first == language; });
    if (it == m_canHyphenate.end()) {
      m_canHyphenate.emplace_back(language, m_ctx.hyphenator.hasLanguage(language));
      it = m_canHyphenate.end() - 1;
    }
    return !it->second;
  }
  Sp letterCap(const Piece& p) const {
    return static_cast<Sp>(int64_t(spanAt(p.textBegin).size) * kMaxLetterSpacingPerMille / 1000);
  }

  void addOpportunity(const text::Item& item, uint32_t at, int32_t penalty = 0) {
    addPiece(Piece{Piece::Kind::Opportunity, static_cast<uint32_t>(&item - m_out.items.items.data()), at, at,
                   0, 0, 0, item.level});
    const Span& span = spanAt(at > 0 ? at - 1 : 0);
    char32_t before = at > 0 ? m_flat.text[at - 1] : 0;
    if (interCharacterScript(item.script) && !m_ragged &&
        languageIsOneOf(m_o.language, {"zh", "ja", "yue"})) {
      // (Only in a Chinese or Japanese paragraph: a few ideographs inside
      // other text stay as they are and the spaces take the slack.)
      m_out.kp.push_back(linebreak::Item::glue(0, span.size / 6, 0, lastPiece()));
    } else if (distributesLetters(m_o, item.script) && !m_ragged) {
      // A Thai word boundary is one more letter gap, no wider than the
      // others (a gap would read as the space that ends a phrase); its glue
      // also carries the letter spacing of the box before it (assignGlyphs),
      // or of the words before it here.
      const Sp room =
          m_letterStretch + static_cast<Sp>(int64_t(span.size) * kMaxLetterSpacingPerMille / 1000);
      m_out.kp.push_back(linebreak::Item::glue(0, room, 0, lastPiece()));
      m_out.pieces.back().letterStretch = room;
      m_letterStretch = 0;
    } else if (before == U'-' || before == 0x2010 || before == 0x2013 || before == 0x2014) {
      m_out.kp.push_back(linebreak::Item::penaltyItem(
          0, m_ragged ? kExHyphenPenalty : kJustifiedHyphenPenalty / 2, true, lastPiece()));
    } else {
      m_out.kp.push_back(linebreak::Item::penaltyItem(0, penalty, false, lastPiece()));
    }
  }

  void addHyphen(uint32_t itemIndex, const Span& span, uint32_t at) {
    const text::Item& item = m_out.items.items[itemIndex];
    static const std::u32string kHyphen = U"-";
    uint32_t g0 = static_cast<uint32_t>(m_out.glyphs.size());
    m_ctx.shaper.shape(kHyphen, 0, 1, request(item, span), m_out.glyphs);
    uint32_t g1 = static_cast<uint32_t>(m_out.glyphs.size());
    Sp w = 0;
    for (uint32_t g = g0; g < g1; ++g) w += m_out.glyphs[g].advance;
    addPiece(Piece{Piece::Kind::Hyphen, itemIndex, at, at, g0, g1, w, item.level});
    m_out.pieces.back().expandable = expandable(item, span);
    m_out.kp.push_back(linebreak::Item::penaltyItem(w, m_ragged ? kHyphenPenalty : kJustifiedHyphenPenalty,
                                                    true, lastPiece()));
    if (m_hangEnd) m_out.kp.back().protrudeEnd = hang(w, protrusionOf(U'-').end);
  }

  std::vector<uint32_t> hyphenationPoints(const text::Item& item, const Span& span, uint32_t begin,
                                          uint32_t end) {
    if (!m_o.breakLines || !m_o.style->hyphenate || (item.level & 1) || span.link >= 0 ||
        (span.flags & (markup::kCode | markup::kSuperscript | markup::kSubscript)) ||
        begin >= m_lastWordStart)
      return {};
    const std::u32string& t = m_flat.text;
    // The letters of the word, without surrounding quotes and punctuation.
    uint32_t a = begin, b = end;
    while (a < b && isPunctuation(t[a])) ++a;
    while (b > a && isPunctuation(t[b - 1])) --b;
    // An elided article or pronoun (French l’, d’, qu’; Italian dell’):
    // the word after the apostrophe hyphenates on its own.
    for (uint32_t k = b; k > a + 1; --k)
      if (t[k - 1] == 0x2019 || t[k - 1] == U'\'') {
        if (k - 1 - a <= 5) a = k;
        break;
      }
    // Short words are not worth a hyphen (the style's hyphen-min-word, 6
    // letters by default), nor are names and words in capitals unless the
    // style asks (hyphenate-capitalized).
    if (b - a < static_cast<uint32_t>(std::max(m_o.style->hyphenMinWord, 2))) return {};
    for (uint32_t k = a; k < b; ++k)
      if (isPunctuation(t[k]) && t[k] != 0xAD) return {};  // compounds and URLs break at their own hyphens
    size_t caps = 0;
    for (uint32_t k = a; k < b; ++k) caps += folio::text::isUppercase(t[k]);
    if (caps > 1) return {};  // acronyms and names in capitals
    if (caps == 1 && folio::text::isUppercase(t[a]) && !m_o.style->hyphenateCapitalized) return {};
    std::vector<uint32_t> out;
    for (uint32_t p : m_ctx.hyphenator.hyphenate(std::u32string_view(t).substr(a, b - a), span.language))
      out.push_back(a + p);
    return out;
  }

  // Font expansion applies to justified lines in scripts whose letters may
  // widen a little: not cursive ones (Arabic justifies with kashida or its
  // spaces), not Chinese, Japanese or Thai (spread between characters), not
  // monospace fonts or code, whose columns must line up.
  bool expandable(const text::Item& item, const Span& span) const {
    if (m_ragged || !m_o.breakLines || m_o.style->expansion <= 0) return false;
    if (!allowsLetterSpacing(item.script) || distributesLetters(m_o, item.script)) return false;
    if (span.flags & markup::kCode) return false;
    return item.font && !item.font->metrics().fixedPitch;
  }

  // Same word, same key: a cheap hash of its letters, case folded for ASCII.
  uint32_t wordKey(uint32_t begin, uint32_t end) const {
    uint32_t h = 2166136261u;
    bool any = false;
    for (uint32_t k = begin; k < end; ++k) {
      char32_t c = m_flat.text[k];
      if (isPunctuation(c)) continue;
      if (c >= 'A' && c <= 'Z') c += 32;
      h = (h ^ static_cast<uint32_t>(c)) * 16777619u;
      any = true;
    }
    return any ? (h | 1u) : 0;
  }

  const Flat& m_flat;
  const Options& m_o;
  Context& m_ctx;
  Shaped& m_out;
  bool m_ragged;
  uint32_t m_wordKey = 0;
  bool m_hangStart = false, m_hangEnd = false;
  std::vector<text::BreakKind> m_breaks;
  std::vector<uint32_t> m_pendingBoxes;
  std::vector<size_t> m_pendingKp;
  // Scratch for addWord, reused from word to word.
  struct Cut {
    uint32_t at;
    bool hyphen;
  };
  std::vector<Cut> m_cuts;
  std::vector<uint32_t> m_clusterGlyph, m_boxOfChar;
  std::vector<std::pair<uint32_t, uint32_t>> m_boxRange;
  uint32_t m_lastWordStart = 0;
  Sp m_letterStretch = 0;  // letter spacing (or kashida) the words since the last space could take
  struct Tatweel {
    const text::Font* font;
    Sp size;
    uint32_t gid;
    Sp advance;
  };
  std::vector<Tatweel> m_tatweels;                           // per font and size
  std::vector<std::pair<std::string, bool>> m_canHyphenate;  // language -> has patterns
};

}  // namespace

namespace {

// Cursive scripts: their letters join, so no space may come between them.
bool cursiveScript(uint32_t script) {
  switch (script) {
    case tag('A', 'r', 'a', 'b'):
    case tag('S', 'y', 'r', 'c'):
    case tag('N', 'k', 'o', 'o'):
    case tag('M', 'o', 'n', 'g'):
    case tag('M', 'a', 'n', 'd'):
    case tag('A', 'd', 'l', 'm'):
    case tag('R', 'o', 'h', 'g'):
    case tag('P', 'h', 'a', 'g'):
      return true;
    default:
      return false;
  }
}

}  // namespace

Sp letterSpacing(const Options& options, uint32_t script) {
  return cursiveScript(script) ? 0 : options.style->tracking;
}

bool allowsLetterSpacing(uint32_t script) {
  // Devanagari, Bengali and Gurmukhi letters hang from a continuous headline
  // that spacing would break.
  const bool headline = script == tag('D', 'e', 'v', 'a') || script == tag('B', 'e', 'n', 'g') ||
                        script == tag('G', 'u', 'r', 'u');
  return !cursiveScript(script) && !interCharacterScript(script) && !headline;
}

bool distributesLetters(const Options& options, uint32_t script) {
  const bool script_ = script == tag('T', 'h', 'a', 'i') || script == tag('L', 'a', 'o', 'o') ||
                       script == tag('K', 'h', 'm', 'r') || script == tag('M', 'y', 'm', 'r');
  return script_ && languageIsOneOf(options.language, {"th", "lo", "km", "my"});
}

Shaped shapeAndBuildItems(const Flat& flat, const Options& options, Context& context) {
  Shaped shaped;
  std::vector<text::StyleRun> runs;
  runs.reserve(flat.spans.size());
  for (uint32_t i = 0; i < flat.spans.size(); ++i) {
    const Span& s = flat.spans[i];
    runs.push_back(text::StyleRun{s.begin, s.end, i, s.font, s.language});
  }
  shaped.items = text::itemize(flat.text, runs, options.direction, context.fonts, options.language);
  reportMissingGlyphs(flat, shaped.items, options, context.diags);
  ItemBuilder(flat, options, context, shaped).build();
  return shaped;
}

}  // namespace folio::paragraph::detail
