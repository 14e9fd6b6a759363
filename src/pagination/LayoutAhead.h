#pragma once
// One document on every core (issue 15): body paragraphs laid out by helper
// threads ahead of the flow builder, which takes the results in document
// order. Same output for any number of helpers:
//  - each helper has its own Shaper (and shaping cache) and Diagnostics;
//    the warnings of a paragraph join the document's when it is taken, at
//    the place one thread would have written them;
//  - font look-ups are recorded (text::FontStore::Recording) and replayed
//    by the caller when it uses the result, so font ids follow document order;
//  - footnote numbers are predicted by the caller; the caller checks the
//    prediction when it takes the result and lays the paragraph out again
//    itself if it was wrong;
//  - a paragraph no helper has started when the builder reaches it is laid
//    out by the builder itself, exactly as without helpers.
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "base/Diagnostics.h"
#include "paragraph/Paragraph.h"

namespace folio::text {
class DocumentFonts;
}

namespace folio::pagination {

class LayoutAhead {
 public:
  // What a helper made of one paragraph.
  struct Result {
    paragraph::Paragraph paragraph;
    std::vector<int> notes;      // the footnote numbers it was given
    paragraph::Options options;  // as given to add() (the caller checks they still hold)
    // The paragraph's font look-ups, for FontStore::replay when the caller
    // uses the result (and only then: ids follow what the document uses).
    text::FontCalls fontCalls;
    Diagnostics diags;
    // diags.all().size() when each footnote reference was numbered (the
    // numbering's own messages go there).
    std::vector<size_t> noteDiagAt;
  };

  // `builder`: the flow builder's services (its shaper serves it while it
  // waits for a helper and lays out a later paragraph meanwhile).
  LayoutAhead(unsigned helpers, const paragraph::Context& builder);
  ~LayoutAhead();  // drops unfinished work and joins the helpers
  LayoutAhead(const LayoutAhead&) = delete;
  LayoutAhead& operator=(const LayoutAhead&) = delete;

  // Queues `text` (which must live until no job of `block` is left, see
  // oldestBlock) for layout with `options`; its footnote references (in
  // order) get `notes`. options.footnoteNumber is replaced;
  // options.sourcePosition must be thread-safe. `block`: the caller's
  // number for what `text` belongs to (the top-level block), not
  // decreasing from one call to the next until clear().
  void add(const markup::InlineText& text, paragraph::Options options, std::vector<int> notes,
           size_t block = 0);
  // The lowest `block` of a job still queued or being laid out (also one
  // dropped by take() or clear() that a helper has not finished);
  // SIZE_MAX when none: the text of any block below it is read no more.
  size_t oldestBlock() const;
  // Paragraphs queued and not yet taken.
  size_t pending() const;
  // The result for `text`, waiting for the helper on it. nullopt when it was
  // not queued, or no helper has started it (it is then dropped: the caller
  // lays it out). Jobs queued before `text` are dropped.
  std::optional<Result> take(const markup::InlineText& text);
  // Drops every queued paragraph (their predicted note numbers are wrong).
  void clear();

 private:
  struct Job;
  void work();
  void run(Job& job, text::Shaper& shaper);

  text::FontStore& m_fonts;
  text::Hyphenator& m_hyphenator;
  text::Shaper& m_shaper;           // the builder's
  text::DocumentFonts* m_document;  // its folders, not its order (text/DocumentFonts.h)
  unsigned m_helpers;
  std::vector<std::thread> m_threads;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;           // helpers: a job was queued, or stop
  std::condition_variable m_done;           // the builder: a job finished
  std::deque<std::shared_ptr<Job>> m_jobs;  // in document order
  size_t m_started = 0;                     // m_jobs[0, m_started) are taken by a helper
  std::multiset<size_t> m_running;          // the `block` of each job being laid out
  bool m_stopping = false;
};

}  // namespace folio::pagination
