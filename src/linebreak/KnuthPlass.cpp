#include "linebreak/KnuthPlass.h"

// A transcription of TeX's line_break (tex.web §813-890) onto plain arrays.
// Where TeX keeps delta nodes between active nodes, we keep running totals
// from the paragraph start and store in each active node the totals just
// after its break (the paper's "break width" form); a line's width is then a
// difference of two totals. Section numbers below refer to tex.web.
//
// Active nodes live in a vector sorted by line number (TeX's linked list);
// every breakpoint rewrites it into a second vector and the two are swapped,
// so after warm-up the inner loop allocates nothing. Passive nodes (chosen
// breaks, for backtracking) are appended to a pool reused across passes.

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <span>

#include "base/Units.h"

namespace folio::linebreak {

void finishParagraph(std::vector<Item>& items, uint32_t tag) {
  // §816: a final space would otherwise sit at the end of the last line.
  while (!items.empty() && items.back().type == Item::Type::Glue) items.pop_back();
  items.push_back(Item::penaltyItem(0, kInfinitePenalty, false, tag));
  items.push_back(Item::filGlue(0, tag));
  items.push_back(Item::penaltyItem(0, -kInfinitePenalty, false, tag));
}

namespace {

constexpr int32_t kInfBad = 10000;               // TeX's inf_bad
constexpr int64_t kAwfulBad = int64_t{1} << 60;  // TeX's awful_bad, widened with the accumulators
constexpr int32_t kNoLineLimit = std::numeric_limits<int32_t>::max();
enum Fitness : uint8_t { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

struct Totals {
  int64_t width = 0, stretch = 0, filStretch = 0, shrink = 0;
  int64_t expand = 0;  // font expansion of the boxes: counts as stretch and as shrink
  // Word spaces (finite glue with width and stretch) and their widths, for
  // the room before the loose-line rescue (Params::looseSpace).
  int64_t spaces = 0, spaceWidth = 0;
  void add(const Item& it) {
    if (it.type == Item::Type::Penalty) return;  // its width counts only when breaking there
    width += it.width;
    expand += it.expand;
    if (it.type != Item::Type::Glue) return;
    (it.stretchOrder > 0 ? filStretch : stretch) += it.stretch;
    shrink += it.shrink;
    if (it.stretchOrder == 0 && it.width > 0 && it.stretch > 0) {
      ++spaces;
      spaceWidth += it.width;
    }
  }
};

// §108: TeX's approximation of 100 (t/s)^3, bit for bit, so results match TeX.
int32_t badness(int64_t t, int64_t s) {
  if (t == 0) return 0;
  if (s <= 0) return kInfBad;
  int64_t r;
  if (t <= 7230584) {
    r = (t * 297) / s;  // 297^3 = 99.94 * 2^18
  } else if (s >= 1663497) {
    r = t / (s / 297);
  } else {
    r = t;
  }
  if (r > 1290) return kInfBad;  // 1290^3 < 2^31 < 1291^3
  return static_cast<int32_t>((r * r * r + 0x20000) / 0x40000);
}

// A break that has been chosen as the end of some line: TeX's passive node.
// Kept small since there are several per breakpoint; collect() recomputes the
// few lines it needs.
struct Passive {
  size_t position = 0;  // item index of the break
  int32_t prev = -1;    // passive index of the previous break, -1 at the paragraph start
  // Rivers (Params::riverDemerits): the word spaces of the line that ends
  // here, a range of Breaker::m_gapPool, and how many continue a river.
  uint32_t gapBegin = 0, gapCount = 0;
  int32_t rivers = 0;
};

// A word space on a set line: its extent from the line's start and the
// number of lines of the river it ends (1: no space above it overlaps).
struct Gap {
  float x0 = 0, x1 = 0;
  int32_t chain = 1;
};

struct Active {
  int32_t passive = 0;  // index into the passive pool (0 = paragraph start)
  int32_t line = 1;     // number of the line that starts here (TeX's line_number)
  uint8_t fitness = kDecent;
  bool flagged = false;  // the break is a hyphenation (TeX's "hyphenated" type)
  int64_t demerits = 0;  // total demerits from the paragraph start
  Totals after;          // copy of the passive's, kept here for locality
  Sp startHang = 0;      // protrusion of the first box of the line that starts here
  uint8_t hyphens = 0;   // consecutive hyphenated lines ending here (Params::hyphenLimit)
  // Word keys (Item::word) of the first box of the line that starts here,
  // and of the first and last box of the line that ends here.
  uint32_t startWord = 0, prevStartWord = 0, endWord = 0;
};

// A line from an active node to the break being tried, whose demerits
// are known but for its rivers: tryBreak lists the lines of a group of
// nodes and counts rivers only for lines that can still be the best of
// their class (rivers only add demerits, and are rarely found).
struct Candidate {
  int64_t demerits = 0;    // total through this line, rivers not counted
  int32_t passive = 0;     // the node's, as Active
  int32_t line = 0;        // the line's number
  uint32_t startWord = 0;  // the node's Active::startWord
  Sp startHang = 0;        // the node's Active::startHang
  int64_t shortfall = 0;
  Totals after;      // the node's Active::after
  uint8_t cls = 0;   // fitness class (and hyphen run)
  bool set = false;  // badness defined: the line's spaces have positions
  bool done = false;
};

// Nodes are kept apart by fitness class and, under a hyphen limit, by how
// many hyphenated lines end in a row there (0 .. kMaxRun).
constexpr int kMaxRun = 3;
constexpr int kClasses = 4 * (kMaxRun + 1);

class Breaker {
 public:
  Breaker(const std::vector<Item>& items, const std::vector<Sp>& widths, const Params& params)
      : m_items(items), m_params(params) {
    // §848: lines past the last distinct width are all alike, so TeX can merge
    // their active nodes; trailing repeats of the last width change nothing.
    m_widths = widths;
    while (m_widths.size() > 1 && m_widths[m_widths.size() - 2] == m_widths.back()) m_widths.pop_back();
    m_lastSpecialLine = static_cast<int32_t>(m_widths.size()) - 1;
    m_easyLine = params.looseness == 0 ? m_lastSpecialLine : kNoLineLimit;
    m_secondWidth = m_widths.back();
    m_passive.reserve(items.size() / 4 + 16);
    if (params.riverDemerits > 0) {
      Totals t;
      for (size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (it.type == Item::Type::Glue && it.width > 0 && it.stretchOrder == 0)
          m_spaces.push_back(Space{i, t.width, t.expand, t.stretch, t.shrink, it.width, it.stretch, it.shrink});
        t.add(it);
      }
    }
    m_active.reserve(64);
    m_next.reserve(64);
  }

