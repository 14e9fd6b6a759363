#include "content/Lengths.h"

#include "base/Length.h"

namespace folio::content {

// The syntax is base/Length's (shared with layouts); content adds its range.
LengthError readLength(std::string_view s, Length& out) {
  ParsedLength parsed;
  if (!folio::parseLength(s, parsed)) return LengthError::Malformed;
  if (parsed.value < 0) return LengthError::Negative;
  if (parsed.value > (parsed.em ? kMaxLengthEm : kMaxLengthPt)) return LengthError::TooLarge;
  out.value = parsed.value;
  out.em = parsed.em;
  return LengthError::None;
}

std::string lengthErrorMessage(LengthError error, const std::string& attribute, const std::string& written) {
  std::string head = attribute + " '" + written + "'";
  switch (error) {
    case LengthError::None:
      return "";
    case LengthError::Malformed:
      return head +
             " is not a length; expected a number and a unit: pt, mm, cm, in, pc or em (e.g. 12pt or 5mm)";
    case LengthError::Negative:
      return head + " is negative; expected a length of 0 or more";
    case LengthError::TooLarge:
      return head + " is too large; expected at most 10000pt (or 100em)";
  }
  return head;
}

bool parseLength(const std::string& s, Length& out) { return readLength(s, out) == LengthError::None; }

}  // namespace folio::content
