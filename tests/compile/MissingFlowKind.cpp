// Must NOT build: a switch over flow item kinds that leaves out PageBreak
// (-Werror=switch, set for the whole project in CMakeLists.txt). Template
// item kinds (style::TemplateItem::Kind) are checked the same way.
#include "pagination/Flow.h"

namespace folio {

int flowKindNumber(const pagination::FlowItem& item) {
  switch (item.kind) {
    case pagination::FlowItem::Kind::Line: return 0;
    case pagination::FlowItem::Kind::Space: return 1;
    case pagination::FlowItem::Kind::Image: return 2;
    case pagination::FlowItem::Kind::Rule: return 3;
  }
  return -1;
}

}  // namespace folio
