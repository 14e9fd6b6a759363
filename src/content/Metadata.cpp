// The top level of a content file: metadata, fields, footnotes and body.
#include <algorithm>

#include "content/DocumentBuilder.h"
#include "content/Values.h"

namespace folio::content {

namespace {

const std::vector<std::string> kTopLevelKeys{
    "layout",    "title",   "author",  "subject",     "keywords",  "language",       "date",
    "fields",    "footnotes", "body",  "short-title", "recipient", "sender-line",    "reference",
    "your-reference", "opening", "closing", "signature", "enclosures", "cc", "dir"};

bool isFieldName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// What `[^id]` can refer to: no spaces, brackets or backslashes.
bool isFootnoteId(const std::string& id) {
  return !id.empty() && std::none_of(id.begin(), id.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == ']' || c == '\\';
  });
}

}  // namespace

DocumentBuilder::DocumentBuilder(const std::string& path, const Options& options, Diagnostics& diags)
    : m_path(path), m_options(options), m_diags(diags) {}

void DocumentBuilder::readDocumentReleasing(yaml::Node& root, Document& doc) {
  m_releasable = &root;
  readDocument(root, doc);
  m_releasable = nullptr;
}

void DocumentBuilder::readDocument(const yaml::Node& root, Document& doc) {
  if (root.isNull()) {
    // Line 1: the place an editor opens, and every message has a line.
    m_diags.error(SourcePos{root.pos.file.empty() ? m_path : root.pos.file, 1, 1},
                  "empty file; expected a YAML mapping with a 'body' key");
    return;
  }
  if (!root.isMapping()) {
    m_diags.error(root.pos, std::string("the file holds ") + root.kindName() +
                                "; expected a YAML mapping with a 'body' key");
    return;
  }
  bool haveBody = false;
  for (const auto& [key, value] : root.entries) {
    const std::string& name = key.scalar;
    if (name == "layout") {
      readMetadataString(key, value, doc.layout);
      if (doc.layout.empty()) doc.layout = "letterhead";
      doc.layoutPos = valuePos(key, value);
    } else if (name == "title") {
      readMetadataString(key, value, doc.title);
    } else if (name == "author") {
      readMetadataString(key, value, doc.author);
    } else if (name == "subject") {
      readMetadataString(key, value, doc.subject);
    } else if (name == "keywords") {
      readKeywords(key, value, doc);
    } else if (name == "language") {
      std::string language;
      readMetadataString(key, value, language);
      if (!language.empty() && checkLanguage(language, valuePos(key, value), "language", m_diags)) {
        doc.language = language;
      }
    } else if (name == "date") {
      readMetadataString(key, value, doc.date);
      if (!doc.date.empty() && !isIsoDate(doc.date)) {
        m_diags.error(valuePos(key, value),
                      "date '" + doc.date +
                          "' is not a valid ISO 8601 date; expected YYYY-MM-DD, optionally "
                          "with a time (e.g. 2026-03-02 or 2026-03-02T14:30)");
      }
    } else if (name == "dir") {
      std::string dir;
      readMetadataString(key, value, dir);
      if (dir == "rtl") doc.dir = Direction::Rtl;
      else if (dir == "ltr") doc.dir = Direction::Ltr;
      else if (!dir.empty() && dir != "auto")
        m_diags.error(valuePos(key, value), "dir '" + dir + "' is not valid; expected ltr, rtl or auto (the language decides)");
    } else if (name == "fields") {
      readFields(key, value, doc);
    } else if (name == "footnotes") {
      readFootnotes(key, value, doc);
    } else if (name == "body") {
      haveBody = true;
      readBody(key, value, doc);
    } else if (name == "short-title") {
      readMetadataString(key, value, doc.shortTitle);
    } else if (readLetterPart(key, value, doc)) {
    } else {
      std::string suggestion = didYouMean(name, kTopLevelKeys);
      m_diags.error(key.pos,
                    "unknown key '" + name + "'" +
                        (suggestion.empty() ? "; expected one of " + oneOf(kTopLevelKeys) : suggestion));
    }
  }
  if (!haveBody) {
    m_diags.error(root.pos, "missing 'body'; expected a key 'body' holding a sequence of blocks");
  }
}

