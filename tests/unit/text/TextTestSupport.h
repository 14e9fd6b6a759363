#pragma once
// Shared helpers for the text module's tests: system Noto font paths (a
// missing font fails the test, never skips it), a shared FontStore, and a
// runner for HarfBuzz's own hb-shape tool as an independent reference.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/Utf8.h"
#include "text/FontStore.h"
#include "text/Shaper.h"

namespace folio::text::testing {

inline std::string notoPath(const std::string& file) {
  for (const char* dir : {"/usr/share/fonts/truetype/noto/", "/usr/share/fonts/opentype/noto/"}) {
    std::string p = std::string(dir) + file;
    if (std::filesystem::exists(p)) return p;
  }
  ADD_FAILURE() << "test font not installed: " << file << " (install fonts-noto-core / fonts-noto-cjk)";
  return {};
}

inline FontStore& sharedStore() {
  static FontStore store({std::string(FOLIO_SOURCE_DIR) + "/fonts"});
  return store;
}

// ISO 15924 tag as HarfBuzz's hb_script_t value ('Arab' -> 0x41726162).
constexpr uint32_t tag(const char (&s)[5]) {
  return (uint32_t(uint8_t(s[0])) << 24) | (uint32_t(uint8_t(s[1])) << 16) | (uint32_t(uint8_t(s[2])) << 8) |
         uint32_t(uint8_t(s[3]));
}

struct RefGlyph {
  uint32_t gid = 0, cluster = 0;
  int xAdvance = 0, xOffset = 0, yOffset = 0;
};

// Runs `hb-shape` on the code points of `text` (passed with --unicodes so no
// shell quoting is involved) and parses "[gid=cluster@x,y+adv|...]".
inline bool hbShape(const std::string& fontFile, const std::u32string& text, const std::string& args,
                    std::vector<RefGlyph>& out, std::string& error) {
  std::string cmd = "hb-shape --no-glyph-names --cluster-level=1 --bot " + args + " --unicodes=";
  char buf[16];
  for (size_t i = 0; i < text.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%sU+%04X", i ? "," : "", static_cast<unsigned>(text[i]));
    cmd += buf;
  }
  cmd += " '" + fontFile + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) {
    error = "cannot run hb-shape";
    return false;
  }
  std::string output;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) output.append(chunk, n);
  const int rc = pclose(p);
  if (rc != 0 || output.empty() || output[0] != '[') {
    error = "hb-shape failed (" + std::to_string(rc) + "): " + cmd + "\n" + output;
    return false;
  }
  out.clear();
  const size_t close = output.find(']');
  std::string body = output.substr(1, close - 1);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t bar = body.find('|', pos);
    if (bar == std::string::npos) bar = body.size();
    const std::string g = body.substr(pos, bar - pos);
    RefGlyph r;
    if (std::sscanf(g.c_str(), "%u=%u", &r.gid, &r.cluster) != 2) {
      error = "cannot parse hb-shape glyph '" + g + "'";
      return false;
    }
    if (size_t at = g.find('@'); at != std::string::npos)
      std::sscanf(g.c_str() + at + 1, "%d,%d", &r.xOffset, &r.yOffset);
    if (size_t plus = g.find('+'); plus != std::string::npos)
      std::sscanf(g.c_str() + plus + 1, "%d", &r.xAdvance);
    out.push_back(r);
    pos = bar + 1;
  }
  return true;
}

inline std::u32string u32(const char* utf8) { return toUtf32(utf8); }

// Shapes the whole text with Folio's Shaper at size = upem sp (so advances
// are in font units) and compares every glyph with hb-shape's answer for the
// same file, face, script, language and direction.
inline void expectShapesLikeHbShape(const std::string& file, int faceIndex, const std::u32string& text,
                                    uint32_t script, const char* lang, bool rtl) {
  SCOPED_TRACE(file + " " + toUtf8(text));
  ASSERT_FALSE(file.empty());
  auto font = Font::load(file, faceIndex, 0);
  ASSERT_NE(font, nullptr);
  Shaper shaper;
  ShapeRequest r;
  r.font = font.get();
  r.size = font->unitsPerEm();
  r.script = script;
  r.language = lang;
  r.rtl = rtl;
  std::vector<Glyph> ours;
  shaper.shape(text, 0, static_cast<uint32_t>(text.size()), r, ours);
  const char tagText[5] = {char(script >> 24), char(script >> 16), char(script >> 8), char(script), 0};
  std::vector<RefGlyph> ref;
  std::string error;
  ASSERT_TRUE(hbShape(file, text,
                      "--face-index=" + std::to_string(faceIndex) +
                          " --font-size=" + std::to_string(font->unitsPerEm()) + " --script=" + tagText +
                          " --language=" + lang + " --direction=" + (rtl ? "rtl" : "ltr"),
                      ref, error))
      << error;
  ASSERT_EQ(ours.size(), ref.size());
  for (size_t i = 0; i < ref.size(); ++i) {
    SCOPED_TRACE("glyph " + std::to_string(i));
    EXPECT_EQ(ours[i].gid, ref[i].gid);
    EXPECT_EQ(ours[i].cluster, ref[i].cluster);
    EXPECT_EQ(ours[i].advance, ref[i].xAdvance);
    EXPECT_EQ(ours[i].xOffset, ref[i].xOffset);
    EXPECT_EQ(ours[i].yOffset, ref[i].yOffset);
  }
}

}  // namespace folio::text::testing
