#include "pagination/TextBox.h"

#include <algorithm>
#include <cstdio>

#include "base/Utf8.h"
#include "pagination/Flow.h"
#include "text/DocumentFonts.h"

namespace folio::pagination {

namespace {

constexpr Sp kShrinkStep = kSpPerPt / 2;  // sizes tried: 15, 14.5, 14 ... pt

struct Trial {
  std::vector<paragraph::Line> lines;
  std::vector<Sp> widths;   // the measure each line was set in (balanced paragraphs are narrower)
  std::vector<bool> rtl;    // the paragraph direction of each line
  bool overfull = false;    // a word wider than the measure
};

std::string formatPt(Sp v) {
  char buf[32];
  double p = toPt(v);
  if (p == static_cast<int>(p)) std::snprintf(buf, sizeof buf, "%d", static_cast<int>(p));
  else std::snprintf(buf, sizeof buf, "%.1f", p);
  return buf;
}

// The item's style at `size`, leading scaled with it. Template text is not
// hyphenated: a sender's or a ministry's name broken inside a word looks
// like a mistake.
style::Style atSize(const style::Style& base, Sp size) {
  style::Style s = base;
  if (base.size > 0 && size != base.size)
    s.leading = static_cast<Sp>(static_cast<int64_t>(base.leading) * size / base.size);
  s.size = size;
  s.hyphenate = false;
  s.indentStart = s.indentEnd = s.firstIndent = 0;
  return s;
}

// A value's own line breaks start new paragraphs ("multi-line field values
// keep their lines").
std::vector<std::string> paragraphsOf(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const std::string& t : texts) {
    size_t start = 0;
    while (true) {
      size_t nl = t.find('\n', start);
      out.push_back(t.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

// One template paragraph as set, with what setting it said and the fonts it
// looked up (in order), for TextBoxCache.
struct TextBoxCache::Paragraph {
  paragraph::Paragraph set;
  Diagnostics messages;
  std::vector<const text::Font*> fonts;
};

namespace {

class Setter {
public:
 Setter(const style::TemplateItem& item, Sp measure, const style::Layout& layout, const std::string& language,
        paragraph::Context& context, TextBoxCache* cache = nullptr)
     : m_item(item),
       m_measure(measure),
       m_layout(layout),
       m_language(language),
       m_ctx(context),
       m_cache(cache) {}

 // One paragraph at `width` (0: never broken). In a batch, the lines of a
 // template paragraph set before (the same item, text, size and width):
 // a letterhead box whose one line differs per letter (a reference)
 // still takes its other lines from there.
 paragraph::Paragraph one(const std::string& text, const style::Style& st, Sp width,
                          paragraph::Context& ctx) {
   if (!m_cache) return setOne(text, st, width, ctx);
   std::string key(reinterpret_cast<const char*>(&m_item), sizeof(&m_item));
   key.append(reinterpret_cast<const char*>(&st.size), sizeof st.size)
       .append(reinterpret_cast<const char*>(&width), sizeof width)
       .append(m_language)
       .append(1, '\x1f')
       .append(text);
   std::shared_ptr<const TextBoxCache::Paragraph> entry = m_cache->findParagraph(key);
   if (!entry) {
     auto made = std::make_shared<TextBoxCache::Paragraph>();
     {
       text::DocumentFonts::Collect collect(made->fonts);
       paragraph::Context local{ctx.fonts, ctx.shaper, ctx.hyphenator, made->messages};
       made->set = setOne(text, st, width, local);
     }
     entry = made;
     m_cache->keepParagraph(std::move(key), entry);
   }
   text::DocumentFonts::note(entry->fonts);
   ctx.diags.append(entry->messages);
   return entry->set;
 }

 paragraph::Paragraph setOne(const std::string& text, const style::Style& st, Sp width,
                             paragraph::Context& ctx) {
   paragraph::Options o;
   o.style = &st;
   o.layout = &m_layout;
   o.language = m_language;
   o.breakLines = width > 0;
   o.width = width > 0 ? width : kSpPerPt * 30000;
   o.align = m_item.align;
   o.pos = m_item.pos;
   markup::InlineText inl(1);
   inl[0].text = text;
   return paragraph::layoutParagraph(inl, o, ctx);
 }

  Trial set(const std::vector<std::string>& paras, const style::Style& st, bool balance, paragraph::Context& ctx) {
    Trial t;
    for (const std::string& text : paras) {
      if (text.empty()) {  // a blank line in a value stays a blank line
        paragraph::Line blank;
        blank.leading = st.leading;
        t.lines.push_back(std::move(blank));
        t.widths.push_back(m_measure);
        t.rtl.push_back(false);
        continue;
      }
      paragraph::Paragraph p = one(text, st, m_measure, ctx);
      Sp width = m_measure;
      if (balance && m_measure > 0 && p.lines.size() > 1) width = balancedWidth(text, st, p.lines.size(), ctx, p);
      for (paragraph::Line& line : p.lines) {
        if (m_measure > 0 && line.width > width) t.overfull = true;
        t.lines.push_back(std::move(line));
        t.widths.push_back(width);
        t.rtl.push_back(p.rtl);
      }
    }
    return t;
  }

  // The narrowest measure that keeps the paragraph to `count` lines (as CSS's
  // text-wrap: balance): two lines of about equal length rather than a full
  // line and a stub. Replaces `p` with the lines set at that measure.
  Sp balancedWidth(const std::string& text, const style::Style& st, size_t count, paragraph::Context& ctx,
                   paragraph::Paragraph& p) {
    Diagnostics quiet;
    paragraph::Context q{ctx.fonts, ctx.shaper, ctx.hyphenator, quiet};
    Sp lo = m_measure / 3, hi = m_measure;
    for (int i = 0; i < 8 && hi - lo > kSpPerPt; ++i) {
      Sp mid = lo + (hi - lo) / 2;
      paragraph::Paragraph trial = one(text, st, mid, q);
      bool overfull = std::any_of(trial.lines.begin(), trial.lines.end(),
                                  [&](const paragraph::Line& l) { return l.width > mid; });
      if (trial.lines.size() <= count && !overfull) hi = mid;
      else lo = mid;
    }
    if (hi < m_measure) p = one(text, st, hi, q);
    return hi;
  }

  int capacity(const style::Style& st) const {
    if (m_item.maxLines > 0) return m_item.maxLines;
    if (m_item.height > 0 && st.leading > 0)
      return std::max<int>(1, static_cast<int>((m_item.height + kSpPerPt) / st.leading));
    return 0;
  }

  static bool fits(const Trial& t, int cap) { return !t.overfull && (cap == 0 || int(t.lines.size()) <= cap); }

  // The longest start of the text, cut after a word, that fits with an
  // ellipsis; the whole text if it fits as it is.
  Trial ellipsis(const std::vector<std::string>& paras, const style::Style& st) {
    std::string all;
    for (const std::string& p : paras) all += (all.empty() ? "" : " ") + p;
    std::vector<size_t> cuts;  // byte offsets of word ends
    for (size_t i = 1; i < all.size(); ++i)
      if (all[i] == ' ' && all[i - 1] != ' ') cuts.push_back(i);
    Diagnostics quiet;
    paragraph::Context q{m_ctx.fonts, m_ctx.shaper, m_ctx.hyphenator, quiet};
    int cap = std::max(1, capacity(st));
    size_t lo = 0, hi = cuts.size();  // the answer keeps cuts[k-1] words; k = 0: the first word alone
    auto textFor = [&](size_t k) {
      std::string s = k == 0 ? all.substr(0, cuts.empty() ? all.size() : cuts[0]) : all.substr(0, cuts[k - 1]);
      while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':' || s.back() == '-')) s.pop_back();
      return s + "\u2026";
    };
    while (lo < hi) {
      size_t mid = (lo + hi + 1) / 2;
      if (fits(set({textFor(mid)}, st, false, q), cap)) lo = mid;
      else hi = mid - 1;
    }
    return set({textFor(lo)}, st, false, m_ctx);
  }

  TextBox run(const std::vector<std::string>& texts) {
    const style::Style& base = m_layout.style(m_item.style);
    std::vector<std::string> paras = paragraphsOf(texts);
    TextBox box;
    Sp size = base.size;
    style::Style st = atSize(base, size);
    Trial t;
    if (m_item.fit == style::TemplateItem::Fit::Shrink) {
      // Trials are quiet; the size chosen is set once more with warnings on.
      Diagnostics quiet;
      paragraph::Context q{m_ctx.fonts, m_ctx.shaper, m_ctx.hyphenator, quiet};
      const Sp minSize = m_item.minSize > 0 ? std::min(m_item.minSize, base.size) : base.size * 7 / 10;
      while (true) {
        st = atSize(base, size);
        t = set(paras, st, false, q);
        if (fits(t, capacity(st)) || size - kShrinkStep < minSize) break;
        size -= kShrinkStep;
      }
      t = set(paras, st, m_item.balance, m_ctx);
    } else {
      t = set(paras, st, m_item.balance, m_ctx);
    }
    int cap = capacity(st);
    box.needed = static_cast<int>(t.lines.size());
    if (!fits(t, cap)) {
      std::string what = t.overfull && (cap == 0 || box.needed <= cap)
                             ? "has a word wider than its box (" + formatPt(m_measure) + " pt) at " + formatPt(size) + " pt"
                             : "needs " + std::to_string(box.needed) + (box.needed == 1 ? " line" : " lines") + " at " +
                                   formatPt(size) + " pt; its box holds " + std::to_string(cap);
      if (m_item.fit == style::TemplateItem::Fit::Ellipsis) t = ellipsis(paras, st);
      else box.problem = what;
      if (m_item.fit == style::TemplateItem::Fit::ClipError && cap > 0 && int(t.lines.size()) > cap) t.lines.resize(cap);
    }
    box.size = size;
    box.leading = st.leading;
    box.capacity = cap;
    Sp y = 0;
    for (size_t i = 0; i < t.lines.size(); ++i) {
      paragraph::Line& line = t.lines[i];
      // A balanced paragraph was set in a narrower measure: align it in the box.
      Sp spare = m_measure > 0 ? m_measure - t.widths[i] : 0;
      Sp shift = 0;
      switch (m_item.align) {
        case style::Align::Right: shift = spare; break;
        case style::Align::Center: shift = spare / 2; break;
        case style::Align::Start: shift = t.rtl[i] ? spare : 0; break;
        case style::Align::End: shift = t.rtl[i] ? 0 : spare; break;
        default: break;
      }
      if (shift) {
        for (frame::GlyphRun& r : line.runs) r.origin.x += shift;
        for (frame::Fill& f : line.fills) f.rect.x += shift;
        for (paragraph::LineLink& l : line.links) l.rect.x += shift;
      }
      box.baselines.push_back(y + baselineInSlot(st.leading, st.size));
      y += st.leading;
      box.lines.push_back(std::move(line));
    }
    box.height = y;
    return box;
  }

private:
  const style::TemplateItem& m_item;
  Sp m_measure;
  const style::Layout& m_layout;
  const std::string& m_language;
  paragraph::Context& m_ctx;
  TextBoxCache* m_cache;
};

}  // namespace

TextBox setTextBox(const style::TemplateItem& item, const std::vector<std::string>& texts, Sp measure,
                   const style::Layout& layout, const std::string& language, paragraph::Context& context) {
  return Setter(item, measure, layout, language, context).run(texts);
}

std::shared_ptr<const TextBoxCache::Paragraph> TextBoxCache::findParagraph(const std::string& key) {
  std::lock_guard<std::mutex> lock(m_mutex);
  auto it = m_paragraphs.find(key);
  return it == m_paragraphs.end() ? nullptr : it->second;
}

void TextBoxCache::keepParagraph(std::string key, std::shared_ptr<const Paragraph> entry) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_paragraphs.size() >= 1024) m_paragraphs.clear();  // as for boxes
  m_paragraphs.emplace(std::move(key), std::move(entry));
}

struct TextBoxCache::Entry {
  TextBox box;
  Diagnostics messages;
  std::vector<const text::Font*> fonts;  // looked up while setting it, in order
};

TextBox TextBoxCache::get(const style::TemplateItem& item, const std::vector<std::string>& texts, Sp measure,
                          const style::Layout& layout, const std::string& language,
                          paragraph::Context& context) {
  std::string key(reinterpret_cast<const char*>(&item), sizeof(&item));
  key.append(reinterpret_cast<const char*>(&measure), sizeof measure).append(language);
  for (const std::string& t : texts) key.append(1, '\x1f').append(t);
  std::shared_ptr<const Entry> entry;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end()) entry = it->second;
  }
  if (!entry) {
    auto made = std::make_shared<Entry>();
    {
      text::DocumentFonts::Collect collect(made->fonts);
      paragraph::Context local{context.fonts, context.shaper, context.hyphenator, made->messages};
      made->box = Setter(item, measure, layout, language, local, this).run(texts);
    }
    entry = made;
    std::lock_guard<std::mutex> lock(m_mutex);
    // A value that differs in every document (a reference number) adds an
    // entry each time: start again rather than grow with the batch.
    if (m_entries.size() >= 512) m_entries.clear();
    m_entries.emplace(std::move(key), entry);
  }
  text::DocumentFonts::note(entry->fonts);
  context.diags.append(entry->messages);
  return entry->box;
}

}  // namespace folio::pagination
