#pragma once
// Colour operators for content streams, and the /Separation colour spaces
// spot colours need: [/Separation /Name /DeviceCMYK tint-transform], where the
// tint transform is a Type 2 (exponential, N 1) function from 0 to the CMYK
// alternate, so a proofing device shows tint t as t x alt.
#include <podofo/podofo.h>

#include <map>
#include <string>

#include "base/Color.h"

namespace folio::pdf {

class ColorSpaces {
 public:
  explicit ColorSpaces(PoDoFo::PdfMemDocument& doc) : m_doc(doc) {}

  struct Space {
    std::string resourceName;  // "CS1"
    PoDoFo::PdfReference ref;
  };
  // The Separation space for a spot colour (one object per distinct ink and alternate).
  const Space& separation(const Color& spot);

  // Operators that set `c` as the fill (stroke = false) or stroke colour;
  // `usedSpace` receives the Separation space when one is needed.
  std::string setColor(const Color& c, bool stroke, const Space** usedSpace);

 private:
  PoDoFo::PdfMemDocument& m_doc;
  std::map<std::string, Space> m_spaces;  // key: name + alternate
};

}  // namespace folio::pdf
