#include "pdf/Images.h"

#include "pdf/Objects.h"
#include "pdf/PagePlacement.h"

namespace folio::pdf {

using namespace PoDoFo;

namespace {

const char* deviceSpace(int components) {
  switch (components) {
    case 1:
      return "DeviceGray";
    case 4:
      return "DeviceCMYK";
    default:
      return "DeviceRGB";
  }
}

PdfObject* imageObject(PdfMemDocument& doc, const image::Image& img, int components,
                       ColorSpaces* colors = nullptr) {
  PdfObject* obj = doc.GetObjects().CreateObject("XObject");
  PdfDictionary& d = obj->GetDictionary();
  d.AddKey("Subtype", PdfName("Image"));
  d.AddKey("Width", integer(img.width));
  d.AddKey("Height", integer(img.height));
  const ColorSpaces::Space* icc = colors ? colors->iccSpace(components) : nullptr;
  if (icc)
    d.AddKey("ColorSpace", icc->ref);
  else
    d.AddKey("ColorSpace", PdfName(deviceSpace(components)));
  d.AddKey("BitsPerComponent", integer(img.bitsPerComponent));
  return obj;
}

}  // namespace

std::string ImageXObjects::problem(const image::Image& img) {
  if (img.width == 0 || img.height == 0) return "the image is empty";
  if (img.format == image::Image::Format::Pdf) return img.data.empty() ? "the PDF data is missing" : "";
  if (img.format == image::Image::Format::Jpeg) {
    if (img.components != 1 && img.components != 3 && img.components != 4)
      return "unsupported JPEG components";
    return img.data.empty() ? "the JPEG data is missing" : "";
  }
  if (img.components != 1 && img.components != 3) return "unsupported number of colour components";
  if (img.bitsPerComponent != 8 && img.bitsPerComponent != 16) return "unsupported bit depth";
  const uint64_t samples = uint64_t(img.width) * img.height * (img.bitsPerComponent / 8);
  if (img.data.size() != samples * img.components) return "the sample data does not match the image size";
  if (!img.alpha.empty() && img.alpha.size() != samples)
    return "the alpha data does not match the image size";
  return "";
}

const ImageXObjects::XObject& ImageXObjects::use(const image::Image& img) {
  auto it = m_written.find(&img);
  if (it != m_written.end()) return it->second;
  XObject x = img.format == image::Image::Format::Pdf
                  ? writeForm(img)
                  : XObject{"Im" + std::to_string(m_written.size() + 1), write(img)->Reference()};
  return m_written.emplace(&img, x).first->second;
}

ImageXObjects::XObject ImageXObjects::writeForm(const image::Image& img) {
  ImportedPage page = importPage(m_doc, img.data, img.page, m_level);
  return XObject{"Fm" + std::to_string(m_written.size() + 1), page.form->Reference(), page.width,
                 page.height};
}

PdfObject* ImageXObjects::write(const image::Image& img) {
  if (img.format == image::Image::Format::Jpeg) {
    PdfObject* obj = imageObject(m_doc, img, img.components, m_colors);
    obj->GetDictionary().AddKey("Filter", PdfName("DCTDecode"));
    if (img.adobeInvertedCmyk) {
      // Photoshop's CMYK JPEGs store inverted samples; undo that.
      PdfArray decode;
      for (int i = 0; i < 4; ++i) {
        decode.push_back(integer(1));
        decode.push_back(integer(0));
      }
      obj->GetDictionary().AddKey("Decode", decode);
    }
    setRawStream(obj, img.data);
    return obj;
  }
  PdfObject* obj = imageObject(m_doc, img, img.components, m_colors);
  setFlateStream(obj, img.data, m_level);
  if (!img.alpha.empty()) {
    PdfObject* mask = imageObject(m_doc, img, 1);
    setFlateStream(mask, img.alpha, m_level);
    obj->GetDictionary().AddKey("SMask", mask->Reference());
  }
  return obj;
}

}  // namespace folio::pdf
