// IndicatorCatalogue::match: a figure's subject, unit and change to a catalogue
// entry (the rules are in indicator_catalogue.h).
#include <algorithm>
#include <functional>
#include <set>

#include "compare/indicator_catalogue.h"

namespace chitieu {
namespace {

// Below this token similarity an uncatalogued wording keeps its own row.
constexpr double kSimilarityThreshold = 0.75;
// An uncatalogued wording of fewer words names too little to group figures by.
constexpr size_t kMinGroupingWords = 2;
// The last words of a subject that may state its change ("… giảm trong").
constexpr size_t kTrailingChangeWords = 2;
// A subject of this many words is a sentence, not a name: only its last clause
// names what the figure measures.
constexpr size_t kSentenceWords = 25;
// A clause break opens a new clause when this many words follow it before the
// next one; fewer are an item of a list ("y tế, giáo dục, bảo hiểm").
constexpr size_t kClauseWords = 3;
const char kPartSeparator[] = " — ";

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t p = s.find(sep, pos);
    out.push_back(s.substr(pos, p == std::string::npos ? std::string::npos : p - pos));
    if (p == std::string::npos) break;
    pos = p + sep.size();
  }
  return out;
}

std::vector<std::string> key_words(const std::string& key) { return split(key, " "); }

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

size_t word_count(const std::string& key) {
  return key.empty() ? 0 : static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// What a figure's value is: the kind of its unit (VND and USD are both money),
// the denominators that are not time ("person", "10k_people"), its change.
struct Measure {
  std::string unit;
  std::string base;
  std::string per;
  Change change = Change::kLevel;
  std::string counted;  // the key of the counted noun of a count ("can ho", "du an"), or empty
};

void unit_kind(const std::string& unit, std::string* base, std::string* per) {
  std::vector<std::string> parts = split(unit, "/");
  *base = parts[0] == "VND" || parts[0] == "USD" ? "money" : parts[0];
  per->clear();
  for (size_t i = 1; i < parts.size(); ++i)
    if (parts[i] != "year" && parts[i] != "month") *per += (per->empty() ? "" : "/") + parts[i];
}

// The change a key's words name: "tang" an increase, "giam" a decrease.
Change change_named(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w == "tang") return Change::kIncrease;
    if (w == "giam") return Change::kDecrease;
  }
  return Change::kLevel;
}

// A level figure whose subject ends on its change ("… giảm trong") has it;
// a subject ending on a number ("… và tăng 24") ends on another figure.
Measure measure_of(const std::string& unit, Change change, const std::string& counted, const std::string& last_key) {
  Measure m;
  m.unit = unit;
  m.counted = matching_key(counted);
  unit_kind(unit, &m.base, &m.per);
  m.change = change;
  std::vector<std::string> words = key_words(last_key);
  bool ends_on_number = !words.empty() && !words.back().empty() && words.back()[0] >= '0' && words.back()[0] <= '9';
  if (change == Change::kLevel && !ends_on_number) {
    size_t from = words.size() > kTrailingChangeWords ? words.size() - kTrailingChangeWords : 0;
    std::vector<std::string> last(words.begin() + static_cast<std::ptrdiff_t>(from), words.end());
    std::reverse(last.begin(), last.end());
    m.change = change_named(last);
  }
  return m;
}

const char* change_word(Change c) {
  switch (c) {
    case Change::kIncrease: return "increase";
    case Change::kDecrease: return "decrease";
    case Change::kLevel: break;
  }
  return "level";
}

std::vector<std::pair<size_t, size_t>> places(const std::string& key, const std::string& alias);

