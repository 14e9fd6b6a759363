#pragma once
// Helpers for the PDF writer tests: frame documents built by hand from real
// fonts, and the independent checkers (qpdf, poppler, mutool, ghostscript)
// run through popen. A missing tool fails the test (exit code 127).
#include <hb.h>
#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "frame/Frame.h"
#include "text/Font.h"

namespace folio::pdftest {

struct ToolResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

inline ToolResult run(const std::string& command) {
  ToolResult r;
  std::FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// mutool's output without the one line this MuPDF build prints for every
// document, PDF or not ("ICC support is not available": built without lcms2).
inline std::string mutoolOutput(std::string out) {
  const std::string icc = "warning: ICC support is not available\n";
  for (size_t at; (at = out.find(icc)) != std::string::npos;) out.erase(at, icc.size());
  return out;
}

inline std::string quote(const std::string& path) { return "'" + path + "'"; }

inline const char* kSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
inline const char* kNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
inline const char* kCjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

inline Sp scaled(const text::Font& f, int fontUnits, Sp size) {
  return static_cast<Sp>((static_cast<int64_t>(fontUnits) * size + f.unitsPerEm() / 2) / f.unitsPerEm());
}

// One glyph per character through the cmap (no shaping), each carrying its character.
inline frame::GlyphRun simpleRun(const text::Font* f, Sp size, Point origin, std::u32string text,
                                 Color color = Color::black()) {
  frame::GlyphRun run;
  run.font = f;
  run.size = size;
  run.origin = origin;
  run.color = color;
  run.text = std::move(text);
  for (uint32_t i = 0; i < run.text.size(); ++i) {
    uint32_t gid = f->glyphFor(run.text[i]);
    run.glyphs.push_back({gid, scaled(*f, f->advance(gid), size), 0, 0, i, 1});
  }
  return run;
}

inline Sp runWidth(const frame::GlyphRun& run) {
  Sp w = 0;
  for (const auto& g : run.glyphs) w += g.advance;
  return w;
}

// A right-to-left run shaped with HarfBuzz: glyphs in visual order, each
// cluster's text on its first non-mark glyph (MONOTONE_CHARACTERS clusters).
inline frame::GlyphRun shapedRtlRun(const text::Font* f, Sp size, Point origin, std::u32string text) {
  frame::GlyphRun run;
  run.font = f;
  run.size = size;
  run.origin = origin;
  run.text = std::move(text);
  run.rtl = true;
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(run.text.data()),
                      static_cast<int>(run.text.size()), 0, static_cast<int>(run.text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_RTL);
  hb_buffer_set_script(buf, HB_SCRIPT_ARABIC);
  hb_buffer_set_language(buf, hb_language_from_string("ar", -1));
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(f->hbFont(), buf, nullptr, 0);
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  std::map<uint32_t, unsigned> carrier;
  for (unsigned i = 0; i < n; ++i) {
    auto it = carrier.find(info[i].cluster);
    if (it == carrier.end())
      carrier[info[i].cluster] = i;
    else if (f->isMark(info[it->second].codepoint) && !f->isMark(info[i].codepoint))
      it->second = i;
  }
  for (unsigned i = 0; i < n; ++i) {
    frame::PlacedGlyph g;
    g.gid = info[i].codepoint;
    g.advance = scaled(*f, pos[i].x_advance, size);
    g.xOffset = scaled(*f, pos[i].x_offset, size);
    g.yOffset = scaled(*f, pos[i].y_offset, size);
    if (carrier[info[i].cluster] == i) {
      auto next = carrier.upper_bound(info[i].cluster);
      uint32_t end = next == carrier.end() ? static_cast<uint32_t>(run.text.size()) : next->first;
      g.textBegin = info[i].cluster;
      g.textLength = end - info[i].cluster;
    }
    run.glyphs.push_back(g);
  }
  hb_buffer_destroy(buf);
  return run;
}

}  // namespace folio::pdftest
