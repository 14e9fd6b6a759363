#include "pdf/Objects.h"

#include <zlib.h>

#include <cmath>
#include <stdexcept>

#include "pdf/Syntax.h"

namespace folio::pdf {

using namespace PoDoFo;

PdfObject number(double v) {
  double rounded = std::round(v * 10000.0) / 10000.0;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 9.0e15)
    return PdfObject(static_cast<pdf_int64>(rounded));
  // Raw data is written verbatim; PoDoFo's compact mode puts no separator
  // before it (it does for its own numbers), so the blank is ours.
  return PdfObject(PdfData((" " + formatNumber(v, 4)).c_str()));
}

PdfString textString(std::string_view utf8) {
  if (isPlainAscii(utf8)) return PdfString(std::string(utf8));
  std::string bytes = utf16beWithBom(utf8);
  return PdfString(bytes.data(), static_cast<pdf_long>(bytes.size()), true);
}

PdfString byteString(std::string_view bytes) {
  if (isPlainAscii(bytes)) return PdfString(std::string(bytes));
  return PdfString(bytes.data(), static_cast<pdf_long>(bytes.size()), true);
}

PdfArray rectArray(Sp x0, Sp y0, Sp x1, Sp y1) {
  PdfArray a;
  a.push_back(lengthPt(x0));
  a.push_back(lengthPt(y0));
  a.push_back(lengthPt(x1));
  a.push_back(lengthPt(y1));
  return a;
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
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                     static_cast<uLong>(data.size()), level > 9 ? 9 : level);
  if (rc != Z_OK) throw std::runtime_error("zlib compression failed");
  out.resize(size);
  // SetRawData keeps an existing /Filter key, so it goes in first.
  obj->GetDictionary().AddKey(PdfName("Filter"), PdfName("FlateDecode"));
  setRawStream(obj, out);
}

}  // namespace folio::pdf