// Whether entry `e`, named by `alias`, can be what a figure of measure `m` is.
bool fits(const CatalogueEntry& e, const std::string& alias, const Measure& m) {
  std::string base, per;
  unit_kind(e.unit, &base, &per);
  // Money per head whose text left out "/người" may still be per head.
  bool per_left_out = m.per.empty() && m.base == "money";
  if (base != m.base || (per != m.per && !per_left_out)) return false;
  // What a count counts is part of its unit: "4 dự án" are no social housing
  // "căn". An entry counting things names them in its wordings.
  if (e.unit == "count" && !m.counted.empty() &&
      std::none_of(e.keys.begin(), e.keys.end(), [&](const std::string& k) { return !places(k, m.counted).empty(); }))
    return false;
  if (e.change == m.change) return true;
  Change named = change_named(key_words(alias));
  auto level_or_named = [&](Change c) { return c == Change::kLevel || c == named; };
  return named != Change::kLevel && level_or_named(e.change) && level_or_named(m.change);
}

size_t words_in(const std::string& s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Where the clause breaks of `text` are: ",", ";" and ":" outside quotation
// marks ("“an toàn về an ninh, trật tự”" is one name).
std::vector<size_t> clause_breaks(const std::string& text) {
  static const std::string kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";  // “ ”
  std::vector<size_t> out;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, kOpen.size(), kOpen) == 0) quoted = true;
    else if (text.compare(i, kClose.size(), kClose) == 0) quoted = false;
    else if (text[i] == '"') quoted = !quoted;
    else if (!quoted && (text[i] == ',' || text[i] == ';' || text[i] == ':')) out.push_back(i);
  }
  return out;
}

// The subject's last clause, when the subject is a sentence (kSentenceWords
// words or more) rather than a name: what follows its last clause break that
// opens a clause of kClauseWords words or more. The whole text otherwise.
std::string last_clause(const std::string& text) {
  if (words_in(text) < kSentenceWords) return text;
  std::vector<size_t> breaks = clause_breaks(text);
  size_t tail = 0;
  for (size_t i = 0; i < breaks.size(); ++i) {
    size_t next = i + 1 < breaks.size() ? breaks[i + 1] : text.size();
    if (words_in(text.substr(breaks[i] + 1, next - breaks[i] - 1)) >= kClauseWords) tail = breaks[i] + 1;
  }
  return text.substr(tail);
}

// A part of a subject as matched: its key, and where its last clause begins
// in it. An alias must end inside the last clause: "Đẩy mạnh ứng dụng … thanh
// toán bảo hiểm y tế, duy trì kết nối liên thông" names no health insurance.
struct Part {
  std::string key;
  size_t clause = 0;
};

// The entries a part of a subject names: those whose alias stands there.
struct Named {
  std::vector<const CatalogueEntry*> entries;
  std::string alias;
  size_t begin = 0, end = 0;  // where it stands in the part's key
  size_t words = 0;

  bool empty() const { return entries.empty(); }
};

using Span = std::pair<size_t, size_t>;

// Every place `alias` stands as whole words of `key`.
std::vector<Span> places(const std::string& key, const std::string& alias) {
  std::vector<Span> out;
  for (size_t p = key.find(alias); p != std::string::npos; p = key.find(alias, p + 1)) {
    size_t end = p + alias.size();
    if ((p == 0 || key[p - 1] == ' ') && (end == key.size() || key[end] == ' ')) out.push_back({p, end});
  }
  return out;
}

bool overlaps(const Span& s, const std::vector<Span>& used) {
  return std::any_of(used.begin(), used.end(), [&](const Span& u) { return s.first < u.second && u.first < s.second; });
}

// The longest alias (in words; the earliest among equals) of an entry `among`
// accepts standing in the part's last clause outside `used`, with every entry
// having it there.
Named named_in(const std::vector<CatalogueEntry>& entries, const std::function<bool(const CatalogueEntry&)>& among,
               const Part& part, const std::vector<Span>& used) {
  Named best;
  for (const CatalogueEntry& e : entries) {
    if (!among(e)) continue;
    for (const std::string& alias : e.keys)
      for (const Span& at : places(part.key, alias)) {
        if (at.second <= part.clause || overlaps(at, used)) continue;
        size_t words = word_count(alias);
        bool same = !best.empty() && words == best.words && at.first == best.begin && at.second == best.end;
        if (same) {
          if (std::find(best.entries.begin(), best.entries.end(), &e) == best.entries.end()) best.entries.push_back(&e);
        } else if (best.empty() || words > best.words || (words == best.words && at.first < best.begin)) {
          best = {{&e}, alias, at.first, at.second, words};
        }
      }
  }
  return best;
}

