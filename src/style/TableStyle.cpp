// The `tables:` key of a layout: rules, stripes, padding and the styles of
// cells, header cells and captions.
#include "style/Layout.h"
#include "style/LayoutReader.h"

namespace folio::style {

void readTableStyle(const yaml::Node& n, LayoutReader& read, TableStyle& table) {
  static const std::vector<std::string> kKeys{"rules",  "rule-color",   "stripe",        "header-fill",
                                              "padding", "cell-style", "header-style", "caption-style",
                                              "caption"};
  if (!read.checkKeys(n, kKeys, "'tables'")) return;
  if (const yaml::Node* v = n.find("rules")) {
    // `rules: none`, or a mapping of top, mid and bottom thicknesses.
    if (v->isScalar() && v->scalar == "none") {
      table.topRule = table.midRule = table.bottomRule = 0;
    } else if (v->isMapping() && read.checkKeys(*v, {"top", "mid", "bottom"}, "'tables: rules'")) {
      if (const yaml::Node* r = v->find("top")) read.length(*r, table.topRule);
      if (const yaml::Node* r = v->find("mid")) read.length(*r, table.midRule);
      if (const yaml::Node* r = v->find("bottom")) read.length(*r, table.bottomRule);
    } else if (!v->isMapping()) {
      read.error(*v, "expected 'none' or a mapping of top, mid and bottom rule thicknesses");
    }
  }
  if (const yaml::Node* v = n.find("rule-color")) read.color(*v, table.ruleColor);
  for (const char* key : {"stripe", "header-fill"})
    if (const yaml::Node* v = n.find(key)) {
      if (v->isScalar() && v->scalar == "none") continue;
      Color c;
      if (read.color(*v, c)) (std::string(key) == "stripe" ? table.stripe : table.headerFill) = c;
    }
  if (const yaml::Node* v = n.find("padding")) {
    // One length for both directions, or [vertical, horizontal] as in CSS.
    if (v->isSequence() && v->items.size() == 2) {
      read.length(v->items[0], table.padY);
      read.length(v->items[1], table.padX);
    } else if (read.length(*v, table.padY)) {
      table.padX = table.padY;
    }
  }
  if (const yaml::Node* v = n.find("cell-style")) read.string(*v, table.cellStyle);
  if (const yaml::Node* v = n.find("header-style")) read.string(*v, table.headerStyle);
  if (const yaml::Node* v = n.find("caption-style")) read.string(*v, table.captionStyle);
  if (const yaml::Node* v = n.find("caption")) {
    std::string where;
    if (read.string(*v, where)) {
      if (where == "above" || where == "below") table.captionAbove = where == "above";
      else read.error(*v, "caption '" + where + "' is not valid; expected above or below");
    }
  }
}

}  // namespace folio::style
