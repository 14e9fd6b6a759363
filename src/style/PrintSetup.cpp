// The print keys of a layout: `bleed`, `marks` and `standard`.
#include <string>
#include <vector>

#include "style/Layout.h"
#include "style/LayoutReader.h"

namespace folio::style {

namespace {

// Generous, but a bleed is a few millimetres: a larger one is a typo for
// a page size or a margin.
constexpr double kMaxBleedMm = 25;

const std::vector<std::string> kMarks = {"crop", "registration", "slug"};

void readBleed(const yaml::Node& n, LayoutReader& read, PrintSetup& print) {
  Sp bleed = 0;
  if (!read.length(n, bleed)) return;
  if (bleed < 0)
    return read.error(n, "bleed '" + n.scalar + "' is negative; expected a length of 0 or more, such as 3mm");
  if (bleed > mm(kMaxBleedMm))
    return read.error(n, "bleed '" + n.scalar + "' is too large; expected at most 25mm (3mm is usual)");
  print.bleed = bleed;
}

// `marks: crop`, `marks: [crop, registration, slug]`, `marks: none` or `[]`.
void readMarks(const yaml::Node& n, LayoutReader& read, PrintSetup& print) {
  std::vector<const yaml::Node*> items;
  if (n.isScalar())
    items.push_back(&n);
  else if (n.isSequence())
    for (const yaml::Node& item : n.items) items.push_back(&item);
  else
    return read.error(
        n, std::string("expected a list of marks (crop, registration, slug), found ") + n.kindName());
  for (const yaml::Node* item : items) {
    if (!item->isScalar()) {
      read.error(*item,
                 std::string("expected a mark name (crop, registration, slug), found ") + item->kindName());
      continue;
    }
    const std::string& name = item->scalar;
    if (name == "crop")
      print.cropMarks = true;
    else if (name == "registration")
      print.registrationMarks = true;
    else if (name == "slug")
      print.slug = true;
    else if (name == "none" && items.size() == 1)
      continue;
    else {
      std::string close = closestMatch(name, kMarks);
      read.error(*item, "unknown mark '" + name + "'; " +
                            (close.empty() ? std::string("expected crop, registration, slug or none")
                                           : "did you mean '" + close + "'?"));
    }
  }
}

// `standard: pdf/a-2b`, `standard: pdf/a-2b, pdf/ua-1` or a YAML list.
void readStandard(const yaml::Node& n, LayoutReader& read, PrintSetup& print) {
  std::string value;
  if (n.isSequence()) {
    for (const yaml::Node& item : n.items) {
      std::string one;
      if (!read.string(item, one)) return;
      value += (value.empty() ? "" : ",") + one;
    }
  } else if (!read.string(n, value)) {
    return;
  }
  std::string bad;
  if (std::optional<PdfStandards> s = parsePdfStandards(value, &bad)) {
    print.standard = s->base;
    print.ua1 = s->ua1;
    return;
  }
  if (bad == value && value.find_first_of(",+") != std::string::npos) {
    read.error(n, "standards '" + value +
                      "' cannot be combined; expected at most one of pdf/x-4 and pdf/a-2b, "
                      "with or without pdf/ua-1");
    return;
  }
  std::string close = closestMatch(bad, {"pdf/x-4", "pdf/a-2b", "pdf/ua-1", "none"});
  read.error(n, "unknown standard '" + bad + "'; " +
                    (close.empty() ? std::string("expected pdf/x-4, pdf/a-2b, pdf/ua-1 or none")
                                   : "did you mean '" + close + "'?"));
}

}  // namespace

void readPrintSetup(const yaml::Node& root, LayoutReader& read, PrintSetup& print) {
  if (const yaml::Node* n = root.find("bleed")) readBleed(*n, read, print);
  if (const yaml::Node* n = root.find("marks")) readMarks(*n, read, print);
  if (const yaml::Node* n = root.find("standard")) readStandard(*n, read, print);
}

}  // namespace folio::style
