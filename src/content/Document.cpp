#include "content/Document.h"

#include "content/DocumentBuilder.h"
#include "content/References.h"

namespace folio::content {

const markup::InlineText* inlineText(const Block& block) {
  return std::visit(Overloaded{
                        [](const Paragraph& b) -> const markup::InlineText* { return &b.text; },
                        [](const Heading& b) -> const markup::InlineText* { return &b.text; },
                        [](const Quote& b) -> const markup::InlineText* { return &b.text; },
                        [](const List&) -> const markup::InlineText* { return nullptr; },
                        [](const Image&) -> const markup::InlineText* { return nullptr; },
                        [](const Rule&) -> const markup::InlineText* { return nullptr; },
                        [](const Spacer&) -> const markup::InlineText* { return nullptr; },
                        [](const PageBreak&) -> const markup::InlineText* { return nullptr; },
                    },
                    static_cast<const BlockVariant&>(block));
}

const std::string* Document::field(const std::string& name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::optional<Document> buildDocument(const yaml::Node& root, const std::string& path, Diagnostics& diags) {
  return buildDocument(root, path, Options{}, diags);
}

std::optional<Document> buildDocument(const yaml::Node& root, const std::string& path, const Options& options,
                                      Diagnostics& diags) {
  size_t errorsBefore = diags.errorCount();
  try {
    Document doc;
    doc.path = path;
    doc.layoutPos = SourcePos{path, 0, 0};
    DocumentBuilder builder(path, options, diags);
    builder.readDocument(root, doc);
    if (!doc.body.empty()) checkReferences(doc, diags);
    if (diags.errorCount() > errorsBefore) return std::nullopt;
    return doc;
  } catch (const std::exception& e) {  // out of memory: exceptions must not leave the module
    diags.error(SourcePos{path, 0, 0}, std::string("cannot read the content: ") + e.what());
    return std::nullopt;
  }
}

std::optional<Document> loadDocument(const std::string& path, const yaml::Limits& limits,
                                     Diagnostics& diags) {
  return loadDocument(path, limits, Options{}, diags);
}

std::optional<Document> loadDocument(const std::string& path, const yaml::Limits& limits,
                                     const Options& options, Diagnostics& diags) {
  Options withSource = options;
  std::unique_ptr<yaml::Node> root = yaml::load(path, limits, diags, &withSource.source);
  if (!root) return std::nullopt;
  return buildDocument(*root, path, withSource, diags);
}

}  // namespace folio::content
