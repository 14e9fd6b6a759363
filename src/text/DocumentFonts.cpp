#include "text/DocumentFonts.h"

#include <algorithm>

namespace folio::text {

namespace {
// The document this thread works for, and where its notes go (the
// document's order, a Collect's list, or nowhere): the same document
// with different note targets is what tells the three scopes apart.
thread_local DocumentFonts* t_document = nullptr;
thread_local std::vector<const Font*>* t_notes = nullptr;

void noteInto(std::vector<const Font*>& order, const Font* font) {
  if (font && std::find(order.begin(), order.end(), font) == order.end()) order.push_back(font);
}
}  // namespace

uint32_t DocumentFonts::rank(const Font* font) const {
  auto it = std::find(m_order.begin(), m_order.end(), font);
  return it == m_order.end() ? UINT32_MAX : static_cast<uint32_t>(it - m_order.begin());
}

DocumentFonts* DocumentFonts::current() { return t_document; }

FontFolders* DocumentFonts::currentFolders() { return t_document ? &t_document->m_folders : nullptr; }

void DocumentFonts::note(const Font* font) {
  if (t_notes) noteInto(*t_notes, font);
}

void DocumentFonts::note(const std::vector<const Font*>& fonts) {
  if (t_notes)
    for (const Font* f : fonts) noteInto(*t_notes, f);
}

DocumentFonts::Scope::Scope(DocumentFonts& document) : m_previous(t_document), m_previousNotes(t_notes) {
  t_document = &document;
  t_notes = &document.m_order;
}
DocumentFonts::Scope::~Scope() {
  t_document = m_previous;
  t_notes = m_previousNotes;
}

DocumentFonts::HelperScope::HelperScope(DocumentFonts* document)
    : m_previous(t_document), m_previousNotes(t_notes) {
  t_document = document;
  t_notes = nullptr;
}
DocumentFonts::HelperScope::~HelperScope() {
  t_document = m_previous;
  t_notes = m_previousNotes;
}

DocumentFonts::Collect::Collect(std::vector<const Font*>& into) : m_previousNotes(t_notes) {
  t_notes = &into;
}
DocumentFonts::Collect::~Collect() { t_notes = m_previousNotes; }

}  // namespace folio::text
