#include "pdf/ColorSpaces.h"

#include <algorithm>

#include "pdf/Objects.h"
#include "pdf/Syntax.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

std::string component(float v) { return formatNumber(std::clamp(static_cast<double>(v), 0.0, 1.0), 4); }

}  // namespace

const ColorSpaces::Space& ColorSpaces::separation(const Color& spot) {
  std::string key = spot.spotName;
  for (float a : spot.alt) key.append("|").append(component(a));
  auto it = m_spaces.find(key);
  if (it != m_spaces.end()) return it->second;

  PdfDictionary tint;
  tint.AddKey("FunctionType", integer(2));
  PdfArray domain;
  domain.push_back(integer(0));
  domain.push_back(integer(1));
  tint.AddKey("Domain", domain);
  PdfArray c0, c1;
  for (float a : spot.alt) {
    c0.push_back(integer(0));
    c1.push_back(number(std::clamp(static_cast<double>(a), 0.0, 1.0)));
  }
  tint.AddKey("C0", c0);
  tint.AddKey("C1", c1);
  tint.AddKey("N", integer(1));

  PdfArray cs;
  cs.push_back(PdfName("Separation"));
  cs.push_back(PdfName(spot.spotName));
  cs.push_back(PdfName("DeviceCMYK"));
  cs.push_back(tint);
  PdfObject* obj = m_doc.GetObjects().CreateObject(cs);
  Space space{"CS" + std::to_string(m_spaces.size() + 1), obj->Reference()};
  return m_spaces.emplace(key, space).first->second;
}

std::string ColorSpaces::setColor(const Color& c, bool stroke, const Space** usedSpace) {
  *usedSpace = nullptr;
  switch (c.space) {
    case Color::Space::Gray:
      return component(c.c[0]) + (stroke ? " G\n" : " g\n");
    case Color::Space::Rgb:
      return component(c.c[0]) + " " + component(c.c[1]) + " " + component(c.c[2]) +
             (stroke ? " RG\n" : " rg\n");
    case Color::Space::Cmyk:
      return component(c.c[0]) + " " + component(c.c[1]) + " " + component(c.c[2]) + " " + component(c.c[3]) +
             (stroke ? " K\n" : " k\n");
    case Color::Space::Spot: {
      if (c.spotName.empty() || c.spotName == "All" || c.spotName == "None") {
        // Not a usable ink name (All/None are reserved): paint the alternate.
        return setColor(
            Color::cmyk(c.alt[0] * c.c[0], c.alt[1] * c.c[0], c.alt[2] * c.c[0], c.alt[3] * c.c[0]), stroke,
            usedSpace);
      }
      const Space& s = separation(c);
      *usedSpace = &s;
      return "/" + s.resourceName + (stroke ? " CS " : " cs ") + component(c.c[0]) +
             (stroke ? " SCN\n" : " scn\n");
    }
  }
  return {};
}

}  // namespace folio::pdf
