#pragma once
// The validated content of one document: metadata and a tree of blocks whose
// inline text is already parsed.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/Diagnostics.h"
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

struct Block {
  enum class Kind : uint8_t { Paragraph, Heading, List, Quote, Image, Rule, Spacer, PageBreak, Table };
  Kind kind = Kind::Paragraph;
  SourcePos pos;
  std::string id, style, lang;
  SourcePos stylePos;  // where `style` is written (for "unknown style" once the layout is known)
  Direction dir = Direction::Auto;
  Align align = Align::Default;

  markup::InlineText text;  // Paragraph, Heading, Quote (inline form)
  // Where each byte of the text's source was written (see sourceOffset of
  // the inline runs); null when unknown.
  std::shared_ptr<const yaml::ScalarMap> textSource;
  int level = 1;            // Heading

  // List: each item is a sequence of blocks (an inline item becomes one Paragraph).
  std::vector<std::vector<Block>> items;
  bool numbered = false;
  int start = 1;

  std::vector<Block> children;  // Quote with blocks

  std::string imagePath;                // Image: the content file's dir joined with the path as written
  std::optional<Length> width, height;  // Image, Rule (width)
  std::string alt;
  int page = 1;  // Image: the page placed when the file is a PDF
  std::optional<Length> thickness;  // Rule
  Length space;                     // Spacer
  std::shared_ptr<Table> table;     // Table
};

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
  std::map<std::string, markup::InlineText> footnotes;      // id -> text
  std::map<std::string, SourcePos> footnotePos;
  std::vector<Block> body;

  const std::string* field(const std::string& name) const;
};

struct Options {
  // Images must lie inside the content file's directory tree (after
  // resolving '..' and symlinks) or inside one of these directories.
  std::vector<std::string> allowedDirs;
  // The content file's text, for exact positions of characters in inline
  // text (set by loadDocument).
  std::shared_ptr<const yaml::SourceText> source;
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
