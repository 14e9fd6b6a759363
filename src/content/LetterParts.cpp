// Letter parts (content format 1.1): reading them, and the blocks of those
// that travel in the body's flow.
#include "content/LetterParts.h"

#include "content/DocumentBuilder.h"
#include "content/ImagePath.h"
#include "content/Values.h"

namespace folio::content {

namespace {

markup::InlineText plain(const std::string& text) {
  markup::InlineText t(1);
  t[0].text = text;
  return t;
}

Block paragraph(markup::InlineText text, const std::string& style,
                const std::function<bool(const std::string&)>& hasStyle) {
  Paragraph b;
  b.text = std::move(text);
  if (hasStyle(style)) b.style = style;
  return b;
}

}  // namespace

std::vector<markup::InlineText> DocumentBuilder::readInlineList(const yaml::Node& key, const yaml::Node& value) {
  std::vector<markup::InlineText> out;
  if (value.isNull()) return out;
  if (value.isScalar()) {
    out.push_back(readInline(key, value, key.scalar));
    return out;
  }
  if (!value.isSequence()) {
    m_diags.error(valuePos(key, value), "wrong type for '" + key.scalar +
                                            "': expected a sequence of inline text, found " + value.kindName());
    return out;
  }
  for (const yaml::Node& item : value.items) out.push_back(readInline(item, item, key.scalar));
  return out;
}

bool DocumentBuilder::readLetterPart(const yaml::Node& key, const yaml::Node& value, Document& doc) {
  const std::string& name = key.scalar;
  LetterParts& letter = doc.letter;
  SourcePos pos = valuePos(key, value);
  if (name == "recipient") {
    // A sequence of lines, or a string whose lines are kept as written.
    if (value.isSequence()) {
      for (const yaml::Node& item : value.items)
        if (auto s = readScalar(item, item.pos, "recipient", "a line of the address", m_diags))
          letter.recipient.push_back(*s);
    } else if (!value.isNull()) {
      if (auto s = readScalar(value, pos, "recipient", "address lines (a sequence or a string)", m_diags)) {
        size_t start = 0;
        while (start <= s->size()) {
          size_t nl = s->find('\n', start);
          std::string line = s->substr(start, nl == std::string::npos ? std::string::npos : nl - start);
          if (!line.empty() || nl != std::string::npos) letter.recipient.push_back(line);
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
        while (!letter.recipient.empty() && letter.recipient.back().empty()) letter.recipient.pop_back();
      }
    }
    if (letter.recipient.size() > 9)
      m_diags.warning(pos, "the recipient has " + std::to_string(letter.recipient.size()) +
                               " lines; expected at most 9 (a window envelope shows 6 to 9)");
  } else if (name == "sender-line") {
    readMetadataString(key, value, letter.senderLine);
  } else if (name == "reference") {
    readMetadataString(key, value, letter.reference);
  } else if (name == "your-reference") {
    readMetadataString(key, value, letter.yourReference);
  } else if (name == "opening") {
    if (!value.isNull()) letter.opening = readInline(key, value, name);
  } else if (name == "closing") {
    if (!value.isNull()) letter.closing = readInline(key, value, name);
  } else if (name == "enclosures") {
    letter.enclosures = readInlineList(key, value);
  } else if (name == "cc") {
    letter.cc = readInlineList(key, value);
  } else if (name == "signature") {
    if (value.isNull()) return true;
    Signature sig;
    sig.pos = pos;
    if (value.isScalar()) {
      sig.name = readInline(key, value, "signature");  // just a name
    } else if (!value.isMapping()) {
      m_diags.error(pos, std::string("wrong type for 'signature': expected a mapping with name, title and image, found ") +
                             value.kindName());
      return true;
    } else {
      static const std::vector<std::string> kKeys = {"name", "title", "image"};
      for (const auto& [k, v] : value.entries) {
        if (k.scalar == "name") sig.name = readInline(k, v, "signature.name");
        else if (k.scalar == "title") sig.title = readInline(k, v, "signature.title");
        else if (k.scalar == "image") {
          if (auto path = readScalar(v, valuePos(k, v), "signature.image", "an image path", m_diags))
            if (auto resolved = resolveImagePath(*path, valuePos(k, v), m_path, m_options, m_diags))
              sig.imagePath = *resolved;
        } else {
          std::string suggestion = didYouMean(k.scalar, kKeys);
          m_diags.error(k.pos, "unknown key '" + k.scalar + "' in 'signature'" +
                                   (suggestion.empty() ? "; expected " + oneOf(kKeys) : suggestion));
        }
      }
    }
    letter.signature = std::move(sig);
  } else {
    return false;
  }
  return true;
}

LetterBlocks letterBlocks(const Document& doc, const LetterFlowOptions& options,
                          const std::function<bool(const std::string&)>& hasStyle) {
  LetterBlocks out;
  const LetterParts& l = doc.letter;
  if (options.recipient && !l.recipient.empty()) {
    markup::InlineText lines;
    for (size_t i = 0; i < l.recipient.size(); ++i) {
      if (i) {
        markup::Inline br;
        br.kind = markup::Inline::Kind::HardBreak;
        lines.push_back(br);
      }
      lines.push_back(plain(l.recipient[i])[0]);
    }
    out.before.push_back(paragraph(std::move(lines), "recipient", hasStyle));
  }
  std::string refs;
  if (options.yourReference && !l.yourReference.empty()) refs = options.yourReferenceWord + " " + l.yourReference;
  if (options.reference && !l.reference.empty())
    refs += (refs.empty() ? "" : "\u2003") + options.referenceWord + " " + l.reference;
  if (!refs.empty()) out.before.push_back(paragraph(plain(refs), "reference-line", hasStyle));
  if (options.subject && !doc.subject.empty()) out.before.push_back(paragraph(plain(doc.subject), "subject", hasStyle));
  if (!l.opening.empty()) out.before.push_back(paragraph(l.opening, "opening", hasStyle));

  if (!l.closing.empty()) out.after.push_back(paragraph(l.closing, "closing", hasStyle));
  if (!options.dateLine.empty()) out.after.push_back(paragraph(plain(options.dateLine), "date-line", hasStyle));
  if (l.signature) {
    const Signature& sig = *l.signature;
    if (!sig.imagePath.empty()) {
      Image img;
      img.path = sig.imagePath;
      img.height = Length{14 * 72 / 25.4};  // a signature is about 14 mm high
      img.align = Align::Start;
      img.alt = "Signature";
      img.pos = sig.pos;
      if (hasStyle("signature-image")) img.style = "signature-image";
      out.after.push_back(std::move(img));
    }
    if (!sig.name.empty()) out.after.push_back(paragraph(sig.name, "signature-name", hasStyle));
    if (!sig.title.empty()) out.after.push_back(paragraph(sig.title, "signature-title", hasStyle));
  }
  auto listOf = [&](const std::vector<markup::InlineText>& items, const std::string& word, const std::string& style) {
    if (items.empty()) return;
    out.after.push_back(paragraph(plain(word), style + "-label", hasStyle));
    for (const markup::InlineText& item : items) out.after.push_back(paragraph(item, style, hasStyle));
  };
  listOf(l.enclosures, options.enclosuresWord, "enclosures");
  listOf(l.cc, options.ccWord, "cc");
  for (auto* blocks : {&out.before, &out.after})
    for (Block& block : *blocks) {
      BlockBase& b = block.base();
      b.pos = b.pos.line ? b.pos : SourcePos{doc.path, 1, 1};
    }
  return out;
}

}  // namespace folio::content
