// Hanging punctuation: how far a character may protrude into the margin at
// a line start or end, as a fraction of its advance. Light marks (periods,
// commas, hyphens, quotes) leave a visual dent in a justified edge; letting
// them hang by most of their width makes the edge look straight, as in
// pdfTeX's character protrusion. The values follow the spirit of microtype's
// default set (per mille of the glyph's width), tuned for Noto's marks.
// Letters and digits with open sides (A T V W Y, 1 4 7 ...) hang by 5 %
// of their width, as in microtype's default set (microtype.cfg, "default",
// loaded for TeX's TU encoding): a T or a V at a flush edge leaves as much
// white beside it as a period does, and a little protrusion makes the edge
// look straight. Only Latin letters: other scripts keep their letters in.
#include "paragraph/Internal.h"

namespace folio::paragraph::detail {

Protrusion protrusionOf(char32_t c) {
  switch (c) {
    case U'.':
    case U',':
      return {0, 700};
    case 0x2026:  // …
      return {0, 300};
    case U':':
    case U';':
      return {0, 500};
    case U'!':
    case U'?':
      return {0, 200};
    case U'-':
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0xAD:
      return {0, 700};
    case 0x2013:  // en dash
      return {400, 400};
    case 0x2014:  // em dash
      return {250, 250};
    case 0x201C:  // “
    case 0x201E:  // „
    case U'"':
      return {500, 500};
    case 0x201D:  // ”
      return {500, 500};
    case 0x2018:  // ‘
    case 0x201A:  // ‚
    case U'\'':
      return {700, 700};
    case 0x2019:  // ’
      return {700, 700};
    case 0xAB:  // «
    case 0xBB:  // »
      return {400, 400};
    case 0x2039:  // ‹
    case 0x203A:  // ›
      return {500, 500};
    case 0x060C:  // Arabic comma
    case 0x061B:  // Arabic semicolon
    case 0x06D4:  // Arabic full stop
      return {0, 500};
    // Letters and digits, microtype's default set (with the accented
    // capitals that inherit from A and Y in its TU configurations).
    case U'A':
    case 0xC0:
    case 0xC1:
    case 0xC2:
    case 0xC3:
    case 0xC4:
    case 0xC5:  // À Á Â Ã Ä Å
    case U'T':
    case U'V':
    case U'W':
    case U'X':
    case U'Y':
    case 0xDD:   // Ý
    case 0x178:  // Ÿ
    case U'v':
    case U'w':
    case U'x':
    case U'1':
    case U'4':
    case U'7':
    case U'@':
    case U'%':
      return {50, 50};
    case U'J':
    case 0xC6:  // Æ
      return {50, 0};
    case U'F':
    case U'K':
    case U'L':
    case U'k':
    case U'r':
    case U'y':
    case 0xFD:  // ý
    case 0xFF:  // ÿ
      return {0, 50};
    case U'*':
      return {200, 200};
    case U'+':
      return {250, 250};
    case U'~':
      return {200, 250};
    case U'(':
    case U'[':
      return {100, 0};
    case U')':
    case U']':
      return {0, 200};
    case U'/':
    case U'\\':
      return {100, 200};
    case U'_':
      return {100, 100};
    case 0x3001:      // 、
    case 0x3002:      // 。
      return {0, 0};  // CJK full-width marks are set solid, not hung
    default:
      return {0, 0};
  }
}

}  // namespace folio::paragraph::detail
