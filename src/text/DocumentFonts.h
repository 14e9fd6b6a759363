#pragma once
// The order in which one document first needs each font. One FontStore
// serves every document of a batch, so its font ids follow the batch's
// order: a document rendered after another (or beside it, with -j) would
// get the other's order, and its PDF's font objects would depend on the
// batch. Each document therefore keeps its own order, noted by the
// FontStore on the thread that renders the document (document order only,
// never a Recording), and the PDF embeds fonts in that order: the same as
// the document rendered alone, for any batch and any -j.
#include <cstdint>
#include <vector>

namespace folio::text {

class Font;

class DocumentFonts {
 public:
  // Fonts in the order first noted.
  const std::vector<const Font*>& order() const { return m_order; }
  // Position in order(), or UINT32_MAX for a font never noted.
  uint32_t rank(const Font* font) const;
  void note(const Font* font);
  void note(const std::vector<const Font*>& fonts) {
    for (const Font* f : fonts) note(f);
  }

  // The document this thread is rendering (notes go there), if any.
  static DocumentFonts* current();
  // Makes `fonts` this thread's document for the scope's lifetime.
  class Scope {
   public:
    explicit Scope(DocumentFonts& fonts);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    DocumentFonts* m_previous;
  };

 private:
  std::vector<const Font*> m_order;  // a document needs a handful: a linear search is cheapest
};

}  // namespace folio::text
