#pragma once
// Sets a template text item in its box with the body's paragraph engine
// (HarfBuzz, bidi, Knuth-Plass): lines wrap at the item's width, and
// `fit` says what happens when they are more than the box holds (shrink in
// steps down to `min-size`, cut with an ellipsis, or report).
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "paragraph/Paragraph.h"
#include "style/Layout.h"

namespace folio::pagination {

struct TextBox {
  std::vector<paragraph::Line> lines;  // origins relative to (box left, baseline)
  std::vector<Sp> baselines;           // each line's baseline, from the box's top (y grows down)
  Sp size = 0, leading = 0;            // as set (after shrinking)
  Sp height = 0;                       // of the lines as set
  int needed = 0;                      // lines the text needs at `size`
  int capacity = 0;                    // lines the box holds at `size`; 0: unlimited
  std::string problem;                 // "needs 2 lines at 15 pt; its box holds 1", "" when it fits
};

// `texts`: the item's lines with their fields filled in; a value's own line
// breaks start new paragraphs. `measure`: the width to wrap at.
TextBox setTextBox(const style::TemplateItem& item, const std::vector<std::string>& texts, Sp measure,
                   const style::Layout& layout, const std::string& language, paragraph::Context& context);

// Template text set once for a whole batch (issue 15): in a mail merge
// every letter's letterhead repeats the same sender, address and contact
// lines. One cache per loaded layout (TemplateItem pointers are its keys),
// shared by the batch's threads. A hit gives what setTextBox would: the
// same box, the same messages, and the fonts it looked up noted in the
// document's font order (text/DocumentFonts.h), so a document's bytes do
// not depend on what the batch set before.
class TextBoxCache {
 public:
  TextBox get(const style::TemplateItem& item, const std::vector<std::string>& texts, Sp measure,
              const style::Layout& layout, const std::string& language, paragraph::Context& context);

  // Single paragraphs of a box (TextBox.cpp's Setter), by item, size, width and text.
  struct Paragraph;
  std::shared_ptr<const Paragraph> findParagraph(const std::string& key);
  void keepParagraph(std::string key, std::shared_ptr<const Paragraph> entry);

 private:
  struct Entry;
  std::mutex m_mutex;
  std::map<std::string, std::shared_ptr<const Entry>> m_entries;
  std::map<std::string, std::shared_ptr<const Paragraph>> m_paragraphs;
};

}  // namespace folio::pagination
