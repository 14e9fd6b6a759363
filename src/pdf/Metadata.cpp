#include "pdf/Metadata.h"

#include <cctype>

#include "pdf/Objects.h"
#include "pdf/Syntax.h"

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0"
#endif

namespace folio::pdf {

using namespace PoDoFo;

namespace {

// A PDF date split into fields; `fields` says how many of year, month, day,
// hour, minute, second were given (1..6).
struct Date {
  int v[6] = {0, 1, 1, 0, 0, 0};
  int fields = 0;
  std::string zone;  // "", "Z", "+01:00"
};

std::optional<Date> parseDate(const std::string& s) {
  size_t i = s.rfind("D:", 0) == 0 ? 2 : 0;
  auto digits = [&](size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(s[i + k]))) return false;
      v = v * 10 + (s[i + k] - '0');
    }
    out = v;
    i += n;
    return true;
  };
  Date d;
  static const int kMin[6] = {0, 1, 1, 0, 0, 0}, kMax[6] = {9999, 12, 31, 23, 59, 59};
  for (int f = 0; f < 6; ++f) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) break;
    if (!digits(f == 0 ? 4 : 2, d.v[f]) || d.v[f] < kMin[f] || d.v[f] > kMax[f]) return std::nullopt;
    d.fields = f + 1;
  }
  if (d.fields == 0) return std::nullopt;
  if (i < s.size()) {
    char o = s[i++];
    if (o == 'Z') {
      d.zone = "Z";
      if (i < s.size() && s.compare(i, std::string::npos, "00'00'") != 0 && s.compare(i, std::string::npos, "00'00") != 0)
        return std::nullopt;
      i = s.size();
    } else if (o == '+' || o == '-') {
      int hh = 0, mm = 0;
      if (!digits(2, hh) || hh > 23) return std::nullopt;
      if (i < s.size() && s[i] == '\'') ++i;
      if (i < s.size() && (!digits(2, mm) || mm > 59)) return std::nullopt;
      if (i < s.size() && s[i] == '\'') ++i;
      d.zone = std::string(1, o) + (hh < 10 ? "0" : "") + std::to_string(hh) + ":" + (mm < 10 ? "0" : "") +
               std::to_string(mm);
    } else {
      return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
  }
  return d;
}

std::string two(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? std::string("0").append(s) : s;
}

std::string four(int v) {
  std::string s = std::to_string(v);
  return std::string(4 - std::min<size_t>(4, s.size()), '0') + s;
}

// The PDF form with every field written: "D:20240101120000Z", "D:20240101120000+01'00'".
std::string pdfDate(const Date& d) {
  std::string s = "D:" + four(d.v[0]);
  for (int f = 1; f < 6; ++f) s += two(d.v[f]);
  if (d.zone == "Z") s += "Z";
  else if (!d.zone.empty()) s += d.zone.substr(0, 3) + "'" + d.zone.substr(4, 2) + "'";
  return s;
}

std::string isoDate(const Date& d) {
  std::string s = four(d.v[0]);
  if (d.fields >= 2) s.append("-").append(two(d.v[1]));
  if (d.fields >= 3) s.append("-").append(two(d.v[2]));
  if (d.fields >= 4) {
    // XMP needs hours and minutes together, and a zone only with a time.
    s.append("T").append(two(d.v[3])).append(":").append(two(d.v[4]));
    if (d.fields >= 6) s.append(":").append(two(d.v[5]));
    s += d.zone;
  }
  return s;
}

std::string xmpPacket(const frame::Metadata& m, const std::optional<std::string>& date) {
  auto alt = [](const std::string& tag, const std::string& v) {
    return "<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(v) + "</rdf:li></rdf:Alt></" + tag +
           ">\n";
  };
  auto simple = [](const std::string& tag, const std::string& v) {
    return "<" + tag + ">" + xmlEscape(v) + "</" + tag + ">\n";
  };
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "<dc:format>application/pdf</dc:format>\n";
  if (!m.title.empty()) x += alt("dc:title", m.title);
  if (!m.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xmlEscape(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!m.subject.empty()) x += alt("dc:description", m.subject);
  if (!m.language.empty())
    x += "<dc:language><rdf:Bag><rdf:li>" + xmlEscape(m.language) + "</rdf:li></rdf:Bag></dc:language>\n";
  if (!m.keywords.empty()) x += simple("pdf:Keywords", m.keywords);
  x += simple("pdf:Producer", producer());
  if (!m.creator.empty()) x += simple("xmp:CreatorTool", m.creator);
  if (date) {
    x += simple("xmp:CreateDate", *date);
    x += simple("xmp:ModifyDate", *date);
    x += simple("xmp:MetadataDate", *date);
  }
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

}  // namespace

std::optional<std::string> xmpDate(const std::string& date) {
  std::optional<Date> d = parseDate(date);
  if (!d) return std::nullopt;
  return isoDate(*d);
}

std::string producer() { return std::string("Folio ") + FOLIO_VERSION + " (PoDoFo 0.9.8)"; }

void writeMetadata(PdfMemDocument& doc, const frame::Metadata& meta, Diagnostics& diags) {
  std::optional<Date> date;
  if (!meta.date.empty()) {
    date = parseDate(meta.date);
    if (!date)
      diags.warning({}, "document date '" + meta.date +
                            "' is not written; expected a PDF date such as D:20240131120000Z");
  }

  // Info: cleared first, since PoDoFo seeds it with its own Producer and the
  // current time as CreationDate.
  PdfDictionary& info = doc.GetInfo()->GetObject()->GetDictionary();
  info.Clear();
  auto text = [&info](const char* key, const std::string& v) {
    if (!v.empty()) info.AddKey(key, textString(v));
  };
  text("Title", meta.title);
  text("Author", meta.author);
  text("Subject", meta.subject);
  text("Keywords", meta.keywords);
  text("Creator", meta.creator);
  text("Producer", producer());
  if (date) {
    info.AddKey("CreationDate", PdfString(pdfDate(*date)));
    info.AddKey("ModDate", PdfString(pdfDate(*date)));
  }

  // XMP, unfiltered so that tools scanning for the packet find it.
  std::optional<std::string> iso;
  if (date) iso = isoDate(*date);
  PdfObject* xmp = doc.GetObjects().CreateObject("Metadata");
  xmp->GetDictionary().AddKey("Subtype", PdfName("XML"));
  setRawStream(xmp, xmpPacket(meta, iso));

  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("Metadata", xmp->Reference());
  if (!meta.language.empty()) catalog.AddKey("Lang", textString(meta.language));
  if (!meta.title.empty()) {
    PdfDictionary prefs;
    prefs.AddKey("DisplayDocTitle", PdfVariant(true));
    catalog.AddKey("ViewerPreferences", prefs);
  }
}

}  // namespace folio::pdf
