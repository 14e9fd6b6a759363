#pragma once
// One document's font context: the order in which it first needs each
// font, and its own font folders. One FontStore serves every document of a
// batch, so neither may live in the store:
//  - its font ids follow the batch's order: a document rendered after
//    another (or beside it, with -j) would get the other's order, and its
//    PDF's font objects would depend on the batch. Each document keeps its
//    own order, and the PDF embeds fonts in it: the same as the document
//    rendered alone, for any batch and any -j;
//  - a folder added to the store's shared search path (fonts/ beside the
//    content or the layout, a font file the layout names) would stay there
//    for the batch's later documents. The document's folders are searched
//    for it only (FontFolders.h).
// The document's thread holds its context in a Scope. Two other kinds of
// scope share the document's folders but not its order, and say so:
//  - HelperScope: a thread laying out ahead for the document
//    (pagination::LayoutAhead) searches its folders but notes no font:
//    its look-ups are replayed in document order, which notes them then;
//  - Collect: fonts noted while it is open go to a list of the caller's
//    (what a cached template box used), not to the document's order.
#include <cstdint>
#include <vector>

#include "text/FontFolders.h"

namespace folio::text {

class Font;

class DocumentFonts {
 public:
  // Fonts in the order first noted.
  const std::vector<const Font*>& order() const { return m_order; }
  // Position in order(), or UINT32_MAX for a font never noted.
  uint32_t rank(const Font* font) const;
  FontFolders& folders() { return m_folders; }
  const FontFolders& folders() const { return m_folders; }

  // The document this thread works for (its folders, its order to read),
  // if any: on its own thread and on helpers working ahead for it.
  static DocumentFonts* current();
  // The folders of current(), or null.
  static FontFolders* currentFolders();
  // Notes that this thread's document needs `font` (or each of `fonts`):
  // into its order on the document's thread, into the list of an open
  // Collect, nowhere on a helper.
  static void note(const Font* font);
  static void note(const std::vector<const Font*>& fonts);

  // This thread renders `document`: its context, and notes go to its order.
  class Scope {
   public:
    explicit Scope(DocumentFonts& document);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    DocumentFonts* m_previous;
    std::vector<const Font*>* m_previousNotes;
  };
  // This thread lays out ahead for `document` (may be null): its folders,
  // and no notes.
  class HelperScope {
   public:
    explicit HelperScope(DocumentFonts* document);
    ~HelperScope();
    HelperScope(const HelperScope&) = delete;
    HelperScope& operator=(const HelperScope&) = delete;

   private:
    DocumentFonts* m_previous;
    std::vector<const Font*>* m_previousNotes;
  };
  // Notes go to `into` (each font once, in first-noted order) while open;
  // the document, its folders, stay as they are.
  class Collect {
   public:
    explicit Collect(std::vector<const Font*>& into);
    ~Collect();
    Collect(const Collect&) = delete;
    Collect& operator=(const Collect&) = delete;

   private:
    std::vector<const Font*>* m_previousNotes;
  };

 private:
  std::vector<const Font*> m_order;  // a document needs a handful: a linear search is cheapest
  FontFolders m_folders;
};

}  // namespace folio::text
