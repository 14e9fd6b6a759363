#pragma once
// The old PoDoFo-flavoured object helpers, kept only for PagePlacement,
// which still builds a placed PDF page's form with PoDoFo (issue-15-pdfplugin
// moves it into a module loaded on demand; this file goes with it). The rest
// of the writer uses Folio's own object model (Object.h, Objects.h).
#include <podofo/podofo.h>

#include <cstdint>
#include <string_view>

namespace folio::pdf::podofo {

inline PoDoFo::PdfObject integer(int64_t v) { return PoDoFo::PdfObject(static_cast<PoDoFo::pdf_int64>(v)); }
// As pdf::number: an integer when `v` is integral at 4 decimals, else raw
// data " 12.5" (formatNumber), the bytes pdf::Decimal writes.
PoDoFo::PdfObject number(double v);
void setRawStream(PoDoFo::PdfObject* obj, std::string_view data);
void setFlateStream(PoDoFo::PdfObject* obj, std::string_view data, int level);

}  // namespace folio::pdf::podofo

namespace folio::pdf {
using namespace podofo;
}  // namespace folio::pdf
