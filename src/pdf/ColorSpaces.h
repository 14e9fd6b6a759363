#pragma once
// Colour operators for content streams, and the colour spaces they need:
// /Separation for spot colours ([/Separation /Name alternate tint-transform],
// where the tint transform is a Type 2 (exponential, N 1) function from 0 to
// the CMYK alternate, so a proofing device shows tint t as t x alt), and,
// when a PDF standard forbids a device space, /ICCBased spaces from the
// profiles given to `requireProfiles`.
#include <map>
#include <string>

#include "base/Color.h"
#include "pdf/Document.h"

namespace folio::pdf {

class ColorSpaces {
 public:
  explicit ColorSpaces(Document& doc) : m_doc(doc) {}

  // From now on RGB (and/or CMYK) colours and images are written in an
  // ICCBased space of that profile instead of DeviceRGB / DeviceCMYK
  // (PDF/X-4 has a CMYK output intent, so RGB needs a profile; PDF/A-2b an
  // RGB one, so CMYK does). The profiles are ICC bytes; empty = not needed.
  void requireProfiles(std::string srgb, std::string cmyk, bool rgbViaIcc, bool cmykViaIcc);

  struct Space {
    std::string resourceName;  // "CS1"
    Ref ref;
  };
  // The Separation space for a spot colour (one object per distinct ink and alternate).
  const Space& separation(const Color& spot);
  // [/ICCBased profile] for 3 (RGB) or 4 (CMYK) components, or nullptr when
  // the device space is allowed.
  const Space* iccSpace(int components);
  // The ICC profile stream itself (written once, shared with output intents).
  Ref profileStream(int components);

  // Operators that set `c` as the fill (stroke = false) or stroke colour;
  // `usedSpace` receives the space resource when one is needed.
  std::string setColor(const Color& c, bool stroke, const Space** usedSpace);

 private:
  Document& m_doc;
  std::map<std::string, Space> m_spaces;  // key: name + alternate, or "icc:N"
  std::map<int, Ref> m_profiles;
  std::string m_srgb, m_cmyk;
  bool m_rgbViaIcc = false, m_cmykViaIcc = false;
};

}  // namespace folio::pdf
