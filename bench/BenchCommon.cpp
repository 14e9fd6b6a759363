#include "BenchCommon.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "base/Utf8.h"
#include "pagination/Pagination.h"
#include "text/Shaper.h"
#include "yaml/Node.h"

#ifndef FOLIO_SOURCE_DIR
#define FOLIO_SOURCE_DIR "."
#endif

namespace folio::bench {

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench set-up failed: %s\n", what.c_str());
  std::exit(1);
}

const char* const kFunctionWords[] = {
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "it", "with", "as", "on", "be", "at", "by",
    "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "one", "you", "were", "all",
    "we", "her", "she", "there", "would", "their", "will", "when", "who", "him", "been", "has", "more", "if",
    "no", "out", "so", "said", "what", "up", "its", "about", "into", "than", "them", "can", "only", "other",
    "new", "some", "could", "time", "these", "two", "may", "then", "do", "first", "any", "now", "such", "like",
    "our", "over", "even", "most", "made", "after", "also", "did", "many", "before", "must", "through", "back",
    "years", "where", "much", "your", "way", "well", "down", "should", "because", "each", "just", "those"};
const char* const kContentWords[] = {
    "harbour", "trust", "festival", "light", "city", "water", "quay", "dock", "route", "night", "visitor",
    "artist", "programme", "building", "silo", "lighthouse", "bridge", "tide", "ferry", "market", "street",
    "museum", "gallery", "council", "board", "director", "report", "energy", "engineer", "workshop",
    "structure", "budget", "figure", "account", "season", "evening", "morning", "weekend", "family", "guide",
    "exhibition", "installation", "sculpture", "composer", "designer", "studio", "collective", "façade",
    "ledger", "cargo", "timber", "breakwater", "warehouse", "customs", "railway", "vessel", "merchant",
    "lantern", "signal", "beacon", "committee", "volunteer", "resident", "neighbour", "community", "archive",
    "photograph", "agreement", "contract", "schedule", "insurance", "transport", "accessibility",
    "description", "performance", "conference", "heritage", "tradition", "strategy", "investment", "revenue",
    "attendance", "audience", "journalist", "publisher", "measurement", "analysis", "conclusion", "proposal",
    "typeface", "ligature", "hyphenation", "contemporary", "experimental", "environmental", "sustainable",
    "renewable", "responsible", "comfortable", "announce", "restore", "organise", "illuminate", "celebrate",
    "considerable", "significant", "international", "independent", "remarkable", "particular"};
const char* const kSuffixes[] = {"", "", "", "s", "s", "ed", "ing", "ly", "er", "ment", "ness", "ation"};

}  // namespace

std::string sourceDir() { return FOLIO_SOURCE_DIR; }

text::FontStore& fonts() {
  static text::FontStore store({sourceDir() + "/fonts"});
  return store;
}

text::Hyphenator& hyphenator() {
  static text::Hyphenator h;
  return h;
}

const style::Layout& letterhead() {
  static const style::Layout layout = [] {
    Diagnostics diags;
    std::optional<style::Layout> l = style::loadLayout(sourceDir() + "/layouts/letterhead.yaml", yaml::Limits{}, diags);
    if (!l) fail("cannot load layouts/letterhead.yaml");
    return *l;
  }();
  return layout;
}

text::FontRequest bodyRequest() {
  text::FontRequest r;
  r.families = {"Noto Serif"};
  r.language = "en";
  return r;
}

const text::Font& bodyFont() {
  const text::Font* f = fonts().match(bodyRequest());
  if (!f) fail("Noto Serif is not installed (tools/setup.sh installs fonts-noto-core)");
  return *f;
}

Prose::Prose(uint32_t seed) : m_state(0x9E3779B97F4A7C15ULL ^ seed) {}

uint32_t Prose::next() {  // xorshift64*: fast, deterministic on every platform
  m_state ^= m_state >> 12;
  m_state ^= m_state << 25;
  m_state ^= m_state >> 27;
  return static_cast<uint32_t>((m_state * 0x2545F4914F6CDD1DULL) >> 32);
}

std::string Prose::word() {
  constexpr size_t nf = sizeof kFunctionWords / sizeof *kFunctionWords;
  constexpr size_t nc = sizeof kContentWords / sizeof *kContentWords;
  constexpr size_t ns = sizeof kSuffixes / sizeof *kSuffixes;
  // About half the tokens of English prose are function words.
  if (next() % 100 < 50) {
    // Zipf-ish: favour the first ones.
    size_t a = next() % nf, b = next() % nf;
    return kFunctionWords[std::min(a, b)];
  }
  std::string w = kContentWords[next() % nc];
  if (next() % 100 < 35) {
    std::string s = kSuffixes[next() % ns];
    if (!s.empty() && w.back() == 'e' && (s[0] == 'e' || s[0] == 'i' || s[0] == 'a')) w.pop_back();
    w += s;
  }
  return w;
}

