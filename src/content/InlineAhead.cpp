#include "content/InlineAhead.h"

#include <algorithm>
#include <string_view>

namespace folio::content {

namespace {

bool isText(const yaml::Node& n) {
  return n.isScalar() && n.scalar.find_first_not_of(" \t\r\n") != std::string::npos;
}

struct Collector {
  std::vector<const yaml::Node*>& scalars;
  std::vector<size_t>& itemOf;
  size_t item = 0;

  void add(const yaml::Node& n) {
    scalars.push_back(&n);
    itemOf.push_back(item);
  }
  // As DocumentBuilder::readItem.
  void block(const yaml::Node& n) {
    if (isText(n)) add(n);
    if (n.isMapping()) mapping(n);
  }
  // As readBlockMapping and readValue: the block key's inline value, a
  // quote's blocks, a list's items (readList).
  void mapping(const yaml::Node& m) {
    for (const yaml::Node::Entry& e : m.entries) {
      const std::string_view key = e.first.scalar;
      const yaml::Node& value = e.second;
      if (key == "paragraph" || key == "heading" || key == "quote") {
        if (isText(value) && value.pos.line != 0) add(value);
        if (key == "quote" && value.isSequence())
          for (const yaml::Node& child : value.items) block(child);
      } else if (key == "list" && value.isSequence()) {
        for (const yaml::Node& entry : value.items) {
          if (isText(entry)) add(entry);
          if (entry.isSequence())
            for (const yaml::Node& child : entry.items) block(child);
          if (entry.isMapping()) mapping(entry);
        }
      }
    }
  }
};

}  // namespace

std::vector<const yaml::Node*> InlineAhead::scalarsOf(const yaml::Node& body, std::vector<size_t>& itemOf) {
  std::vector<const yaml::Node*> scalars;
  Collector c{scalars, itemOf};
  for (; c.item < body.items.size(); ++c.item) c.block(body.items[c.item]);
  return scalars;
}

InlineAhead::InlineAhead(std::vector<const yaml::Node*> scalars, std::vector<size_t> itemOf, unsigned threads)
    : m_scalars(std::move(scalars)), m_itemOf(std::move(itemOf)) {
  m_slots.resize(std::min(kWindow, m_scalars.size()));
  for (size_t k = 0; k < m_slots.size(); ++k) m_slots[k].index = k;
  for (unsigned i = 0; i < threads; ++i) m_threads.emplace_back([this] { work(); });
}

InlineAhead::~InlineAhead() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads) t.join();
}

void InlineAhead::parse(Job& job) {
  try {
    const yaml::Node& node = *m_scalars[job.index];
    job.text = markup::parseInline(node.scalar, node.pos, job.diags);
  } catch (...) {  // out of memory: the builder parses it again itself and reports it
    job.failed = true;
  }
}

// The next job no one has started, if the window allows (under m_mutex).
InlineAhead::Job* InlineAhead::nextFree() {
  m_next = std::max(m_next, m_settled);  // the slots of settled jobs hold later ones
  while (m_next < m_scalars.size() && m_next < m_settled + kWindow) {
    Job& job = slot(m_next++);
    if (job.state == State::Free) return &job;
  }
  return nullptr;
}

void InlineAhead::work() {
  std::unique_lock<std::mutex> lock(m_mutex);
  for (;;) {
    Job* job = nullptr;
    m_wake.wait(lock, [&] { return m_stop || (job = nextFree()) != nullptr; });
    if (m_stop) return;
    job->state = State::Running;
    lock.unlock();
    parse(*job);
    lock.lock();
    job->state = State::Done;
    m_done.notify_all();
  }
}

bool InlineAhead::take(const yaml::Node& node, const SourcePos& pos, markup::InlineText& out,
                       Diagnostics& diags) {
  // Only this thread moves m_settled: the window can be read without the lock.
  const size_t end = std::min(m_scalars.size(), m_settled + kWindow);
  size_t k = std::max(m_cursor, m_settled);
  while (k < end && m_scalars[k] != &node) ++k;
  if (k == end) return false;  // not a job (or beyond the window): the caller parses it
  m_cursor = k + 1;
  Job& job = slot(k);
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (job.state == State::Free) {
      job.state = State::Taken;  // the builder's now: it parses it itself
      return false;
    }
    // A helper is on it: parse a later one meanwhile, as a helper would
    // (else the builder and the helper would take turns, not work at once).
    while (job.state == State::Running) {
      if (Job* other = nextFree()) {
        other->state = State::Running;
        lock.unlock();
        parse(*other);
        lock.lock();
        other->state = State::Done;
        m_done.notify_all();
      } else {
        m_done.wait(lock);
      }
    }
    job.state = State::Taken;
    if (job.failed) return false;
  }
  // Parsed at the node's own position: a caller that asks for another one
  // (none does) parses it itself.
  const SourcePos& at = node.pos;
  if (at.line != pos.line || at.column != pos.column || at.file != pos.file) return false;
  if (m_scalars.size() >= kCopyFrom)
    out = job.text;  // a copy in this thread's heap, see InlineAhead.h
  else
    out = std::move(job.text);
  job.text = markup::InlineText();
  for (const Diagnostic& d : job.diags.all()) diags.add(d);
  job.diags = Diagnostics();
  return true;
}

void InlineAhead::settle(size_t item) {
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (; m_settled < m_scalars.size() && m_itemOf[m_settled] <= item; ++m_settled) {
      Job& job = slot(m_settled);
      if (job.state == State::Free) job.state = State::Taken;  // never asked for: dropped
      m_done.wait(lock, [&] { return job.state != State::Running; });
      // The slot takes the job that enters the window.
      job = Job();
      job.index = m_settled + kWindow;
      if (job.index >= m_scalars.size()) job.state = State::Taken;  // none left for it
    }
  }
  m_wake.notify_all();
}

}  // namespace folio::content
