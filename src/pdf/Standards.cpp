#include "pdf/Standards.h"

#include "pdf/Objects.h"

namespace folio::pdf {

namespace {

uint32_t be32(const std::string& b, size_t at) {
  if (at + 4 > b.size()) return 0;
  return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
         (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
}

// The text of a 'desc' tag: ICC v2 textDescriptionType (ASCII) or v4
// multiLocalizedUnicodeType (first record, UTF-16BE; ASCII kept).
std::string descriptionText(const std::string& b, size_t at, size_t size) {
  if (size < 12 || at + size > b.size()) return {};
  std::string type = b.substr(at, 4), out;
  if (type == "desc") {
    uint32_t n = be32(b, at + 8);
    for (size_t i = 0; i < n && at + 12 + i < at + size && b[at + 12 + i] != '\0'; ++i) out += b[at + 12 + i];
  } else if (type == "mluc" && size >= 28) {
    uint32_t len = be32(b, at + 20), off = be32(b, at + 24);
    for (size_t i = 0; i + 1 < len && at + off + i + 1 < at + size; i += 2)
      if (b[at + off + i] == '\0' && b[at + off + i + 1] >= 0x20) out += b[at + off + i + 1];
  }
  return out;
}

}  // namespace

IccInfo readIccInfo(const std::string& b) {
  IccInfo info;
  if (b.size() < 132 || b.compare(36, 4, "acsp") != 0 || be32(b, 0) != b.size()) return info;
  std::string space = b.substr(16, 4);
  info.components = space == "RGB " ? 3 : space == "CMYK" ? 4 : 0;
  info.deviceClass = b.substr(12, 4);
  uint32_t tags = be32(b, 128);
  for (uint32_t i = 0; i < tags && 132 + 12 * (i + 1) <= b.size(); ++i) {
    if (b.compare(132 + 12 * i, 4, "desc") == 0)
      info.description = descriptionText(b, be32(b, 136 + 12 * i), be32(b, 140 + 12 * i));
  }
  return info;
}

std::string standardXmp(PdfStandard standard, const std::string& documentId) {
  switch (standard) {
    case PdfStandard::PdfX4:
      // ISO 15930-7: the version in pdfxid, the trapping state, and the
      // document/version identification of XMP Media Management.
      return "<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\" "
             "xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
             "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n"
             "<pdf:Trapped>False</pdf:Trapped>\n"
             "<xmpMM:DocumentID>" +
             documentId +
             "</xmpMM:DocumentID>\n"
             "<xmpMM:VersionID>1</xmpMM:VersionID>\n"
             "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
             "</rdf:Description>\n";
    case PdfStandard::PdfA2b:
      return "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
             "<pdfaid:part>2</pdfaid:part>\n"
             "<pdfaid:conformance>B</pdfaid:conformance>\n"
             "</rdf:Description>\n";
    case PdfStandard::None:
      break;
  }
  return {};
}

std::string uaXmp(PdfStandard base) {
  std::string xmp =
      "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      "<pdfuaid:part>1</pdfuaid:part>\n"
      "</rdf:Description>\n";
  if (base != PdfStandard::PdfA2b) return xmp;
  // ISO 19005-2, 6.6.2.3.2: properties outside the predefined schemas are
  // described by a pdfaExtension schema in the same packet.
  return xmp +
         "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
         "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
         "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
         "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>part</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
         "</rdf:Description>\n";
}

void writeStandardParts(Document& doc, PdfStandard standard, ColorSpaces& colors, const std::string& srgb,
                        const std::string& cmyk) {
  if (standard == PdfStandard::None) return;
  const bool x4 = standard == PdfStandard::PdfX4;
  const std::string& profile = x4 ? cmyk : srgb;
  IccInfo icc = readIccInfo(profile);

  Dictionary intent;
  intent.add("Type", Name("OutputIntent"));
  intent.add("S", Name(x4 ? "GTS_PDFX" : "GTS_PDFA1"));
  if (x4) {
    // The CMYK profile is not a registered characterisation (see
    // docs/standards.md), so the condition is "Custom" and the embedded
    // profile defines it, as ISO 15930-7 allows.
    intent.add("OutputConditionIdentifier", textString("Custom"));
    intent.add("OutputCondition", textString(icc.description));
  } else {
    intent.add("OutputConditionIdentifier", textString("sRGB IEC61966-2.1"));
    intent.add("OutputCondition", textString("sRGB IEC61966-2.1"));
  }
  intent.add("RegistryName", textString("http://www.color.org"));
  intent.add("Info", textString(icc.description.empty() ? "ICC profile" : icc.description));
  intent.add("DestOutputProfile", colors.profileStream(x4 ? 4 : 3));
  Array intents;
  intents.push_back(intent);
  doc.catalog().add("OutputIntents", intents);

  if (x4) {
    Dictionary& info = doc.info();
    info.add("GTS_PDFXVersion", textString("PDF/X-4"));
    info.add("Trapped", Name("False"));
  }
}

}  // namespace folio::pdf
