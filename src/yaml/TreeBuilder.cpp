#include "yaml/TreeBuilder.h"

#include <algorithm>
#include <utility>

#include "yaml/SyntaxErrors.h"

namespace folio::yaml {

TreeBuilder::TreeBuilder(std::string_view text, const LineIndex& index, const std::string& file,
                         const Limits& limits, Diagnostics& diags)
    : m_text(text), m_index(index), m_file(file), m_limits(limits), m_diags(diags) {}

namespace {

// An alias waiting for expansion: a Null node marked quoted (a real Null
// never is), holding the index of its anchor's definition.
bool isAliasPlaceholder(const Node& node) { return node.kind == Node::Kind::Null && node.quoted; }

}  // namespace

Node TreeBuilder::takeRoot() {
  if (m_root) {
    expandAliases(*m_root);
    return std::move(*m_root);
  }
  Node empty;
  empty.pos.file = m_file;
  return empty;
}

SourcePos TreeBuilder::position(size_t offset) const { return m_index.position(offset, m_file); }

void TreeBuilder::fail(const SourcePos& pos, std::string message) {
  m_diags.error(pos, std::move(message));
  m_failed = true;
}

void TreeBuilder::charge(size_t nodes, const SourcePos& pos) {
  m_nodes += nodes;
  if (m_nodes > m_limits.maxNodes) {
    throw LimitExceeded{Diagnostic{Severity::Error, pos,
                                   "too many YAML nodes (more than " + std::to_string(m_limits.maxNodes) +
                                       " after expanding aliases); expected a smaller document "
                                       "(aliases that repeat large anchors multiply its size)"}};
  }
}

void TreeBuilder::documentStart(size_t offset) {
  // A second document is refused at its start, before it is parsed.
  if (++m_documents > 1) {
    throw LimitExceeded{Diagnostic{Severity::Error, position(offset),
                                   "a second YAML document (after '---'); expected one document per file"}};
  }
}

SourcePos TreeBuilder::emptyValuePosition(size_t offset) const {
  if (offset > m_text.size()) return position(offset);
  std::string_view rest = m_text.substr(offset);
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (rest.starts_with(word)) return position(offset);  // an explicit null is where it is written
  }
  // An empty value may be marked at the next token, perhaps lines below.
  // Point just after the '-' or ':' that introduced it instead.
  size_t i = offset;
  while (i > 0 && std::string_view(" \t\r\n").find(m_text[i - 1]) != std::string_view::npos) --i;
  if (i > 0 && (m_text[i - 1] == '-' || m_text[i - 1] == ':')) return position(i);
  return position(offset);
}

size_t TreeBuilder::defineAnchor(std::string_view name) {
  if (name.empty()) return kNoAnchor;
  m_anchors.emplace_back();
  m_anchorNames.insert_or_assign(std::string(name), m_anchors.size() - 1);
  return m_anchors.size() - 1;
}

void TreeBuilder::null(size_t offset, std::string_view anchor) {
  Node node;
  node.kind = Node::Kind::Null;
  node.pos = emptyValuePosition(offset);
  charge(1, node.pos);
  attach(std::move(node), 1, 0, defineAnchor(anchor));
}

void TreeBuilder::scalar(size_t offset, std::string_view anchor, std::string value, bool quoted) {
  Node node;
  node.kind = Node::Kind::Scalar;
  node.pos = position(offset);
  node.scalar = std::move(value);
  node.offset = static_cast<uint32_t>(offset);
  node.quoted = quoted;
  charge(1, node.pos);
  attach(std::move(node), 1, 0, defineAnchor(anchor));
}

void TreeBuilder::alias(size_t offset, std::string_view name) {
  SourcePos pos = position(offset);
  std::string written = "*" + std::string(name);
  auto found = m_anchorNames.find(std::string(name));
  if (found == m_anchorNames.end()) {
    throw LimitExceeded{Diagnostic{Severity::Error, pos,
                                   describeSyntaxError("the referenced anchor is not defined", m_text, pos)}};
  }
  const Anchored& target = m_anchors[found->second];
  if (!target.finished) {
    // The anchor's collection is still open: the alias is inside it, a cycle.
    throw LimitExceeded{Diagnostic{Severity::Error, pos,
                                   "'" + written +
                                       "' refers to the node that contains it; expected an alias to a "
                                       "finished anchor (recursive structures are not allowed)"}};
  }
  if (static_cast<int>(m_open.size()) + target.height > m_limits.maxDepth) {
    throw LimitExceeded{Diagnostic{Severity::Error, pos,
                                   "'" + written + "' nests the document deeper than " +
                                       std::to_string(m_limits.maxDepth) +
                                       " levels; expected a flatter document"}};
  }
  charge(target.size, pos);
  Node placeholder;
  placeholder.pos = pos;
  placeholder.quoted = true;
  placeholder.offset = static_cast<uint32_t>(found->second);
  attach(std::move(placeholder), target.size, target.height, kNoAnchor);
}

