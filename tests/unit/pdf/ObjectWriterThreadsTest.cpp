// ObjectWriter starts its compressor helpers only at a second page stream:
// a one-page document (body + template furniture) stays on one thread.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "pdf/ObjectWriter.h"

namespace folio::pdf {
namespace {

size_t threadCount() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

TEST(ObjectWriterThreads, StartAtTheSecondPageStream) {
  Document doc;
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  const size_t before = threadCount();
  {
    ObjectWriter writer(doc, out, 2, 6);
    EXPECT_EQ(threadCount(), before);
    writer.writeStream(doc.create(), std::string(4000, 'a'));
    writer.writeStream(doc.create(), "q Q\n", /*startsHelpers=*/false);
    EXPECT_EQ(threadCount(), before) << "one page and its furniture need no helper";
    writer.writeStream(doc.create(), std::string(4000, 'b'));
    EXPECT_EQ(threadCount(), before) << "the first page stream after a flush is held again";
    writer.writeStream(doc.create(), std::string(4000, 'c'));
    EXPECT_EQ(threadCount(), before + 2) << "a second page stream starts the helpers";
    EXPECT_TRUE(writer.finish());
  }
  std::fclose(out);
}

}  // namespace
}  // namespace folio::pdf
