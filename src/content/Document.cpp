#include "content/Document.h"

#include "base/Languages.h"

#include "content/DocumentBuilder.h"
#include "content/Placeholders.h"
#include "content/References.h"

namespace folio::content {

const std::string* Document::field(const std::string& name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool Document::rightToLeft() const {
  return dir == Direction::Rtl || (dir == Direction::Auto && isRightToLeftLanguage(language));
}

std::optional<Document> buildDocument(const yaml::Node& root, const std::string& path, Diagnostics& diags) {
  return buildDocument(root, path, Options{}, diags);
}

namespace {

// `owned`: the tree is the caller's to give up (loadDocument's), so body
// items are released as they are read; else `root` is only read.
std::optional<Document> build(const yaml::Node& root, yaml::Node* owned, const std::string& path,
                              const Options& options, Diagnostics& diags) {
  size_t errorsBefore = diags.errorCount();
  try {
    Document doc;
    doc.path = path;
    doc.layoutPos = SourcePos{path, 0, 0};
    // Found before the body is read (and perhaps released), reported after
    // the builder's messages as before.
    std::vector<Placeholder> placeholders = findPlaceholders(root, options.source);
    DocumentBuilder builder(path, options, diags);
    if (owned) {
      builder.readDocumentReleasing(*owned, doc);
    } else {
      builder.readDocument(root, doc);
    }
    if (!doc.body.empty()) checkReferences(doc, diags);
    std::set<std::string> known;
    for (const auto& [name, value] : doc.fields) known.insert(name);
    for (const Placeholder& p : placeholders)
      if (p.name.rfind("fields.", 0) == 0) doc.fieldsInText.insert(p.name.substr(7));
    // A field written as `name: ~` is given but empty: its placeholder is no typo.
    for (const auto& [name, pos] : doc.fieldPos) known.insert(name);
    checkFieldPlaceholders(placeholders, known, diags);
    if (diags.errorCount() > errorsBefore && !options.keepOnError) return std::nullopt;
    return doc;
  } catch (const std::exception& e) {  // out of memory: exceptions must not leave the module
    diags.error(SourcePos{path, 0, 0}, std::string("cannot read the content: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace

std::optional<Document> buildDocument(const yaml::Node& root, const std::string& path, const Options& options,
                                      Diagnostics& diags) {
  return build(root, nullptr, path, options, diags);
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
  return build(*root, root.get(), path, withSource, diags);
}

}  // namespace folio::content