void TreeBuilder::expandAliases(Node& node) const {
  if (isAliasPlaceholder(node)) {
    SourcePos pos = std::move(node.pos);
    node = m_anchors[node.offset].node;
    node.pos = std::move(pos);
  }
  // Recursion is bounded by the depth limit, checked when the alias was read.
  for (Node& item : node.items) expandAliases(item);
  for (auto& entry : node.entries) expandAliases(entry.second);
}

void TreeBuilder::openCollection(Node::Kind kind, size_t offset, std::string_view anchor) {
  SourcePos pos = position(offset);
  if (static_cast<int>(m_open.size()) + 1 > m_limits.maxDepth) {
    throw LimitExceeded{Diagnostic{
        Severity::Error, pos,
        "nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels; expected a flatter document"}};
  }
  charge(1, pos);
  Open open;
  open.node.kind = kind;
  open.node.pos = pos;
  open.anchor = defineAnchor(anchor);
  m_open.push_back(std::move(open));
}

void TreeBuilder::collectionEnd() {
  if (m_open.empty()) return;
  Open open = std::move(m_open.back());
  m_open.pop_back();
  if (open.pendingKey) {
    // Cannot happen (the parser emits an empty value), but keep the key.
    open.node.entries.emplace_back(std::move(*open.pendingKey), Node{});
  }
  attach(std::move(open.node), open.size, open.height, open.anchor);
}

void TreeBuilder::sequenceStart(size_t offset, std::string_view anchor) {
  openCollection(Node::Kind::Sequence, offset, anchor);
}

void TreeBuilder::mappingStart(size_t offset, std::string_view anchor) {
  openCollection(Node::Kind::Mapping, offset, anchor);
}

void TreeBuilder::attach(Node node, size_t size, int height, size_t anchor) {
  if (anchor != kNoAnchor) m_anchors[anchor] = Anchored{node, size, height, true};
  if (m_open.empty()) {
    m_root = std::move(node);
    return;
  }
  Open& parent = m_open.back();
  parent.size += size;
  parent.height = std::max(parent.height, height + 1);
  if (parent.node.kind == Node::Kind::Sequence) {
    parent.node.items.push_back(std::move(node));
  } else {
    attachToMapping(parent, std::move(node));
  }
}

void TreeBuilder::attachToMapping(Open& parent, Node node) {
  if (!parent.pendingKey) {
    if (isAliasPlaceholder(node)) {
      fail(node.pos, "an alias is used as a mapping key; expected a plain name");
      node.kind = Node::Kind::Scalar;
      node.quoted = false;
    } else if (node.kind == Node::Kind::Null) {
      fail(node.pos, "empty mapping key; expected a name before ':'");
      node.kind = Node::Kind::Scalar;
    } else if (node.kind != Node::Kind::Scalar) {
      fail(node.pos, std::string("a mapping key is ") + node.kindName() + "; expected a plain name");
      Node placeholder;
      placeholder.kind = Node::Kind::Scalar;
      placeholder.pos = node.pos;
      node = std::move(placeholder);
    } else if (node.scalar == "<<" && !node.quoted) {
      fail(node.pos, "merge keys ('<<') are not supported; expected the keys written out");
    }
    parent.pendingKey = std::move(node);
    return;
  }
  Node key = std::move(*parent.pendingKey);
  parent.pendingKey.reset();
  if (const Node::Entry* first = findKey(parent, key.scalar)) {
    fail(key.pos,
         "duplicate key '" + key.scalar + "'; first defined at " + LineIndex::lineColumn(first->first.pos));
  } else if (!parent.keyIndex.empty()) {
    parent.keyIndex.emplace(key.scalar, parent.node.entries.size());
  }
  parent.node.entries.emplace_back(std::move(key), std::move(node));
}

const Node::Entry* TreeBuilder::findKey(Open& mapping, const std::string& key) {
  const auto& entries = mapping.node.entries;
  constexpr size_t kScanned = 16;
  if (entries.size() < kScanned) {
    for (const auto& entry : entries) {
      if (entry.first.scalar == key) return &entry;
    }
    return nullptr;
  }
  if (mapping.keyIndex.empty()) {
    for (size_t i = 0; i < entries.size(); ++i) mapping.keyIndex.emplace(entries[i].first.scalar, i);
  }
  auto it = mapping.keyIndex.find(key);
  return it == mapping.keyIndex.end() ? nullptr : &entries[it->second];
}

}  // namespace folio::yaml
