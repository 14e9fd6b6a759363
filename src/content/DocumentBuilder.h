#pragma once
// Reads a content YAML tree into a Document, reporting every problem it
// finds and carrying on, so one run shows all the mistakes in a file.
#include <string>
#include <vector>

#include "content/Document.h"
#include "yaml/ScalarSource.h"

namespace folio::content {

class InlineAhead;

class DocumentBuilder {
 public:
  DocumentBuilder(const std::string& path, const Options& options, Diagnostics& diags);

  // Metadata.cpp: the top-level mapping.
  void readDocument(const yaml::Node& root, Document& doc);
  // The same, for a tree the caller owns and gives up: each top-level body
  // item's subtree is released as soon as it is read, so a long document
  // never holds its whole YAML tree and its whole Document at once (at
  // 10,000 pages these were ~70 MB and ~145 MB). `root` is left hollowed.
  void readDocumentReleasing(yaml::Node& root, Document& doc);

  // Blocks.cpp: a sequence of body items.
  std::vector<Block> readBlocks(const yaml::Node& sequence);
  // The same, releasing each item's subtree once read.
  std::vector<Block> readBlocksReleasing(yaml::Node& sequence);

 private:
  // Metadata.cpp
  void readMetadataString(const yaml::Node& key, const yaml::Node& value, std::string& out);
  void readKeywords(const yaml::Node& key, const yaml::Node& value, Document& doc);
  void readFields(const yaml::Node& key, const yaml::Node& value, Document& doc);
  void readFootnotes(const yaml::Node& key, const yaml::Node& value, Document& doc);
  void readBody(const yaml::Node& key, const yaml::Node& value, Document& doc);
  // LetterParts.cpp: `recipient`, `opening`, `signature` ...; false if `key` is none of them.
  bool readLetterPart(const yaml::Node& key, const yaml::Node& value, Document& doc);
  std::vector<markup::InlineText> readInlineList(const yaml::Node& key, const yaml::Node& value);

  // Blocks.cpp
  void readItem(const yaml::Node& item, std::vector<Block>& out);
  void readBlockMapping(const yaml::Node& mapping, std::vector<Block>& out);
  bool readCommonAttribute(const std::string& name, const yaml::Node& key, const yaml::Node& value,
                           BlockBase& block);
  void readAttribute(const std::string& kind, const yaml::Node& key, const yaml::Node& value, Block& block,
                     bool& listStart, bool& numberedSet);
  bool readValue(const std::string& kind, const yaml::Node& key, const yaml::Node& value, Block& block,
                 std::vector<Block>& generated);
  markup::InlineText readInline(const yaml::Node& key, const yaml::Node& value, const std::string& name);
  // parseInline(scalar.scalar, pos), or its result from m_ahead.
  markup::InlineText parseText(const yaml::Node& scalar, const SourcePos& pos);
  // Where each character of an inline scalar was written (null when the
  // file text is not known, as for a mail-merge record).
  std::shared_ptr<const yaml::ScalarMap> sourceMap(const yaml::Node& scalar) const;
  void readList(const yaml::Node& key, const yaml::Node& value, List& block);
  // TableReader.cpp
  void readTable(const yaml::Node& key, const yaml::Node& value, Table& table);
  void readTableAttribute(const yaml::Node& key, const yaml::Node& value, Table& table);
  void readTableColumns(const yaml::Node& key, const yaml::Node& value, Table& table);
  TableCell readTableCell(const yaml::Node& node);
  void finishTable(const SourcePos& pos, Table& table);
  std::optional<Length> readLengthValue(const yaml::Node& key, const yaml::Node& value,
                                        const std::string& name);

  // Inline text parsed ahead by helpers while the body is read (-j N), or null.
  static constexpr size_t kInlineAheadFrom = 64;
  InlineAhead* m_ahead = nullptr;
  // The tree given to readDocumentReleasing, while it is read; else null.
  yaml::Node* m_releasable = nullptr;
  std::string m_path;
  const Options& m_options;
  Diagnostics& m_diags;
};

}  // namespace folio::content
