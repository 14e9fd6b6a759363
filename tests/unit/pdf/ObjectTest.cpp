// pdf::Object's serialiser: exact bytes, and the same bytes as PoDoFo 0.9.8's
// compact mode, which wrote every Folio PDF before (Object.h). PoDoFo is
// linked into this test only, as the reference.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

#include "pdf/Document.h"
#include "pdf/Object.h"
#include "pdf/ObjectWriter.h"
#include "pdf/Objects.h"
#include "pdf/Syntax.h"

namespace folio::pdf {
namespace {

std::string bytes(const Object& o) {
  std::string out;
  o.write(out);
  return out;
}

std::string podofo(const PoDoFo::PdfVariant& v) {
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  v.Write(&device, PoDoFo::ePdfWriteMode_Compact, nullptr);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

TEST(Object, ScalarsExactly) {
  EXPECT_EQ(bytes(Object()), " null");
  EXPECT_EQ(bytes(Object(true)), " true");
  EXPECT_EQ(bytes(Object(false)), " false");
  EXPECT_EQ(bytes(integer(0)), " 0");
  EXPECT_EQ(bytes(integer(-42)), " -42");
  EXPECT_EQ(bytes(integer(std::numeric_limits<int64_t>::max())), " 9223372036854775807");
  EXPECT_EQ(bytes(integer(std::numeric_limits<int64_t>::min())), " -9223372036854775808");
  EXPECT_EQ(bytes(Object(Ref(12))), " 12 0 R");
  EXPECT_EQ(bytes(Object(Ref(7, 3))), " 7 3 R");
}

TEST(Object, RealsExactly) {
  EXPECT_EQ(bytes(Real{0.1}), " 0.1");
  EXPECT_EQ(bytes(Real{-0.0005}), " -0.0005");
  EXPECT_EQ(bytes(Real{1e6}), " 1000000");
  EXPECT_EQ(bytes(Real{0}), " 0");
  EXPECT_EQ(bytes(Real{1.0 / 3}), " 0.333333");
  // Folio's own lengths: integers when whole at 4 decimals, else up to 4 places.
  EXPECT_EQ(bytes(number(0.1)), " 0.1");
  EXPECT_EQ(bytes(number(-0.0005)), " -0.0005");
  EXPECT_EQ(bytes(number(1e6)), " 1000000");
  EXPECT_EQ(bytes(number(595.27559)), " 595.2756");
  EXPECT_EQ(bytes(number(-0.00004)), " 0");
  EXPECT_EQ(bytes(number(12.00001)), " 12");
}

TEST(Object, NamesEscapedExactly) {
  EXPECT_EQ(bytes(Name("Type")), "/Type");
  EXPECT_EQ(bytes(Name("A B#")), "/A#20B#23");
  EXPECT_EQ(bytes(Name("Spot (red)/100%")), "/Spot#20#28red#29#2F100#25");
  EXPECT_EQ(bytes(Name("ABCDEF+Noto-Sans_1")), "/ABCDEF+Noto-Sans_1");
  EXPECT_EQ(bytes(Name("a{b}~")), "/a#7Bb#7D#7E");
  EXPECT_EQ(bytes(Name("Gr\xC3\xBC"
                       "n")),
            "/Gr#C3#BCn");
  EXPECT_EQ(bytes(Name("")), "/");
}

TEST(Object, StringsEscapedExactly) {
  EXPECT_EQ(bytes(String("a(b)c\\d")), "(a\\(b\\)c\\\\d)");
  EXPECT_EQ(bytes(String("line\nnext\r\t\b\f")), "(line\\nnext\\r\\t\\b\\f)");
  EXPECT_EQ(bytes(String("")), "()");
  EXPECT_EQ(bytes(String("\x01\xff", true)), "<01FF>");
  // Text strings: plain ASCII literal, anything else UTF-16BE with a BOM, in hex.
  EXPECT_EQ(bytes(textString("Harbour (2026)")), "(Harbour \\(2026\\))");
  EXPECT_EQ(bytes(textString("\xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7")), "<FEFF0634064306310627>");  // Arabic
  EXPECT_EQ(bytes(textString("\xCE\xA9")), "<FEFF03A9>");                                      // Ω
  EXPECT_EQ(bytes(textString("\xF0\x9F\x98\x80")), "<FEFFD83DDE00>");     // an emoji: a surrogate pair
  EXPECT_EQ(bytes(textString("caf\xC3\xA9")), "<FEFF00630061006600E9>");  // café
  EXPECT_EQ(bytes(byteString("fn:1")), "(fn:1)");
}

TEST(Object, ContainersExactly) {
  Array a;
  a.push_back(Ref(4));
  a.push_back(Name("XYZ"));
  a.push_back(number(70.86614));
  a.push_back(integer(90));
  a.push_back(Object());
  EXPECT_EQ(bytes(a), "[ 4 0 R/XYZ 70.8661 90 null]");
  EXPECT_EQ(bytes(Array()), "[]");

  // /Type first, the other keys sorted bytewise, whatever the order they came in.
  Dictionary d;
  d.add("Subtype", Name("Link"));
  d.add("Border", a);
  d.add("Type", Name("Annot"));
  d.add("A", Dictionary());
  d.add("F", integer(4));
  d.add("F", integer(5));  // replaces
  d.add("Z", Object(true));
  d.add("Length1", integer(1));
  d.add("Length", integer(2));
  d.remove("Z");
  EXPECT_EQ(bytes(d),
            "<</Type/Annot/A<<>>/Border[ 4 0 R/XYZ 70.8661 90 null]/F 5/Length 2/Length1 1/Subtype/Link>>");
  ASSERT_NE(d.get("F"), nullptr);
  EXPECT_EQ(d.get("F")->integerValue(), 5);
  EXPECT_FALSE(d.has("Z"));
}

// The same bytes as PoDoFo, for every byte in names and strings and for a
// range of values.
TEST(Object, SameBytesAsPodofo) {
  for (int c = 1; c < 256; ++c) {
    const std::string s = std::string("a") + static_cast<char>(c) + "b";
    EXPECT_EQ(bytes(Name(s)), podofo(PoDoFo::PdfName(s))) << "name byte " << c;
  }
  for (int c = 0; c < 256; ++c) {
    const std::string s = std::string("x") + static_cast<char>(c) + "y";
    EXPECT_EQ(bytes(String(s)), podofo(PoDoFo::PdfString(s))) << "literal string byte " << c;
    EXPECT_EQ(bytes(String(s, true)),
              podofo(PoDoFo::PdfString(s.data(), static_cast<PoDoFo::pdf_long>(s.size()), true)))
        << "hex string byte " << c;
  }
  const std::string utf16 = utf16beWithBom(
      "\xD8\xB4\xD9\x83\xD8\xB1 \xE2\x80\x94 Stra\xC3\x9F"
      "e");
  EXPECT_EQ(bytes(String(utf16, true)),
            podofo(PoDoFo::PdfString(utf16.data(), static_cast<PoDoFo::pdf_long>(utf16.size()), true)));
  for (double v : {0.0, 0.1, -0.0005, 1e6, 123.456789, -1e-9, 1e-7, 2.5e15, -3.75, 1.0 / 7})
    EXPECT_EQ(bytes(Real{v}), podofo(PoDoFo::PdfVariant(v))) << "real " << v;
  for (int64_t v : {int64_t(0), int64_t(-1), int64_t(1) << 40, std::numeric_limits<int64_t>::max(),
                    std::numeric_limits<int64_t>::min()})
    EXPECT_EQ(bytes(integer(v)), podofo(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(v))));
  EXPECT_EQ(bytes(Object(true)), podofo(PoDoFo::PdfVariant(true)));
  EXPECT_EQ(bytes(Object()), podofo(PoDoFo::PdfVariant()));
  EXPECT_EQ(bytes(Object(Ref(12, 1))), podofo(PoDoFo::PdfReference(12, 1)));

  Dictionary d;
  PoDoFo::PdfDictionary pd;
  for (const char* key : {"Zeta", "Type", "A", "a", "B C", "Length", "Kids"}) {
    Array a;
    PoDoFo::PdfArray pa;
    a.push_back(Name(key));
    pa.push_back(PoDoFo::PdfName(key));
    a.push_back(integer(3));
    pa.push_back(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(3)));
    a.push_back(Ref(5));
    pa.push_back(PoDoFo::PdfReference(5, 0));
    a.push_back(String("t(x)"));
    pa.push_back(PoDoFo::PdfString("t(x)"));
    d.add(key, a);
    pd.AddKey(PoDoFo::PdfName(key), pa);
  }
  EXPECT_EQ(bytes(d), podofo(pd));
}

// An indirect object with a stream, as PdfObject::WriteObject wrote it.
TEST(Object, IndirectObjectAsPodofo) {
  Document doc;
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  {
    ObjectWriter writer(doc, out, 0, 0);
    DocObject* s = doc.create("XObject");
    s->dict().add("Subtype", Name("Form"));
    setFlateStream(s, "0 0 m 1 1 l S", 0);
    writer.write(s);
    writer.write(writer.reserve(), Array());
    EXPECT_TRUE(writer.finish());
  }
  std::rewind(out);
  std::string file(4096, '\0');
  file.resize(std::fread(file.data(), 1, file.size(), out));
  std::fclose(out);

  PoDoFo::PdfMemDocument pd;
  PoDoFo::PdfObject* ps = pd.GetObjects().CreateObject("XObject");
  ps->GetDictionary().AddKey("Subtype", PoDoFo::PdfName("Form"));
  const std::string data = "0 0 m 1 1 l S";
  PoDoFo::PdfMemoryInputStream in(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
  ps->GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(data.size()));
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  ps->WriteObject(&device, PoDoFo::ePdfWriteMode_Compact, nullptr);
  const std::string expected(buffer.GetBuffer(), device.GetLength());
  EXPECT_EQ(expected,
            "4 0 obj<</Type/XObject/Length 13/Subtype/Form>>\nstream\n0 0 m 1 1 l S\nendstream\nendobj\n");
  EXPECT_NE(file.find("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + expected + "5 0 obj[]\nendobj\n"), std::string::npos)
      << file;
  // The catalog, Info and the page tree root (1-3), in number order at the end.
  EXPECT_NE(file.find("1 0 obj<</Type/Catalog/Pages 3 0 R>>\nendobj\n2 0 obj<<>>\nendobj\n"
                      "3 0 obj<</Type/Pages/Count 0/Kids[]>>\nendobj\nxref\n0 6\n"),
            std::string::npos)
      << file;
}

}  // namespace
}  // namespace folio::pdf
