#include "markup/CmarkInlines.h"

#include <cmark.h>

#include <algorithm>
#include <vector>

#include "markup/Autolinks.h"
#include "markup/HtmlTag.h"
#include "markup/LanguageTag.h"

namespace folio::markup {

void appendText(InlineText& out, std::string_view text, const Inline& style) {
  if (text.empty()) return;
  if (!out.empty()) {
    Inline& last = out.back();
    if (last.kind == Inline::Kind::Text && last.flags == style.flags && last.link == style.link &&
        last.lang == style.lang) {
      last.text += text;
      return;
    }
  }
  Inline run = style;
  run.kind = Inline::Kind::Text;
  run.text = std::string(text);
  out.push_back(std::move(run));
}

namespace {

struct OpenTag {
  std::string name;  // "sup", "sub" or "span"
  std::string lang;  // span only
};

class Walker {
 public:
  Walker(InlineContext& context, InlineText& out) : m_ctx(context), m_out(out) {
    // Line starts of the parsed text, to turn cmark's line:column into bytes.
    m_lineStarts.push_back(0);
    const std::string& t = m_ctx.source.text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\n') m_lineStarts.push_back(i + 1);
    }
  }

  void walk(cmark_node* block) {
    cmark_iter* iter = cmark_iter_new(block);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (node == block) continue;
      if (event == CMARK_EVENT_ENTER) {
        enter(node);
      } else {
        exit(node);
      }
    }
    cmark_iter_free(iter);
    for (auto it = m_tags.rbegin(); it != m_tags.rend(); ++it) {
      m_ctx.diags.warning(m_ctx.origin, "'<" + it->name + ">' is never closed; expected '</" + it->name +
                                            ">' before the end of the text");
    }
  }

