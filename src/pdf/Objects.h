#pragma once
// Small helpers over the object model (Object.h) used by every part of the writer.
#include <string>
#include <string_view>

#include "base/Units.h"
#include "pdf/Document.h"
#include "pdf/Object.h"

namespace folio::pdf {

// An integer object when `v` is integral at 4 decimals, else a number at
// 4 decimals written by our own formatter (Syntax.h formatNumber).
Object number(double v);
inline Object lengthPt(Sp sp) { return number(toPt(sp)); }

// A PDF text string: literal when plain ASCII, else UTF-16BE with a BOM.
String textString(std::string_view utf8);
// A byte string kept exactly (names in a name tree are compared bytewise).
String byteString(std::string_view bytes);

// [x0 y0 x1 y1] in pt.
Array rectArray(Sp x0, Sp y0, Sp x1, Sp y1);

// Stream contents Flate-compressed by us at `level`; level 0 stores the
// bytes unfiltered.
void setFlateStream(DocObject* obj, std::string_view data, int level);
// The zlib stream setFlateStream stores (level 1-9), for compressing on
// another thread; setDeflatedStream then stores it with /Filter /FlateDecode.
std::string deflateBytes(std::string_view data, int level);
void setDeflatedStream(DocObject* obj, std::string deflated);
// Stream contents without a filter (XMP packets, already-compressed JPEG).
void setRawStream(DocObject* obj, std::string_view data);

}  // namespace folio::pdf