  Result run();

 private:
  // Rivers: the spaces of the line from r to `pos`, set at its shortfall,
  // into m_lineGaps; returns how many continue a river of 3 or more lines.
  int lineGaps(const Candidate& r, size_t pos, const Totals& before);
  bool runPass();
  void tryBreak(size_t pos, int32_t pi, bool flagged, const Totals& before, Sp penaltyWidth, Sp endHang);
  int64_t bestOfClasses(size_t pos, const Totals& before, int64_t* minimal, int32_t* bestPlace, int32_t* bestLine,
                        uint32_t* bestStartWord);
  uint32_t wordAt(size_t start) const {
    return start < m_items.size() && m_items[start].type == Item::Type::Box ? m_items[start].word : 0;
  }
  // The word key of the last box before a break at `pos`.
  uint32_t endWordAt(size_t pos) const {
    for (size_t j = std::min(pos, m_items.size()); j > 0; --j)
      if (m_items[j - 1].type == Item::Type::Box) return m_items[j - 1].word;
    return 0;
  }
  Sp startHangAt(size_t start) const {
    return start < m_items.size() && m_items[start].type == Item::Type::Box ? m_items[start].protrudeStart
                                                                            : 0;
  }
  // The protrusion of the line end when breaking at `pos`: the penalty's
  // own (a hyphen) when it has a width, else that of the last box before.
  Sp endHangAt(size_t pos) const {
    if (pos < m_items.size() && m_items[pos].type == Item::Type::Penalty && m_items[pos].width != 0)
      return m_items[pos].protrudeEnd;
    for (size_t j = pos; j > 0; --j) {
      const Item& it = m_items[j - 1];
      if (it.type == Item::Type::Box) return it.protrudeEnd;
      if (it.width != 0) return 0;  // a glue with width (a ragged-right space) ends the line
    }
    return 0;
  }
  Totals afterBreak(size_t pos, const Totals& before) const;
  // TeX's badness, or with Params::badnessPower 2, 100 (t/s)^2: a cost
  // that grows as the variance of word spaces does.
  int32_t glueBadness(int64_t t, int64_t s) const {
    if (m_params.badnessPower != 2 || t == 0) return badness(t, s);
    if (s <= 0) return kInfBad;
    const double r = static_cast<double>(t) / static_cast<double>(s);
    return r > 10 ? kInfBad : static_cast<int32_t>(roundHalfAway(std::min(100.0 * r * r, double(kInfBad))));
  }
  int64_t extraDemerits(const Active& r, bool isFinal, int64_t endWidth, uint32_t endWord) const;
  size_t lineStart(size_t pos) const;
  Sp lineWidth(int32_t line) const {
    return line > m_lastSpecialLine ? m_secondWidth : m_widths[static_cast<size_t>(line - 1)];
  }
  void prune(const Totals& now);
  Result collect(const Active& best) const;
  double expansionOf(int64_t shortfall, const Totals& t) const;
  double steppedExpansion(int64_t shortfall, int64_t expand) const;
  double spacingCost(int64_t shortfall, int64_t stretch, int64_t expand) const;
  double rescueExcess(int64_t shortfall, const Totals& from, const Totals& to) const;

  const std::vector<Item>& m_items;
  const Params& m_params;
  std::vector<Sp> m_widths;
  int32_t m_lastSpecialLine = 0;
  int32_t m_easyLine = 0;
  Sp m_secondWidth = 0;

  // Per pass.
  double m_threshold = 0;
  bool m_secondPass = false;
  bool m_finalPass = false;
  int64_t m_backgroundStretch = 0;  // emergency stretch in the last pass (§863)

