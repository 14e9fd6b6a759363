#pragma once
// The inputs of the physical floor (bench/FloorBench.cpp), read from the
// PDFs Folio produced: the text each font shows, word by word, and the page
// content streams, decompressed.
//
// Why the PDF and not Folio's own pipeline: the floor must be the same text
// in the same fonts, and nothing of Folio's work. The PDF is what Folio
// set, read by an independent reader (PoDoFo for the objects, a small
// content-stream tokenizer here), so no part of Folio's loading, styling or
// layout runs, and the inputs are exactly what the output holds:
//  - words: every text-showing operator is decoded through the font's
//    /ToUnicode map; a word is a run of glyphs between glyphs whose text is
//    a space, within one text object and one font. Right-to-left words are
//    put back into logical order (the PDF holds glyphs in visual order).
//    What this cannot see: a word hyphenated across two lines counts as
//    two pieces (Folio shapes it whole once), glyphs without text (marks
//    Folio gives "silent" codes) are left out, and the language and
//    OpenType features the layout asked for are unknown (the floor shapes
//    with HarfBuzz's defaults and a guessed script).
//  - the glyphs to subset are not read from the PDF (its subsets renumber
//    glyphs); the floor subsets the glyphs its own shaping of those words
//    gives, and reports both glyph counts side by side.
//  - compression: every page's /Contents and every form XObject the pages
//    draw, as the writer compressed them.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace folio::floor {

// (size in 1/1000 pt, text in logical order) -> occurrences in the document
using WordCounts = std::map<std::pair<int, std::u32string>, size_t>;

struct DocumentInputs {
  std::string path;
  int pages = 0;
  // By PostScript name of the font (subset tag removed).
  std::map<std::string, WordCounts> words;
  // Glyphs in the PDF's own subset of each font (-1: not counted, e.g. a
  // bare CFF program).
  std::map<std::string, int> pdfGlyphs;
  std::vector<std::string> contentStreams;  // decompressed
  size_t contentStoredBytes = 0;            // their bytes as stored in the file (compressed)
};

// Throws std::runtime_error with the file name on a PDF it cannot read.
DocumentInputs readDocument(const std::string& pdfPath);

}  // namespace folio::floor
