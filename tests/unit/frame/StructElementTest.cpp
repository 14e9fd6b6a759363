// StructElement keeps its rare fields out of line (issue 15, memory at
// 10,000 pages): an element without them allocates nothing, a copy is deep.
#include <gtest/gtest.h>

#include "frame/Structure.h"

namespace folio::frame {
namespace {

TEST(StructElement, EmptyValuesAllocateNoExtras) {
  StructElement e;
  e.setLang("");
  e.setAlt("");
  e.setId("");
  e.setSourceId("");
  EXPECT_EQ(e.extras(), nullptr);
  EXPECT_TRUE(e.lang().empty());
  EXPECT_TRUE(e.headers().empty());
}

TEST(StructElement, RareFieldsReadBackAndCopyDeeply) {
  StructElement th;
  th.role = Role::TH;
  th.setId("table1-r1c1");
  th.setLang("ar");
  th.mutableExtras().headers = {3, 4};
  StructElement copy = th;
  copy.setId("other");
  copy.mutableExtras().headers.push_back(5);
  EXPECT_EQ(th.id(), "table1-r1c1");
  EXPECT_EQ(th.lang(), "ar");
  EXPECT_EQ(th.headers(), (std::vector<uint32_t>{3, 4}));
  EXPECT_EQ(copy.id(), "other");
  EXPECT_EQ(copy.lang(), "ar");
  EXPECT_EQ(copy.headers(), (std::vector<uint32_t>{3, 4, 5}));
  th = copy;
  EXPECT_EQ(th.id(), "other");
  EXPECT_NE(th.extras(), copy.extras());
  // Clearing a field that exists keeps the others.
  th.setId("");
  EXPECT_TRUE(th.id().empty());
  EXPECT_EQ(th.lang(), "ar");
}

TEST(StructElement, SpansAndLevelHoldTheirRanges) {
  StructElement td;
  td.rowSpan = 1000;  // TableReader's upper bound
  td.colSpan = 1000;
  td.level = 3;
  EXPECT_EQ(td.rowSpan, 1000);
  EXPECT_EQ(td.colSpan, 1000);
  EXPECT_EQ(td.level, 3);
}

}  // namespace
}  // namespace folio::frame
