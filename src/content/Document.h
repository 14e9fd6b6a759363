#pragma once
// The validated content of one document: metadata and a tree of blocks whose
// inline text is already parsed.
#include <cstdint>
#include <concepts>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "base/Diagnostics.h"
#include "base/Overloaded.h"
#include "base/Units.h"
#include "content/Table.h"
#include "markup/Inline.h"
#include "yaml/Node.h"
#include "yaml/ScalarSource.h"

namespace folio::content {

// A length as written: most units resolve to points at once; `em` needs the
// font size of the style it is used in.
struct Length {
  double value = 0;
  bool em = false;
  Sp resolve(Sp fontSize) const { return em ? static_cast<Sp>(value * fontSize) : pt(value); }
};

enum class Direction : uint8_t { Auto, Ltr, Rtl };
enum class Align : uint8_t { Default, Start, End, Left, Right, Center, Justify };

// The attributes every block has.
struct BlockBase {
  SourcePos pos;
  std::string id, style, lang;
  SourcePos stylePos;  // where `style` is written (for "unknown style" once the layout is known)
  Direction dir = Direction::Auto;
  Align align = Align::Default;
  std::optional<bool> keepWithNext;  // overrides the style's
};

struct Block;

// Blocks are a closed sum type: one struct per kind, in a std::variant.
// Stages handle them with std::visit and `Overloaded` lambdas (base/Overloaded.h),
// so a stage that forgets a kind fails to build (tests/compile/).
struct Paragraph : BlockBase {
  markup::InlineText text;
  // Where each byte of the text's source was written (see sourceOffset of
  // the inline runs); null when unknown.
  std::shared_ptr<const yaml::ScalarMap> textSource;
};

struct Heading : BlockBase {
  markup::InlineText text;
  std::shared_ptr<const yaml::ScalarMap> textSource;
  int level = 1;
};

struct List : BlockBase {
  // Each item is a sequence of blocks (an inline item becomes one Paragraph).
  std::vector<std::vector<Block>> items;
  bool numbered = false;
  int start = 1;
};

// A quote holds inline text or blocks.
struct Quote : BlockBase {
  markup::InlineText text;
  std::shared_ptr<const yaml::ScalarMap> textSource;
  std::vector<Block> children;
};

struct Image : BlockBase {
  std::string path;  // the content file's dir joined with the path as written
  std::optional<Length> width, height;
  std::string alt;
  int page = 1;  // the page placed when the file is a PDF
};

struct Rule : BlockBase {
  std::optional<Length> thickness, width;
};

struct Spacer : BlockBase {
  Length space;
};

struct PageBreak : BlockBase {};

// A table (content/Table.h). Shared so that copying a document (one copy per
// mail-merge record) stays cheap; a stage that changes the cells copies it.
struct TableBlock : BlockBase {
  std::shared_ptr<Table> table;
};

using BlockVariant = std::variant<Paragraph, Heading, List, Quote, Image, Rule, Spacer, PageBreak, TableBlock>;

struct Block : BlockVariant {
  using BlockVariant::BlockVariant;
  const BlockBase& base() const {
    return std::visit([](const BlockBase& b) -> const BlockBase& { return b; }, static_cast<const BlockVariant&>(*this));
  }
  BlockBase& base() {
    return std::visit([](BlockBase& b) -> BlockBase& { return b; }, static_cast<BlockVariant&>(*this));
  }
};

// `Q<B, T>` is T, const when B is: one traversal serves readers (const
// blocks) and editors (placeholder substitution).
template <class B, class T>
using Q = std::conditional_t<std::is_const_v<B>, const T, T>;

// The table a traversal may read (B const) or change. Copies of a document
// (one per mail-merge record) share their tables, so an editor gets the
// block's own copy first.
template <class B>
Q<B, Table>& tableOf(Q<B, TableBlock>& t) {
  if constexpr (!std::is_const_v<B>) {
    if (!t.table) t.table = std::make_shared<Table>();
    else if (t.table.use_count() != 1) t.table = std::make_shared<Table>(*t.table);
  }
  static const Table kNone;
  if constexpr (std::is_const_v<B>)
    if (!t.table) return kNone;
  return *t.table;
}

// The blocks nested directly in a block: a list's items, a quote's blocks,
// each table cell's blocks (in row order). Calls f(vector<Block>&) (const
// when `block` is) for each sequence.
template <class B, class F>
  requires std::same_as<std::remove_const_t<B>, Block>
void forEachChildSequence(B& block, F&& f) {
  std::visit(Overloaded{
                 [&](Q<B, List>& l) {
                   for (auto& item : l.items) f(item);
                 },
                 [&](Q<B, Quote>& q) { f(q.children); },
                 [&](Q<B, TableBlock>& t) {
                   for (auto& row : tableOf<B>(t).rows)
                     for (auto& cell : row.cells) f(cell.blocks);
                 },
                 [](Q<B, Paragraph>&) {}, [](Q<B, Heading>&) {}, [](Q<B, Image>&) {}, [](Q<B, Rule>&) {},
                 [](Q<B, Spacer>&) {}, [](Q<B, PageBreak>&) {},
             },
             static_cast<Q<B, BlockVariant>&>(block));
}

// The inline texts a block holds itself (not those of its child blocks): a
// paragraph's, a heading's, an inline quote's; a table's caption, its
// "(continued)" caption and its inline cells. Calls f(InlineText&, const
// SourcePos& where it is written), the text const when `block` is.
template <class B, class F>
  requires std::same_as<std::remove_const_t<B>, Block>
void forEachInlineText(B& block, F&& f) {
  std::visit(Overloaded{
                 [&](Q<B, Paragraph>& b) { f(b.text, b.pos); },
                 [&](Q<B, Heading>& b) { f(b.text, b.pos); },
                 [&](Q<B, Quote>& b) { f(b.text, b.pos); },
                 [&](Q<B, TableBlock>& b) {
                   auto& table = tableOf<B>(b);
                   f(table.caption, b.pos);
                   f(table.continued, b.pos);
                   for (auto& row : table.rows)
                     for (auto& cell : row.cells) f(cell.text, cell.pos);
                 },
                 [](Q<B, List>&) {}, [](Q<B, Image>&) {}, [](Q<B, Rule>&) {}, [](Q<B, Spacer>&) {},
                 [](Q<B, PageBreak>&) {},
             },
             static_cast<Q<B, BlockVariant>&>(block));
}

// The one traversal of the block tree: f(Block&) for every block, parents
// before their children, in document order. Blocks are const when `blocks`
// is; a caller that changes blocks passes them non-const.
template <class Blocks, class F>
  requires std::same_as<std::remove_const_t<Blocks>, std::vector<Block>>
void forEachBlock(Blocks& blocks, F&& f) {
  for (auto& b : blocks) {
    f(b);
    forEachChildSequence(b, [&](auto& children) { forEachBlock(children, f); });
  }
}

// Letter parts (content format 1.1), all optional: letter layouts place them
// (the address field, the reference line) or the body flow carries them
// (LetterParts.h).
struct Signature {
  markup::InlineText name, title;
  std::string imagePath;  // resolved like an image block's; "" for none
  SourcePos pos;
};
struct LetterParts {
  std::vector<std::string> recipient;  // the address block's lines
  std::string senderLine, reference, yourReference;
  markup::InlineText opening, closing;
  std::optional<Signature> signature;
  std::vector<markup::InlineText> enclosures, cc;
  bool empty() const {
    return recipient.empty() && senderLine.empty() && reference.empty() && yourReference.empty() && opening.empty() &&
           closing.empty() && !signature && enclosures.empty() && cc.empty();
  }
};

struct Document {
  std::string path;  // the content file
  std::string layout = "letterhead";
  SourcePos layoutPos;
  std::string title, author, subject, keywords;
  std::string shortTitle;  // `short-title`: the running head's form of a long title
  LetterParts letter;
  std::string language = "en";
  std::string date;                                         // ISO 8601 as written, "" if none
  std::vector<std::pair<std::string, std::string>> fields;  // in source order
  std::map<std::string, SourcePos> fieldPos;                // where each field's name is written
  Direction dir = Direction::Auto;                          // top-level `dir`
  // Fields a layout places as images (`image: "{fields.emblem}"`): name ->
  // the file, resolved against the content file (set once the layout is known).
  std::map<std::string, std::string> fieldImages;
  std::set<std::string> fieldsInText;  // NAMEs of {fields.NAME} in the body, notes and metadata
  std::map<std::string, markup::InlineText> footnotes;      // id -> text
  std::map<std::string, SourcePos> footnotePos;
  std::vector<Block> body;

