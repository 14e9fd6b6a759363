// GFM extended autolinks: the examples of the GFM spec's "Autolinks
// (extension)" section, plus the cases Folio adds (other scripts'
// punctuation, broken link syntax left for the content check).
#include <gtest/gtest.h>

#include "InlineDump.h"
#include "markup/Inline.h"

namespace folio::markup {
namespace {

std::string parsed(const std::string& source) {
  Diagnostics diags;
  InlineText text = parseInline(source, SourcePos{"c.yaml", 3, 5}, diags);
  EXPECT_TRUE(diags.all().empty()) << source << "\n" << diags.format();
  return dump(text);
}

TEST(Autolink, Www) {
  EXPECT_EQ(parsed("www.commonmark.org"), "{auto link=http://www.commonmark.org:www.commonmark.org}");
  EXPECT_EQ(parsed("Visit www.commonmark.org/help for more information."),
            "Visit {auto link=http://www.commonmark.org/help:www.commonmark.org/help} for more information.");
  EXPECT_EQ(parsed("Visit www.commonmark.org."), "Visit {auto link=http://www.commonmark.org:www.commonmark.org}.");
  EXPECT_EQ(parsed("Visit www.commonmark.org/a.b."),
            "Visit {auto link=http://www.commonmark.org/a.b:www.commonmark.org/a.b}.");
  // Only after white space, the start, or * _ ~ (.
  EXPECT_EQ(parsed("xwww.example.org"), "xwww.example.org");
  EXPECT_EQ(parsed("(www.example.org)"), "({auto link=http://www.example.org:www.example.org})");
  // No '_' in the last two segments of the domain.
  EXPECT_EQ(parsed("www.exa_mple.org"), "www.exa_mple.org");
  EXPECT_EQ(parsed("www.a_b.example.org"), "{auto link=http://www.a_b.example.org:www.a_b.example.org}");
}

TEST(Autolink, Parentheses) {
  EXPECT_EQ(parsed("www.google.com/search?q=Markup+(business)"),
            "{auto link=http://www.google.com/search?q=Markup+(business):www.google.com/search?q=Markup+(business)}");
  EXPECT_EQ(parsed("www.google.com/search?q=Markup+(business)))"),
            "{auto link=http://www.google.com/search?q=Markup+(business):www.google.com/search?q=Markup+(business)}))");
  EXPECT_EQ(parsed("(www.google.com/search?q=Markup+(business))"),
            "({auto link=http://www.google.com/search?q=Markup+(business):www.google.com/search?q=Markup+(business)})");
  EXPECT_EQ(parsed("www.google.com/search?q=(business))+ok"),
            "{auto link=http://www.google.com/search?q=(business))+ok:www.google.com/search?q=(business))+ok}");
}

TEST(Autolink, EntitiesAndLessThan) {
  EXPECT_EQ(parsed("www.google.com/search?q=commonmark&hl=en"),
            "{auto link=http://www.google.com/search?q=commonmark&hl=en:www.google.com/search?q=commonmark&hl=en}");
  EXPECT_EQ(parsed("www.google.com/search?q=commonmark\\&hl;"),
            "{auto link=http://www.google.com/search?q=commonmark:www.google.com/search?q=commonmark}&hl;");
  EXPECT_EQ(parsed("www.commonmark.org/he\\<lp"), "{auto link=http://www.commonmark.org/he:www.commonmark.org/he}<lp");
}

TEST(Autolink, HttpAndHttps) {
  EXPECT_EQ(parsed("http://commonmark.org"), "{auto link=http://commonmark.org:http://commonmark.org}");
  EXPECT_EQ(parsed("(Visit https://encrypted.google.com/search?q=Markup+(business))"),
            "(Visit {auto link=https://encrypted.google.com/search?q=Markup+(business):"
            "https://encrypted.google.com/search?q=Markup+(business)})");
  EXPECT_EQ(parsed("See https://example.org/report.pdf, then call."),
            "See {auto link=https://example.org/report.pdf:https://example.org/report.pdf}, then call.");
  EXPECT_EQ(parsed("Is it https://example.org?"), "Is it {auto link=https://example.org:https://example.org}?");
  EXPECT_EQ(parsed("\"https://example.org/q\""), "\"{auto link=https://example.org/q:https://example.org/q}\"");
  EXPECT_EQ(parsed("xhttps://example.org"), "xhttps://example.org");
  EXPECT_EQ(parsed("https:// nothing"), "https:// nothing");
  EXPECT_EQ(parsed("ftp://example.org"), "ftp://example.org");  // http, https, mailto and tel only
}

TEST(Autolink, Email) {
  EXPECT_EQ(parsed("foo@bar.baz"), "{auto link=mailto:foo@bar.baz:foo@bar.baz}");
  EXPECT_EQ(parsed("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is."),
            "hello@mail+xyz.example isn't valid, but {auto link=mailto:hello+xyz@mail.example:hello+xyz@mail.example} is.");
  EXPECT_EQ(parsed("a.b-c_d@a.b"), "{auto link=mailto:a.b-c_d@a.b:a.b-c_d@a.b}");
  EXPECT_EQ(parsed("a.b-c_d@a.b."), "{auto link=mailto:a.b-c_d@a.b:a.b-c_d@a.b}.");
  EXPECT_EQ(parsed("a.b-c_d@a.b-"), "a.b-c_d@a.b-");
  EXPECT_EQ(parsed("a.b-c_d@a.b_"), "a.b-c_d@a.b_");
  EXPECT_EQ(parsed("Write to press@mission.example.org."),
            "Write to {auto link=mailto:press@mission.example.org:press@mission.example.org}.");
  EXPECT_EQ(parsed("mailto:press@example.org"), "{auto link=mailto:press@example.org:mailto:press@example.org}");
}

TEST(Autolink, NotInCodeOrLinks) {
  EXPECT_EQ(parsed("`https://example.org`"), "{code:https://example.org}");
  EXPECT_EQ(parsed("[the site www.example.org](https://example.org)"),
            "{link=https://example.org:the site www.example.org}");
  EXPECT_EQ(parsed("<https://example.org>"), "{link=https://example.org:https://example.org}");
  EXPECT_EQ(parsed("**www.example.org**"), "{strong+auto link=http://www.example.org:www.example.org}");
}

TEST(Autolink, OtherScripts) {
  // Arabic comma, CJK full stop and guillemets end the URL.
  EXPECT_EQ(parsed("\u0627\u0642\u0631\u0623 www.example.org\u060C \u062B\u0645"),
            "\u0627\u0642\u0631\u0623 {auto link=http://www.example.org:www.example.org}\u060C \u062B\u0645");
  EXPECT_EQ(parsed("\u89C1 https://example.org/zh\u3002"),
            "\u89C1 {auto link=https://example.org/zh:https://example.org/zh}\u3002");
  EXPECT_EQ(parsed("\u00AB https://example.org \u00BB"), "\u00AB {auto link=https://example.org:https://example.org} \u00BB");
  EXPECT_EQ(parsed("https://example.org/x\u00A0next"), "{auto link=https://example.org/x:https://example.org/x}\u00A0next");
}

TEST(Autolink, TextStaysAsWritten) {
  const std::string source = "Mail info@example.org or see www.example.org/a_(b), https://x.org/?a=1&b=2.";
  Diagnostics diags;
  EXPECT_EQ(plainText(parseInline(source, SourcePos{"c.yaml", 1, 1}, diags)), source);
}

TEST(Autolink, BrokenLinkSyntaxIsLeftForTheCheck) {
  // The content check reports "[b](https://exa mple.org)" as a whole.
  EXPECT_EQ(parsed("[b](https://exa mple.org)"), "[b](https://exa mple.org)");
}

}  // namespace
}  // namespace folio::markup
