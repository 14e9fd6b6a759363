#include "pdf/ColorSpaces.h"

#include <algorithm>

#include "pdf/Objects.h"
#include "pdf/Syntax.h"

namespace folio::pdf {

namespace {

std::string component(float v) { return formatNumber(std::clamp(static_cast<double>(v), 0.0, 1.0), 4); }

}  // namespace

void ColorSpaces::requireProfiles(std::string srgb, std::string cmyk, bool rgbViaIcc, bool cmykViaIcc) {
  m_srgb = std::move(srgb);
  m_cmyk = std::move(cmyk);
  m_rgbViaIcc = rgbViaIcc && !m_srgb.empty();
  m_cmykViaIcc = cmykViaIcc && !m_cmyk.empty();
}

Ref ColorSpaces::profileStream(int components) {
  auto it = m_profiles.find(components);
  if (it != m_profiles.end()) return it->second;
  DocObject* obj = m_doc.create();
  obj->dict().add("N", integer(components));
  obj->dict().add("Alternate", Name(components == 4 ? "DeviceCMYK" : "DeviceRGB"));
  setFlateStream(obj, components == 4 ? m_cmyk : m_srgb, 6);
  return m_profiles.emplace(components, obj->ref).first->second;
}

const ColorSpaces::Space* ColorSpaces::iccSpace(int components) {
  if ((components == 3 && !m_rgbViaIcc) || (components == 4 && !m_cmykViaIcc) ||
      (components != 3 && components != 4))
    return nullptr;
  std::string key = "icc:" + std::to_string(components);
  auto it = m_spaces.find(key);
  if (it != m_spaces.end()) return &it->second;
  Array cs;
  cs.push_back(Name("ICCBased"));
  cs.push_back(profileStream(components));
  DocObject* obj = m_doc.createValue(cs);
  Space space{components == 4 ? "CMYK" : "RGB", obj->ref};
  return &m_spaces.emplace(key, space).first->second;
}

const ColorSpaces::Space& ColorSpaces::separation(const Color& spot) {
  std::string key = spot.spotName;
  for (float a : spot.alt) key.append("|").append(component(a));
  auto it = m_spaces.find(key);
  if (it != m_spaces.end()) return it->second;

  Dictionary tint;
  tint.add("FunctionType", integer(2));
  Array domain;
  domain.push_back(integer(0));
  domain.push_back(integer(1));
  tint.add("Domain", domain);
  Array c0, c1;
  for (float a : spot.alt) {
    c0.push_back(integer(0));
    c1.push_back(number(std::clamp(static_cast<double>(a), 0.0, 1.0)));
  }
  tint.add("C0", c0);
  tint.add("C1", c1);
  tint.add("N", integer(1));

  Array cs;
  cs.push_back(Name("Separation"));
  cs.push_back(Name(spot.spotName));
  if (const Space* icc = iccSpace(4))
    cs.push_back(icc->ref);
  else
    cs.push_back(Name("DeviceCMYK"));
  cs.push_back(tint);
  DocObject* obj = m_doc.createValue(cs);
  size_t separations = std::count_if(m_spaces.begin(), m_spaces.end(),
                                     [](const auto& entry) { return entry.first.rfind("icc:", 0) != 0; });
  Space space{"CS" + std::to_string(separations + 1), obj->ref};
  return m_spaces.emplace(key, space).first->second;
}

std::string ColorSpaces::setColor(const Color& c, bool stroke, const Space** usedSpace) {
  *usedSpace = nullptr;
  // A colour in an ICCBased space: select the space, then its components.
  auto viaSpace = [&](const Space& s, const std::string& components) {
    *usedSpace = &s;
    return "/" + s.resourceName + (stroke ? " CS " : " cs ") + components + (stroke ? " SCN\n" : " scn\n");
  };
  switch (c.space) {
    case Color::Space::Gray:
      return component(c.c[0]) + (stroke ? " G\n" : " g\n");
    case Color::Space::Rgb: {
      std::string v = component(c.c[0]) + " " + component(c.c[1]) + " " + component(c.c[2]);
      if (const Space* icc = iccSpace(3)) return viaSpace(*icc, v);
      return v + (stroke ? " RG\n" : " rg\n");
    }
    case Color::Space::Cmyk: {
      std::string v =
          component(c.c[0]) + " " + component(c.c[1]) + " " + component(c.c[2]) + " " + component(c.c[3]);
      if (const Space* icc = iccSpace(4)) return viaSpace(*icc, v);
      return v + (stroke ? " K\n" : " k\n");
    }
    case Color::Space::Spot: {
      // "All" is the registration colour of printer's marks (layouts cannot
      // name it); an empty name or "None" is no usable ink: paint the alternate.
      if (c.spotName.empty() || c.spotName == "None") {
        return setColor(
            Color::cmyk(c.alt[0] * c.c[0], c.alt[1] * c.c[0], c.alt[2] * c.c[0], c.alt[3] * c.c[0]), stroke,
            usedSpace);
      }
      return viaSpace(separation(c), component(c.c[0]));
    }
  }
  return {};
}

}  // namespace folio::pdf