  std::vector<Passive> m_passive;
  // Rivers (only when Params::riverDemerits > 0): the word spaces (glue
  // with width) with the running totals before each, the spaces of every
  // passive node's line, and scratch for the line being tried and the best
  // line per class.
  struct Space {
    size_t item = 0;  // index in m_items
    int64_t width = 0, expand = 0, stretch = 0, shrink = 0;  // Totals before it
    Sp w = 0, st = 0, sh = 0;                                // its own width, stretch, shrink
  };
  std::vector<Space> m_spaces;
  std::vector<Gap> m_gapPool, m_lineGaps;
  std::vector<Gap> m_classGaps[kClasses];
  int32_t m_classRivers[kClasses] = {};
  std::vector<Candidate> m_candidates;  // of the group of nodes being tried (tryBreak)
  std::vector<Active> m_active, m_next;
  std::vector<double> m_pruneKeys;
  std::vector<size_t> m_pruneOrder;
};

Result Breaker::run() {
  // §863: pass 1 uses pretolerance and no hyphenation; pass 2 tolerance with
  // hyphenation; pass 3 adds the emergency stretch to every line.
  int pass = 1;
  if (m_params.pretolerance >= 0) {
    m_threshold = m_params.pretolerance;
    m_secondPass = false;
    m_finalPass = false;
  } else {
    pass = 2;
    m_threshold = m_params.tolerance;
    m_secondPass = true;
    m_finalPass = m_params.emergencyStretch <= 0;
  }
  while (true) {
    m_threshold = std::min<double>(m_threshold, kInfBad);
    if (runPass()) {
      // §874: the node with fewest demerits (the first such, as TeX).
      size_t best = 0;
      for (size_t i = 1; i < m_active.size(); ++i) {
        if (m_active[i].demerits < m_active[best].demerits) best = i;
      }
      int actualLooseness = 0;
      if (m_params.looseness != 0) {
        // §875: the line count closest to the optimum plus looseness; among
        // equal counts the fewest demerits.
        const int32_t bestLine = m_active[best].line;
        int64_t fewest = m_active[best].demerits;
        for (size_t i = 0; i < m_active.size(); ++i) {
          const int lineDiff = m_active[i].line - bestLine;
          if ((lineDiff < actualLooseness && m_params.looseness <= lineDiff) ||
              (lineDiff > actualLooseness && m_params.looseness >= lineDiff)) {
            best = i;
            actualLooseness = lineDiff;
            fewest = m_active[i].demerits;
          } else if (lineDiff == actualLooseness && m_active[i].demerits < fewest) {
            best = i;
            fewest = m_active[i].demerits;
          }
        }
      }
      if (actualLooseness == m_params.looseness || m_finalPass) {
        Result result = collect(m_active[best]);
        result.pass = pass;
        return result;
      }
    } else if (m_finalPass) {
      // Unreachable by §854's rescue; a guard so a bug cannot loop forever.
      Result result;
      result.pass = pass;
      result.overfull = true;
      return result;
    }
    if (!m_secondPass) {
      m_threshold = m_params.tolerance;
      m_secondPass = true;
      m_finalPass = m_params.emergencyStretch <= 0;
    } else {
      m_backgroundStretch += m_params.emergencyStretch;
      m_finalPass = true;
    }
    ++pass;
  }
}

bool Breaker::runPass() {
  m_passive.clear();
  m_active.clear();
  m_passive.push_back(Passive{});  // the paragraph start: index 0, prev -1
  m_gapPool.clear();
  m_active.push_back(Active{});
  m_active.back().startHang = startHangAt(0);
  m_active.back().startWord = wordAt(lineStart(0));

  // §866: walk the items, trying a break at each legal breakpoint before the
  // item's own width joins the running totals.
  const size_t n = m_items.size();
  Totals totals;
  for (size_t i = 0; i < n; ++i) {
    const Item& it = m_items[i];
    switch (it.type) {
      case Item::Type::Box:
        break;
      case Item::Type::Glue:
        if (i > 0 && m_items[i - 1].type == Item::Type::Box)
          tryBreak(i, 0, false, totals, 0, m_items[i - 1].protrudeEnd);
        break;
      case Item::Type::Penalty:
        // Pass 1 leaves hyphenation points alone (TeX has not hyphenated yet),
        // but a forced break is a break whatever it is flagged as.
        if (it.penalty < kInfinitePenalty &&
            (m_secondPass || !it.flagged || it.penalty <= -kInfinitePenalty)) {
          tryBreak(i, it.penalty, it.flagged, totals, it.width, endHangAt(i));
        }
        break;
    }
    if (m_active.empty()) return false;
    totals.add(it);
  }
  if (n == 0 ||
      !(m_items[n - 1].type == Item::Type::Penalty && m_items[n - 1].penalty <= -kInfinitePenalty)) {
    tryBreak(n, -kInfinitePenalty, false, totals, 0, endHangAt(n));  // the documented implicit paragraph end
  }
  return !m_active.empty();
}

// §837 / the paper's "break width": glue and penalties right after a break
// vanish at the start of the next line, up to the next box or forced break.
size_t Breaker::lineStart(size_t pos) const {
  size_t j = pos;
  while (j < m_items.size() && m_items[j].type != Item::Type::Box &&
         !(j > pos && m_items[j].type == Item::Type::Penalty && m_items[j].penalty <= -kInfinitePenalty)) {
    ++j;
  }
  return j;
}

Totals Breaker::afterBreak(size_t pos, const Totals& before) const {
  Totals t = before;
  const size_t start = lineStart(pos);
  for (size_t j = pos; j < start; ++j) t.add(m_items[j]);  // penalties add nothing
  return t;
}

// §829: considers lines from every active node to the break at `pos`.
void Breaker::tryBreak(size_t pos, int32_t pi, bool flagged, const Totals& before, Sp penaltyWidth,
                       Sp endHang) {
  const bool forced = pi <= -kInfinitePenalty;
  if (forced) pi = -kInfinitePenalty;
  // §873: the paragraph end counts as hyphenated, which is how
  // finalHyphenDemerits reach a second-to-last line ending in a hyphen.
  const bool isFinal = forced && pos + 1 >= m_items.size();
  const bool breakFlagged = flagged || isFinal;

  int64_t minimal[kClasses];
  int32_t bestPlace[kClasses] = {};
  int32_t bestLine[kClasses] = {};
  uint32_t bestStartWord[kClasses] = {};
  std::fill(std::begin(minimal), std::end(minimal), kAwfulBad);
  int64_t minimum = kAwfulBad;
  bool noBreakYet = true;
  Totals after;
  Sp nextStartHang = 0;
  uint32_t nextStartWord = 0;
  const uint32_t endWord = endWordAt(pos);
  const bool limitHyphens = m_params.hyphenLimit > 0;
  const bool realHyphen = flagged && !forced;
  const int64_t endWidth = before.width + penaltyWidth;

  // The list is rewritten in place: nodes that stay move down to `w` (no
  // copy while none has left, the usual case), new nodes go in at `w` too,
  // into a freed slot or, when there is none, inserted there.
  size_t w = 0;
  size_t count = m_active.size();
  size_t i = 0;
  auto keep = [&] {
    if (w != i) m_active[w] = m_active[i];
    ++w;
  };
  auto add = [&](const Active& a) {
    if (w < i) {
      m_active[w++] = a;
    } else {
      m_active.insert(m_active.begin() + static_cast<std::ptrdiff_t>(w), a);
      ++w, ++i, ++count;
    }
  };
  int32_t oldL = 0;
  Sp width = 0;
  for (;; ++i) {
    const bool atEnd = i == count;
    const int32_t l = atEnd ? kNoLineLimit : m_active[i].line;
    if (l > oldL) {
      // §835: all nodes of the previous line number are done; the best break
      // per fitness class becomes a new active node (if close enough to the
      // best overall, §836).
      if (!m_candidates.empty() && (oldL != m_easyLine || atEnd)) {
        minimum = bestOfClasses(pos, before, minimal, bestPlace, bestLine, bestStartWord);
        m_candidates.clear();
        if (noBreakYet) {
          noBreakYet = false;
          after = afterBreak(pos, before);
          const size_t start = lineStart(pos);
          nextStartHang = startHangAt(start);
          nextStartWord = wordAt(start);
        }
        const int64_t adj = std::abs(static_cast<int64_t>(m_params.fitnessDemerits));
        minimum = adj >= kAwfulBad - minimum ? kAwfulBad - 1 : minimum + adj;
        for (int c = 0; c < kClasses; ++c) {
          if (minimal[c] <= minimum) {
            m_passive.push_back(Passive{pos, bestPlace[c]});
            if (m_params.riverDemerits > 0) {
              Passive& p = m_passive.back();
              p.gapBegin = static_cast<uint32_t>(m_gapPool.size());
              p.gapCount = static_cast<uint32_t>(m_classGaps[c].size());
              p.rivers = m_classRivers[c];
              m_gapPool.insert(m_gapPool.end(), m_classGaps[c].begin(), m_classGaps[c].end());
            }
            Active a;
            a.passive = static_cast<int32_t>(m_passive.size() - 1);
            a.line = bestLine[c] + 1;
            a.fitness = static_cast<uint8_t>(c % 4);
            a.hyphens = static_cast<uint8_t>(c / 4);
            a.flagged = breakFlagged;
            a.demerits = minimal[c];
            a.after = after;
            a.startHang = nextStartHang;
            a.startWord = nextStartWord;
            a.prevStartWord = bestStartWord[c];
            a.endWord = endWord;
            add(a);
          }
          minimal[c] = kAwfulBad;
        }
        minimum = kAwfulBad;
      }
      if (atEnd) break;
      // §850: the width of the line that starts at the node.
      if (l > m_easyLine) {
        width = m_secondWidth;
        oldL = kNoLineLimit - 1;
      } else {
        oldL = l;
        width = lineWidth(l);
      }
    }
    const Active& r = m_active[i];

    // §851: badness and fitness class of the line from r to here.
    // Hanging punctuation widens the line by what its ends may protrude.
    const int64_t shortfall =
        static_cast<int64_t>(width) + endHang + r.startHang - (endWidth - r.after.width);
    int32_t b;
    uint8_t fit;
    if (shortfall > 0) {
      if (before.filStretch - r.after.filStretch != 0) {
        b = 0;
        fit = kDecent;
      } else {
        const int64_t expand = before.expand - r.after.expand;
        b = m_params.expansionFirst
                ? glueBadness(std::max<int64_t>(0, shortfall - expand),
                              before.stretch - r.after.stretch + m_backgroundStretch)
                : badness(shortfall, before.stretch - r.after.stretch + expand + m_backgroundStretch);
        fit = b > 99 ? kVeryLoose : b > 12 ? kLoose : kDecent;
      }
    } else {
      // §853: shrinking never goes beyond the glue's shrink (and the
      // letters' expansion): that is overfull.
      const int64_t expand = before.expand - r.after.expand;
      const int64_t shrink = before.shrink - r.after.shrink + expand;
      b = -shortfall > shrink       ? kInfBad + 1
          : m_params.expansionFirst ? glueBadness(std::max<int64_t>(0, -shortfall - expand), shrink - expand)
                                    : badness(-shortfall, shrink);
      fit = b > 12 ? kTight : kDecent;
    }

    // §854: overfull lines and forced breaks end r's activity; §855 keeps the
    // last node alive in the final pass so the paragraph comes out overfull
    // rather than not at all.
    // A hyphen limit: a line may not end in a hyphen after `hyphenLimit`
    // hyphenated lines in a row; the node stays for later breaks.
    if (realHyphen && limitHyphens && r.hyphens >= m_params.hyphenLimit) {
      if (b <= kInfBad) keep();
      continue;
    }
    bool artificial = false;
    bool stays;
    if (b > kInfBad || forced) {
      if (m_finalPass && m_candidates.empty() && i + 1 == count && w == 0) {
        artificial = true;
      } else if (b > m_threshold) {
        continue;  // deactivated
      }
      stays = false;
    } else {
      if (b > m_threshold) {
        keep();
        continue;
      }
      stays = true;
    }

    // §855, §859: demerits of the line, then total demerits via r.
    // Where TeX zeroes a line taken by the §854 rescue, we still count it
    // when its badness is defined: the rescue has a single candidate, so the
    // choice is the same, and Result::demerits stays the true cost. Only an
    // overfull line, which has no badness, counts 0.
    int64_t d = 0;
    if (!artificial || b <= kInfBad) {
      if (m_params.spacingDemerits > 0 && b <= kInfBad) {
        const int64_t lp = m_params.linePenalty;
        const bool fil = shortfall > 0 && before.filStretch - r.after.filStretch != 0;
        d = lp * lp +
            (fil ? 0
                 : static_cast<int64_t>(roundHalfAway(double(m_params.spacingDemerits) *
                                                      spacingCost(shortfall, before.stretch - r.after.stretch,
                                                                  before.expand - r.after.expand))));
        if (m_params.condenseDemerits > 0 && shortfall < 0) {
          const double e = steppedExpansion(shortfall, before.expand - r.after.expand);
          d += static_cast<int64_t>(roundHalfAway(double(m_params.condenseDemerits) * e * e));
        }
      } else {
        d = m_params.linePenalty + b;
        d = std::abs(d) >= 10000 ? 100000000 : d * d;
      }
      const int64_t p = pi;
      if (p > 0) {
        d += p * p;
      } else if (p > -kInfinitePenalty) {
        d -= p * p;
      }
      if (m_params.looseDemerits > 0 && b <= kInfBad) {
        const double excess = rescueExcess(shortfall, r.after, before);
        if (excess > 0) {
          const double unit = m_params.spaceStretch > 0 ? m_params.spaceStretch : 65536.0;
          d += static_cast<int64_t>(roundHalfAway(
              std::min(1e12, double(m_params.looseDemerits) * 100.0 * excess * excess / (unit * unit))));
        }
      }
      if (breakFlagged && r.flagged) d += isFinal ? m_params.finalHyphenDemerits : m_params.flaggedDemerits;
      if (std::abs(static_cast<int>(fit) - static_cast<int>(r.fitness)) > 1) d += m_params.fitnessDemerits;
      d += extraDemerits(r, isFinal, endWidth, endWord);
    }
    const int run = !limitHyphens ? 0 : realHyphen ? std::min(r.hyphens + 1, kMaxRun) : 0;
    Candidate& cand = m_candidates.emplace_back();
    cand.demerits = d + r.demerits;
    cand.passive = r.passive;
    cand.line = l;
    cand.startWord = r.startWord;
    cand.startHang = r.startHang;
    cand.shortfall = shortfall;
    cand.after = r.after;
    cand.cls = static_cast<uint8_t>(run * 4 + fit);
    cand.set = b <= kInfBad;
    if (stays) keep();
  }
  m_active.resize(w);
  if (m_active.size() > std::max<uint32_t>(m_params.maxActiveNodes, 1)) {
    Totals now = before;
    now.width = endWidth;
    prune(now);
  }
}

// The best line of each fitness class among m_candidates, as TeX finds it
// trying them one by one (fewest demerits, a later line winning a tie),
// and the fewest demerits of all; classes that cannot come within
// fitnessDemerits of that are left at kAwfulBad (no node is made for
// them). Rivers are counted for a line only while its demerits without
// them could still make it its class's best, so mostly for one line a
// class.
int64_t Breaker::bestOfClasses(size_t pos, const Totals& before, int64_t* minimal, int32_t* bestPlace,
                               int32_t* bestLine, uint32_t* bestStartWord) {
  int64_t lower[kClasses];
  std::fill(std::begin(lower), std::end(lower), kAwfulBad + 1);
  for (const Candidate& cand : m_candidates) lower[cand.cls] = std::min(lower[cand.cls], cand.demerits);
  // The classes that have lines, fewest demerits first (insertion sort:
  // there are one or two).
  int order[kClasses];
  int classes = 0;
  for (int c = 0; c < kClasses; ++c) {
    if (lower[c] > kAwfulBad) continue;
    int k = classes++;
    for (; k > 0 && lower[order[k - 1]] > lower[c]; --k) order[k] = order[k - 1];
    order[k] = c;
  }
  const int64_t adj = std::abs(static_cast<int64_t>(m_params.fitnessDemerits));
  int64_t minimum = kAwfulBad;
  for (int c : std::span(order, static_cast<size_t>(classes))) {
    // Sorted: no later class can come within reach either.
    if (lower[c] > kAwfulBad || lower[c] > (adj >= kAwfulBad - minimum ? kAwfulBad - 1 : minimum + adj)) break;
    bool found = false;
    int64_t best = 0;
    size_t bestAt = 0;
    while (true) {
      // The next line to count: fewest demerits without rivers, the later first.
      size_t next = m_candidates.size();
      for (size_t k = 0; k < m_candidates.size(); ++k) {
        const Candidate& x = m_candidates[k];
        if (x.cls != c || x.done) continue;
        if (next == m_candidates.size() || x.demerits <= m_candidates[next].demerits) next = k;
      }
      if (next == m_candidates.size()) break;
      Candidate& cand = m_candidates[next];
      if (found && (cand.demerits > best || (cand.demerits == best && next < bestAt))) break;
      cand.done = true;
      int rivers = 0;
      if (m_params.riverDemerits > 0) {
        m_lineGaps.clear();
        if (cand.set) rivers = lineGaps(cand, pos, before);
      }
      const int64_t d = cand.demerits + rivers * m_params.riverDemerits;
      if (d > kAwfulBad) continue;  // as TeX's "d <= minimal[c]" with minimal[c] at awful_bad
      if (!found || d < best || (d == best && next > bestAt)) {
        found = true;
        best = d;
        bestAt = next;
        bestPlace[c] = cand.passive;
        bestLine[c] = cand.line;
        bestStartWord[c] = cand.startWord;
        if (m_params.riverDemerits > 0) {
          std::swap(m_classGaps[c], m_lineGaps);  // m_lineGaps is cleared before its next use
          m_classRivers[c] = rivers;
        }
      }
    }
    if (!found) continue;
    minimal[c] = best;
    minimum = std::min(minimum, best);
  }
  return minimum;
}

// The line from r to `pos` set as collect() sets it: the letters take their
// share of the expansion, the glue the rest (or the same ratio, pdfTeX's
// way); the last line's fil leaves the spaces natural. Each space's extent
// follows from the running totals, so the cost is a sweep over the line's
// spaces and those of the line before (both in order along the line).
int Breaker::lineGaps(const Candidate& r, size_t pos, const Totals& before) {
  const Totals& a = r.after;
  const int64_t shortfall = r.shortfall;
  const bool stretching = shortfall > 0;
  const int64_t glue = stretching ? before.stretch - a.stretch : before.shrink - a.shrink;
  const int64_t expand = before.expand - a.expand;
  double e = 0, g = 0;  // share of the expansion limit; glue ratio (negative: shrink)
  if (shortfall != 0 && before.filStretch - a.filStretch == 0) {
    const double need = static_cast<double>(shortfall);
    if (m_params.expansionFirst) {
      if (expand > 0) e = std::clamp(need / static_cast<double>(expand), -1.0, 1.0);
      const double rest = need - e * static_cast<double>(expand);
      if (glue > 0) g = rest / static_cast<double>(glue);
    } else if (glue + expand > 0) {
      g = need / static_cast<double>(glue + expand);
      e = expand > 0 ? g : 0;
    }
  }
  const size_t start = lineStart(m_passive[static_cast<size_t>(r.passive)].position);
  const Passive& above = m_passive[static_cast<size_t>(r.passive)];
  const Gap* prev = m_gapPool.data() + above.gapBegin;
  const size_t prevCount = r.passive == 0 ? 0 : above.gapCount;
  int rivers = 0;
  size_t k = 0;
  auto first = std::lower_bound(m_spaces.begin(), m_spaces.end(), start,
                                [](const Space& sp, size_t at) { return sp.item < at; });
  for (auto it = first; it != m_spaces.end() && it->item < pos; ++it) {
    const Space& t = *it;
    const double adjust = static_cast<double>(stretching ? t.stretch - a.stretch : t.shrink - a.shrink);
    Gap gap;
    gap.x0 = static_cast<float>(static_cast<double>(t.width - a.width) +
                                e * static_cast<double>(t.expand - a.expand) + g * adjust - r.startHang);
    gap.x1 = gap.x0 + static_cast<float>(t.w + g * (stretching ? t.st : t.sh));
    while (k < prevCount && prev[k].x1 < gap.x0) ++k;
    for (size_t m = k; m < prevCount && prev[m].x0 <= gap.x1; ++m)
      gap.chain = std::max(gap.chain, prev[m].chain + 1);
    rivers += gap.chain >= 3;
    m_lineGaps.push_back(gap);
  }
  return rivers;
}

// Not in TeX: the costs of a runt (a paragraph's last line with no whole
// word of 4 letters, shorter than Params::lastLineMin) and of the same word
// starting or ending two lines in a row.
int64_t Breaker::extraDemerits(const Active& r, bool isFinal, int64_t endWidth, uint32_t endWord) const {
  int64_t d = 0;
  if (isFinal && r.passive != 0 && m_params.runtDemerits > 0) {
    const size_t start = lineStart(m_passive[static_cast<size_t>(r.passive)].position);
    const bool runtAfter = m_params.runtAfter != static_cast<size_t>(-1) && start > m_params.runtAfter;
    if (runtAfter && endWidth - r.after.width < m_params.lastLineMin) d += m_params.runtDemerits;
  }
  if (m_params.stackDemerits > 0 && r.passive != 0) {
    if (r.startWord != 0 && r.startWord == r.prevStartWord) d += m_params.stackDemerits;
    if (!isFinal && endWord != 0 && endWord == r.endWord) d += m_params.stackDemerits;
  }
  return d;
}

// Not in TeX: caps the active list. Nodes at different positions are not
// directly comparable (an earlier node has paid for fewer lines), so each is
// scored by its demerits plus the cost of the text between it and here,
// priced at the best demerits-per-line rate seen among the nodes. The lowest
// scores survive; ties fall to position, line and fitness so the choice is
// deterministic. Ordinary paragraphs never get here.
void Breaker::prune(const Totals& now) {
  const size_t keep = std::max<uint32_t>(m_params.maxActiveNodes, 1);
  double rate = -1;
  for (const Active& a : m_active) {
    if (a.line > 1 && a.line != kNoLineLimit) {
      const double perLine = static_cast<double>(a.demerits) / (a.line - 1);
      if (rate < 0 || perLine < rate) rate = perLine;
    }
  }
  if (rate < 0) rate = 0;
  const double measure = std::max<double>(1.0, m_secondWidth);
  m_pruneKeys.clear();
  for (const Active& a : m_active) {
    m_pruneKeys.push_back(static_cast<double>(a.demerits) +
                          rate * static_cast<double>(now.width - a.after.width) / measure);
  }
  auto less = [&](size_t x, size_t y) {
    if (m_pruneKeys[x] != m_pruneKeys[y]) return m_pruneKeys[x] < m_pruneKeys[y];
    const Active& a = m_active[x];
    const Active& b = m_active[y];
    if (m_passive[a.passive].position != m_passive[b.passive].position) {
      return m_passive[a.passive].position > m_passive[b.passive].position;
    }
    if (a.line != b.line) return a.line < b.line;
    return a.fitness < b.fitness;
  };
  m_pruneOrder.resize(m_active.size());
  for (size_t i = 0; i < m_pruneOrder.size(); ++i) m_pruneOrder[i] = i;
  std::nth_element(m_pruneOrder.begin(), m_pruneOrder.begin() + static_cast<std::ptrdiff_t>(keep - 1),
                   m_pruneOrder.end(), less);
  const size_t cut = m_pruneOrder[keep - 1];
  // Keep the list's order (sorted by line number), which tryBreak relies on.
  m_next.clear();
  for (size_t i = 0; i < m_active.size(); ++i) {
    if (i == cut || less(i, cut)) m_next.push_back(m_active[i]);
  }
  m_active.swap(m_next);
}

// The share of its expansion limit a line's letters take: the line's
// adjustment ratio over glue and letters together (over the letters alone
// when they go first), within [-1, 1], rounded to the nearest step.
double Breaker::expansionOf(int64_t shortfall, const Totals& t) const {
  if (t.expand <= 0 || shortfall == 0) return 0;
  const int64_t glue = m_params.expansionFirst ? 0 : shortfall > 0 ? t.stretch : t.shrink;
  const int64_t room = glue + t.expand;
  double r = std::clamp(static_cast<double>(shortfall) / static_cast<double>(room), -1.0, 1.0);
  if (m_params.expansionSteps > 0) r = std::round(r * m_params.expansionSteps) / m_params.expansionSteps;
  return r;
}

// Params::spacingDemerits' v: 100 rest^2 / (stretch * spaceStretch), with
// rest what the spaces take after the letters' stepped expansion (as
// collect() sets the line).
double Breaker::steppedExpansion(int64_t shortfall, int64_t expand) const {
  double e = 0;
  if (expand > 0 && shortfall != 0) {
    e = std::clamp(static_cast<double>(shortfall) / static_cast<double>(expand), -1.0, 1.0);
    if (m_params.expansionSteps > 0) e = std::round(e * m_params.expansionSteps) / m_params.expansionSteps;
  }
  return e;
}

// Params::looseDemerits' excess: what the letters of the line from `from`
// to `to` must take when its spaces stop at Params::looseSpace, as
// paragraph/Justify.cpp's rescue measures it (after the letters' stepped
// expansion; never while the spaces are within their stretch). 0 for a
// line that shrinks, fills with fil glue or has no word space.
double Breaker::rescueExcess(int64_t shortfall, const Totals& from, const Totals& to) const {
  const int64_t spaces = to.spaces - from.spaces;
  if (shortfall <= 0 || spaces <= 0 || to.filStretch - from.filStretch != 0) return 0;
  const int64_t stretch = to.stretch - from.stretch;
  const double e = steppedExpansion(shortfall, to.expand - from.expand);
  const double rest = static_cast<double>(shortfall) - e * static_cast<double>(to.expand - from.expand);
  if (rest <= static_cast<double>(stretch)) return 0;
  const double room =
      std::max(0.0, static_cast<double>(spaces * m_params.looseSpace - (to.spaceWidth - from.spaceWidth)));
  return std::max(0.0, rest - room);
}

double Breaker::spacingCost(int64_t shortfall, int64_t stretch, int64_t expand) const {
  const double e = steppedExpansion(shortfall, expand);
  const double rest = static_cast<double>(shortfall) - e * static_cast<double>(expand);
  if (rest == 0) return 0;
  if (stretch <= 0) return 1e7;
  const double unit = m_params.spaceStretch > 0 ? static_cast<double>(m_params.spaceStretch) : 65536.0;
  return std::min(1e7, 100.0 * rest * rest / (static_cast<double>(stretch) * unit));
}

Result Breaker::collect(const Active& best) const {
  Result result;
  result.demerits = best.demerits;
  std::vector<int32_t> chain;
  for (int32_t p = best.passive; p > 0; p = m_passive[static_cast<size_t>(p)].prev) chain.push_back(p);
  std::reverse(chain.begin(), chain.end());
  int32_t line = 1;
  size_t start = 0;
  for (int32_t p : chain) {
    const size_t end = m_passive[static_cast<size_t>(p)].position;
    result.breaks.push_back(end);
    result.rivers += m_passive[static_cast<size_t>(p)].rivers;
    // Ratios come from the real glue: emergency stretch only widened the
    // choice of breaks (TeX repacks each line with its own glue), so such
    // lines may stretch past the tolerance.
    Totals t;
    for (size_t j = start; j < end; ++j) t.add(m_items[j]);
    if (end < m_items.size() && m_items[end].type == Item::Type::Penalty) t.width += m_items[end].width;
    const Sp startHang = startHangAt(start), endHang = endHangAt(end);
    result.startHangs.push_back(startHang);
    result.endHangs.push_back(endHang);
    const int64_t shortfall = static_cast<int64_t>(lineWidth(line)) + startHang + endHang - t.width;
    if (m_params.looseSpace > 0 && rescueExcess(shortfall, Totals{}, t) > 0) ++result.rescued;
    double ratio = 0;
    uint8_t order = 0;
    // Font expansion first, as pdfTeX: the letters take the line's ratio of
    // their expansion (rounded to a step), the glue takes the rest.
    // (A last line with fil glue expands only to shrink: it never needs to
    // stretch.)
    const double expansion = t.filStretch > 0 && shortfall > 0 ? 0.0 : expansionOf(shortfall, t);
    const int64_t rest =
        shortfall - static_cast<int64_t>(roundHalfAway(expansion * static_cast<double>(t.expand)));
    if (shortfall > 0) {
      const int64_t fil = t.filStretch;
      const int64_t stretch = t.stretch;
      if (fil > 0) {
        order = 1;
        ratio = static_cast<double>(shortfall) / static_cast<double>(fil);
      } else if (stretch > 0) {
        ratio = static_cast<double>(rest) / static_cast<double>(stretch);
      }
    } else if (shortfall < 0) {
      const int64_t shrink = t.shrink;
      if (-shortfall > shrink + t.expand) result.overfull = true;
      if (shrink > 0) ratio = std::max(-1.0, static_cast<double>(rest) / static_cast<double>(shrink));
    }
    result.ratios.push_back(ratio);
    result.expansions.push_back(expansion);
    result.stretchOrders.push_back(order);
    start = lineStart(end);
    ++line;
  }
  return result;
}

}  // namespace

Result breakLines(const std::vector<Item>& items, const std::vector<Sp>& lineWidths, const Params& params) {
  if (items.empty() || lineWidths.empty()) return Result{};
  Breaker breaker(items, lineWidths, params);
  return breaker.run();
}

}  // namespace folio::linebreak
