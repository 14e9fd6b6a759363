#include "pdf/Metadata.h"

#include "pdf/Dates.h"
#include "pdf/Objects.h"
#include "pdf/Syntax.h"

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0"
#endif

namespace folio::pdf {

namespace {

std::string xmpPacket(const frame::Metadata& m, const std::optional<std::string>& date,
                      const std::string& extra) {
  auto alt = [](const std::string& tag, const std::string& v) {
    return "<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(v) + "</rdf:li></rdf:Alt></" +
           tag + ">\n";
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
  x += "</rdf:Description>\n" + extra + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

}  // namespace

// Folio alone: since the writer's own object model replaced PoDoFo's
// (Object.h), PoDoFo writes nothing of a Folio file but the objects copied
// from a placed PDF page, so naming it here would misinform a reader.
std::string producer() { return std::string("Folio ") + FOLIO_VERSION; }

void writeMetadata(Document& doc, const frame::Metadata& meta, Diagnostics& diags,
                   const std::string& xmpExtra) {
  std::optional<DocumentDate> date;
  if (!meta.date.empty()) {
    date = parseDate(meta.date);
    if (!date)
      diags.warning({}, "document date '" + meta.date +
                            "' is not written; expected a PDF date such as D:20240131120000Z");
  }

  // Info: only what the content gives (never the clock).
  Dictionary& info = doc.info();
  info = Dictionary();
  auto text = [&info](const char* key, const std::string& v) {
    if (!v.empty()) info.add(key, textString(v));
  };
  text("Title", meta.title);
  text("Author", meta.author);
  text("Subject", meta.subject);
  text("Keywords", meta.keywords);
  text("Creator", meta.creator);
  text("Producer", producer());
  if (date) {
    info.add("CreationDate", String(date->pdf()));
    info.add("ModDate", String(date->pdf()));
  }

  // XMP, unfiltered so that tools scanning for the packet find it.
  std::optional<std::string> iso;
  if (date) iso = date->iso();
  DocObject* xmp = doc.create("Metadata");
  xmp->dict().add("Subtype", Name("XML"));
  setRawStream(xmp, xmpPacket(meta, iso, xmpExtra));

  Dictionary& catalog = doc.catalog();
  catalog.add("Metadata", xmp->ref);
  if (!meta.language.empty()) catalog.add("Lang", textString(meta.language));
  if (!meta.title.empty()) {
    Dictionary prefs;
    prefs.add("DisplayDocTitle", Object(true));
    catalog.add("ViewerPreferences", prefs);
  }
}

}  // namespace folio::pdf
