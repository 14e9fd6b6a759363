#include "content/References.h"

#include <cctype>
#include <set>

#include "content/Values.h"
#include "yaml/TextCheck.h"

namespace folio::content {

namespace {

class ReferenceChecker {
 public:
  ReferenceChecker(const Document& doc, Diagnostics& diags) : m_doc(doc), m_diags(diags) {
    for (const auto& [id, text] : doc.footnotes) m_footnoteIds.push_back(id);
  }

  void run() {
    collectIds(m_doc.body);
    for (const auto& [id, pos] : m_ids) m_idNames.push_back(id);
    checkBlocks(m_doc.body);
    for (const auto& [id, text] : m_doc.footnotes) {
      auto pos = m_doc.footnotePos.find(id);
      checkText(text, pos == m_doc.footnotePos.end() ? SourcePos{m_doc.path, 0, 0} : pos->second);
    }
    for (const auto& [id, text] : m_doc.footnotes) {
      if (m_used.count(id)) continue;
      auto pos = m_doc.footnotePos.find(id);
      m_diags.warning(
          pos == m_doc.footnotePos.end() ? SourcePos{m_doc.path, 0, 0} : pos->second,
          "footnote '" + id + "' is defined but never used; expected a reference [^" + id + "] in the text");
    }
  }

 private:
  void collectIds(const std::vector<Block>& blocks) {
    forEachBlock(blocks, [&](const Block& block) {
      const BlockBase& b = block.base();
      if (b.id.empty()) return;
      auto [it, inserted] = m_ids.emplace(b.id, b.pos);
      if (!inserted)
        m_diags.error(b.pos, "duplicate id '" + b.id + "'; first used at " + yaml::LineIndex::lineColumn(it->second));
    });
  }

  void checkBlocks(const std::vector<Block>& blocks) {
    forEachBlock(blocks, [&](const Block& block) {
      forEachInlineText(block, [&](const markup::InlineText& text, const SourcePos& pos) { checkText(text, pos); });
    });
  }

  // A link that leads nowhere is a mistake, not a link: an empty host, an
  // empty address, a telephone number without digits.
  void checkTarget(const std::string& link, const std::string& scheme, const std::string& rest, const SourcePos& pos) {
    std::string problem;
    if (scheme == "http" || scheme == "https") {
      std::string host = rest.rfind("//", 0) == 0 ? rest.substr(2) : rest;
      host = host.substr(0, host.find_first_of("/?#"));
      if (host.empty()) problem = "has no host; expected a URL such as https://example.org";
      else if (host.find_first_of(" <>\"") != std::string::npos) problem = "has a space in its host; expected a host name such as example.org";
    } else if (scheme == "mailto") {
      std::string address = rest.substr(0, rest.find('?'));
      if (address.empty() || address.find('@') == std::string::npos || address.front() == '@' || address.back() == '@')
        problem = "has no e-mail address; expected mailto:name@example.org";
    } else if (scheme == "tel") {
      bool digit = false, other = false;
      for (char c : rest) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != '+' && c != '-' && c != '.' && c != ' ' && c != '(' && c != ')') other = true;
      }
      if (!digit || other) problem = "is not a telephone number; expected digits, such as tel:+41225550100";
    }
    if (!problem.empty()) m_diags.error(pos, "link '" + link + "' " + problem);
  }

  // "[label](https://exa mple.org)" is no link in CommonMark (a space ends
  // the target) and would print as written: say so instead.
  void checkBrokenLinkSyntax(const std::string& text, const SourcePos& pos) {
    for (size_t i = text.find("]("); i != std::string::npos; i = text.find("](", i + 2)) {
      size_t close = text.find(')', i);
      std::string target = text.substr(i + 2, close == std::string::npos ? std::string::npos : close - i - 2);
      bool urlLike = target.rfind("http", 0) == 0 || target.rfind("mailto:", 0) == 0 || target.rfind("tel:", 0) == 0 ||
                     target.rfind("www.", 0) == 0 || target.rfind("#", 0) == 0;
      if (!urlLike) continue;
      m_diags.error(pos, "link target '" + target + "' is not a valid link (a space or a quote ends it), so the "
                             "markup would print as text; expected a target without spaces (write %20 for a space)");
    }
  }

  void checkText(const markup::InlineText& text, const SourcePos& pos) {
    const std::string* previousLink = nullptr;
    for (const markup::Inline& run : text) {
      if (run.kind == markup::Inline::Kind::Text && run.link.empty() && !(run.flags & markup::kCode))
        checkBrokenLinkSyntax(run.text, pos);
      if (run.kind == markup::Inline::Kind::FootnoteRef) {
        if (run.note) {
          checkText(*run.note, pos);
        } else {
          checkFootnoteRef(run.noteId, pos);
        }
      }
      // A link spans several runs when its label is styled; check it once.
      if (!run.link.empty() && (!previousLink || *previousLink != run.link)) checkLink(run.link, pos);
      previousLink = &run.link;
    }
  }

  // "Did you mean" compares a name with every candidate: a generated file
  // with thousands of ids and thousands of broken references would make
  // that quadratic, so only the first problems get suggestions.
  bool maySuggest() { return m_suggestionsLeft > 0 && m_suggestionsLeft--; }

  void checkFootnoteRef(const std::string& id, const SourcePos& pos) {
    m_used.insert(id);
    if (m_doc.footnotes.count(id)) return;
    std::string suggestion = maySuggest() ? didYouMean(id, m_footnoteIds) : "";
    m_diags.error(pos, "footnote '[^" + id + "]' is not defined" +
                           (suggestion.empty() ? "; expected '" + id + "' under the top-level 'footnotes' key"
                                               : suggestion));
  }

  void checkLink(const std::string& link, const SourcePos& pos) {
    if (link.front() == '#') {
      std::string id = link.substr(1);
      if (m_ids.count(id)) return;
      std::string suggestion = maySuggest() ? closestMatch(id, m_idNames) : "";
      m_diags.error(pos, "link '" + link + "' points to no block" +
                             (suggestion.empty() ? "; expected the id of a block in this document"
                                                 : "; did you mean '#" + suggestion + "'?"));
      return;
    }
    // RFC 3986 scheme: a letter, then letters, digits, '+', '-', '.'.
    size_t colon = link.find(':');
    bool hasScheme =
        colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(link[0])) &&
        link.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") == colon;
    if (!hasScheme) {
      std::string message =
          "link '" + link +
          "' has no scheme; expected an http, https, mailto or tel URL, or '#id' for a block in "
          "this document";
      if (link.starts_with("www.")) message += "; did you mean 'https://" + link + "'?";
      m_diags.error(pos, message);
      return;
    }
    std::string scheme = link.substr(0, colon);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") {
      checkTarget(link, scheme, link.substr(colon + 1), pos);
      return;
    }
    m_diags.error(pos, "link scheme '" + link.substr(0, colon + 1) +
                           "' is not allowed; use http, https, mailto or tel");
  }

  const Document& m_doc;
  Diagnostics& m_diags;
  std::map<std::string, SourcePos> m_ids;
  std::vector<std::string> m_idNames;
  std::vector<std::string> m_footnoteIds;
  std::set<std::string> m_used;
  int m_suggestionsLeft = 100;
};

}  // namespace

void checkReferences(const Document& doc, Diagnostics& diags) { ReferenceChecker(doc, diags).run(); }

}  // namespace folio::content
