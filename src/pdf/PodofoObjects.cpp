// Objects.h first: its inline helpers must not see the using-directive of
// PodofoObjects.h (pdf::number would be ambiguous).
#include "pdf/Objects.h"
#include "pdf/Syntax.h"
// clang-format off
#include "pdf/PodofoObjects.h"
// clang-format on

#include <cmath>
#include <string>

namespace folio::pdf::podofo {

using namespace PoDoFo;

PdfObject number(double v) {
  double rounded = std::round(v * 10000.0) / 10000.0;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 9.0e15)
    return PdfObject(static_cast<pdf_int64>(rounded));
  // Raw data is written verbatim; PoDoFo's compact mode puts no separator
  // before it (it does for its own numbers), so the blank is ours.
  return PdfObject(PdfData(std::string(" ").append(formatNumber(v, 4)).c_str()));
}

void setRawStream(PdfObject* obj, std::string_view data) {
  PdfMemoryInputStream in(data.data(), static_cast<pdf_long>(data.size()));
  obj->GetStream()->SetRawData(&in, static_cast<pdf_long>(data.size()));
}

void setFlateStream(PdfObject* obj, std::string_view data, int level) {
  if (level <= 0) {
    obj->GetDictionary().RemoveKey(PdfName("Filter"));
    setRawStream(obj, data);
    return;
  }
  const std::string out = folio::pdf::deflateBytes(data, level);
  // SetRawData keeps an existing /Filter key, so it goes in first.
  obj->GetDictionary().AddKey(PdfName("Filter"), PdfName("FlateDecode"));
  setRawStream(obj, out);
}

}  // namespace folio::pdf::podofo
