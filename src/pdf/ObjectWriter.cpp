#include "pdf/ObjectWriter.h"

#include <cinttypes>
#include <stdexcept>

#include "pdf/Objects.h"

namespace folio::pdf {

namespace {

// Uncompressed streams waiting per helper: enough to keep the helpers busy,
// few enough that a long document's painted pages do not pile up in memory.
constexpr size_t kQueuedPerThread = 4;
// The serialisation buffer is given back when one object made it larger.
constexpr size_t kKeptBuffer = size_t(4) << 20;

}  // namespace

ObjectWriter::ObjectWriter(Document& doc, std::FILE* out, unsigned threads, int level)
    : m_doc(doc), m_out(out), m_level(level), m_helpers(level > 0 ? threads : 0) {
  // As PoDoFo's PdfWriter: the version, then a comment of four bytes >= 128
  // that tells transfer programs the file is binary.
  put("%PDF-" + doc.version());
  put("\n%\xe2\xe3\xcf\xd3\n");
}

void ObjectWriter::startHelpers() {
  for (unsigned i = 0; i < m_helpers; ++i) m_threads.emplace_back([this] { work(); });
}

void ObjectWriter::compressHeld() {
  std::unique_lock<std::mutex> lock(m_mutex);
  if (!m_threads.empty() || m_pending == 0) return;
  for (Slot& slot : m_slots)
    if (!slot.done) {
      slot.data = deflateBytes(slot.data, m_level);
      slot.done = true;
      --m_pending;
    }
  drain(lock);
}

ObjectWriter::~ObjectWriter() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads) t.join();
  // Objects of the document still waiting (a write that failed) stay the document's.
}

Ref ObjectWriter::reserve() { return m_doc.reserve(); }

uint32_t ObjectWriter::reserve(uint32_t count) {
  if (count == 0) return 0;
  const uint32_t first = reserve().number;
  for (uint32_t i = 1; i < count; ++i)
    if (reserve().number != first + i) throw std::logic_error("object numbers reserved out of order");
  return first;
}

void ObjectWriter::write(DocObject* obj) {
  std::unique_lock<std::mutex> lock(m_mutex);
  m_slots.push_back(Slot{obj, {}, false, true});
  drain(lock);
}

void ObjectWriter::writeStream(DocObject* stream, std::string content, bool startsHelpers) {
  if (m_threads.empty()) {
    if (m_helpers > 0 && startsHelpers && m_pending == 0) {
      // The first page stream waits (with what is handed over after it)
      // until a second one shows that there are pages to share.
      std::unique_lock<std::mutex> lock(m_mutex);
      m_slots.push_back(Slot{stream, std::move(content), true, false});
      ++m_pending;
      return;
    }
    if (m_helpers == 0 || !startsHelpers) {
      compressHeld();
      setFlateStream(stream, content, m_level);
      write(stream);
      return;
    }
    startHelpers();  // a second page: the held one goes to a helper too
  }
  std::unique_lock<std::mutex> lock(m_mutex);
  m_progress.wait(lock, [&] { return m_pending < kQueuedPerThread * m_threads.size(); });
  m_slots.push_back(Slot{stream, std::move(content), true, false});
  ++m_pending;
  m_wake.notify_one();
  drain(lock);
}

void ObjectWriter::work() {
  std::unique_lock<std::mutex> lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [&] { return m_stop || m_next < m_slots.size(); });
    if (m_next >= m_slots.size()) return;  // stopping, nothing left
    Slot& slot = m_slots[m_next++];
    if (slot.done) continue;  // an object handed over whole
    std::string content = std::move(slot.data);
    lock.unlock();
    std::string deflated = deflateBytes(content, m_level);
    lock.lock();
    slot.data = std::move(deflated);
    slot.done = true;
    --m_pending;
    m_progress.notify_all();
  }
}

void ObjectWriter::drain(std::unique_lock<std::mutex>& lock) {
  // Only this thread takes slots off the front; helpers hold references
  // to slots that are not done, which pop_front leaves in place.
  while (!m_slots.empty() && m_slots.front().done) {
    Slot slot = std::move(m_slots.front());
    m_slots.pop_front();
    if (m_next > 0) --m_next;
    lock.unlock();
    if (slot.compress) setDeflatedStream(slot.object, std::move(slot.data));
    std::string().swap(slot.data);
    emit(slot.object->ref, slot.object->value, slot.object->stream ? &*slot.object->stream : nullptr);
    m_doc.remove(slot.object->ref);
    lock.lock();
  }
}

void ObjectWriter::flush() {
  compressHeld();
  std::unique_lock<std::mutex> lock(m_mutex);
  m_progress.wait(lock, [&] { return m_pending == 0; });
  drain(lock);
}

