#pragma once
// The letter parts that travel in the body's flow: the subject line and the
// opening before the body; the closing, the signature, enclosures and copies
// after it. The parts a layout positions itself (the recipient in a window
// envelope's address field, the reference line) stay out of the flow.
#include <functional>
#include <string>
#include <vector>

#include "content/Document.h"

namespace folio::content {

struct LetterFlowOptions {
  bool recipient = false;      // the layout has no place for the address block: it opens the body
  bool reference = false, yourReference = false;  // nor for the references
  bool subject = false;        // the layout prints the subject line (letter layouts)
  std::string dateLine;        // after the closing, before the signature ("" for none)
  // The layout's words (layout key `letter:`).
  std::string yourReferenceWord = "Your reference:", referenceWord = "Our reference:", enclosuresWord = "Enclosures",
              ccWord = "Copy to";
};

struct LetterBlocks {
  std::vector<Block> before, after;
};

// `hasStyle` tells which of the part styles (recipient, subject, opening,
// closing, signature-name, signature-title, enclosures, cc) the layout
// defines; a part whose style is missing is set in `body`.
LetterBlocks letterBlocks(const Document& doc, const LetterFlowOptions& options,
                          const std::function<bool(const std::string&)>& hasStyle);

}  // namespace folio::content
