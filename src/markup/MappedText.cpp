#include "markup/MappedText.h"

#include <algorithm>

namespace folio::markup {

MappedText MappedText::identity(std::string_view s, uint32_t base) {
  MappedText m;
  m.text.assign(s);
  m.offsets.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) m.offsets[i] = base + static_cast<uint32_t>(i);
  m.endOffset = base + static_cast<uint32_t>(s.size());
  return m;
}

void MappedText::append(const MappedText& from, size_t begin, size_t end) {
  end = std::min(end, from.text.size());
  if (begin >= end) return;
  text.append(from.text, begin, end - begin);
  offsets.insert(offsets.end(), from.offsets.begin() + static_cast<std::ptrdiff_t>(begin),
                 from.offsets.begin() + static_cast<std::ptrdiff_t>(end));
  endOffset = from.sourceOffset(end);
}

void MappedText::insert(std::string_view s, uint32_t at) {
  text.append(s);
  offsets.insert(offsets.end(), s.size(), at);
  endOffset = std::max(endOffset, at);
}

MappedText MappedText::slice(size_t begin, size_t end) const {
  MappedText m;
  m.endOffset = sourceOffset(begin);
  m.append(*this, begin, end);
  return m;
}

}  // namespace folio::markup
