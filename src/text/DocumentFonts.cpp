#include "text/DocumentFonts.h"

#include <algorithm>

namespace folio::text {

namespace {
thread_local DocumentFonts* t_document = nullptr;
}  // namespace

uint32_t DocumentFonts::rank(const Font* font) const {
  auto it = std::find(m_order.begin(), m_order.end(), font);
  return it == m_order.end() ? UINT32_MAX : static_cast<uint32_t>(it - m_order.begin());
}

void DocumentFonts::note(const Font* font) {
  if (font && std::find(m_order.begin(), m_order.end(), font) == m_order.end()) m_order.push_back(font);
}

DocumentFonts* DocumentFonts::current() { return t_document; }

DocumentFonts::Scope::Scope(DocumentFonts& fonts) : m_previous(t_document) { t_document = &fonts; }
DocumentFonts::Scope::~Scope() { t_document = m_previous; }

}  // namespace folio::text