std::string Prose::paragraph(int words) {
  std::string out;
  bool capital = true;
  for (int i = 0; i < words; ++i) {
    std::string w = word();
    if (capital && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    capital = false;
    if (!out.empty()) out += ' ';
    out += w;
    uint32_t r = next() % 100;
    if (i + 1 == words || r < 6) {
      out += '.';
      capital = true;
    } else if (r < 12) {
      out += ',';
    }
  }
  return out;
}

namespace {
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}
}  // namespace

std::string documentYaml(int pages, uint32_t seed) {
  Prose prose(seed);
  std::string y =
      "layout: letterhead\nlanguage: en\ntitle: Benchmark report\nauthor: Folio bench\ndate: 2026-03-02\n"
      "fields:\n  sender: Harbour Trust\n  address: 12 Quay Street, Port Example 10001\n  phone: \"+1 555 0100\"\n"
      "body:\n";
  // ~4,600 source characters per page of the letterhead layout (bench/generate.py).
  const size_t target = static_cast<size_t>(pages) * 4600;
  size_t chars = 0;
  int chapter = 0, note = 0;
  while (chars < target) {
    ++chapter;
    y += "  - heading: " + quoted(std::to_string(chapter) + ". " + prose.paragraph(4)) + "\n    id: ch-" +
         std::to_string(chapter) + "\n";
    chars += 600;
    for (int s = 0; s < 3 && chars < target; ++s) {
      y += "  - heading: " + quoted(prose.paragraph(3)) + "\n    level: 2\n";
      chars += 300;
      for (int p = 0; p < 5; ++p) {
        std::string text = prose.paragraph(60 + (p * 37 + chapter * 11) % 80);
        size_t cut = text.find(' ', text.size() / 3);
        if (cut != std::string::npos && (p + chapter) % 3 == 0)
          text.insert(cut, " *" + prose.word() + " " + prose.word() + "*");
        if ((p + chapter) % 4 == 1) text += " See [the " + prose.word() + "](https://www.harbourtrust.example/" +
                                            prose.word() + ").";
        if ((p + 2 * chapter) % 5 == 2) {
          text += "^[" + prose.paragraph(25) + "]";
          ++note;
        }
        chars += text.size() + 120;
        y += "  - " + quoted(text) + "\n";
      }
    }
  }
  return y;
}

content::Document parseDocument(const std::string& yamlText, const std::string& name) {
  Diagnostics diags;
  std::unique_ptr<yaml::Node> root = yaml::parse(yamlText, name, yaml::Limits{}, diags);
  if (!root) fail("generated YAML does not parse");
  std::optional<content::Document> doc = content::buildDocument(*root, sourceDir() + "/content/" + name, diags);
  if (!doc) fail("generated content is refused");
  return std::move(*doc);
}

const std::vector<ScriptSample>& scriptSamples() {
  static const std::vector<ScriptSample> samples = {
      {"en",
       "The Harbour Trust today announced the programme of the twelfth Northern Light Festival, which will turn "
       "the old docks into an open-air gallery of light for eleven nights."},
      {"ru",
       "Фестиваль света продлится одиннадцать ночей, с двадцатого по тридцатое марта. Художники из девяти стран "
       "покажут свои работы вдоль маршрута длиной почти четыре километра."},
      {"el",
       "Το φεστιβάλ φωτός διαρκεί έντεκα νύχτες, από τις είκοσι έως τις τριάντα Μαρτίου. Καλλιτέχνες από εννέα "
       "χώρες παρουσιάζουν έργα κατά μήκος μιας διαδρομής."},
      {"ar",
       "أعلنت هيئة الميناء اليوم عن برنامج مهرجان الضوء الذي يستمر إحدى عشرة ليلة. يشارك في المهرجان أربعة "
       "وثلاثون فنانًا من تسعة بلدان."},
      {"he",
       "רשות הנמל הודיעה היום על תוכנית פסטיבל האור, שיימשך אחד עשר לילות. שלושים וארבעה אמנים מתשע מדינות "
       "יציגו את עבודותיהם."},
      {"hi",
       "बंदरगाह ट्रस्ट ने आज प्रकाश महोत्सव के कार्यक्रम की घोषणा की, जो ग्यारह रातों तक चलेगा। नौ देशों के "
       "चौंतीस कलाकार अपनी कृतियाँ प्रस्तुत करेंगे।"},
      {"zh", "港口信托今天公布了第十二届北方之光节的节目安排，活动将持续十一个夜晚。来自九个国家的三十四位艺术家将在近四公里长的步行路线上展示作品。"},
      {"ja", "港湾トラストは本日、十一夜にわたって開催される光の祭典のプログラムを発表しました。九か国から集まった三十四人のアーティストが作品を展示します。"},
  };
  return samples;
}

std::u32string toU32(const std::string& utf8) { return toUtf32(utf8); }

size_t paginateOnce(const content::Document& doc, const style::Layout& layout) {
  Diagnostics diags;
  text::Shaper shaper;
  paragraph::Context ctx{fonts(), shaper, hyphenator(), diags};
  frame::Document frames = pagination::paginate(doc, layout, pagination::Options{}, ctx);
  benchmark::DoNotOptimize(frames.pages.data());
  return frames.pages.size();
}

}  // namespace folio::bench
