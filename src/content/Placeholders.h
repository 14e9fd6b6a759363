#pragma once
// Placeholders in body text (content format 1.1): {title}, {date},
// {author}, {subject} and {fields.NAME} are replaced in every document;
// other text in braces stays text, and {{title}} writes {title}. Values are
// inserted as literal text after the markup is parsed, so a `*` or `[` in a
// field (or a mail-merge record) comes out as written.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/Document.h"
#include "yaml/Node.h"
#include "yaml/ScalarSource.h"

namespace folio::content {

// A placeholder as written in a scalar of the content tree.
struct Placeholder {
  std::string name;  // "fields.NAME", "title", ...
  SourcePos pos;     // of its '{'
};

// Every {fields.NAME} (and {title}, {date}, ...) in the text of `root`'s
// body, footnotes and metadata, with exact positions when `source` is known.
// {{...}} is not a placeholder.
std::vector<Placeholder> findPlaceholders(const yaml::Node& root, const std::shared_ptr<const yaml::SourceText>& source);

// Reports each {fields.NAME} whose field `known` does not hold, with a
// suggestion; `extra` explains where fields come from ("the content's
// fields" or "the data file's columns").
void checkFieldPlaceholders(const std::vector<Placeholder>& found, const std::set<std::string>& known,
                            Diagnostics& diags);

// Replaces placeholders in the document's inline text and metadata.
// `value` answers a placeholder's name, nullopt if it is none (the text
// stays). A line of a paragraph (between hard breaks) that held only
// placeholders and came out empty is removed with its break, as an empty
// address line in a mail merge.
void substitutePlaceholders(Document& doc, const std::function<std::optional<std::string>(const std::string&)>& value);

}  // namespace folio::content
