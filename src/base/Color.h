#pragma once
// A colour as the user gave it: the colour space is kept (no silent
// conversion), so print output can keep CMYK and spot inks on their plates.
#include <array>
#include <cstdint>
#include <string>

namespace folio {

struct Color {
  enum class Space : uint8_t { Gray, Rgb, Cmyk, Spot };
  Space space = Space::Gray;
  // Gray: c[0]; Rgb: c[0..2]; Cmyk: c[0..3]; Spot: tint in c[0], CMYK alternate in alt.
  std::array<float, 4> c{0, 0, 0, 0};
  std::array<float, 4> alt{0, 0, 0, 0};
  std::string spotName;

  static Color gray(float g) { Color k; k.c[0] = g; return k; }
  static Color rgb(float r, float g, float b) { Color k; k.space = Space::Rgb; k.c = {r, g, b, 0}; return k; }
  static Color cmyk(float c, float m, float y, float kk) { Color k; k.space = Space::Cmyk; k.c = {c, m, y, kk}; return k; }
  static Color black() { return gray(0); }
  bool operator==(const Color&) const = default;
};

}  // namespace folio
