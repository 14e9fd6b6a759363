// Fuzzes the inline markup parser (CommonMark inlines, tags, footnotes).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/Utf8.h"
#include "markup/Inline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (folio::findInvalidUtf8(text) != std::string::npos) return -1;  // the YAML stage refuses these
  folio::Diagnostics diags;
  folio::markup::InlineText runs = folio::markup::parseInline(text, {"fuzz.yaml", 1, 1}, diags);
  (void)folio::markup::plainText(runs);
  return 0;
}
