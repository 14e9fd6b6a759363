#include "content/Markdown.h"

#include <cmark.h>

#include <memory>

#include "markup/CmarkInlines.h"
#include "content/PipeTables.h"
#include "markup/FootnoteMarkers.h"

namespace folio::content {

namespace {

// Deeper nesting of quotes and lists is refused: converting recurses.
constexpr int kMaxMarkdownDepth = 32;

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

class MarkdownConverter {
 public:
  MarkdownConverter(const markup::MarkedText& marked, const SourcePos& pos, Diagnostics& diags)
      : m_marked(marked), m_pos(pos), m_diags(diags) {}

  // Converts the children of `container` (document, quote or list item).
  std::vector<Block> children(cmark_node* container, int depth) {
    std::vector<Block> out;
    if (depth > kMaxMarkdownDepth) {
      if (!m_tooDeep) {
        m_diags.error(m_pos, "Markdown nested more than " + std::to_string(kMaxMarkdownDepth) +
                                 " levels deep; expected flatter quotes and lists");
      }
      m_tooDeep = true;
      return out;
    }
    for (cmark_node* node = cmark_node_first_child(container); node; node = cmark_node_next(node)) {
      convert(node, depth, out);
    }
    return out;
  }

 private:
  template <class Kind>
  Kind make() const {
    Kind b;
    b.pos = m_pos;
    return b;
  }

  markup::InlineText inlines(cmark_node* node) {
    markup::InlineText text;
    markup::InlineContext context{m_marked.mapped, m_marked.markers, m_pos, m_diags, {}};
    markup::appendInlines(node, context, text);
    return text;
  }

  // A code block keeps its lines: hard breaks between them, no trailing one.
  Paragraph literalBlock(cmark_node* node, const std::string& style, uint16_t flags) {
    Paragraph b = make<Paragraph>();
    b.style = style;
    const char* literal = cmark_node_get_literal(node);
    std::string text = markup::restoreMarkers(literal ? literal : "", m_marked.markers);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    markup::Inline run;
    run.flags = flags;
    size_t start = 0;
    for (;;) {
      size_t nl = text.find('\n', start);
      markup::appendText(
          b.text, std::string_view(text).substr(start, nl == std::string::npos ? nl : nl - start), run);
      if (nl == std::string::npos) break;
      markup::Inline br = run;
      br.kind = markup::Inline::Kind::HardBreak;
      b.text.push_back(br);
      start = nl + 1;
    }
    return b;
  }

  void convert(cmark_node* node, int depth, std::vector<Block>& out) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH: {
        Paragraph b = make<Paragraph>();
        b.text = inlines(node);
        if (!b.text.empty()) out.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_HEADING: {
        Heading b = make<Heading>();
        b.level = std::min(cmark_node_get_heading_level(node), 3);
        b.text = inlines(node);
        out.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_LIST: {
        List b = make<List>();
        b.numbered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        if (b.numbered) b.start = cmark_node_get_list_start(node);
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
          std::vector<Block> blocks = children(item, depth + 1);
          if (blocks.empty()) blocks.push_back(make<Paragraph>());  // "-" alone: an empty item
          b.items.push_back(std::move(blocks));
        }
        out.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        Quote b = make<Quote>();
        b.children = children(node, depth + 1);
        out.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out.push_back(make<Rule>());
        break;
      case CMARK_NODE_CODE_BLOCK:
        out.push_back(literalBlock(node, "code", markup::kCode));
        break;
      case CMARK_NODE_HTML_BLOCK:
        m_diags.warning(m_pos,
                        "raw HTML in Markdown is not supported (kept as text); expected Markdown, or "
                        "<sup>, <sub>, <span lang> and <br> inside a paragraph");
        out.push_back(literalBlock(node, "", 0));
        break;
      default:
        break;
    }
  }

  const markup::MarkedText& m_marked;
  SourcePos m_pos;
  Diagnostics& m_diags;
  bool m_tooDeep = false;
};

}  // namespace

namespace {

std::vector<Block> cmarkBlocks(const std::string& source, const SourcePos& pos, Diagnostics& diags) {
  markup::MarkedText marked =
      markup::extractFootnotes(markup::MappedText::identity(source), pos, diags, /*allowFootnotes=*/true);
  std::unique_ptr<cmark_node, CmarkNodeDeleter> document(
      cmark_parse_document(marked.mapped.text.data(), marked.mapped.text.size(), CMARK_OPT_DEFAULT));
  if (!document) return {};
  MarkdownConverter converter(marked, pos, diags);
  return converter.children(document.get(), 0);
}

}  // namespace

std::vector<Block> markdownBlocks(const std::string& source, const SourcePos& pos, Diagnostics& diags,
                                  const std::function<SourcePos(size_t)>& position) {
  std::vector<MarkdownPiece> pieces = findPipeTables(source);
  if (pieces.size() == 1 && !pieces[0].table) return cmarkBlocks(source, pos, diags);
  auto where = [&](size_t offset) { return position ? position(offset) : pos; };
  std::vector<Block> out;
  for (const MarkdownPiece& piece : pieces) {
    if (piece.table) {
      out.push_back(pipeTable(source, piece, pos, where, diags));
      continue;
    }
    std::vector<Block> blocks = cmarkBlocks(source.substr(piece.begin, piece.end - piece.begin), pos, diags);
    for (Block& b : blocks) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace folio::content
