#include "frame/Frame.h"

// The trace is compared byte for byte in golden tests, so every number is
// formatted without the C library's locale-dependent printf: lengths go
// through integer arithmetic (sp -> hundredths of a point, rounded half away
// from zero) and colour components through std::to_chars' shortest form.

#include <charconv>
#include <cstdlib>

#include "base/Utf8.h"
#include "image/Image.h"

namespace folio::frame {
namespace {

class Writer {
 public:
  std::string take() { return std::move(m_out); }

  Writer& raw(std::string_view s) {
    m_out += s;
    return *this;
  }

  Writer& integer(int64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, res.ptr);
    return *this;
  }

  // A length in pt with exactly two decimals.
  Writer& length(Sp sp) {
    const int64_t magnitude = std::llabs(static_cast<int64_t>(sp));
    const int64_t hundredths = (magnitude * 100 + kSpPerPt / 2) / kSpPerPt;
    if (sp < 0 && hundredths != 0) m_out += '-';  // never "-0.00"
    integer(hundredths / 100);
    m_out += '.';
    m_out += static_cast<char>('0' + hundredths % 100 / 10);
    m_out += static_cast<char>('0' + hundredths % 10);
    return *this;
  }

  Writer& point(Point p) {
    m_out += '(';
    length(p.x);
    m_out += ',';
    length(p.y);
    m_out += ')';
    return *this;
  }

  Writer& rect(const Rect& r) {
    length(r.x).raw(" ").length(r.y).raw(" ").length(r.width).raw(" ").length(r.height);
    return *this;
  }

  Writer& component(float v) {
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, res.ptr);
    return *this;
  }

  Writer& color(const Color& c) {
    switch (c.space) {
      case Color::Space::Gray:
        raw("gray ").component(c.c[0]);
        break;
      case Color::Space::Rgb:
        raw("rgb ").component(c.c[0]).raw(" ").component(c.c[1]).raw(" ").component(c.c[2]);
        break;
      case Color::Space::Cmyk:
        raw("cmyk ").component(c.c[0]).raw(" ").component(c.c[1]).raw(" ").component(c.c[2]);
        raw(" ").component(c.c[3]);
        break;
      case Color::Space::Spot:
        raw("spot ").quoted(c.spotName).raw(" ").component(c.c[0]).raw(" alt cmyk ").component(c.alt[0]);
        raw(" ").component(c.alt[1]).raw(" ").component(c.alt[2]).raw(" ").component(c.alt[3]);
        break;
    }
    return *this;
  }

  // Names and URIs bare when they are one plain token, else quoted.
  Writer& token(std::string_view s) {
    bool plain = !s.empty();
    for (unsigned char ch : s) plain = plain && ch > 0x20 && ch != 0x7F && ch != '"' && ch != '\\';
    return plain ? raw(s) : quoted(s);
  }

  // A double-quoted string; quotes, backslashes and control characters are
  // escaped so that one item stays on one line.
  Writer& quoted(std::string_view s) {
    m_out += '"';
    for (unsigned char ch : s) {
      if (ch == '"' || ch == '\\') {
        m_out += '\\';
        m_out += static_cast<char>(ch);
      } else if (ch < 0x20 || ch == 0x7F) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        m_out += "\\x";
        m_out += kHex[ch >> 4];
        m_out += kHex[ch & 15];
      } else {
        m_out += static_cast<char>(ch);
      }
    }
    m_out += '"';
    return *this;
  }

 private:
  std::string m_out;
};

void writeRun(Writer& w, const GlyphRun& run) {
  w.raw("  text ");
  if (run.font) {
    w.raw("F").integer(run.font->id()).raw(" ").raw(run.font->postscriptName());
  } else {
    w.raw("F?");
  }
  w.raw(" ").length(run.size).raw(" at ").point(run.origin).raw(" ").color(run.color);
  if (run.rtl) w.raw(" rtl");
  w.raw(" ").quoted(toUtf8(run.text)).raw(" glyphs ");
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    const PlacedGlyph& g = run.glyphs[i];
    if (i > 0) w.raw(",");
    w.integer(g.gid).raw(":").length(g.advance);
    // Offsets are rare (marks, superscripts); print them only when present.
    if (g.xOffset != 0 || g.yOffset != 0) w.raw("@").length(g.xOffset).raw("/").length(g.yOffset);
  }
  w.raw("\n");
}

void writeItem(Writer& w, const Item& item) {
  if (const auto* run = std::get_if<GlyphRun>(&item)) {
    writeRun(w, *run);
  } else if (const auto* fill = std::get_if<Fill>(&item)) {
    w.raw("  fill ").rect(fill->rect).raw(" ").color(fill->color).raw("\n");
  } else if (const auto* stroke = std::get_if<Stroke>(&item)) {
    w.raw("  stroke ").point(stroke->from).raw(" -> ").point(stroke->to).raw(" width ");
    w.length(stroke->width).raw(" ").color(stroke->color).raw("\n");
  } else if (const auto* image = std::get_if<ImagePlacement>(&item)) {
    w.raw("  image ");
    if (image->image) {
      w.quoted(image->image->path).raw(" ").integer(image->image->width).raw("x");
      w.integer(image->image->height).raw("px");
    } else {
      w.raw("?");
    }
    w.raw(" ").length(image->rect.width).raw("x").length(image->rect.height).raw(" at ");
    w.point({image->rect.x, image->rect.y});
    if (!image->alt.empty()) w.raw(" alt ").quoted(image->alt);
    w.raw("\n");
  }
}

void writeLink(Writer& w, const Link& link) {
  w.raw("  link ");
  for (size_t i = 0; i < link.rects.size(); ++i) {
    if (i > 0) w.raw(" + ");
    w.rect(link.rects[i]);
  }
  w.raw(" -> ");
  if (!link.uri.empty()) {
    w.token(link.uri);
  } else if (!link.destination.empty()) {
    w.raw("#").token(link.destination);
  } else {
    w.raw("?");
  }
  w.raw("\n");
}

void writeMetadata(Writer& w, const Metadata& m) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &m.title},       {"author", &m.author},   {"subject", &m.subject}, {"keywords", &m.keywords},
      {"language", &m.language}, {"creator", &m.creator}, {"date", &m.date},
  };
  for (const auto& [name, value] : fields) {
    if (value->empty()) continue;
    w.raw("metadata ").raw(name).raw(" ").quoted(*value).raw("\n");
  }
}

}  // namespace

std::string dump(const Document& doc) {
  Writer w;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    w.raw("page ").integer(static_cast<int64_t>(p + 1)).raw(" ").length(page.width).raw("x");
    w.length(page.height).raw("\n");
    if (page.boxes) {
      w.raw("  trim ").rect(page.boxes->trim).raw(" bleed ").rect(page.boxes->bleed).raw("\n");
    }
    for (const Item& item : page.items) writeItem(w, item);
    for (const Item& item : page.marks) {
      w.raw("  mark");
      writeItem(w, item);
    }
    for (const Link& link : page.links) writeLink(w, link);
    for (const Anchor& anchor : page.anchors) {
      w.raw("  anchor ").token(anchor.name).raw(" at ").point(anchor.at).raw("\n");
    }
  }
  for (const OutlineEntry& entry : doc.outline) {
    w.raw("outline ").integer(entry.level).raw(" ").quoted(entry.title).raw(" -> #");
    w.token(entry.anchor).raw("\n");
  }
  writeMetadata(w, doc.metadata);
  return w.take();
}

}  // namespace folio::frame
