// The layout's `letter:` mapping: what a letter layout prints of the
// content's letter parts beyond what its templates place.
#include "style/Layout.h"
#include "style/LayoutReader.h"

namespace folio::style {

void readLetterSetup(const yaml::Node& root, LayoutReader& read, LetterSetup& letter) {
  const yaml::Node* n = root.find("letter");
  if (!n) return;
  if (!read.checkKeys(*n, {"subject-line", "date-line", "your-reference", "reference", "enclosures", "cc"}, "'letter'")) return;
  if (const yaml::Node* v = n->find("subject-line")) read.boolean(*v, letter.subject);
  if (const yaml::Node* v = n->find("date-line")) read.string(*v, letter.dateLine);
  if (const yaml::Node* v = n->find("your-reference")) read.string(*v, letter.yourReference);
  if (const yaml::Node* v = n->find("reference")) read.string(*v, letter.reference);
  if (const yaml::Node* v = n->find("enclosures")) read.string(*v, letter.enclosures);
  if (const yaml::Node* v = n->find("cc")) read.string(*v, letter.cc);
}

}  // namespace folio::style
