#pragma once
// A page of another PDF, read for placing as vector art: its content, its
// visible box, and the objects its resources reach (fonts, images,
// patterns...), and nothing else of the source file (not its other pages,
// catalog or Info, which PoDoFo's own PdfXObject import would append
// wholesale). The result is plain data in PDF syntax, which the module's
// entry (ModuleEntry.cpp) renumbers and serialises for folio's writer.
#include <string>
#include <string_view>
#include <vector>

namespace folio::pdfread {

// An object the page's resources reach. References in `syntax` are
// renumbered: "N 0 R" is objects[N - 1] of the same PageCopy.
struct CopiedObject {
  std::string syntax;  // the object's value; for a stream, its dictionary without /Length
  bool stream = false;
  std::string streamData;  // still encoded: its /Filter is in the dictionary
};

struct PageCopy {
  double box[4] = {0, 0, 0, 0};  // BBox: the crop box clipped to the media box
  // The form /Matrix that turns the box as a viewer shows the page (/Rotate
  // is clockwise) and moves its lower-left corner to the origin.
  double matrix[6] = {1, 0, 0, 1, 0, 0};
  std::string resources;  // the page's /Resources in PDF syntax; "" for none
  std::string group;      // its transparency /Group; "" for none
  std::string content;    // the page's content, decoded (parts joined)
  // Breadth first from the resources, then the group: the order the writer
  // numbers them in, so the same file gives the same bytes.
  std::vector<CopiedObject> objects;
  double width = 0, height = 0;  // the form's extent in pt: the box, turned by /Rotate
};

// Reads page `page` (1-based) of the PDF `file` into `out`. Returns "", or
// the problem in the words of a diagnostic ("the PDF is encrypted").
std::string readPage(std::string_view file, int page, PageCopy& out);

}  // namespace folio::pdfread
