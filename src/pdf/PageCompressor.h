#pragma once
// -j for one document: the Flate compression of the pages' content streams
// runs on helper threads while this thread paints the next pages. Painting
// stays on one thread (it fills the shared font, image and colour
// registries in page order); compression is a pure function of the bytes,
// so the file is the same for any number of threads.
#include <podofo/podofo.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace folio::pdf {

class PageCompressor {
 public:
  // threads == 0 or level <= 0: every stream is set at once, as before.
  PageCompressor(unsigned threads, int level);
  ~PageCompressor();
  PageCompressor(const PageCompressor&) = delete;
  PageCompressor& operator=(const PageCompressor&) = delete;

  // Sets (now or by finish()) `stream`'s data to `content`, Flate-compressed.
  void add(PoDoFo::PdfObject* stream, std::string content);
  // Waits for the helpers and stores every compressed stream; call before
  // the document is serialised.
  void finish();

 private:
  struct Slot {
    PoDoFo::PdfObject* stream = nullptr;
    std::string data;  // the content, then its compressed form
    bool done = false;
  };
  void work();

  int m_level;
  unsigned m_wanted;  // helpers to start with the second page
  std::vector<std::thread> m_threads;
  std::mutex m_mutex;
  std::condition_variable m_wake, m_progress;
  std::deque<Slot> m_slots;  // stable addresses as slots are appended
  size_t m_next = 0;         // first slot not yet taken by a helper
  size_t m_pending = 0;      // slots added but not yet compressed
  bool m_stop = false;
};

}  // namespace folio::pdf
