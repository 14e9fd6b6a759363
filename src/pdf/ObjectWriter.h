#pragma once
// The PDF file written as its objects are finished (docs/performance.md,
// "An object writer"): each object goes out at once as `N 0 obj ... endobj`,
// serialised by pdf::Object (the bytes PoDoFo 0.9.8 wrote, Object.h), and
// leaves memory; only its offset stays, for the xref written at the end
// with the trailer.
//
// Why not PoDoFo's own PdfStreamedDocument (PdfImmediateWriter): it stamps
// the trailer /ID with the clock, so the same input would not give the same
// bytes. Here the /ID is the MD5 of every byte before the trailer (objects
// and xref), as it was when PdfMemDocument::Write's output was patched
// after the fact, but computed as the bytes go. PdfMemDocument's own /ID
// hashes only the Info dictionary: the same for any two documents with
// equal Info.
//
// Objects are made in the pdf::Document (which numbers them) or stand alone
// under a number reserved in it.
// Objects go out in the order they are handed over, whatever the number of
// threads: a stream compressed on a helper thread (-j) keeps its place, and
// what is handed over after it waits behind it. So the file is the same for
// any -j.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "pdf/Document.h"
#include "pdf/Md5.h"

namespace folio::pdf {

class ObjectWriter {
 public:
  // Writes the header (the document's PDF version) to `out`, which must be
  // empty; up to `threads` helpers compress streams at zlib `level` (0: stored).
  // The helpers start only when a second page stream comes while the first
  // still waits (writeStream): a one-page document pays no thread start,
  // malloc arena or second Flate compressor for one stream it could not
  // share (docs/performance.md, "Issue 15, fourth round: writer").
  ObjectWriter(Document& doc, std::FILE* out, unsigned threads, int level);
  ~ObjectWriter();
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // A number for an object written later, standing alone (write(Ref, const Object&)).
  Ref reserve();
  // `count` consecutive numbers; the first.
  uint32_t reserve(uint32_t count);

  // Writes `obj`, an object of the document, after those handed over
  // before it; it then leaves the document and is deleted.
  void write(DocObject* obj);
  // Sets `stream`'s data (an object of the document) to `content`,
  // Flate-compressed (on a helper when there is one), and writes it.
  // `startsHelpers`: a page's own content, one of many to come; false for
  // streams that come once a page at the end (template furniture), which
  // never start the helpers alone, so a one-page document with a template
  // stays on one thread.
  void writeStream(DocObject* stream, std::string content, bool startsHelpers = true);
  // Writes `obj`, standing alone under the reserved number `ref`. Waits
  // for everything handed over before.
  void write(Ref ref, const Object& obj);
  // An object written in pieces, for a large array that should never be
  // whole in memory: begin(ref), any number of raw() and value(), end().
  void begin(Ref ref);
  void raw(std::string_view bytes);
  void value(const Object& v);
  void end();
  // Whether `ref` is out already.
  bool written(Ref ref) const;

  // Writes the document's remaining objects in number order, the xref and
  // the trailer (/Root, /Info, /ID). False when the file could not be written.
  bool finish();

 private:
  struct Slot {
    DocObject* object = nullptr;
    std::string data;       // the content, then its compressed form
    bool compress = false;  // data waits for (or had) a helper's compression
    bool done = true;
  };
  void work();
  void startHelpers();
  void compressHeld();                             // no helpers: compresses the held stream on this thread
  void drain(std::unique_lock<std::mutex>& lock);  // writes the finished front of the queue
  void flush();                                    // waits for the helpers, writes the whole queue
  void emit(Ref ref, const Object& value, const std::string* stream);
  void put(std::string_view bytes);
  void at(uint32_t number);

  Document& m_doc;
  std::FILE* m_out;
  int m_level;
  uint64_t m_offset = 0;
  Md5 m_md5;
  std::vector<uint64_t> m_offsets;  // by object number; 0: not written
  std::string m_buffer;             // one object's syntax, reused
  bool m_inPieces = false;

  unsigned m_helpers = 0;  // helpers allowed; started lazily
  std::vector<std::thread> m_threads;
  std::mutex m_mutex;
  std::condition_variable m_wake, m_progress;
  std::deque<Slot> m_slots;  // stable addresses as slots are appended
  size_t m_next = 0;         // first slot a helper has not looked at
  size_t m_pending = 0;      // slots waiting for compression
  bool m_stop = false;
};

}  // namespace folio::pdf
