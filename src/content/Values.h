#pragma once
// Small readers for scalar values (strings, booleans, numbers, dates,
// language tags) that report mistakes in the shared wording:
// "wrong type for 'title': expected a string, found a sequence".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Diagnostics.h"
#include "yaml/Node.h"

namespace folio::content {

// Where to point for a value: its own position, or its key's when the value
// is empty (an empty value has no text of its own to point at).
SourcePos valuePos(const yaml::Node& key, const yaml::Node& value);

// "a, b, c or d".
std::string oneOf(const std::vector<std::string>& choices);
// "; did you mean 'x'?" or "".
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

// The scalar's text; otherwise reports "wrong type for 'NAME': expected
// EXPECTED, found KIND" at `pos`.
std::optional<std::string> readScalar(const yaml::Node& value, const SourcePos& pos, const std::string& name,
                                      const char* expected, Diagnostics& diags);

std::optional<bool> parseBool(std::string_view s);
std::optional<long long> parseWholeNumber(std::string_view s);
// YYYY-MM-DD with a real calendar day, optionally followed by a time
// ("T" or a space, HH:MM[:SS[.fraction]], and an optional Z or +HH:MM).
bool isIsoDate(std::string_view s);
// Reports a language tag that is not plausible BCP 47; true if it is fine.
bool checkLanguage(const std::string& tag, const SourcePos& pos, const std::string& name, Diagnostics& diags);

}  // namespace folio::content
