#pragma once
// The document date, parsed from the PDF form the user gives and written in
// the two forms the file needs. By hand and from the given string only:
// PoDoFo's PdfDate reads the clock and the local time zone.
#include <optional>
#include <string>

namespace folio::pdf {

struct DocumentDate {
  int v[6] = {0, 1, 1, 0, 0, 0};  // year, month, day, hour, minute, second
  int fields = 0;                 // how many of them were given (1..6)
  std::string zone;               // "", "Z", "+01:00"

  // Every field written: "D:20240131120000Z", "D:20240131120000+01'00'".
  std::string pdf() const;
  // ISO 8601 for XMP, as precise as given: "2024-01-31T12:00:00Z", "2024-01".
  std::string iso() const;
};

// "D:YYYY[MM[DD[HH[mm[SS]]]]][Z|+HH'mm'|-HH'mm']" (the "D:" is optional);
// nullopt when it is not a valid date.
std::optional<DocumentDate> parseDate(const std::string& s);

}  // namespace folio::pdf
