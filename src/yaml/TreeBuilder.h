#pragma once
// Builds folio::yaml::Node trees from parser events (yaml/EventReader.h
// feeds it libyaml's). Working from events (instead of a loaded document)
// lets us refuse hostile input while it is being read: nesting depth is
// checked as each collection opens, and aliases are charged at their
// expanded size but only expanded once the whole document is known to fit
// the budget, so a "billion laughs" file fails at once without copying
// anything. Positions are byte offsets into the text.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "yaml/Node.h"
#include "yaml/TextCheck.h"

namespace folio::yaml {

// Thrown from the event handlers to stop reading at once; caught by parse().
struct LimitExceeded {
  Diagnostic diagnostic;
};

class TreeBuilder final {
 public:
  TreeBuilder(std::string_view text, const LineIndex& index, const std::string& file, const Limits& limits,
              Diagnostics& diags);

  // The document's root with aliases expanded (a Null node for an empty
  // document).
  Node takeRoot();
  // Errors that did not stop parsing (duplicate keys...) were reported.
  bool failed() const { return m_failed; }

  // The events, each with the byte offset where its node starts (at its
  // anchor or tag when it has one) and its anchor's name ("" for none).
  void documentStart(size_t offset);
  // An empty value or a plain ~, null, Null or NULL.
  void null(size_t offset, std::string_view anchor);
  // `quoted`: quoted, a block scalar, or tagged !!str (the author wants a
  // string, not a number or boolean).
  void scalar(size_t offset, std::string_view anchor, std::string value, bool quoted);
  void alias(size_t offset, std::string_view name);
  void sequenceStart(size_t offset, std::string_view anchor);
  void mappingStart(size_t offset, std::string_view anchor);
  void collectionEnd();

 private:
  static constexpr size_t kNoAnchor = ~size_t{0};
  // A collection still being read.
  struct Open {
    Node node;
    size_t anchor = kNoAnchor;  // index into m_anchors
    size_t size = 1;            // nodes in this subtree so far, itself included
    int height = 1;             // collection levels in this subtree
    std::optional<Node> pendingKey;
    // Mapping with many keys: key -> index of its entry, for the duplicate
    // check (small mappings are searched directly; most have a few keys).
    std::unordered_map<std::string, size_t> keyIndex;
  };
  // An anchored node, kept for aliases to copy; unfinished while its
  // collection is open. It may itself hold alias placeholders; size and
  // height are those after expansion.
  struct Anchored {
    Node node;
    size_t size = 0;
    int height = 0;
    bool finished = false;
  };

  SourcePos position(size_t offset) const;
  // Where an empty (null) value sits, for messages about it.
  SourcePos emptyValuePosition(size_t offset) const;
  // Registers an anchor definition: later aliases with its name refer to it
  // (a name may be defined again; an alias takes the latest definition).
  size_t defineAnchor(std::string_view name);
  void openCollection(Node::Kind kind, size_t offset, std::string_view anchor);
  void charge(size_t nodes, const SourcePos& pos);
  // Hands a finished node to its parent (or makes it the root).
  void attach(Node node, size_t size, int height, size_t anchor);
  void attachToMapping(Open& parent, Node node);
  // The entry already holding `key` in the mapping being read, or nullptr.
  static const Node::Entry* findKey(Open& mapping, const std::string& key);
  // Replaces alias placeholders under `node` with copies of their anchors.
  void expandAliases(Node& node) const;
  void fail(const SourcePos& pos, std::string message);

  std::string_view m_text;
  const LineIndex& m_index;
  const std::string& m_file;
  const Limits& m_limits;
  Diagnostics& m_diags;

  std::vector<Open> m_open;
  std::vector<Anchored> m_anchors;                        // by definition order
  std::unordered_map<std::string, size_t> m_anchorNames;  // name -> latest definition
  std::optional<Node> m_root;
  size_t m_nodes = 0;
  int m_documents = 0;
  bool m_failed = false;
};

}  // namespace folio::yaml
