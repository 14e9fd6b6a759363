#pragma once
// Mail merge: records from a CSV file (with a header row) or a YAML list of
// mappings, each rendered as its own document with the record's values
// available as {fields.NAME} in the content and the layout.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/Diagnostics.h"
#include "yaml/Node.h"

namespace folio::cli {

struct Record {
  size_t number = 0;  // 1-based record number
  SourcePos pos;      // where it starts in the data file (CSV: its line)
  std::vector<std::pair<std::string, std::string>> values;
  const std::string* value(const std::string& name) const;
};

// Reads FILE.csv or FILE.yaml/.yml. Errors (unbalanced quotes, a row with
// the wrong number of cells, not a list of mappings) are diagnostics.
bool loadRecords(const std::string& path, const yaml::Limits& limits, std::vector<Record>& out, Diagnostics& diags);

// The NAMEs of every {fields.NAME} placeholder in the tree's scalars.
void collectFieldNames(const yaml::Node& node, std::set<std::string>& names);
void collectFieldNames(const std::string& text, std::set<std::string>& names);

// Merges the record into the document's `fields` mapping (for the layout
// and the text's placeholders, which insert the values as literal text).
// The fields in `markup` are CommonMark: their {fields.NAME} are replaced in
// the scalars before the markup is read.
void applyRecord(yaml::Node& root, const Record& record, const std::set<std::string>& markup = {});

// Expands {fields.NAME} in an output pattern; false if a name has no value.
bool expandPattern(const std::string& pattern, const Record& record, std::string& out);

}  // namespace folio::cli