  const std::string* field(const std::string& name) const;
  // `dir: rtl`, or `dir` not given and a right-to-left language.
  bool rightToLeft() const;
};

struct Options {
  // Images must lie inside the content file's directory tree (after
  // resolving '..' and symlinks) or inside one of these directories.
  std::vector<std::string> allowedDirs;
  // The content file's text, for exact positions of characters in inline
  // text (set by loadDocument).
  std::shared_ptr<const yaml::SourceText> source;
  // Hand back the document even when it has errors, so that the caller can
  // report the problems only the layout reveals (an unknown style) in the
  // same run; the caller must then not render it.
  bool keepOnError = false;
  // Threads that parse the body's inline text ahead while it is read (-j N
  // on one document; content/InlineAhead.h); the Document is the same.
  unsigned helpers = 0;
};

// Validates the YAML tree and builds the Document. Problems are diagnostics
// with positions and "did you mean" suggestions; every problem in the file
// is reported, and the result is nullopt if any was an error.
std::optional<Document> buildDocument(const yaml::Node& root, const std::string& path, Diagnostics& diags);
std::optional<Document> buildDocument(const yaml::Node& root, const std::string& path, const Options& options,
                                      Diagnostics& diags);
// load + build in one call.
std::optional<Document> loadDocument(const std::string& path, const yaml::Limits& limits, Diagnostics& diags);
std::optional<Document> loadDocument(const std::string& path, const yaml::Limits& limits,
                                     const Options& options, Diagnostics& diags);

// Parses "12pt", "3 mm", "1.5em", "10" (points): false if malformed,
// negative, or larger than 10000pt (100em).
bool parseLength(const std::string& s, Length& out);

}  // namespace folio::content
