// Body items: a plain string (a paragraph) or a mapping with one block key
// and its attributes.
#include <algorithm>
#include <optional>

#include "content/DocumentBuilder.h"
#include "content/ImagePath.h"
#include "content/InlineAhead.h"
#include "content/Lengths.h"
#include "content/Markdown.h"
#include "content/Values.h"

namespace folio::content {

namespace {

struct BlockKind {
  std::string name;
  Block (*make)();                      // an empty block of the kind
  std::vector<std::string> attributes;  // besides the common ones
};

template <class Kind>
Block makeBlock() {
  return Kind{};
}

Block makeTable() {
  TableBlock t;
  t.table = std::make_shared<Table>();
  return t;
}

const std::vector<BlockKind>& blockKinds() {
  static const std::vector<BlockKind> kKinds{
      {"paragraph", makeBlock<Paragraph>, {"align"}},
      {"heading", makeBlock<Heading>, {"level", "align"}},
      {"list", makeBlock<List>, {"numbered", "start"}},
      {"quote", makeBlock<Quote>, {}},
      {"image", makeBlock<Image>, {"width", "height", "align", "alt", "page"}},
      {"rule", makeBlock<Rule>, {"thickness", "width"}},
      {"spacer", makeBlock<Spacer>, {}},
      {"page-break", makeBlock<PageBreak>, {}},
      {"markdown", makeBlock<Paragraph>, {}},  // stands for the blocks the Markdown makes
      {"table", makeTable, {"columns", "header-rows", "footer-rows", "caption", "continued"}},
  };
  return kKinds;
}

const std::vector<std::string> kCommonAttributes{"id", "style", "lang", "dir", "keep-with-next"};

const BlockKind* findKind(const std::string& name) {
  for (const BlockKind& k : blockKinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::vector<std::string> blockNames() {
  std::vector<std::string> names;
  for (const BlockKind& k : blockKinds()) names.push_back(k.name);
  return names;
}

bool isAttributeName(const std::string& name) {
  if (std::find(kCommonAttributes.begin(), kCommonAttributes.end(), name) != kCommonAttributes.end())
    return true;
  for (const BlockKind& k : blockKinds()) {
    if (std::find(k.attributes.begin(), k.attributes.end(), name) != k.attributes.end()) return true;
  }
  return false;
}

// Ids are targets of "#id" links: keep them to characters a URL fragment
// can hold without escaping (and any non-ASCII letter).
bool isBlockId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

const char* article(const std::string& kind) { return kind == "image" ? "an" : "a"; }

}  // namespace

std::vector<Block> DocumentBuilder::readBlocks(const yaml::Node& sequence) {
  std::vector<Block> blocks;
  for (const yaml::Node& item : sequence.items) readItem(item, blocks);
  return blocks;
}

std::vector<Block> DocumentBuilder::readBlocksReleasing(yaml::Node& sequence) {
  std::vector<Block> blocks;
  // -j N: helpers parse the inline text ahead (InlineAhead.h); a short body
  // is not worth a thread.
  std::optional<InlineAhead> ahead;
  if (m_options.helpers > 0) {
    std::vector<size_t> itemOf;
    std::vector<const yaml::Node*> scalars = InlineAhead::scalarsOf(sequence, itemOf);
    if (scalars.size() >= kInlineAheadFrom)
      ahead.emplace(std::move(scalars), std::move(itemOf), m_options.helpers);
  }
  m_ahead = ahead ? &*ahead : nullptr;
  struct Forget {  // also when reading throws
    InlineAhead*& ahead;
    ~Forget() { ahead = nullptr; }
  } forget{m_ahead};
  for (size_t i = 0; i < sequence.items.size(); ++i) {
    yaml::Node& item = sequence.items[i];
    readItem(item, blocks);
    if (ahead) ahead->settle(i);  // no helper reads the item now
    // Moved out, then destroyed: its strings' buffers go too (a move
    // assignment from an empty node may keep them).
    yaml::Node released = std::move(item);
  }
  std::vector<yaml::Node>().swap(sequence.items);
  return blocks;
}

markup::InlineText DocumentBuilder::parseText(const yaml::Node& scalar, const SourcePos& pos) {
  markup::InlineText text;
  if (m_ahead && m_ahead->take(scalar, pos, text, m_diags)) return text;
  return markup::parseInline(scalar.scalar, pos, m_diags);
}

void DocumentBuilder::readItem(const yaml::Node& item, std::vector<Block>& out) {
  if (item.isMapping()) {
    readBlockMapping(item, out);
    return;
  }
  if (item.isScalar() && !isBlank(item.scalar)) {
    Paragraph paragraph;
    paragraph.pos = item.pos;
    paragraph.text = parseText(item, item.pos);
    paragraph.textSource = sourceMap(item);
    out.push_back(std::move(paragraph));
    return;
  }
  if (item.isScalar()) {
    m_diags.error(item.pos, "empty paragraph; expected text");
  } else {
    m_diags.error(item.pos, std::string(item.isNull() ? "empty block" : "a block cannot be a sequence") +
                                "; expected a paragraph (a string) or a mapping such as 'heading: Title'");
  }
}

void DocumentBuilder::readBlockMapping(const yaml::Node& mapping, std::vector<Block>& out) {
  // Which entry names the block kind?
  const yaml::Node* blockKey = nullptr;
  const BlockKind* kind = nullptr;
  for (const auto& [key, value] : mapping.entries) {
    const BlockKind* k = findKind(key.scalar);
    if (!k) continue;
    if (!kind) {
      kind = k;
      blockKey = &key;
    } else {
      m_diags.error(key.pos, "two block kinds in one item, '" + kind->name + "' and '" + k->name +
                                 "'; expected one block key per item (start a new '- ' item for the second)");
    }
  }
  if (!kind) {
    bool reported = false;
    for (const auto& [key, value] : mapping.entries) {
      if (isAttributeName(key.scalar)) continue;
      reported = true;
      std::string message = "unknown block '" + key.scalar + "'";
      // "- Note: the office is closed" is a paragraph to the writer and a
      // mapping to YAML; block keys are lower-case single words.
      bool looksLikeText =
          key.scalar.find(' ') != std::string::npos || (key.scalar[0] >= 'A' && key.scalar[0] <= 'Z');
      std::string suggestion = looksLikeText ? "" : didYouMean(key.scalar, blockNames());
      if (!suggestion.empty()) {
        message += suggestion;
      } else {
        message += "; expected one of " + oneOf(blockNames());
        if (looksLikeText || (mapping.entries.size() == 1 && value.isScalar())) {
          message += " (for text containing ': ' or ending in ':', put the text in quotes)";
        }
      }
      m_diags.error(key.pos, message);
    }
    if (!reported) {
      m_diags.error(mapping.pos, "a block with attributes but no content; expected one of " +
                                     oneOf(blockNames()) + " beside '" +
                                     mapping.entries.front().first.scalar + "'");
    }
    return;
  }

  Block block = kind->make();
  block.base().pos = mapping.pos;
  bool listStart = false, numberedSet = false, valueOk = true;
  std::vector<Block> generated;
  // In source order, so diagnostics come out in the order of the file.
  for (const auto& [key, value] : mapping.entries) {
    if (&key == blockKey) {
      valueOk = readValue(kind->name, key, value, block, generated);
      continue;
    }
    if (findKind(key.scalar)) continue;  // a second block key, reported above
    if (readCommonAttribute(key.scalar, key, value, block.base())) continue;
    if (std::find(kind->attributes.begin(), kind->attributes.end(), key.scalar) != kind->attributes.end()) {
      readAttribute(kind->name, key, value, block, listStart, numberedSet);
      continue;
    }
    std::vector<std::string> allowed = kCommonAttributes;
    allowed.insert(allowed.end(), kind->attributes.begin(), kind->attributes.end());
    std::string suggestion = didYouMean(key.scalar, allowed);
    m_diags.error(key.pos, "unknown attribute '" + key.scalar + "' for " + article(kind->name) + " " +
                               kind->name +
                               (suggestion.empty() ? "; expected " + oneOf(allowed) : suggestion));
  }
  List* list = std::get_if<List>(&block);
  if (list && listStart && !numberedSet) list->numbered = true;
  if (list && listStart && numberedSet && !list->numbered) {
    m_diags.warning(mapping.pos, "'start' has no effect on a bullet list; expected 'numbered: true'");
  }
  if (auto* table = std::get_if<TableBlock>(&block); table && valueOk) finishTable(table->pos, *table->table);
  if (!valueOk) return;
  if (kind->name != "markdown") {
    out.push_back(std::move(block));
    return;
  }
  // A markdown block's attributes apply to each block it produced; its id
  // goes to the first so links land at its start.
  const BlockBase& attributes = block.base();
  for (size_t i = 0; i < generated.size(); ++i) {
    BlockBase& b = generated[i].base();
    if (i == 0) b.id = attributes.id;
    if (!attributes.style.empty()) b.style = attributes.style, b.stylePos = attributes.stylePos;
    if (!attributes.lang.empty()) b.lang = attributes.lang;
    if (attributes.dir != Direction::Auto) b.dir = attributes.dir;
    if (attributes.keepWithNext && i + 1 == generated.size()) b.keepWithNext = attributes.keepWithNext;
    out.push_back(std::move(generated[i]));
  }
}

bool DocumentBuilder::readCommonAttribute(const std::string& name, const yaml::Node& key,
                                          const yaml::Node& value, BlockBase& block) {
  if (std::find(kCommonAttributes.begin(), kCommonAttributes.end(), name) == kCommonAttributes.end())
    return false;
  SourcePos pos = valuePos(key, value);
  auto text = readScalar(value, pos, name, "a string", m_diags);
  if (!text) return true;
  if (name == "id") {
    if (isBlockId(*text)) {
      block.id = *text;
    } else {
      m_diags.error(pos, "id '" + *text + "' is not valid; expected letters, digits, '-', '_', '.' or ':'");
    }
  } else if (name == "style") {
    if (isBlank(*text)) {
      m_diags.error(pos, "'style' is empty; expected a style name from the layout");
    } else {
      block.style = *text;
      block.stylePos = pos;
    }
  } else if (name == "lang") {
    if (checkLanguage(*text, pos, "lang", m_diags)) block.lang = *text;
  } else if (name == "keep-with-next") {
    if (*text == "true" || *text == "yes") block.keepWithNext = true;
    else if (*text == "false" || *text == "no") block.keepWithNext = false;
    else m_diags.error(pos, "keep-with-next '" + *text + "' is not valid; expected true or false");
  } else if (name == "dir") {
    if (*text == "ltr") {
      block.dir = Direction::Ltr;
    } else if (*text == "rtl") {
      block.dir = Direction::Rtl;
    } else if (*text == "auto") {
      block.dir = Direction::Auto;
    } else {
      std::string lower = *text;
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      m_diags.error(pos, "dir '" + *text + "' is not valid; expected ltr, rtl or auto" +
                             didYouMean(lower, {"ltr", "rtl", "auto"}));
    }
  }
  return true;
}

void DocumentBuilder::readAttribute(const std::string& kind, const yaml::Node& key, const yaml::Node& value,
                                    Block& block, bool& listStart, bool& numberedSet) {
  const std::string& name = key.scalar;
  SourcePos pos = valuePos(key, value);
  if (auto* table = std::get_if<TableBlock>(&block)) {
    readTableAttribute(key, value, *table->table);
    return;
  }
  if (name == "width" || name == "height" || name == "thickness") {
    std::optional<Length> length = readLengthValue(key, value, name);
    if (!length) return;
    // Only the kinds that list the attribute get here (blockKinds()).
    if (auto* image = std::get_if<Image>(&block)) (name == "width" ? image->width : image->height) = *length;
    if (auto* rule = std::get_if<Rule>(&block)) (name == "width" ? rule->width : rule->thickness) = *length;
    return;
  }
  auto text = readScalar(value, pos, name, name == "alt" ? "a string" : "a single value", m_diags);
  if (!text) return;
  if (name == "alt") {
    if (auto* image = std::get_if<Image>(&block)) image->alt = *text;
  } else if (name == "align") {
    std::vector<std::string> choices{"start", "end", "left", "right", "center"};
    if (kind != "image") choices.push_back("justify");
    static const std::vector<std::pair<std::string, Align>> kAligns{
        {"start", Align::Start}, {"end", Align::End},       {"left", Align::Left},
        {"right", Align::Right}, {"center", Align::Center}, {"justify", Align::Justify}};
    for (const auto& [word, align] : kAligns) {
      if (*text == word && std::find(choices.begin(), choices.end(), word) != choices.end()) {
        block.base().align = align;
        return;
      }
    }
    m_diags.error(pos, "align '" + *text + "' is not valid for " + article(kind) + " " + kind +
                           "; expected " + oneOf(choices) + didYouMean(*text, choices));
  } else if (name == "level") {
    auto level = parseWholeNumber(*text);
    if (!level) {
      m_diags.error(pos, "heading level '" + *text + "' is not a number; expected 1, 2 or 3");
    } else if (*level < 1 || *level > 3) {
      m_diags.error(pos, "heading level " + *text + " is out of range; expected 1, 2 or 3");
    } else {
      if (auto* heading = std::get_if<Heading>(&block)) heading->level = static_cast<int>(*level);
    }
  } else if (name == "numbered") {
    if (auto b = parseBool(*text)) {
      if (auto* list = std::get_if<List>(&block)) list->numbered = *b;
      numberedSet = true;
    } else {
      m_diags.error(pos, "numbered '" + *text + "' is not true or false; expected true or false");
    }
  } else if (name == "page") {
    auto page = parseWholeNumber(*text);
    if (!page || *page < 1 || *page > 1'000'000) {
      m_diags.error(pos, "image page '" + *text + "' is not valid; expected a page number of the PDF from 1");
    } else {
      if (auto* image = std::get_if<Image>(&block)) image->page = static_cast<int>(*page);
    }
  } else if (name == "start") {
    auto start = parseWholeNumber(*text);
    if (!start || *start < 0 || *start > 999'999'999) {
      m_diags.error(pos,
                    "list start '" + *text + "' is not valid; expected a whole number from 0 to 999999999");
    } else {
      if (auto* list = std::get_if<List>(&block)) list->start = static_cast<int>(*start);
      listStart = true;
    }
  }
}

std::optional<Length> DocumentBuilder::readLengthValue(const yaml::Node& key, const yaml::Node& value,
                                                       const std::string& name) {
  SourcePos pos = valuePos(key, value);
  if (value.isNull()) {
    m_diags.error(pos, "'" + name + "' needs a length; expected a number and a unit such as 12pt or 5mm");
    return std::nullopt;
  }
  auto text = readScalar(value, pos, name, "a length", m_diags);
  if (!text) return std::nullopt;
  Length length;
  LengthError error = readLength(*text, length);
  if (error != LengthError::None) {
    m_diags.error(pos, lengthErrorMessage(error, name, *text));
    return std::nullopt;
  }
  return length;
}

markup::InlineText DocumentBuilder::readInline(const yaml::Node& key, const yaml::Node& value,
                                               const std::string& name) {
  SourcePos pos = valuePos(key, value);
  if (value.isNull() || (value.isScalar() && isBlank(value.scalar))) {
    m_diags.error(pos, "'" + name + "' is empty; expected inline text");
    return {};
  }
  if (value.isScalar()) return parseText(value, pos);
  readScalar(value, pos, name, "inline text", m_diags);  // reports the wrong type
  return {};
}

std::shared_ptr<const yaml::ScalarMap> DocumentBuilder::sourceMap(const yaml::Node& scalar) const {
  if (!m_options.source || !scalar.isScalar()) return nullptr;
  return std::make_shared<const yaml::ScalarMap>(m_options.source, scalar.offset, scalar.scalar);
}

bool DocumentBuilder::readValue(const std::string& kind, const yaml::Node& key, const yaml::Node& value,
                                Block& block, std::vector<Block>& generated) {
  SourcePos pos = valuePos(key, value);
  size_t errors = m_diags.errorCount();
  if (auto* paragraph = std::get_if<Paragraph>(&block); paragraph && kind == "paragraph") {
    paragraph->text = readInline(key, value, kind);
    paragraph->textSource = sourceMap(value);
  } else if (auto* heading = std::get_if<Heading>(&block)) {
    heading->text = readInline(key, value, kind);
    heading->textSource = sourceMap(value);
  } else if (auto* list = std::get_if<List>(&block)) {
    readList(key, value, *list);
  } else if (auto* quote = std::get_if<Quote>(&block)) {
    if (value.isSequence() && !value.items.empty()) {
      quote->children = readBlocks(value);
    } else if (value.isSequence()) {
      m_diags.error(pos, "'quote' is empty; expected inline text or a sequence of blocks");
    } else if (value.isMapping()) {
      m_diags.error(pos,
                    "wrong type for 'quote': expected inline text or a sequence of blocks, found a mapping");
    } else {
      quote->text = readInline(key, value, kind);
      quote->textSource = sourceMap(value);
    }
  } else if (auto* image = std::get_if<Image>(&block)) {
    if (value.isNull() || (value.isScalar() && isBlank(value.scalar))) {
      m_diags.error(pos, "'image' is empty; expected the path of a PNG, JPEG or PDF file");
    } else if (auto path = readScalar(value, pos, kind, "a file path", m_diags)) {
      if (auto resolved = resolveImagePath(*path, pos, m_path, m_options, m_diags))
        image->path = *resolved;
    }
  } else if (kind == "rule" || kind == "page-break") {
    if (!value.isNull() && !(value.isMapping() && value.entries.empty())) {
      m_diags.error(pos, "'" + kind + "' takes no value; expected nothing after '" + kind + ":'" +
                             (kind == "rule" ? " (set 'thickness' and 'width' beside it)" : ""));
    }
  } else if (auto* spacer = std::get_if<Spacer>(&block)) {
    if (auto length = readLengthValue(key, value, kind)) spacer->space = *length;
  } else if (auto* table = std::get_if<TableBlock>(&block)) {
    readTable(key, value, *table->table);
  } else if (kind == "markdown") {
    if (value.isNull() || (value.isScalar() && isBlank(value.scalar))) {
      m_diags.error(pos, "'markdown' is empty; expected Markdown text");
    } else if (auto text = readScalar(value, pos, kind, "a Markdown string", m_diags)) {
      std::shared_ptr<const yaml::ScalarMap> map = sourceMap(value);
      std::function<SourcePos(size_t)> position;
      if (map) position = [map](size_t offset) { return map->position(static_cast<uint32_t>(offset)); };
      generated = markdownBlocks(*text, pos, m_diags, position);
    }
  }
  return m_diags.errorCount() == errors;
}

void DocumentBuilder::readList(const yaml::Node& key, const yaml::Node& value, List& block) {
  SourcePos pos = valuePos(key, value);
  if (!value.isSequence()) {
    m_diags.error(pos, std::string("wrong type for 'list': expected a sequence of items, found ") +
                           value.kindName() + " (start each item with '- ')");
    return;
  }
  if (value.items.empty()) {
    m_diags.error(pos, "'list' is empty; expected at least one item");
    return;
  }
  for (const yaml::Node& item : value.items) {
    std::vector<Block> blocks;
    if (item.isScalar() && !isBlank(item.scalar)) {
      Paragraph paragraph;
      paragraph.pos = item.pos;
      paragraph.text = parseText(item, item.pos);
      paragraph.textSource = sourceMap(item);
      blocks.push_back(std::move(paragraph));
    } else if (item.isSequence() && !item.items.empty()) {
      blocks = readBlocks(item);
    } else if (item.isMapping()) {
      readBlockMapping(item, blocks);  // a single block, such as a nested list
    } else {
      m_diags.error(item.pos, "empty list item; expected inline text or a sequence of blocks");
      continue;
    }
    block.items.push_back(std::move(blocks));
  }
}

}  // namespace folio::content
