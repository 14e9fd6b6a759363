#pragma once
// A YAML tree that remembers where every node came from. libyaml parses
// (yaml/EventReader.h); this module builds plain nodes with FILE:LINE:COL,
// checking budgets (nesting depth, node count after alias expansion, input
// size) so hostile input cannot exhaust the stack or memory.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Diagnostics.h"

namespace folio::yaml {

class SourceText;  // yaml/ScalarSource.h

struct Limits {
  size_t maxInputBytes = 16u << 20;  // 16 MiB
  int maxDepth = 64;                 // nesting of sequences and mappings
  size_t maxNodes = 1'000'000;       // after alias expansion
};

struct Node {
  enum class Kind : uint8_t { Null, Scalar, Sequence, Mapping };
  Kind kind = Kind::Null;
  SourcePos pos;
  std::string scalar;       // Scalar: the value as written
  bool quoted = false;      // Scalar: was quoted ('' or "") or a block scalar
  uint32_t offset = 0;      // Scalar: byte offset of its first character in the file
  std::vector<Node> items;  // Sequence
  // Mapping, in source order. An entry reads like a std::pair (first is the
  // key, a Scalar node; second the value); std::pair<Node, Node> itself
  // cannot be a member of Node (clang rejects the incomplete type).
  struct Entry;
  std::vector<Entry> entries;

  bool isNull() const { return kind == Kind::Null; }
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isSequence() const { return kind == Kind::Sequence; }
  bool isMapping() const { return kind == Kind::Mapping; }
  // Mapping lookup by key; nullptr when absent.
  const Node* find(std::string_view key) const;
  // "a mapping", "a sequence", "a string", "null": for "expected X, found Y".
  const char* kindName() const;
};

struct Node::Entry {
  Node first;   // the key
  Node second;  // the value
  Entry() = default;
  Entry(Node key, Node value) : first(std::move(key)), second(std::move(value)) {}
};

// Parses `text` (the contents of `fileName`). On failure returns nullptr and
// adds diagnostics such as "bad.yaml:3:7: error: ...". Checks UTF-8 validity,
// NUL and control characters, size, depth and node budgets. With `source`,
// also hands back the text and its line index (for ScalarMap).
std::unique_ptr<Node> parse(const std::string& text, const std::string& fileName, const Limits& limits,
                            Diagnostics& diags, std::shared_ptr<const SourceText>* source = nullptr);
// Reads the file then parses it; a missing or unreadable file is a diagnostic.
std::unique_ptr<Node> load(const std::string& path, const Limits& limits, Diagnostics& diags);
// The same, also handing back the text (for ScalarMap, yaml/ScalarSource.h).
std::unique_ptr<Node> load(const std::string& path, const Limits& limits, Diagnostics& diags,
                           std::shared_ptr<const SourceText>* text);

// The file's bytes, refused (a diagnostic, nullopt) when it cannot be read
// or is larger than limits.maxInputBytes. load() reads through it.
std::optional<std::string> readFileBytes(const std::string& path, const Limits& limits, Diagnostics& diags);
// The same, also refusing what parse() refuses before YAML sees it (not
// UTF-8, NUL, control characters): for inputs in other formats, such as a
// mail merge's CSV, so every input file meets the same limits.
std::optional<std::string> readTextFile(const std::string& path, const Limits& limits, Diagnostics& diags);

}  // namespace folio::yaml