bool top_level(const CatalogueEntry& e) { return e.parent.empty(); }

std::function<bool(const CatalogueEntry&)> children_of(const Named& n) {
  return [&n](const CatalogueEntry& e) {
    return std::any_of(n.entries.begin(), n.entries.end(), [&](const CatalogueEntry* p) { return p->id == e.parent; });
  };
}

// The entry among those named that fits the figure: one of its very unit
// first, then the first in the catalogue.
const CatalogueEntry* fitting(const Named& n, const Measure& m) {
  const CatalogueEntry* first = nullptr;
  for (const CatalogueEntry* e : n.entries) {
    if (!fits(*e, n.alias, m)) continue;
    if (e->unit == m.unit) return e;
    if (!first) first = e;
  }
  return first;
}

// From the entries `n` names, down to the children the rest of the same part
// names ("cơ cấu kinh tế … khu vực dịch vụ").
Named descend(const std::vector<CatalogueEntry>& entries, Named n, const Part& part) {
  std::vector<Span> used = {{n.begin, n.end}};
  while (true) {
    Named child = named_in(entries, children_of(n), part, used);
    if (child.empty()) return n;
    used.push_back({child.begin, child.end});
    n = std::move(child);
  }
}

// How far a subject's parts go down the catalogue.
struct Walk {
  Named state;           // the entries the parts read so far name
  bool started = false;  // a part named an entry
  size_t next = 0;       // the first part not read
};

Walk walk(const std::vector<CatalogueEntry>& entries, const std::vector<Part>& parts, const Measure& m) {
  Walk w;
  for (size_t i = 0; i < parts.size(); ++i) {
    Named top = named_in(entries, top_level, parts[i], {});
    if (!w.started) {
      if (top.empty()) continue;  // a heading
      w.state = descend(entries, std::move(top), parts[i]);
      w.started = true;
      w.next = i + 1;
      continue;
    }
    Named child = named_in(entries, children_of(w.state), parts[i], {});
    if (!fitting(top, m)) top = {};
    if (!child.empty() && child.words >= top.words) {
      w.state = descend(entries, std::move(child), parts[i]);
    } else if (!top.empty()) {
      w.state = descend(entries, std::move(top), parts[i]);
    } else {
      break;
    }
    w.next = i + 1;
  }
  return w;
}

// The parts of a breakdown: the parent's own parts (a parent may be the
// display form "A — B" of an earlier breakdown), then the sub.
std::vector<std::string> indicator_path(const IndicatorName& indicator) {
  std::vector<std::string> path;
  if (!indicator.parent.empty()) path = split(indicator.parent, kPartSeparator);
  if (!indicator.sub.empty() || path.empty()) path.push_back(indicator.sub);
  return path;
}

