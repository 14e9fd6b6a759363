#pragma once
// Image XObjects, each written once however often it is placed (keyed on the
// decoded image the frames share). PNG samples are Flate-compressed with the
// alpha as an /SMask; JPEG bytes pass through with /DCTDecode; a PDF page
// becomes a Form XObject (PagePlacement.h).
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "image/Image.h"
#include "pdf/ColorSpaces.h"
#include "pdf/Document.h"

namespace folio::pdf {

class ImageXObjects {
 public:
  ImageXObjects(Document& doc, int compressionLevel) : m_doc(doc), m_level(compressionLevel) {}

  struct XObject {
    std::string resourceName;  // "Im1", "Fm2"
    Ref ref;
    // A form's extent in pt, which its placement scales to the frame's
    // rectangle; 0 for an image (drawn in the unit square).
    double formWidth = 0, formHeight = 0;
  };
  const XObject& use(const std::shared_ptr<const image::Image>& img);
  // Images then keep their colour space but carry an ICC profile where
  // `colors` requires one (RGB under PDF/X-4 or PDF/A-2b).
  void tagWith(ColorSpaces* colors) { m_colors = colors; }
  // Why `img` cannot be written ("" when it can): sample count vs. size, etc.
  static std::string problem(const image::Image& img);

 private:
  DocObject* write(const image::Image& img);
  XObject writeForm(const image::Image& img);

  Document& m_doc;
  int m_level;
  ColorSpaces* m_colors = nullptr;
  // Lookup only; names follow first use. An image may be freed with its
  // page (streaming) and another decoded at its address: the weak_ptr keeps
  // the address taken (make_shared's block lives while it does) and says
  // when the image it saw is gone (then the address is someone else's).
  struct Seen {
    std::weak_ptr<const image::Image> image;
    XObject x;
  };
  std::unordered_map<const image::Image*, Seen> m_written;
  // The same picture decoded twice (documents of a --combine batch rendered
  // on different threads each decode it; on one thread they share it) is
  // written once, so the file does not depend on -j: keyed by what was read.
  std::map<std::string, XObject> m_byContent;
  size_t m_count = 0;  // distinct images written: their names
};

}  // namespace folio::pdf
