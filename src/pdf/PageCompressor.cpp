#include "pdf/PageCompressor.h"

#include "pdf/Objects.h"

namespace folio::pdf {

namespace {
// Uncompressed pages waiting per helper: enough to keep the helpers busy,
// few enough that a long document's painted pages do not pile up in memory.
constexpr size_t kQueuedPerThread = 4;
}  // namespace

PageCompressor::PageCompressor(unsigned threads, int level) : m_level(level), m_wanted(level > 0 ? threads : 0) {}

PageCompressor::~PageCompressor() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads) t.join();
}

void PageCompressor::add(PoDoFo::PdfObject* stream, std::string content) {
  if (m_wanted == 0) {
    setFlateStream(stream, content, m_level);
    return;
  }
  // The helpers start with the second page. A one-page document (a letter)
  // would pay for a thread, its malloc arena and its own Flate compressor
  // (200 KB of hash tables: about 60 page faults) to compress one stream;
  // finish() compresses the page held back instead.
  if (m_threads.empty()) {
    if (m_slots.empty()) {
      m_slots.push_back(Slot{stream, std::move(content), false});
      ++m_pending;
      return;
    }
    for (unsigned i = 0; i < m_wanted; ++i) m_threads.emplace_back([this] { work(); });
  }
  std::unique_lock<std::mutex> lock(m_mutex);
  m_progress.wait(lock, [&] { return m_pending < kQueuedPerThread * m_threads.size(); });
  // Compressed streams go into their objects as soon as they are done, in
  // order: a long document's pages do not wait in the queue until the end.
  while (!m_slots.empty() && m_slots.front().done) {
    setDeflatedStream(m_slots.front().stream, m_slots.front().data);
    m_slots.pop_front();
    --m_next;
  }
  m_slots.push_back(Slot{stream, std::move(content), false});
  ++m_pending;
  lock.unlock();
  m_wake.notify_one();
}

void PageCompressor::work() {
  std::unique_lock<std::mutex> lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [&] { return m_stop || m_next < m_slots.size(); });
    if (m_next >= m_slots.size()) return;  // stopping, nothing left
    Slot& slot = m_slots[m_next++];
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

void PageCompressor::finish() {
  if (m_threads.empty()) {  // no helper started: at most one page waits
    for (Slot& slot : m_slots) setFlateStream(slot.stream, slot.data, m_level);
    m_slots.clear();
    m_pending = 0;
    return;
  }
  std::unique_lock<std::mutex> lock(m_mutex);
  m_progress.wait(lock, [&] { return m_pending == 0; });
  for (Slot& slot : m_slots) {
    setDeflatedStream(slot.stream, slot.data);
    std::string().swap(slot.data);
  }
  m_slots.clear();
  m_next = 0;
}

}  // namespace folio::pdf
