#include "pdf/Images.h"

#include "pdf/Objects.h"
#include "pdf/PagePlacement.h"

namespace folio::pdf {

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

DocObject* imageObject(Document& doc, const image::Image& img, int components,
                       ColorSpaces* colors = nullptr) {
  DocObject* obj = doc.create("XObject");
  Dictionary& d = obj->dict();
  d.add("Subtype", Name("Image"));
  d.add("Width", integer(img.width));
  d.add("Height", integer(img.height));
  const ColorSpaces::Space* icc = colors ? colors->iccSpace(components) : nullptr;
  if (icc)
    d.add("ColorSpace", icc->ref);
  else
    d.add("ColorSpace", Name(deviceSpace(components)));
  d.add("BitsPerComponent", integer(img.bitsPerComponent));
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

const ImageXObjects::XObject& ImageXObjects::use(const std::shared_ptr<const image::Image>& shared) {
  const image::Image& img = *shared;
  if (auto it = m_written.find(&img); it != m_written.end()) {
    if (!it->second.image.expired()) return it->second.x;
    m_written.erase(it);  // a new image at the address of one that is gone
  }
  // What was read, not where it lives in memory: the file, the page placed,
  // the size and a hash of the samples (std::hash of the bytes, over a
  // string that is hashed once per decoded image).
  std::string key = img.path;
  key += '\0';
  for (uint64_t v : {uint64_t(img.format), uint64_t(img.page), uint64_t(img.width), uint64_t(img.height),
                     uint64_t(img.components), uint64_t(img.bitsPerComponent), uint64_t(img.data.size()),
                     uint64_t(img.alpha.size()), uint64_t(std::hash<std::string>{}(img.data)),
                     uint64_t(std::hash<std::string>{}(img.alpha))})
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
  XObject x;
  if (auto same = m_byContent.find(key); same != m_byContent.end()) {
    x = same->second;
  } else {
    ++m_count;
    x = img.format == image::Image::Format::Pdf ? writeForm(img)
                                                : XObject{"Im" + std::to_string(m_count), write(img)->ref};
    m_byContent.emplace(std::move(key), x);
  }
  return m_written.emplace(&img, Seen{shared, std::move(x)}).first->second.x;
}

ImageXObjects::XObject ImageXObjects::writeForm(const image::Image& img) {
  ImportedPage page = importPage(m_doc, img.data, img.page, m_level);
  return XObject{"Fm" + std::to_string(m_count), page.form->ref, page.width, page.height};
}

DocObject* ImageXObjects::write(const image::Image& img) {
  if (img.format == image::Image::Format::Jpeg) {
    DocObject* obj = imageObject(m_doc, img, img.components, m_colors);
    obj->dict().add("Filter", Name("DCTDecode"));
    if (img.adobeInvertedCmyk) {
      // Photoshop's CMYK JPEGs store inverted samples; undo that.
      Array decode;
      for (int i = 0; i < 4; ++i) {
        decode.push_back(integer(1));
        decode.push_back(integer(0));
      }
      obj->dict().add("Decode", decode);
    }
    setRawStream(obj, img.data);
    return obj;
  }
  DocObject* obj = imageObject(m_doc, img, img.components, m_colors);
  setFlateStream(obj, img.data, m_level);
  if (!img.alpha.empty()) {
    DocObject* mask = imageObject(m_doc, img, 1);
    setFlateStream(mask, img.alpha, m_level);
    obj->dict().add("SMask", mask->ref);
  }
  return obj;
}

}  // namespace folio::pdf