 private:
  void enter(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        text(node, literal(node), 0);
        break;
      case CMARK_NODE_CODE:
        text(node, restoreMarkers(literal(node), m_ctx.markers), kCode);
        break;
      case CMARK_NODE_SOFTBREAK:
        appendText(m_out, " ", style(nodeOffset(node, " ")));
        break;
      case CMARK_NODE_LINEBREAK:
        hardBreak(node);
        break;
      case CMARK_NODE_EMPH:
        ++m_emphasis;
        break;
      case CMARK_NODE_STRONG:
        ++m_strong;
        break;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(node);
        m_links.push_back(restoreMarkers(url ? url : "", m_ctx.markers));
        break;
      }
      case CMARK_NODE_IMAGE: {
        const char* url = cmark_node_get_url(node);
        m_ctx.diags.warning(m_ctx.origin, "inline image '" + std::string(url ? url : "") +
                                              "' is not supported (kept its alternative text); expected an "
                                              "'image' block");
        break;
      }
      case CMARK_NODE_HTML_INLINE:
        html(node);
        break;
      default:
        break;
    }
  }

  void exit(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_EMPH:
        --m_emphasis;
        break;
      case CMARK_NODE_STRONG:
        --m_strong;
        break;
      case CMARK_NODE_LINK:
        if (!m_links.empty()) m_links.pop_back();
        break;
      default:
        break;
    }
  }

  static std::string literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? s : "";
  }

  Inline style(uint32_t sourceOffset, uint16_t extraFlags = 0) const {
    Inline run;
    run.flags = extraFlags;
    if (m_emphasis > 0) run.flags |= kEmphasis;
    if (m_strong > 0) run.flags |= kStrong;
    for (const OpenTag& tag : m_tags) {
      if (tag.name == "sup") run.flags |= kSuperscript;
      if (tag.name == "sub") run.flags |= kSubscript;
      if (!tag.lang.empty()) run.lang = tag.lang;
    }
    if (!m_links.empty()) run.link = m_links.back();
    run.sourceOffset = sourceOffset;
    return run;
  }

  // Byte offset in the parsed text where `node`'s literal starts: cmark's
  // inline positions are right on a paragraph's first line but can drift
  // after line breaks, so check them against the text and otherwise search
  // forward from the previous run.
  size_t parsedOffset(cmark_node* node, std::string_view lit) {
    const std::string& t = m_ctx.source.text;
    size_t found = std::string::npos;
    int line = cmark_node_get_start_line(node);
    int column = cmark_node_get_start_column(node);
    if (line >= 1 && column >= 1 && static_cast<size_t>(line) <= m_lineStarts.size()) {
      size_t at = m_lineStarts[static_cast<size_t>(line) - 1] + static_cast<size_t>(column) - 1;
      if (at < t.size() && at >= m_cursor && !lit.empty() &&
          (t[at] == lit[0] || t[at] == '\\' || t[at] == '&' || t[at] == '`')) {
        found = at;
      }
    }
    if (found == std::string::npos && !lit.empty()) {
      found = t.find(lit.substr(0, std::min<size_t>(lit.size(), 8)), m_cursor);
      if (found == std::string::npos) found = t.find(lit[0], m_cursor);
    }
    if (found == std::string::npos) found = std::min(m_cursor, t.size());
    m_cursor = std::max(m_cursor, found + 1);
    return found;
  }

  uint32_t nodeOffset(cmark_node* node, std::string_view lit) {
    return m_ctx.source.sourceOffset(parsedOffset(node, lit));
  }

  void text(cmark_node* node, std::string lit, uint16_t extraFlags) {
    if (!m_stripped) {
      m_stripped = true;
      if (!m_ctx.strip.empty() && std::string_view(lit).starts_with(m_ctx.strip)) {
        lit.erase(0, m_ctx.strip.size());
        m_cursor = std::max(m_cursor, m_ctx.strip.size());
      }
    }
    if (lit.empty()) return;
    size_t base = parsedOffset(node, lit);
    // Split at footnote placeholders (code spans had them restored).
    size_t start = 0;
    for (size_t i = 0; i < lit.size();) {
      char32_t cp = placeholderAt(lit, i);
      auto marker = cp ? m_ctx.markers.find(cp) : m_ctx.markers.end();
      if (marker == m_ctx.markers.end()) {
        ++i;
        continue;
      }
      appendText(m_out, std::string_view(lit).substr(start, i - start),
                 style(m_ctx.source.sourceOffset(base + start), extraFlags));
      Inline ref = style(marker->second.sourceOffset, extraFlags);
      ref.kind = Inline::Kind::FootnoteRef;
      ref.noteId = marker->second.noteId;
      ref.note = marker->second.note;
      m_out.push_back(std::move(ref));
      i += 4;
      start = i;
    }
    appendText(
        m_out, std::string_view(lit).substr(start),
        style(m_ctx.source.sourceOffset(std::min(base + start, m_ctx.source.text.size())), extraFlags));
  }

  void hardBreak(cmark_node* node) {
    Inline run = style(nodeOffset(node, "\n"));
    run.kind = Inline::Kind::HardBreak;
    m_out.push_back(std::move(run));
  }

  void keepLiteral(cmark_node* node, const std::string& raw) {
    appendText(m_out, restoreMarkers(raw, m_ctx.markers), style(nodeOffset(node, raw)));
  }

  void html(cmark_node* node) {
    std::string raw = literal(node);
    std::optional<HtmlTag> tag = parseHtmlTag(raw);
    Diagnostics& diags = m_ctx.diags;
    if (!tag) {
      diags.warning(m_ctx.origin,
                    "HTML comment or declaration '" + raw +
                        "' is not supported (kept as text); expected plain text (write '\\<' for "
                        "a literal '<')");
      keepLiteral(node, raw);
      return;
    }
    const std::string& name = tag->name;
    bool known = name == "sup" || name == "sub" || name == "span" || name == "br";
    if (!known) {
      diags.warning(m_ctx.origin, unsupportedTagMessage(raw, name));
      keepLiteral(node, raw);
      return;
    }
    if (tag->kind == HtmlTag::Kind::Close) {
      closeTag(node, raw, name);
      return;
    }
    if (name == "br") {
      hardBreak(node);
      return;
    }
    if (tag->kind == HtmlTag::Kind::SelfClosing) {
      diags.warning(m_ctx.origin,
                    "'" + raw + "' encloses nothing (ignored); expected <" + name + ">text</" + name + ">");
      return;
    }
    OpenTag open{name, ""};
    for (const auto& [attr, value] : tag->attributes) {
      if (name == "span" && attr == "lang") {
        if (isPlausibleLanguageTag(value)) {
          open.lang = value;
        } else {
          std::string suggestion = suggestLanguageTag(value);
          diags.warning(m_ctx.origin,
                        "'" + value + "' in " + raw +
                            " is not a BCP 47 language tag (ignored); expected a tag such as 'en', "
                            "'en-GB' or 'ar'" +
                            (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
        }
      } else {
        diags.warning(m_ctx.origin, "attribute '" + attr + "' of <" + name + "> is not supported (ignored)" +
                                        (name == "span" ? "; expected lang" : "; expected no attributes"));
      }
    }
    if (name == "span" && !tag->attribute("lang")) {
      diags.warning(m_ctx.origin, "'" + raw +
                                      "' has no lang attribute (it changes nothing); expected "
                                      "<span lang=\"xx\">");
    }
    m_tags.push_back(std::move(open));
  }

  void closeTag(cmark_node* node, const std::string& raw, const std::string& name) {
    auto it = std::find_if(m_tags.rbegin(), m_tags.rend(), [&](const OpenTag& t) { return t.name == name; });
    if (it == m_tags.rend()) {
      m_ctx.diags.warning(m_ctx.origin,
                          "'" + raw + "' has no matching '<" + name +
                              ">' (kept as text); expected tags to be opened before they are closed");
      keepLiteral(node, raw);
      return;
    }
    if (it != m_tags.rbegin()) {
      m_ctx.diags.warning(m_ctx.origin,
                          "'" + raw + "' closes '<" + name + ">' while '<" + m_tags.back().name +
                              ">' inside it is still open; expected nested tags to close first");
    }
    m_tags.erase(std::next(it).base());
  }

  InlineContext& m_ctx;
  InlineText& m_out;
  std::vector<size_t> m_lineStarts;
  size_t m_cursor = 0;
  bool m_stripped = false;
  int m_emphasis = 0;
  int m_strong = 0;
  std::vector<std::string> m_links;
  std::vector<OpenTag> m_tags;
};

}  // namespace

void appendInlines(cmark_node* block, InlineContext& context, InlineText& out) {
  size_t first = out.size();
  Walker walker(context, out);
  walker.walk(block);
  linkBareUrls(out, first, context.source.endOffset);
}

}  // namespace folio::markup
