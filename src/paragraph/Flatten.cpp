// Step 1 of a paragraph: inline runs -> one UTF-32 string with spans that
// carry everything shaping and drawing need (font request, size, colour,
// baseline shift, link, footnote mark).
#include "base/Utf8.h"
#include "paragraph/Internal.h"
#include "text/Unicode.h"

namespace folio::paragraph::detail {

namespace {

// Superscripts and subscripts as most typographers set them without a
// dedicated font feature: 65% size, raised 0.35 em / lowered 0.15 em.
constexpr double kScriptScale = 0.65;

Span spanFor(const markup::Inline& in, const Options& o, Flat& flat) {
  const style::Style& st = *o.style;
  Span s;
  s.flags = in.flags;
  s.size = st.size;
  s.color = st.color;
  s.font.families = st.fonts;
  s.font.scriptFamilies = st.scriptFonts;
  s.font.weight = st.weight;
  s.font.italic = st.italic;
  s.features = st.features;
  s.language = in.lang.empty() ? o.language : in.lang;
  s.sourceOffset = in.sourceOffset;
  if (in.flags & markup::kStrong) s.font.weight = 700;
  if (in.flags & markup::kEmphasis) s.font.italic = !st.italic;
  if (in.flags & markup::kCode) {
    const style::Style& code = o.layout->style("code");
    s.font.families = code.fonts;
    s.font.weight = (in.flags & markup::kStrong) ? 700 : code.weight;
    const style::Style& body = o.layout->style("body");
    if (body.size > 0) s.size = static_cast<Sp>(static_cast<int64_t>(st.size) * code.size / body.size);
  }
  if (in.flags & (markup::kSuperscript | markup::kSubscript)) {
    Sp base = s.size;
    s.size = static_cast<Sp>(base * kScriptScale);
    s.rise = (in.flags & markup::kSuperscript) ? static_cast<Sp>(base * 0.35) : -static_cast<Sp>(base * 0.15);
  }
  // A bare URL is a link only where the style allows it (`autolink`).
  bool link = !in.link.empty() && (st.autolink || !(in.flags & markup::kAutolink));
  if (link) {
    s.color = o.layout->links.color;
    flat.links.push_back(in.link);
    s.link = static_cast<int>(flat.links.size() - 1);
  }
  return s;
}

void append(Flat& flat, Span span, const std::u32string& text, const std::u32string& source) {
  if (text.empty()) return;
  span.begin = static_cast<uint32_t>(flat.text.size());
  flat.text += text;
  flat.source += source;
  span.end = static_cast<uint32_t>(flat.text.size());
  flat.spans.push_back(std::move(span));
}

}  // namespace

Flat flatten(const markup::InlineText& text, const Options& o) {
  Flat flat;
  for (const markup::Inline& in : text) {
    Span span = spanFor(in, o, flat);
    switch (in.kind) {
      case markup::Inline::Kind::Text: {
        std::u32string t = toUtf32(in.text);
        append(flat, span, o.style->uppercase ? folio::text::toUppercase(t) : t, t);
        break;
      }
      case markup::Inline::Kind::HardBreak:
        append(flat, span, std::u32string(1, kLineSeparator), std::u32string(1, kLineSeparator));
        break;
      case markup::Inline::Kind::FootnoteRef: {
        int number = o.footnoteNumber ? o.footnoteNumber(in) : 0;
        if (number <= 0) break;
        markup::Inline mark = in;
        mark.flags |= markup::kSuperscript;
        mark.link = "#fn:" + std::to_string(number);
        Span s = spanFor(mark, o, flat);
        s.note = number;
        s.generated = true;
        s.color = o.style->color;
        std::u32string digits = toUtf32(std::to_string(number));
        append(flat, s, digits, digits);
        break;
      }
    }
  }
  // Trim trailing spaces and hard breaks: they would only make an empty line.
  while (!flat.text.empty() && (flat.text.back() == U' ' || flat.text.back() == kLineSeparator)) {
    flat.text.pop_back();
    flat.source.pop_back();
    Span& last = flat.spans.back();
    if (--last.end == last.begin) flat.spans.pop_back();
  }
  flat.spanOf.resize(flat.text.size());
  for (uint32_t i = 0; i < flat.spans.size(); ++i)
    for (uint32_t c = flat.spans[i].begin; c < flat.spans[i].end; ++c) flat.spanOf[c] = i;
  return flat;
}

}  // namespace folio::paragraph::detail
