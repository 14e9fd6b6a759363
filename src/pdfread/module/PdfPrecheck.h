#pragma once
// Checks made on a PDF's bytes before PoDoFo parses it: PoDoFo repairs a
// damaged cross-reference table by scanning and re-parsing the whole file
// (seconds for a large file, with no bound), and parses encrypted files deep
// enough to leak before it reports them. A file that fails here is refused
// at once, in the words of a diagnostic.
#include <string>
#include <string_view>

namespace folio::pdfread {

// "" when the file's cross-reference sections (startxref, each xref table
// or stream, /Prev chain) are sound and it is not encrypted; else the
// problem ("the PDF is encrypted; ...").
std::string precheckPdf(std::string_view file);

}  // namespace folio::pdfread
