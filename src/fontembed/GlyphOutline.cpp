#include "fontembed/GlyphOutline.h"

#include <hb.h>

#include <cmath>
#include <cstdio>

namespace folio::fontembed {

namespace {

// Collects hb_font_get_glyph_shape's callbacks as PDF path operators.
struct PathWriter {
  std::string ops;
  double scale = 1;    // font units to 1/1000 em
  float x = 0, y = 0;  // the current point, for raising quadratics
  void point(float px, float py) {
    char buf[64];
    // Two decimals of 1/1000 em: far below a device pixel at any size.
    std::snprintf(buf, sizeof buf, "%.2f %.2f", px * scale, py * scale);
    std::string s(buf);
    // "-0.00" and trailing zeros are legal but long: trim them.
    auto trim = [](std::string n) {
      if (n.find('.') != std::string::npos) {
        while (n.back() == '0') n.pop_back();
        if (n.back() == '.') n.pop_back();
      }
      return n == "-0" ? std::string("0") : n;
    };
    const size_t space = s.find(' ');
    ops.append(trim(s.substr(0, space))).append(" ").append(trim(s.substr(space + 1)));
  }
  void end(float px, float py, const char* op) {
    point(px, py);
    ops.append(op);
    x = px, y = py;
  }
};

PathWriter& writer(void* data) { return *static_cast<PathWriter*>(data); }

void moveTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  writer(data).end(x, y, " m\n");
}

void lineTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  writer(data).end(x, y, " l\n");
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
  w.end(x, y, " c\n");
}

void cubicTo(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y,
             float x, float y, void*) {
  PathWriter& w = writer(data);
  w.point(c1x, c1y);
  w.ops += " ";
  w.point(c2x, c2y);
  w.ops += " ";
  w.end(x, y, " c\n");
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

GlyphOutline glyphOutline(const text::Font& font, uint32_t gid) {
  GlyphOutline out;
  PathWriter w;
  w.scale = 1000.0 / font.unitsPerEm();
  hb_font_get_glyph_shape(font.hbFont(), gid, drawFuncs(), &w);
  if (w.ops.empty()) return out;
  out.path = std::move(w.ops);
  out.path += "f\n";
  // Extents in font units: y_bearing is the top, height is negative.
  hb_glyph_extents_t e{};
  hb_font_get_glyph_extents(font.hbFont(), gid, &e);
  out.left = static_cast<int64_t>(std::floor(e.x_bearing * w.scale));
  out.bottom = static_cast<int64_t>(std::floor((e.y_bearing + e.height) * w.scale));
  out.right = static_cast<int64_t>(std::ceil((e.x_bearing + e.width) * w.scale));
  out.top = static_cast<int64_t>(std::ceil(e.y_bearing * w.scale));
  return out;
}

}  // namespace folio::fontembed
