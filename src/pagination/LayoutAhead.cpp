#include "pagination/LayoutAhead.h"

#include <algorithm>
#include <cstdint>

#include "text/DocumentFonts.h"
#include "text/FontStore.h"
#include "text/Shaper.h"

namespace folio::pagination {

struct LayoutAhead::Job {
  const markup::InlineText* text = nullptr;
  size_t block = 0;
  paragraph::Options options;
  Result result;
  bool done = false;    // under m_mutex
  bool failed = false;  // the layout threw: the builder lays it out itself
};

LayoutAhead::LayoutAhead(unsigned helpers, const paragraph::Context& builder)
    : m_fonts(builder.fonts),
      m_hyphenator(builder.hyphenator),
      m_shaper(builder.shaper),
      m_document(text::DocumentFonts::current()),
      m_helpers(helpers) {}

LayoutAhead::~LayoutAhead() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stopping = true;
    m_jobs.clear();
    m_started = 0;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads) t.join();
}

void LayoutAhead::add(const markup::InlineText& text, paragraph::Options options, std::vector<int> notes,
                      size_t block) {
  auto job = std::make_shared<Job>();
  job->text = &text;
  job->block = block;
  job->options = std::move(options);
  job->result.notes = std::move(notes);
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_jobs.push_back(std::move(job));
    // Helpers start with the second paragraph: the builder lays out a lone
    // one itself (a thread costs about 60 page faults to start), and a
    // document with none starts no thread.
    if (m_threads.empty() && m_jobs.size() > 1)
      for (unsigned i = 0; i < m_helpers; ++i) m_threads.emplace_back([this] { work(); });
  }
  m_wake.notify_one();
}

size_t LayoutAhead::pending() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_jobs.size();
}

size_t LayoutAhead::oldestBlock() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  size_t oldest = m_jobs.empty() ? SIZE_MAX : m_jobs.front()->block;  // queued in document order
  if (!m_running.empty()) oldest = std::min(oldest, *m_running.begin());
  return oldest;
}

void LayoutAhead::clear() {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_jobs.clear();  // helpers on one of them finish it and let it go
  m_started = 0;
}

std::optional<LayoutAhead::Result> LayoutAhead::take(const markup::InlineText& text) {
  std::shared_ptr<Job> job;
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    bool queued = false;
    for (const auto& j : m_jobs) queued = queued || j->text == &text;
    if (!queued) return std::nullopt;
    while (!job) {
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
      const bool started = m_started > 0;
      if (started) --m_started;
      if (job->text != &text) {
        job.reset();
        continue;
      }
      if (!started) return std::nullopt;  // the builder is faster: it lays it out itself
    }
    // Waiting: lay out a later paragraph meanwhile, as a helper would.
    while (!job->done) {
      if (m_started < m_jobs.size()) {
        std::shared_ptr<Job> other = m_jobs[m_started++];
        auto running = m_running.insert(other->block);
        lock.unlock();
        run(*other, m_shaper);
        lock.lock();
        m_running.erase(running);
        other->done = true;
        m_done.notify_all();
      } else {
        m_done.wait(lock);
      }
    }
  }
  if (job->failed) return std::nullopt;
  job->result.options = std::move(job->options);
  return std::move(job->result);
}

void LayoutAhead::run(Job& j, text::Shaper& shaper) {
  try {
    text::FontStore::Recording recording(j.result.fontCalls);
    // The document's font folders, on any thread; its font order is noted
    // when the recording is replayed in document order.
    text::DocumentFonts::HelperScope document(m_document);
    paragraph::Context ctx{m_fonts, shaper, m_hyphenator, j.result.diags};
    size_t next = 0;
    j.options.footnoteNumber = [&j, &next](const markup::Inline&) {
      j.result.noteDiagAt.push_back(j.result.diags.all().size());
      return next < j.result.notes.size() ? j.result.notes[next++] : 0;
    };
    j.result.paragraph = paragraph::layoutParagraph(*j.text, j.options, ctx);
    j.options.footnoteNumber = nullptr;
  } catch (...) {
    j.failed = true;
  }
}

void LayoutAhead::work() {
  text::Shaper shaper;  // per thread, like its cache
  for (;;) {
    std::shared_ptr<Job> job;
    std::multiset<size_t>::iterator running;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_wake.wait(lock, [&] { return m_stopping || m_started < m_jobs.size(); });
      if (m_stopping) return;
      job = m_jobs[m_started++];
      running = m_running.insert(job->block);
    }
    run(*job, shaper);
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_running.erase(running);
      job->done = true;
    }
    m_done.notify_all();
  }
}

}  // namespace folio::pagination
