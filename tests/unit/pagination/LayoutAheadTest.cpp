// LayoutAhead::oldestBlock: the flow builder frees a top-level block's text
// only when no job of that block or an earlier one is queued or being laid
// out (pagination/Flow.cpp, release). With no helper threads nothing is
// started, so the queue alone decides.
#include <gtest/gtest.h>

#include <cstdint>

#include "pagination/LayoutAhead.h"
#include "text/FontStore.h"
#include "text/Hyphenator.h"
#include "text/Shaper.h"

namespace folio::pagination {
namespace {

struct Services {
  text::FontStore fonts{{}};
  text::Shaper shaper;
  text::Hyphenator hyphenator;
  Diagnostics diags;
  paragraph::Context context{fonts, shaper, hyphenator, diags};
};

TEST(LayoutAhead, OldestBlockFollowsTheQueue) {
  Services s;
  LayoutAhead ahead(0, s.context);
  EXPECT_EQ(ahead.oldestBlock(), SIZE_MAX);  // nothing queued: every block may go
  markup::InlineText a, b, c;
  ahead.add(a, {}, {}, 3);
  ahead.add(b, {}, {}, 3);
  ahead.add(c, {}, {}, 5);
  EXPECT_EQ(ahead.oldestBlock(), 3u);
  // Taking b drops a (queued before it); nobody started b, so the caller
  // lays it out itself.
  EXPECT_FALSE(ahead.take(b).has_value());
  EXPECT_EQ(ahead.oldestBlock(), 5u);  // block 3 is read no more
  ahead.clear();
  EXPECT_EQ(ahead.oldestBlock(), SIZE_MAX);
}

TEST(LayoutAhead, AnUnqueuedTextLeavesTheQueueAlone) {
  Services s;
  LayoutAhead ahead(0, s.context);
  markup::InlineText a, other;
  ahead.add(a, {}, {}, 7);
  EXPECT_FALSE(ahead.take(other).has_value());
  EXPECT_EQ(ahead.oldestBlock(), 7u);
}

}  // namespace
}  // namespace folio::pagination
