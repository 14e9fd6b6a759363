#include "cli/Renderer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cli/IccProfiles.h"
#include "text/DocumentFonts.h"

namespace folio::cli {

namespace fs = std::filesystem;

namespace {

// The temporary file the output is written to before it is renamed into place.
class FileSink : public render::Sink {
 public:
  explicit FileSink(std::string path) : m_path(std::move(path)) {}
  std::ostream& stream() override {
    if (!m_stream.is_open()) m_stream.open(m_path, std::ios::binary | std::ios::trunc);
    return m_stream;
  }
  const std::string* file() const override { return &m_path; }
  bool close() {
    if (!m_stream.is_open()) return true;
    m_stream.close();
    return !m_stream.fail();
  }

 private:
  std::string m_path;
  std::ofstream m_stream;
};

}  // namespace

Renderer::Renderer(RenderSettings settings) : m_settings(std::move(settings)), m_pipeline(m_settings) {}

Renderer::~Renderer() = default;

std::string pdfDate(const std::string& contentDate) { return render::pdfDate(contentDate); }

bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string& error) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n <= 0) {
      error = "cannot write '" + path + "': " + std::strerror(errno);
      ::close(fd);
      ::unlink(name.data());
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(name.data(), path.c_str()) != 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  return true;
}

RenderResult Renderer::render(const Job& job, text::Shaper& shaper) {
  RenderResult result;
  Diagnostics& diags = result.diags;
  diags.setStrict(m_settings.strict);
  const std::string& output = job.output;

  render::Source source;
  source.input = job.input;
  source.jobName = fs::path(output).filename().string();
  std::optional<yaml::Node> tree;
  if (job.tree) {
    tree = *job.tree;
    if (job.record) applyRecord(*tree, *job.record, m_settings.markupFields);
    source.tree = &*tree;
  }
  render::Typeset typeset;
  // The document's own font order, for typesetting and writing alike
  // (text/DocumentFonts.h): its bytes do not depend on the batch.
  text::DocumentFonts documentFonts;
  text::DocumentFonts::Scope fontScope(documentFonts);
  // A PDF (not kept for --combine) is written as its pages fill, to a
  // temporary file beside the output, renamed into place at the end.
  std::string temp;
  std::unique_ptr<FileSink> streamSink;
  render::StreamTarget target;
  const bool stream =
      m_settings.format == render::Format::Pdf && m_settings.writeOutput && !m_settings.keepFrames;
  if (stream) {
    target.options = emitOptions(PdfStandards{}, source.jobName);
    target.open = [&]() -> render::Sink* {
      temp = temporaryBeside(output, diags);
      if (temp.empty()) return nullptr;
      streamSink = std::make_unique<FileSink>(temp);
      return streamSink.get();
    };
  }
  bool ok = m_pipeline.typeset(source, shaper, typeset, diags, stream ? &target : nullptr);
  result.dependencies = std::move(typeset.dependencies);
  result.pages = typeset.pages;
  auto dropTemp = [&] {
    if (!temp.empty()) ::unlink(temp.c_str());
  };
  if (!ok) {
    dropTemp();
    return result;
  }
  if (!m_settings.writeOutput) {
    result.ok = true;
    return result;
  }

  // Never write over a file the document is made from (-o doc.yaml, or the
  // layout, an image, a font): that would lose it.
  for (const std::string& dep : result.dependencies) {
    std::error_code ec;
    if (fs::equivalent(output, dep, ec)) {
      diags.error({output, 0, 0}, "the output would overwrite '" + dep +
                                      "', which the document is made from; expected a different output path "
                                      "(a .pdf file)");
      dropTemp();
      return result;
    }
  }

  if (typeset.streamed) {
    result.ok = (!streamSink || streamSink->close()) && renameInto(temp, output, diags);
    if (!result.ok) dropTemp();
    return result;
  }

  // --combine: the batch also writes every document into one file.
  if (m_settings.keepFrames && m_settings.format == render::Format::Pdf)
    result.frames = std::make_shared<frame::Document>(typeset.frames);
  result.ok = emitAtomically(std::move(typeset.frames), m_settings.format, output, typeset.standards,
                             source.jobName, diags);
  return result;
}

bool Renderer::writeFrames(frame::Document&& frames, const std::string& output, const PdfStandards& standards,
                           const std::string& jobName, Diagnostics& diags) {
  return emitAtomically(std::move(frames), render::Format::Pdf, output, standards, jobName, diags);
}

render::EmitOptions Renderer::emitOptions(const PdfStandards& standards, const std::string& jobName) const {
  render::EmitOptions eo;
  eo.standard = standards.base;
  eo.ua1 = standards.ua1;
  eo.tags = m_settings.tags;
  eo.jobName = jobName;
  eo.helperThreads = m_settings.helperThreads;
  return eo;
}

// Written beside the target, then renamed into place: a failed run never
// leaves a partial file or clobbers the old one. "" (and an error) when the
// directory takes no file.
std::string Renderer::temporaryBeside(const std::string& output, Diagnostics& diags) {
  fs::path target(output);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    diags.error({output, 0, 0}, std::string("cannot write the output: ") + std::strerror(errno) +
                                    "; expected a writable directory");
    return "";
  }
  ::close(fd);
  return name.data();
}

bool Renderer::renameInto(const std::string& temp, const std::string& output, Diagnostics& diags) {
  ::chmod(temp.c_str(), 0644);
  if (std::rename(temp.c_str(), output.c_str()) != 0) {
    diags.error({output, 0, 0}, std::string("cannot write the output: ") + std::strerror(errno));
    return false;
  }
  return true;
}

bool Renderer::emitAtomically(frame::Document&& frames, render::Format format, const std::string& output,
                              const PdfStandards& standards, const std::string& jobName, Diagnostics& diags) {
  render::EmitOptions eo = emitOptions(standards, jobName);
  const std::string temp = temporaryBeside(output, diags);
  if (temp.empty()) return false;
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  if (format == render::Format::Pdf && eo.standard != PdfStandard::None) {
    IccProfiles profiles;
    if (!loadIccProfiles(profiles, diags)) {
      ::unlink(name.data());
      return false;
    }
    eo.srgbProfile = std::move(profiles.srgb);
    eo.cmykProfile = std::move(profiles.cmyk);
  }
  FileSink sink(name.data());
  if (!render::Pipeline::emit(std::move(frames), format, eo, sink, diags) || !sink.close()) {
    if (!diags.hasErrors())
      diags.error({output, 0, 0}, "cannot write the output; expected a writable directory");
    ::unlink(name.data());
    return false;
  }
  if (!renameInto(temp, output, diags)) {
    ::unlink(name.data());
    return false;
  }
  return true;
}

}  // namespace folio::cli
