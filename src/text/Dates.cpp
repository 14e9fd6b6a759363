#include "text/Dates.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>

namespace folio::text {

std::string longDate(int year, int month, int day, const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  // The Gregorian calendar whatever the locale's default (ar-SA would
  // otherwise give an Islamic date for an ISO date), in UTC: no clock, no
  // machine time zone.
  icu::Locale locale = icu::Locale::forLanguageTag((language.empty() ? "en" : language) + "-u-ca-gregory", status);
  if (U_FAILURE(status)) return {};
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  if (!format) return {};
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
  icu::GregorianCalendar calendar(*utc, locale, status);
  if (U_FAILURE(status)) return {};
  calendar.clear();
  calendar.set(year, month - 1, day, 12, 0, 0);
  UDate when = calendar.getTime(status);
  if (U_FAILURE(status)) return {};
  format->setTimeZone(*utc);
  icu::UnicodeString out;
  format->format(when, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace folio::text
