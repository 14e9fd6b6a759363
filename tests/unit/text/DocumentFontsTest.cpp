// One document's font context (text/DocumentFonts.h): its thread notes the
// fonts it needs in first-need order; a Collect takes notes aside but keeps
// the document's folders; a helper working ahead sees the folders and
// notes nothing.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "text/DocumentFonts.h"

namespace folio::text {
namespace {

// Notes compare pointers only: stand-ins for three fonts.
const Font* fontNumber(int n) {
  static const char fonts[3] = {};
  return reinterpret_cast<const Font*>(&fonts[n]);
}

TEST(DocumentFonts, ItsThreadNotesFontsInFirstNeedOrder) {
  EXPECT_EQ(DocumentFonts::current(), nullptr);
  EXPECT_EQ(DocumentFonts::currentFolders(), nullptr);
  DocumentFonts::note(fontNumber(0));  // no document: nowhere, no crash
  DocumentFonts doc;
  {
    DocumentFonts::Scope scope(doc);
    EXPECT_EQ(DocumentFonts::current(), &doc);
    EXPECT_EQ(DocumentFonts::currentFolders(), &doc.folders());
    DocumentFonts::note(fontNumber(2));
    DocumentFonts::note({fontNumber(0), fontNumber(2), nullptr});
  }
  EXPECT_EQ(DocumentFonts::current(), nullptr);
  EXPECT_EQ(doc.order(), (std::vector<const Font*>{fontNumber(2), fontNumber(0)}));
  EXPECT_EQ(doc.rank(fontNumber(0)), 1u);
  EXPECT_EQ(doc.rank(fontNumber(1)), UINT32_MAX);
}

TEST(DocumentFonts, CollectTakesNotesAsideAndKeepsTheDocumentsFolders) {
  DocumentFonts doc;
  DocumentFonts::Scope scope(doc);
  doc.folders().add("/fonts-of-a", 1, "fonts/ beside the content");
  std::vector<const Font*> box;
  {
    DocumentFonts::Collect collect(box);
    EXPECT_EQ(DocumentFonts::current(), &doc);
    ASSERT_EQ(DocumentFonts::currentFolders(), &doc.folders());
    EXPECT_EQ(DocumentFonts::currentFolders()->dirs().size(), 1u);
    DocumentFonts::note(fontNumber(1));
    DocumentFonts::note(fontNumber(1));
  }
  EXPECT_EQ(box, std::vector<const Font*>{fontNumber(1)});
  EXPECT_TRUE(doc.order().empty());
  DocumentFonts::note(box);  // what a cached box replays
  EXPECT_EQ(doc.order(), std::vector<const Font*>{fontNumber(1)});
}

TEST(DocumentFonts, HelperSeesTheFoldersAndNotesNothing) {
  DocumentFonts doc;
  DocumentFonts::Scope scope(doc);
  doc.folders().add("/fonts-of-a", 1, "fonts/ beside the content");
  DocumentFonts* handed = DocumentFonts::current();  // what LayoutAhead takes
  const FontFolders* seen = nullptr;
  std::thread helper([&] {
    EXPECT_EQ(DocumentFonts::current(), nullptr);  // a new thread has no document
    DocumentFonts::HelperScope ahead(handed);
    seen = DocumentFonts::currentFolders();
    DocumentFonts::note(fontNumber(0));
  });
  helper.join();
  EXPECT_EQ(seen, &doc.folders());
  EXPECT_TRUE(doc.order().empty());
  {
    // On the document's own thread (a helper's job run there) too, and the
    // document's notes come back after it.
    DocumentFonts::HelperScope ahead(handed);
    DocumentFonts::note(fontNumber(0));
  }
  EXPECT_TRUE(doc.order().empty());
  DocumentFonts::note(fontNumber(2));
  EXPECT_EQ(doc.order(), std::vector<const Font*>{fontNumber(2)});
}

}  // namespace
}  // namespace folio::text