// Metadata strings: null means absent (templating tools write `subject: ~`).
void DocumentBuilder::readMetadataString(const yaml::Node& key, const yaml::Node& value, std::string& out) {
  if (value.isNull()) return;
  if (auto s = readScalar(value, valuePos(key, value), key.scalar, "a string", m_diags)) out = *s;
}

void DocumentBuilder::readKeywords(const yaml::Node& key, const yaml::Node& value, Document& doc) {
  if (!value.isSequence()) {
    readMetadataString(key, value, doc.keywords);
    return;
  }
  // A sequence of keywords is joined the way PDF readers show them.
  for (const yaml::Node& item : value.items) {
    if (auto s = readScalar(item, item.pos, "keywords", "a string", m_diags)) {
      if (!doc.keywords.empty()) doc.keywords += ", ";
      doc.keywords += *s;
    }
  }
}

void DocumentBuilder::readFields(const yaml::Node& key, const yaml::Node& value, Document& doc) {
  if (value.isNull()) return;
  if (!value.isMapping()) {
    m_diags.error(valuePos(key, value), std::string("wrong type for 'fields': expected a mapping of names to "
                                                    "strings, found ") +
                                            value.kindName());
    return;
  }
  for (const auto& [fieldKey, fieldValue] : value.entries) {
    const std::string& name = fieldKey.scalar;
    if (!isFieldName(name)) {
      m_diags.error(fieldKey.pos, "field name '" + name +
                                      "' cannot be used in templates; expected letters, digits, '-' and '_'");
      continue;
    }
    doc.fieldPos[name] = fieldKey.pos;
    if (fieldValue.isNull()) continue;  // a missing field leaves its line out
    if (auto s =
            readScalar(fieldValue, valuePos(fieldKey, fieldValue), "fields." + name, "a string", m_diags)) {
      doc.fields.emplace_back(name, *s);
    }
  }
}

void DocumentBuilder::readFootnotes(const yaml::Node& key, const yaml::Node& value, Document& doc) {
  if (value.isNull()) return;
  if (!value.isMapping()) {
    m_diags.error(valuePos(key, value),
                  std::string("wrong type for 'footnotes': expected a mapping of ids to "
                              "note text, found ") +
                      value.kindName());
    return;
  }
  for (const auto& [noteKey, noteValue] : value.entries) {
    const std::string& id = noteKey.scalar;
    if (!isFootnoteId(id)) {
      m_diags.error(noteKey.pos,
                    "footnote id '" + id +
                        "' cannot be referenced as [^id]; expected no spaces, brackets or backslashes");
      continue;
    }
    SourcePos pos = valuePos(noteKey, noteValue);
    if (noteValue.isNull() ||
        (noteValue.isScalar() && noteValue.scalar.find_first_not_of(" \t\r\n") == std::string::npos)) {
      m_diags.error(pos, "footnote '" + id + "' is empty; expected its text");
      continue;
    }
    auto text = readScalar(noteValue, pos, "footnotes." + id, "inline text", m_diags);
    if (!text) continue;
    markup::InlineOptions options;
    options.footnotes = false;  // a note cannot have notes
    doc.footnotes[id] = markup::parseInline(*text, pos, m_diags, options);
    doc.footnotePos[id] = pos;
  }
}

void DocumentBuilder::readBody(const yaml::Node& key, const yaml::Node& value, Document& doc) {
  SourcePos pos = valuePos(key, value);
  if (value.isNull() || (value.isSequence() && value.items.empty())) {
    m_diags.error(pos, "'body' is empty; expected at least one block");
    return;
  }
  if (!value.isSequence()) {
    m_diags.error(pos, std::string("wrong type for 'body': expected a sequence of blocks, found ") +
                           value.kindName() + " (start each block with '- ')");
    return;
  }
  // The body of a tree handed over by readDocumentReleasing is released as
  // it is read (found by address: the same node, reached without a cast).
  if (m_releasable) {
    for (auto& entry : m_releasable->entries) {
      if (&entry.second == &value) {
        doc.body = readBlocksReleasing(entry.second);
        return;
      }
    }
  }
  doc.body = readBlocks(value);
}

}  // namespace folio::content
