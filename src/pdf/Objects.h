#pragma once
// Small helpers over PoDoFo's object model used by every part of the writer.
// PoDoFo headers stay inside src/pdf.
#include <podofo/podofo.h>

#include <string>
#include <string_view>

#include "base/Units.h"

namespace folio::pdf {

// An integer object when `v` is integral at 4 decimals, else a real written by
// our own formatter (PoDoFo's real output is printf-based: locale and %g).
PoDoFo::PdfObject number(double v);
inline PoDoFo::PdfObject lengthPt(Sp sp) { return number(toPt(sp)); }
inline PoDoFo::PdfObject integer(int64_t v) { return PoDoFo::PdfObject(static_cast<PoDoFo::pdf_int64>(v)); }

// A PDF text string: literal when plain ASCII, else UTF-16BE with a BOM.
PoDoFo::PdfString textString(std::string_view utf8);
// A byte string kept exactly (names in a name tree are compared bytewise).
PoDoFo::PdfString byteString(std::string_view bytes);

// [x0 y0 x1 y1] in pt.
PoDoFo::PdfArray rectArray(Sp x0, Sp y0, Sp x1, Sp y1);

// Stream contents Flate-compressed by us with zlib at `level` (PoDoFo's
// filter has a fixed level); level 0 stores the bytes unfiltered.
void setFlateStream(PoDoFo::PdfObject* obj, std::string_view data, int level);
// The zlib stream setFlateStream stores (level 1-9), for compressing on
// another thread; setDeflatedStream then stores it with /Filter /FlateDecode.
std::string deflateBytes(std::string_view data, int level);
void setDeflatedStream(PoDoFo::PdfObject* obj, std::string_view deflated);
// Stream contents without a filter (XMP packets, already-compressed JPEG).
void setRawStream(PoDoFo::PdfObject* obj, std::string_view data);

}  // namespace folio::pdf