void ObjectWriter::write(Ref ref, const Object& obj) {
  flush();
  emit(ref, obj, nullptr);
}

void ObjectWriter::begin(Ref ref) {
  flush();
  at(ref.number);
  m_buffer.clear();
  writeObjectHeader(ref, m_buffer);
  m_buffer += '\n';
  put(m_buffer);
  m_inPieces = true;
}

void ObjectWriter::raw(std::string_view bytes) { put(bytes); }

void ObjectWriter::value(const Object& v) {
  m_buffer.clear();
  v.write(m_buffer);
  put(m_buffer);
}

void ObjectWriter::end() {
  put("\nendobj\n");
  m_inPieces = false;
}

bool ObjectWriter::written(Ref ref) const {
  return ref.number < m_offsets.size() && m_offsets[ref.number] != 0;
}

void ObjectWriter::emit(Ref ref, const Object& value, const std::string* stream) {
  // As PdfObject::WriteObject in compact mode: "N 0 obj", the value, a line
  // break, the stream if any, "endobj".
  if (m_inPieces) throw std::logic_error("an object written inside another");
  at(ref.number);
  m_buffer.clear();
  writeObjectHeader(ref, m_buffer);
  value.write(m_buffer);
  m_buffer += '\n';
  if (stream) {
    m_buffer += "stream\n";
    put(m_buffer);
    put(*stream);  // not copied: an image or a font program can be large
    m_buffer.assign("\nendstream\n");
  }
  m_buffer += "endobj\n";
  put(m_buffer);
  if (m_buffer.capacity() > kKeptBuffer) std::string().swap(m_buffer);
}

void ObjectWriter::at(uint32_t number) {
  if (number == 0) throw std::logic_error("object number 0 written");
  if (number >= m_offsets.size()) m_offsets.resize(std::max<size_t>(number + 1, m_offsets.size() * 3 / 2), 0);
  if (m_offsets[number] != 0) throw std::logic_error("object " + std::to_string(number) + " written twice");
  m_offsets[number] = m_offset;
}

void ObjectWriter::put(std::string_view bytes) {
  m_md5.update(bytes);
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), m_out);
  m_offset += bytes.size();
}

bool ObjectWriter::finish() {
  flush();
  // What stayed in the document to the end: catalog, Info, the page tree
  // root, fonts, images, outline, name tree, metadata.
  for (const auto& [number, obj] : m_doc.objects())
    emit(obj.ref, obj.value, obj.stream ? &*obj.stream : nullptr);

  // One xref section; numbers reserved but never written (a link dropped at
  // the end) are free entries, chained from entry 0 as ISO 32000-1 7.5.4 asks.
  const size_t size = std::max<size_t>(m_doc.count(), m_offsets.size());
  m_offsets.resize(size, 0);
  while (m_offsets.size() > 1 && m_offsets.back() == 0) m_offsets.pop_back();
  const uint64_t xref = m_offset;
  std::string table = "xref\n0 " + std::to_string(m_offsets.size()) + "\n";
  // The free entry after each number (0 ends the chain).
  std::vector<uint32_t> nextFree(m_offsets.size() + 1, 0);
  for (size_t n = m_offsets.size(); n-- > 0;)
    nextFree[n] =
        n + 1 < m_offsets.size() && m_offsets[n + 1] == 0 ? static_cast<uint32_t>(n + 1) : nextFree[n + 1];
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010" PRIu32 " 65535 f \n", nextFree[0]);
  table += entry;
  for (size_t n = 1; n < m_offsets.size(); ++n) {
    if (m_offsets[n] != 0)
      std::snprintf(entry, sizeof entry, "%010" PRIu64 " 00000 n \n", m_offsets[n]);
    else
      std::snprintf(entry, sizeof entry, "%010" PRIu32 " 00001 f \n", nextFree[n]);
    table += entry;
    if (table.size() >= 1 << 16) {
      put(table);
      table.clear();
    }
  }
  put(table);

  // The file identifier: a digest of everything before the trailer.
  const std::array<uint8_t, 16> digest = m_md5.digest();
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (uint8_t b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xF];
  }
  auto refText = [](Ref r) { return std::to_string(r.number) + " 0 R"; };
  std::string trailer = "trailer\n<</ID[<" + hex + "><" + hex + ">]/Info " + refText(m_doc.infoRef()) +
                        "/Root " + refText(m_doc.catalogRef()) + "/Size " + std::to_string(m_offsets.size()) +
                        ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  put(trailer);
  return std::fflush(m_out) == 0 && !std::ferror(m_out);
}

}  // namespace folio::pdf
