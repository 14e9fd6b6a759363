// Control for the negative compile tests: a visitor with one case per block
// kind and a switch over every flow item kind build. (If this fails, the
// failures of the other files in this folder prove nothing.)
#include "content/Document.h"
#include "pagination/Flow.h"

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
                        [](const content::PageBreak&) { return 7; },
                        [](const content::TableBlock&) { return 8; },
                    },
                    static_cast<const content::BlockVariant&>(block));
}

int flowKindNumber(const pagination::FlowItem& item) {
  switch (item.kind) {
    case pagination::FlowItem::Kind::Line: return 0;
    case pagination::FlowItem::Kind::Space: return 1;
    case pagination::FlowItem::Kind::Image: return 2;
    case pagination::FlowItem::Kind::Rule: return 3;
    case pagination::FlowItem::Kind::PageBreak: return 4;
    case pagination::FlowItem::Kind::Group: return 5;
  }
  return -1;
}

}  // namespace folio
