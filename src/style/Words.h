#pragma once
// Template words per language ("Page 1 of 3", "Telephone", "Our reference"),
// from a small table shipped with Folio (en, fr, es, ru, ar, zh, de, az and
// a few more); a layout's `words:` overrides them. Templates write them as
// {words.NAME}.
#include <string>
#include <vector>

namespace folio::style {

struct Layout;

// The names a template may use: page, page-of, telephone, fax, email, web,
// our-reference, your-reference, date, number (a note verbale's "No."), enclosures, copy-to.
const std::vector<std::string>& templateWordNames();

// The word `name` for `language` (a BCP 47 tag; "ar-EG" falls back to "ar",
// an unknown language to English), the layout's own words first.
std::string templateWord(const Layout& layout, const std::string& language, const std::string& name);

}  // namespace folio::style
