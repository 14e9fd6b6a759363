#include "yaml/TreeBuilder.h"

#include <utility>

namespace folio::yaml {

TreeBuilder::TreeBuilder(std::string_view text, const LineIndex& index, const std::string& file,
                         const Limits& limits, Diagnostics& diags)
    : m_text(text), m_index(index), m_file(file), m_limits(limits), m_diags(diags) {}

namespace {

// Does the quoted scalar opening at text[at] ('"' or '\'') close? yaml-cpp
// accepts a quoted scalar that runs to the end of the file, which swallows
// the rest of the document into one string.
bool closesQuote(std::string_view text, size_t at) {
  char quote = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

// An alias waiting for expansion: a Null node marked quoted (a real Null
// never is), holding the anchor id.
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

SourcePos TreeBuilder::position(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.pos < 0) return SourcePos{m_file, 0, 0};
  return m_index.position(static_cast<size_t>(mark.pos), m_file);
}

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

void TreeBuilder::OnDocumentStart(const YAML::Mark& mark) {
  // A second document is refused at its start, before yaml-cpp parses it.
  if (++m_documents > 1) {
    throw LimitExceeded{Diagnostic{Severity::Error, position(mark),
                                   "a second YAML document (after '---'); expected one document per file"}};
  }
}

SourcePos TreeBuilder::emptyValuePosition(const YAML::Mark& mark) const {
  if (mark.pos < 0 || static_cast<size_t>(mark.pos) > m_text.size()) return position(mark);
  std::string_view rest = m_text.substr(static_cast<size_t>(mark.pos));
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (rest.starts_with(word)) return position(mark);  // an explicit null is where it is written
  }
  // An empty value: yaml-cpp marks the next token, perhaps lines below.
  // Point just after the '-' or ':' that introduced it instead.
  size_t i = static_cast<size_t>(mark.pos);
  while (i > 0 && std::string_view(" \t\r\n").find(m_text[i - 1]) != std::string_view::npos) --i;
  if (i > 0 && (m_text[i - 1] == '-' || m_text[i - 1] == ':')) return m_index.position(i, m_file);
  return position(mark);
}

void TreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Node node;
  node.kind = Node::Kind::Null;
  node.pos = emptyValuePosition(mark);
  charge(1, node.pos);
  attach(std::move(node), 1, 0, anchor);
}

void TreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  Node node;
  node.kind = Node::Kind::Scalar;
  node.pos = position(mark);
  node.scalar = value;
  node.offset = mark.pos > 0 ? static_cast<uint32_t>(mark.pos) : 0;
  // yaml-cpp tags quoted and block scalars "!"; an explicit !!str means the
  // same to us: the author wants a string, not a number or boolean.
  node.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
  if (mark.pos >= 0 && static_cast<size_t>(mark.pos) < m_text.size() &&
      (m_text[mark.pos] == '"' || m_text[mark.pos] == '\'') && !closesQuote(m_text, static_cast<size_t>(mark.pos))) {
    std::string q(1, m_text[mark.pos]);
    throw LimitExceeded{Diagnostic{Severity::Error, node.pos,
                                   "YAML syntax error: the string opened by " + q +
                                       " here is never closed; expected a closing " + q +
                                       (q == "\"" ? " (write \\\" for a quote inside the string)"
                                                  : " (write '' for a quote inside the string)")}};
  }
  charge(1, node.pos);
  attach(std::move(node), 1, 0, anchor);
}

std::string TreeBuilder::aliasName(const YAML::Mark& mark) const {
  if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= m_text.size() || m_text[mark.pos] != '*') return "";
  size_t end = static_cast<size_t>(mark.pos) + 1;
  while (end < m_text.size() && std::string_view(" \t\r\n,[]{}").find(m_text[end]) == std::string_view::npos)
    ++end;
  return std::string(m_text.substr(mark.pos, end - mark.pos));
}

void TreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  SourcePos pos = position(mark);
  std::string name = aliasName(mark);
  if (name.empty()) name = "alias";
  auto it = m_anchors.find(anchor);
  if (it == m_anchors.end()) {
    // yaml-cpp registers an anchor when its node starts, so an alias inside
    // its own anchor resolves here: a cycle.
    throw LimitExceeded{Diagnostic{Severity::Error, pos,
                                   "'" + name +
                                       "' refers to the node that contains it; expected an alias to a "
                                       "finished anchor (recursive structures are not allowed)"}};
  }
  const Anchored& target = it->second;
  if (static_cast<int>(m_open.size()) + target.height > m_limits.maxDepth) {
    throw LimitExceeded{Diagnostic{Severity::Error, pos,
                                   "'" + name + "' nests the document deeper than " +
                                       std::to_string(m_limits.maxDepth) +
                                       " levels; expected a flatter document"}};
  }
  charge(target.size, pos);
  Node placeholder;
  placeholder.pos = pos;
  placeholder.quoted = true;
  placeholder.scalar = std::to_string(anchor);
  attach(std::move(placeholder), target.size, target.height, 0);
}

void TreeBuilder::expandAliases(Node& node) const {
  if (isAliasPlaceholder(node)) {
    auto it = m_anchors.find(static_cast<YAML::anchor_t>(std::stoul(node.scalar)));
    SourcePos pos = std::move(node.pos);
    node = it->second.node;
    node.pos = std::move(pos);
  }
  // Recursion is bounded by the depth limit, checked when the alias was read.
  for (Node& item : node.items) expandAliases(item);
  for (auto& entry : node.entries) expandAliases(entry.second);
}

void TreeBuilder::openCollection(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
  SourcePos pos = position(mark);
  if (static_cast<int>(m_open.size()) + 1 > m_limits.maxDepth) {
    throw LimitExceeded{Diagnostic{
        Severity::Error, pos,
        "nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels; expected a flatter document"}};
  }
  charge(1, pos);
  Open open;
  open.node.kind = kind;
  open.node.pos = pos;
  open.anchor = anchor;
  m_open.push_back(std::move(open));
}

void TreeBuilder::closeCollection() {
  if (m_open.empty()) return;
  Open open = std::move(m_open.back());
  m_open.pop_back();
  if (open.pendingKey) {
    // Cannot happen with yaml-cpp (it emits a Null value), but keep the key.
    open.node.entries.emplace_back(std::move(*open.pendingKey), Node{});
  }
  attach(std::move(open.node), open.size, open.height, open.anchor);
}

void TreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value) {
  openCollection(Node::Kind::Sequence, mark, anchor);
}

void TreeBuilder::OnSequenceEnd() { closeCollection(); }

void TreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value) {
  openCollection(Node::Kind::Mapping, mark, anchor);
}

void TreeBuilder::OnMapEnd() { closeCollection(); }

void TreeBuilder::attach(Node node, size_t size, int height, YAML::anchor_t anchor) {
  if (anchor != 0) m_anchors[anchor] = Anchored{node, size, height};
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
  auto [it, inserted] = parent.keys.emplace(key.scalar, key.pos);
  if (!inserted) {
    fail(key.pos,
         "duplicate key '" + key.scalar + "'; first defined at " + LineIndex::lineColumn(it->second));
  }
  parent.node.entries.emplace_back(std::move(key), std::move(node));
}

}  // namespace folio::yaml
