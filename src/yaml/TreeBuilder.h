#pragma once
// Builds folio::yaml::Node trees from yaml-cpp's parser events. Working from
// events (instead of YAML::Load) lets us refuse hostile input while it is
// being read: nesting depth is checked as each collection opens, before
// yaml-cpp recurses further, and aliases are charged at their expanded size
// but only expanded once the whole document is known to fit the budget, so a
// "billion laughs" file fails at once without copying anything.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "yaml/Node.h"
#include "yaml/TextCheck.h"

namespace folio::yaml {

// Thrown from event handlers to stop yaml-cpp at once; caught by parse().
struct LimitExceeded {
  Diagnostic diagnostic;
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const LineIndex& index, const std::string& file, const Limits& limits,
              Diagnostics& diags);

  // The document's root with aliases expanded (a Null node for an empty
  // document).
  Node takeRoot();
  // Errors that did not stop parsing (duplicate keys...) were reported.
  bool failed() const { return m_failed; }

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  // A collection still being read.
  struct Open {
    Node node;
    YAML::anchor_t anchor = 0;
    size_t size = 1;  // nodes in this subtree so far, itself included
    int height = 1;   // collection levels in this subtree
    std::optional<Node> pendingKey;
    std::map<std::string, SourcePos> keys;  // Mapping: key -> where first defined
  };
  // A finished anchored node, kept for aliases to copy. It may itself hold
  // alias placeholders; size and height are those after expansion.
  struct Anchored {
    Node node;
    size_t size = 0;
    int height = 0;
  };

  SourcePos position(const YAML::Mark& mark) const;
  // Where an empty (null) value sits, for messages about it.
  SourcePos emptyValuePosition(const YAML::Mark& mark) const;
  void openCollection(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor);
  void closeCollection();
  void charge(size_t nodes, const SourcePos& pos);
  // Hands a finished node to its parent (or makes it the root).
  void attach(Node node, size_t size, int height, YAML::anchor_t anchor);
  void attachToMapping(Open& parent, Node node);
  std::string aliasName(const YAML::Mark& mark) const;
  // Replaces alias placeholders under `node` with copies of their anchors.
  void expandAliases(Node& node) const;
  void fail(const SourcePos& pos, std::string message);

  std::string_view m_text;
  const LineIndex& m_index;
  const std::string& m_file;
  const Limits& m_limits;
  Diagnostics& m_diags;

  std::vector<Open> m_open;
  std::map<YAML::anchor_t, Anchored> m_anchors;
  std::optional<Node> m_root;
  size_t m_nodes = 0;
  int m_documents = 0;
  bool m_failed = false;
};

}  // namespace folio::yaml
