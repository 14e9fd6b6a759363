#include "frame/Frame.h"

// The trace is compared byte for byte in golden tests, so every number is
// formatted without the C library's locale-dependent printf: lengths go
// through integer arithmetic (sp -> hundredths of a point, rounded half away
// from zero) and colour components through std::to_chars' shortest form.

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "base/Utf8.h"
#include "image/Image.h"
#include "text/DocumentFonts.h"

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
  w.raw("text ");
  if (run.font) {
    // The document's own font number (its font id when rendered alone; in a
    // batch the ids follow the batch: text/DocumentFonts.h).
    const text::DocumentFonts* doc = text::DocumentFonts::current();
    const uint32_t rank = doc ? doc->rank(run.font) : UINT32_MAX;
    w.raw("F").integer(rank != UINT32_MAX ? rank : run.font->id()).raw(" ").raw(run.font->postscriptName());
  } else {
    w.raw("F?");
  }
  w.raw(" ").length(run.size).raw(" at ").point(run.origin).raw(" ").color(run.color);
  if (run.rtl) w.raw(" rtl");
  // Font expansion, per mille (1015 = 1.5 % wider); absent when none.
  if (run.hScale != 1.0) w.raw(" hscale ").integer(static_cast<int64_t>(std::llround(run.hScale * 1000)));
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

void writeItem(Writer& w, const Item& item, bool indent = true) {
  if (indent) w.raw("  ");
  if (const auto* run = std::get_if<GlyphRun>(&item)) {
    writeRun(w, *run);
  } else if (const auto* fill = std::get_if<Fill>(&item)) {
    w.raw("fill ").rect(fill->rect).raw(" ").color(fill->color).raw("\n");
  } else if (const auto* stroke = std::get_if<Stroke>(&item)) {
    w.raw("stroke ").point(stroke->from).raw(" -> ").point(stroke->to).raw(" width ");
    w.length(stroke->width).raw(" ").color(stroke->color).raw("\n");
  } else if (const auto* image = std::get_if<ImagePlacement>(&item)) {
    w.raw("image ");
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

const char* scopeName(Scope scope) {
  switch (scope) {
    case Scope::None: return "None";
    case Scope::Row: return "Row";
    case Scope::Column: return "Column";
    case Scope::Both: return "Both";
  }
  return "?";
}

const char* numberingName(ListNumbering numbering) {
  switch (numbering) {
    case ListNumbering::None: return "None";
    case ListNumbering::Disc: return "Disc";
    case ListNumbering::Decimal: return "Decimal";
  }
  return "?";
}

// "[P#12]", "[H2#3]", "[Artifact]": the element an item belongs to.
void writeElementLabel(Writer& w, const Document& doc, uint32_t index) {
  if (index == kArtifact) {
    w.raw("[Artifact] ");
    return;
  }
  w.raw("[");
  if (index < doc.structure.size()) {
    const StructElement& e = doc.structure[index];
    w.raw(roleName(e.role));
    if (e.role == Role::H) w.integer(e.level);
  } else {
    w.raw("?");
  }
  w.raw("#").integer(index).raw("] ");
}

// One line per element, indented by its depth, with the attributes it has.
void writeStructure(Writer& w, const std::vector<StructElement>& structure) {
  std::vector<int> depth(structure.size(), 0);
  for (size_t i = 0; i < structure.size(); ++i) {
    const StructElement& e = structure[i];
    if (i > 0 && e.parent < i) depth[i] = depth[e.parent] + 1;
    w.raw("struct ");
    for (int d = 0; d < depth[i]; ++d) w.raw("  ");
    w.raw("#").integer(static_cast<int64_t>(i)).raw(" ").raw(roleName(e.role));
    if (e.role == Role::H) w.integer(e.level);
    if (i > 0 && e.parent >= i) w.raw(" parent ").integer(e.parent);  // malformed: shown, not hidden
    if (!e.lang().empty()) w.raw(" lang ").quoted(e.lang());
    if (!e.alt().empty()) w.raw(" alt ").quoted(e.alt());
    if (!e.id().empty()) w.raw(" id ").quoted(e.id());
    if (!e.headers().empty()) {
      w.raw(" headers ");
      for (size_t h = 0; h < e.headers().size(); ++h) w.raw(h ? "," : "").raw("#").integer(e.headers()[h]);
    }
    if (e.scope != Scope::None) w.raw(" scope ").raw(scopeName(e.scope));
    if (e.rowSpan != 1) w.raw(" rowspan ").integer(e.rowSpan);
    if (e.colSpan != 1) w.raw(" colspan ").integer(e.colSpan);
    if (e.numbering != ListNumbering::None) w.raw(" numbering ").raw(numberingName(e.numbering));
    if (!e.sourceId().empty()) w.raw(" source ").quoted(e.sourceId());
    w.raw("\n");
  }
}

void writeLink(Writer& w, const Link& link) {
  w.raw("link ");
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

const char* roleName(Role role) {
  switch (role) {
    case Role::Document: return "Document";
    case Role::Section: return "Sect";
    case Role::H: return "H";
    case Role::P: return "P";
    case Role::L: return "L";
    case Role::LI: return "LI";
    case Role::Lbl: return "Lbl";
    case Role::LBody: return "LBody";
    case Role::Table: return "Table";
    case Role::THead: return "THead";
    case Role::TBody: return "TBody";
    case Role::TFoot: return "TFoot";
    case Role::TR: return "TR";
    case Role::TH: return "TH";
    case Role::TD: return "TD";
    case Role::Link: return "Link";
    case Role::Note: return "Note";
    case Role::Reference: return "Reference";
    case Role::Figure: return "Figure";
    case Role::Caption: return "Caption";
    case Role::BlockQuote: return "BlockQuote";
    case Role::Span: return "Span";
  }
  return "?";
}

std::string dump(const Document& doc, DumpDetail detail) {
  const bool full = detail == DumpDetail::Full;
  Writer w;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    w.raw("page ").integer(static_cast<int64_t>(p + 1)).raw(" ").length(page.width).raw("x");
    w.length(page.height).raw("\n");
    if (page.boxes) {
      w.raw("  trim ").rect(page.boxes->trim).raw(" bleed ").rect(page.boxes->bleed).raw("\n");
    }
    const bool labelled = full && page.itemStructure.size() == page.items.size();
    for (size_t i = 0; i < page.items.size(); ++i) {
      if (labelled) {
        w.raw("  ");
        writeElementLabel(w, doc, page.itemStructure[i]);
        writeItem(w, page.items[i], /*indent=*/false);
      } else {
        writeItem(w, page.items[i]);
      }
    }
    for (const Item& item : page.marks) {
      w.raw("  mark");
      writeItem(w, item);
    }
    for (const Link& link : page.links) {
      w.raw("  ");
      if (full && !doc.structure.empty()) writeElementLabel(w, doc, link.structure);
      writeLink(w, link);
    }
    for (const Anchor& anchor : page.anchors) {
      w.raw("  anchor ").token(anchor.name).raw(" at ").point(anchor.at).raw("\n");
    }
  }
  for (const OutlineEntry& entry : doc.outline) {
    w.raw("outline ").integer(entry.level).raw(" ").quoted(entry.title).raw(" -> #");
    w.token(entry.anchor).raw("\n");
  }
  writeMetadata(w, doc.metadata);
  if (full) writeStructure(w, doc.structure);
  return w.take();
}

}  // namespace folio::frame
