#include "pdf/GlyphForms.h"

#include <hb.h>

#include <cmath>

#include "pdf/Objects.h"
#include "pdf/Syntax.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

// Collects hb_font_get_glyph_shape's callbacks as PDF path operators.
struct PathWriter {
  std::string ops;
  double scale = 1;    // font units to 1/1000 em
  float x = 0, y = 0;  // the current point, for raising quadratics
  void point(float px, float py) {
    ops.append(formatNumber(px * scale, 2)).append(" ").append(formatNumber(py * scale, 2));
  }
};

PathWriter& writer(void* data) { return *static_cast<PathWriter*>(data); }

void moveTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  PathWriter& w = writer(data);
  w.point(x, y);
  w.ops += " m\n";
  w.x = x, w.y = y;
}

void lineTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  PathWriter& w = writer(data);
  w.point(x, y);
  w.ops += " l\n";
  w.x = x, w.y = y;
}

// A quadratic Bézier (TrueType) is the cubic whose control points lie two
// thirds of the way from each end to the quadratic's control point.
void quadraticTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float cx, float cy, float x, float y,
                 void*) {
  PathWriter& w = writer(data);
  w.point(w.x + 2.0f / 3.0f * (cx - w.x), w.y + 2.0f / 3.0f * (cy - w.y));
  w.ops += " ";
  w.point(x + 2.0f / 3.0f * (cx - x), y + 2.0f / 3.0f * (cy - y));
  w.ops += " ";
  w.point(x, y);
  w.ops += " c\n";
  w.x = x, w.y = y;
}

void cubicTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y,
             float x, float y, void*) {
  PathWriter& w = writer(data);
  w.point(c1x, c1y);
  w.ops += " ";
  w.point(c2x, c2y);
  w.ops += " ";
  w.point(x, y);
  w.ops += " c\n";
  w.x = x, w.y = y;
}

void closePath(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) { writer(data).ops += "h\n"; }

hb_draw_funcs_t* drawFuncs() {
  static hb_draw_funcs_t* funcs = [] {
    hb_draw_funcs_t* f = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(f, moveTo, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(f, lineTo, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(f, quadraticTo, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(f, cubicTo, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(f, closePath, nullptr, nullptr);
    hb_draw_funcs_make_immutable(f);
    return f;
  }();
  return funcs;
}

}  // namespace

std::string GlyphForms::outline(const text::Font& font, uint32_t gid) {
  PathWriter w;
  w.scale = 1000.0 / font.unitsPerEm();
  hb_font_get_glyph_shape(font.hbFont(), gid, drawFuncs(), &w);
  if (!w.ops.empty()) w.ops += "f\n";
  return w.ops;
}

const GlyphForms::Form* GlyphForms::use(const text::Font* font, uint32_t gid) {
  const uint64_t key = uint64_t(font->id()) << 32 | gid;
  auto it = m_written.find(key);
  if (it == m_written.end()) {
    Form form;
    const std::string path = outline(*font, gid);
    if (!path.empty()) {
      hb_glyph_extents_t e{};
      hb_font_get_glyph_extents(font->hbFont(), gid, &e);
      PdfObject* obj = m_doc.GetObjects().CreateObject("XObject");
      PdfDictionary& d = obj->GetDictionary();
      d.AddKey("Subtype", PdfName("Form"));
      // Extents (in font units; y_bearing is the top, height negative) in
      // 1/1000 em, a unit wider on each side.
      const double k = 1000.0 / font->unitsPerEm();
      PdfArray bbox;
      bbox.push_back(integer(static_cast<int64_t>(std::floor(e.x_bearing * k)) - 1));
      bbox.push_back(integer(static_cast<int64_t>(std::floor((e.y_bearing + e.height) * k)) - 1));
      bbox.push_back(integer(static_cast<int64_t>(std::ceil((e.x_bearing + e.width) * k)) + 1));
      bbox.push_back(integer(static_cast<int64_t>(std::ceil(e.y_bearing * k)) + 1));
      d.AddKey("BBox", bbox);
      setFlateStream(obj, path, m_level);
      form = Form{"Gl" + std::to_string(++m_count), obj->Reference()};
    }
    it = m_written.emplace(key, std::move(form)).first;
  }
  return it->second.resourceName.empty() ? nullptr : &it->second;
}

}  // namespace folio::pdf
