#include "style/LayoutMerge.h"

#include <filesystem>

#include "style/Layout.h"

namespace folio::style {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxBases = 8;  // extends chains: a user layout on a house layout on a built-in one

bool sameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

// NAME.yaml in the search directories, or a path relative to the extending
// file; never the extending file itself (a user's layouts/letterhead.yaml
// may extend the built-in letterhead).
std::string findBase(const std::string& name, const std::string& from, const std::vector<std::string>& dirs) {
  std::error_code ec;
  std::string fromDir = fs::path(from).parent_path().string();
  if (isLayoutPath(name)) {
    fs::path p = fs::path(name).is_absolute() ? fs::path(name) : fs::path(fromDir.empty() ? "." : fromDir) / name;
    return fs::is_regular_file(p, ec) ? p.lexically_normal().string() : std::string();
  }
  std::vector<std::string> all = {fromDir.empty() ? "." : fromDir};
  all.insert(all.end(), dirs.begin(), dirs.end());
  for (const std::string& dir : all) {
    fs::path p = fs::path(dir) / (name + ".yaml");
    if (fs::is_regular_file(p, ec) && !sameFile(p.string(), from)) return p.lexically_normal().string();
  }
  return {};
}

const yaml::Node* itemId(const yaml::Node& item) { return item.isMapping() ? item.find("id") : nullptr; }

bool hasKind(const yaml::Node& item) {
  return item.find("text") || item.find("image") || item.find("rule") || item.find("box");
}

void mergeItems(yaml::Node& base, const yaml::Node& child, Diagnostics& diags) {
  std::vector<std::string> ids;
  for (const yaml::Node& b : base.items)
    if (const yaml::Node* id = itemId(b)) ids.push_back(id->scalar);
  for (const yaml::Node& c : child.items) {
    const yaml::Node* id = itemId(c);
    const yaml::Node* remove = c.isMapping() ? c.find("remove") : nullptr;
    auto match = base.items.end();
    if (id)
      for (auto it = base.items.begin(); it != base.items.end(); ++it)
        if (const yaml::Node* bid = itemId(*it); bid && bid->scalar == id->scalar) match = it;
    if (remove && !(remove->isScalar() && (remove->scalar == "true" || remove->scalar == "yes"))) {
      diags.error(remove->pos, "'remove' takes true; expected remove: true to take the item away");
      continue;
    }
    if (match == base.items.end()) {
      if (id && (remove || !hasKind(c))) {
        std::string close = closestMatch(id->scalar, ids);
        diags.error(id->pos, "no template item with id '" + id->scalar + "' in the base layout" +
                                 (close.empty() ? "; expected one of its ids, or a new item with text, image, "
                                                  "rule or box"
                                                : "; did you mean '" + close + "'?"));
        continue;
      }
      base.items.push_back(c);  // a new item
      continue;
    }
    if (remove) base.items.erase(match);
    else if (hasKind(c)) *match = c;  // replaced whole
    else mergeLayoutTrees(*match, c, diags);  // only the keys it names change
  }
}

}  // namespace

void mergeLayoutTrees(yaml::Node& base, const yaml::Node& child, Diagnostics& diags) {
  if (!base.isMapping() || !child.isMapping()) {
    base = child;
    return;
  }
  for (const auto& [key, value] : child.entries) {
    yaml::Node* slot = nullptr;
    for (auto& [k, v] : base.entries)
      if (k.scalar == key.scalar) slot = &v;
    if (!slot) {
      base.entries.emplace_back(key, value);
      continue;
    }
    if (key.scalar == "items" && slot->isSequence() && value.isSequence()) mergeItems(*slot, value, diags);
    else if (slot->isMapping() && value.isMapping()) mergeLayoutTrees(*slot, value, diags);
    else *slot = value;
  }
}

bool resolveExtends(yaml::Node& root, const std::string& path, const yaml::Limits& limits,
                    const std::vector<std::string>& searchDirs, Diagnostics& diags) {
  std::vector<std::string> chain = {path};
  yaml::Node merged = root;
  const yaml::Node* ext = root.isMapping() ? root.find("extends") : nullptr;
  if (!ext) return true;
  std::vector<yaml::Node> layers = {root};  // the extending file first, then its bases
  std::string from = path;
  while (ext) {
    if (!ext->isScalar() || ext->scalar.empty()) {
      diags.error(ext->pos, "expected a layout name (letterhead, memo, ...) or a path after 'extends'");
      return false;
    }
    std::string base = findBase(ext->scalar, from, searchDirs);
    if (base.empty()) {
      std::string close = isLayoutPath(ext->scalar) ? "" : closestMatch(ext->scalar, layoutNames(searchDirs));
      diags.error(ext->pos, "layout '" + ext->scalar + "' to extend not found; " +
                                (close.empty() ? "expected a built-in layout name or a path to a .yaml file"
                                               : "did you mean '" + close + "'?"));
      return false;
    }
    for (const std::string& seen : chain)
      if (sameFile(seen, base)) {
        diags.error(ext->pos, "layout '" + ext->scalar + "' extends itself (through '" + base +
                                  "'); expected a chain of layouts ending at one without 'extends'");
        return false;
      }
    if (chain.size() > kMaxBases) {
      diags.error(ext->pos, "more than " + std::to_string(kMaxBases) + " layouts extend one another; expected a "
                                                                        "shorter chain");
      return false;
    }
    chain.push_back(base);
    std::unique_ptr<yaml::Node> tree = yaml::load(base, limits, diags);
    if (!tree) return false;
    if (!tree->isMapping()) {
      diags.error(tree->pos, "the layout to extend is not a mapping; expected a layout file");
      return false;
    }
    layers.push_back(std::move(*tree));
    ext = layers.back().find("extends");
    from = base;
  }
  // Apply from the deepest base up.
  merged = std::move(layers.back());
  for (size_t i = layers.size() - 1; i-- > 0;) mergeLayoutTrees(merged, layers[i], diags);
  std::erase_if(merged.entries, [](const yaml::Node::Entry& e) { return e.first.scalar == "extends"; });
  root = std::move(merged);
  return !diags.hasErrors();
}

}  // namespace folio::style
