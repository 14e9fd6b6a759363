// Must NOT build: a stage that handles every block kind but PageBreak. This
// is what a new kind of block does to every stage that does not handle it
// yet (content::Block is a std::variant visited with Overloaded lambdas).
#include "content/Document.h"

namespace folio {

int kindNumber(const content::Block& block) {
  return std::visit(Overloaded{
                        [](const content::Paragraph&) { return 0; },
                        [](const content::Heading&) { return 1; },
                        [](const content::List&) { return 2; },
                        [](const content::Quote&) { return 3; },
                        [](const content::Image&) { return 4; },
                        [](const content::Rule&) { return 5; },
                        [](const content::Spacer&) { return 6; },
                    },
                    static_cast<const content::BlockVariant&>(block));
}

}  // namespace folio