// The deduplicated, sorted words of keys: the fingerprint of a wording.
std::string fingerprint_of(const std::vector<std::string>& keys) {
  std::set<std::string> words;
  for (const std::string& key : keys)
    for (const std::string& w : key_words(key))
      if (!w.empty() && w != "/") words.insert(w);
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

IndicatorMatch entry_match(const CatalogueEntry& e, const std::string& method, double score) {
  return {e.id, e.name, e.parent, method, score, true};
}

// The entry under `parent` (null: the top level) nearest to `text` by token
// similarity that fits the figure, when it is near enough; its score in `*score`.
const CatalogueEntry* nearest(const std::vector<CatalogueEntry>& entries, const CatalogueEntry* parent,
                              const std::string& text, const Measure& m, double* score) {
  const CatalogueEntry* near = nullptr;
  for (const CatalogueEntry& e : entries) {
    if (e.parent != (parent ? parent->id : "") || !fits(e, matching_key(e.name), m)) continue;
    double sim = token_similarity(text, e.name);
    if (sim > *score) {
      *score = sim;
      near = &e;
    }
  }
  return *score >= kSimilarityThreshold ? near : nullptr;
}

// A part of a subject as matched: its key, and where its last clause begins.
Part read_part(const Abbreviations& abbreviations, const std::string& part) {
  Part p{abbreviations.expand(matching_key(part)), 0};
  std::string clause = abbreviations.expand(matching_key(last_clause(without_parentheses(part))));
  if (!clause.empty() && p.key.size() > clause.size() &&
      p.key.compare(p.key.size() - clause.size(), clause.size(), clause) == 0)
    p.clause = p.key.size() - clause.size();
  return p;
}

// The row of the parts `rest` of a wording the catalogue does not know, under
// the deepest entry reached (or none): keyed by the unit's kind, the change
// and the fingerprint of the words, those in parentheses kept ("(R&D)/GRDP"
// is not "GRDP").
IndicatorMatch uncatalogued(const Abbreviations& abbreviations, const CatalogueEntry* under,
                            const std::vector<std::string>& rest, const Measure& m) {
  std::vector<std::string> keys;
  for (const std::string& part : rest) keys.push_back(abbreviations.expand(words_key(part)));
  std::string print = fingerprint_of(keys);
  std::string kind = m.base + (m.per.empty() ? "" : "/" + m.per);
  IndicatorMatch out;
  out.id = (under ? under->id + "/" : std::string()) + "auto:" + kind + ":" + change_word(m.change) + ":" + print;
  out.name = under ? under->name + kPartSeparator + joined(rest) : joined(rest);
  out.parent_id = under ? under->id : "";
  out.method = "fingerprint";
  out.score = 1;
  out.grouped = word_count(print) >= kMinGroupingWords;
  return out;
}

}  // namespace

IndicatorMatch IndicatorCatalogue::match(const IndicatorName& indicator, const std::string& unit, Change change,
                                         const std::map<std::string, MatchDecision>& decisions) const {
  Figure f;
  f.indicator = indicator;
  f.unit = unit;
  f.change = change;
  return match(f, decisions);
}

IndicatorMatch IndicatorCatalogue::match(const Figure& f, const std::map<std::string, MatchDecision>& decisions) const {
  auto decided = decisions.find(decision_key(f.indicator, f.unit));
  bool has_decision = decided != decisions.end();
  if (has_decision && decided->second.decision == "map") {
    const CatalogueEntry* e = find(decided->second.indicator_id);
    return {decided->second.indicator_id, e ? e->name : f.indicator.display(), e ? e->parent : "", "analyst", 1, true};
  }
  bool rejected = has_decision && decided->second.decision == "reject";
  std::vector<std::string> parts = indicator_path(f.indicator);
  std::vector<Part> read;
  for (const std::string& part : parts) read.push_back(read_part(abbreviations_, part));
  const Measure m = measure_of(f.unit, f.change, f.counted, read.back().key);
  Walk w = rejected ? Walk{} : walk(entries_, read, m);
  const CatalogueEntry* under = nullptr;
  size_t from = 0;
  if (w.started && w.next == parts.size()) {
    if (const CatalogueEntry* e = fitting(w.state, m)) return entry_match(*e, has_decision ? "analyst" : "catalogue", 1);
  } else if (w.started) {
    // Not wholly catalogued: the rest of the path keys the row, under the
    // deepest entry reached.
    under = fitting(w.state, m);
    if (!under) under = w.state.entries.front();
    from = w.next;
  }
  std::vector<std::string> rest(parts.begin() + static_cast<std::ptrdiff_t>(from), parts.end());
  IndicatorMatch out = uncatalogued(abbreviations_, under, rest, m);
  if (!under) out.name = f.indicator.display();
  if (rejected) return out;
  double score = 0;
  if (const CatalogueEntry* near = nearest(entries_, under, joined(rest), m, &score))
    return entry_match(*near, "similarity", score);
  return out;
}

}  // namespace chitieu
