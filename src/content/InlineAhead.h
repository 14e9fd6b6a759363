#pragma once
// Inline text parsed ahead while the body is read (-j N on one document,
// issue 15). Reading the content is the part of a long document's run that
// no helper shared: at -j 2 it was the longest stretch with one core idle
// (docs/performance.md, "Issue 15: work off the main thread"). The inline
// markup of body paragraphs (cmark, links, footnote marks: about half of
// reading) depends on nothing but the scalar and its position, so helper
// threads parse it ahead of the builder, which takes each result where it
// would have parsed it. The same Document and messages for any number of
// helpers:
//  - each job collects its own messages; the builder adds them to the
//    document's at the place one thread would have written them;
//  - a job the builder asks for before a helper started it is the
//    builder's (it parses it itself); while it waits for one a helper is
//    on, it parses a later one; a job it never asks for is dropped;
//  - helpers run at most kWindow jobs ahead of the builder, and only the
//    jobs of that window are kept (kWindow slots), so that neither parsed
//    text nor bookkeeping piles up beside the tree it comes from;
//  - in a long body (kCopyFrom scalars or more) the builder keeps a copy
//    made on its own thread: glibc gives each thread its own malloc arena,
//    and half the Document in the helper's arena leaves the holes of the
//    freed YAML tree unused in the builder's (doc-10000's peak: 185 MB
//    before, 199 MB without the copy, 184 MB with it). The copy costs the
//    builder about what the helper saved it (doc-1000's reading at -j 2:
//    0.24 s before, 0.19 s without the copy, 0.23 s with it), so shorter
//    bodies, whose peak comes later, keep the helper's parse as it is.
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "base/Diagnostics.h"
#include "markup/Inline.h"
#include "yaml/Node.h"

namespace folio::content {

class InlineAhead {
 public:
  // The inline scalars of `body` (a sequence of body items) that the builder
  // parses with parseInline(node.scalar, node.pos), found the way
  // DocumentBuilder reads them (an estimate: a scalar it reads otherwise is
  // only parsed in vain).
  static std::vector<const yaml::Node*> scalarsOf(const yaml::Node& body, std::vector<size_t>& itemOf);

  // Starts `threads` helpers on `scalars`; itemOf[k]: the body item that
  // holds scalars[k] (not decreasing).
  InlineAhead(std::vector<const yaml::Node*> scalars, std::vector<size_t> itemOf, unsigned threads);
  ~InlineAhead();  // drops what is left and joins the helpers
  InlineAhead(const InlineAhead&) = delete;
  InlineAhead& operator=(const InlineAhead&) = delete;

  // The parse of `node` (as parseInline(node.scalar, pos, diags) gives it,
  // its messages added to `diags`); false when it is not a job or no helper
  // has started it: the caller parses it.
  bool take(const yaml::Node& node, const SourcePos& pos, markup::InlineText& out, Diagnostics& diags);
  // Body items up to `item` are read: no helper reads their scalars any more
  // (the caller may release their tree).
  void settle(size_t item);

 private:
  enum class State { Free, Running, Done, Taken };
  struct Job {
    size_t index = 0;           // in m_scalars
    State state = State::Free;  // under m_mutex
    bool failed = false;        // parseInline threw: the builder parses it itself
    markup::InlineText text;
    Diagnostics diags;
  };
  void work();
  void parse(Job& job);
  Job* nextFree();
  Job& slot(size_t k) { return m_slots[k % kWindow]; }

  static constexpr size_t kWindow = 256;
  static constexpr size_t kCopyFrom = 32768;
  std::vector<const yaml::Node*> m_scalars;
  std::vector<size_t> m_itemOf;
  std::vector<Job> m_slots;  // job k in slot k % kWindow, for k in [m_settled, m_settled + kWindow)
  size_t m_cursor = 0;       // where the builder's next look-up starts (it asks in order)
  std::mutex m_mutex;
  std::condition_variable m_wake, m_done;
  size_t m_next = 0;     // the next job a helper looks at
  size_t m_settled = 0;  // jobs before it belong to items read
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

}  // namespace folio::content
