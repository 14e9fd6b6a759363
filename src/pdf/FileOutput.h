#pragma once
// Serialization with a content-derived file identifier. PoDoFo 0.9.8's
// PdfWriter sets the trailer /ID to two copies of MD5(Info dictionary +
// "Location"), which is deterministic once Info has no clock in it, but the
// same for any two documents with equal Info. So the document is written to
// memory, and both /ID strings are replaced (same length, so no offset
// moves) by the MD5 of everything before the trailer: objects and xref.
#include <podofo/podofo.h>

#include <string>

#include "base/Diagnostics.h"

namespace folio::pdf {

// The serialized bytes with the content-derived /ID.
std::string serialize(PoDoFo::PdfMemDocument& doc);

// Writes the document to `path` with the content-derived /ID, without a copy
// of the file in memory (the /ID is patched in place); false (with a
// diagnostic) when that fails. Same bytes as serialize() + writeFile().
bool serializeToFile(PoDoFo::PdfMemDocument& doc, const std::string& path, Diagnostics& diags);
// Writes `bytes` to `path`; false (with a diagnostic) when that fails.
bool writeFile(const std::string& path, const std::string& bytes, Diagnostics& diags);

}  // namespace folio::pdf
