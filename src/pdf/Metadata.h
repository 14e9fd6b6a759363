#pragma once
// Document metadata: the Info dictionary and an XMP packet saying the same
// things, plus the catalog's /Lang. Dates come only from Metadata::date and
// are written by hand: PoDoFo's PdfDate reads the clock and the local time
// zone, which would make the bytes differ between runs and machines.
#include <string>

#include "base/Diagnostics.h"
#include "frame/Frame.h"
#include "pdf/Document.h"

namespace folio::pdf {

// The Producer string: "Folio <version>".
std::string producer();

// `xmpExtra`: more rdf:Description elements (a standard's identification).
void writeMetadata(Document& doc, const frame::Metadata& meta, Diagnostics& diags,
                   const std::string& xmpExtra = "");

}  // namespace folio::pdf
