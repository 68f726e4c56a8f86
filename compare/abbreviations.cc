#include "compare/abbreviations.h"

#include <algorithm>

#include "common/text.h"

namespace chitieu {
namespace {

constexpr char32_t kCapitalD = U'\u0110';  // Đ

std::vector<std::string> words_of(const std::string& key) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < key.size()) {
    size_t space = key.find(' ', pos);
    if (space == std::string::npos) space = key.size();
    if (space > pos) out.push_back(key.substr(pos, space - pos));
    pos = space + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// The letters an abbreviation's key spells: "kt xh" → "ktxh".
std::string letters_of(const std::string& key) {
  std::string out;
  for (char c : key)
    if (c >= 'a' && c <= 'z') out += c;
  return out;
}

bool alphabetic(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Whether words[begin..] start with the initials `letters`.
bool initials_at(const std::vector<std::string>& words, size_t begin, const std::string& letters) {
  if (begin + letters.size() > words.size()) return false;
  for (size_t k = 0; k < letters.size(); ++k)
    if (!alphabetic(words[begin + k]) || words[begin + k][0] != letters[k]) return false;
  return true;
}

bool is_abbreviation(std::string_view token) {
  std::u32string cps = decode_utf8(token);
  if (cps.empty()) return false;
  auto capital = [](char32_t c) { return (c >= U'A' && c <= U'Z') || c == kCapitalD; };
  if (!capital(cps[0])) return false;
  size_t letters = 0;
  bool roman = true;
  for (char32_t c : cps) {
    if (capital(c)) {
      ++letters;
      roman = roman && (c == U'I' || c == U'V' || c == U'X');
    } else if (!((c >= U'0' && c <= U'9') || c == U'-' || c == U'&')) {
      return false;
    }
  }
  return letters >= 2 && !roman;
}

std::string_view trim_punctuation(std::string_view token) {
  static constexpr std::string_view kPunctuation = " ()[],;:.\"'";
  while (!token.empty() && kPunctuation.find(token.front()) != std::string_view::npos) token.remove_prefix(1);
  while (!token.empty() && kPunctuation.find(token.back()) != std::string_view::npos) token.remove_suffix(1);
  return token;
}

// Whether `words` hold `phrase` (words) at `at`.
bool phrase_at(const std::vector<std::string>& words, size_t at, const std::vector<std::string>& phrase) {
  if (phrase.empty() || at + phrase.size() > words.size()) return false;
  return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

}  // namespace

std::string without_parentheses(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '(') {
      out += text[i++];
      continue;
    }
    int depth = 0;
    size_t j = i;
    for (; j < text.size(); ++j) {
      if (text[j] == '(') ++depth;
      if (text[j] == ')' && --depth == 0) break;
    }
    if (j == text.size()) {  // unclosed: kept as written
      out += text.substr(i);
      break;
    }
    out += ' ';
    i = j + 1;
  }
  return out;
}

std::string matching_key(std::string_view text) { return words_key(without_parentheses(text)); }

std::string words_key(std::string_view text) {
  std::string key = comparison_key(text);
  std::string out;
  for (char c : key) {
    if (c == '/') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      out += "/ ";
    } else if (c != ' ' || (!out.empty() && out.back() != ' ')) {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> abbreviations_in(std::string_view written) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < written.size()) {
    size_t end = written.find_first_of(" \t/", pos);
    if (end == std::string_view::npos) end = written.size();
    std::string_view token = trim_punctuation(written.substr(pos, end - pos));
    if (is_abbreviation(token)) out.emplace_back(token);
    pos = end + 1;
  }
  return out;
}

Abbreviations::Entry* Abbreviations::find(const std::string& key) {
  for (Entry& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

const Abbreviations::Entry* Abbreviations::find(const std::string& key) const {
  for (const Entry& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

void Abbreviations::add(const std::string& key, const std::string& definition) {
  if (key.empty() || definition.empty() || definition == key) return;
  Entry* e = find(key);
  if (!e) e = &entries_.emplace_back(Entry{key, {}});
  if (std::find(e->definitions.begin(), e->definitions.end(), definition) != e->definitions.end()) return;
  e->definitions.push_back(definition);
}

void Abbreviations::learn_parenthesized(std::string_view written) {
  for (size_t open = written.find('('); open != std::string_view::npos; open = written.find('(', open + 1)) {
    size_t close = written.find(')', open);
    if (close == std::string_view::npos) return;
    std::string_view inner = trim_punctuation(written.substr(open + 1, close - open - 1));
    if (!is_abbreviation(inner)) continue;
    std::string key = matching_key(inner);
    std::vector<std::string> words = words_of(matching_key(written.substr(0, open)));
    std::string letters = letters_of(key);
    // The last words whose initials spell the abbreviation, when there are such.
    size_t from = 0;
    if (words.size() >= letters.size() && initials_at(words, words.size() - letters.size(), letters))
      from = words.size() - letters.size();
    add(key, joined(words, from, words.size()));
  }
}

void Abbreviations::learn_initials(std::string_view abbreviation, const std::vector<std::string>& wordings) {
  std::string key = matching_key(abbreviation);
  if (find(key)) return;
  std::string letters = letters_of(key);
  for (const std::string& wording : wordings) {
    std::vector<std::string> words = words_of(matching_key(wording));
    for (size_t i = 0; i + letters.size() <= words.size(); ++i)
      if (initials_at(words, i, letters)) {
        add(key, joined(words, i, i + letters.size()));
        return;
      }
  }
}

std::string Abbreviations::expand(const std::string& key) const {
  if (entries_.empty()) return key;
  std::vector<std::string> words = words_of(key);
  std::string out;
  for (size_t i = 0; i < words.size();) {
    const Entry* best = nullptr;
    size_t best_len = 0;
    for (const Entry& e : entries_) {
      std::vector<std::string> abbr = words_of(e.key);
      if (abbr.size() > best_len && phrase_at(words, i, abbr)) {
        best = &e;
        best_len = abbr.size();
      }
    }
    if (!best) {
      out += (out.empty() ? "" : " ") + words[i++];
      continue;
    }
    // "tổng sản phẩm trên địa bàn (GRDP)": the words are already there.
    bool repeated = std::any_of(best->definitions.begin(), best->definitions.end(), [&](const std::string& d) {
      return out.size() >= d.size() && out.compare(out.size() - d.size(), d.size(), d) == 0 &&
             (out.size() == d.size() || out[out.size() - d.size() - 1] == ' ');
    });
    if (!repeated) out += (out.empty() ? "" : " ") + best->definitions.front();
    i += best_len;
  }
  return out;
}

std::vector<std::vector<std::string>> Abbreviations::search_terms(std::string_view query) const {
  std::vector<std::string> words = words_of(matching_key(query));
  std::vector<std::vector<std::string>> groups;
  for (size_t i = 0; i < words.size();) {
    // The longest abbreviation, or definition of one, standing here.
    const Entry* best = nullptr;
    size_t best_len = 0;
    for (const Entry& e : entries_) {
      std::vector<std::string> spellings = {e.key};
      spellings.insert(spellings.end(), e.definitions.begin(), e.definitions.end());
      for (const std::string& s : spellings) {
        std::vector<std::string> phrase = words_of(s);
        if (phrase.size() > best_len && phrase_at(words, i, phrase)) {
          best = &e;
          best_len = phrase.size();
        }
      }
    }
    if (!best) {
      groups.push_back({words[i++]});
      continue;
    }
    std::vector<std::string> group = {best->key};
    group.insert(group.end(), best->definitions.begin(), best->definitions.end());
    groups.push_back(std::move(group));
    i += best_len;
  }
  return groups;
}

std::vector<std::string> Abbreviations::definitions(std::string_view abbreviation) const {
  const Entry* e = find(matching_key(abbreviation));
  return e ? e->definitions : std::vector<std::string>{};
}

}  // namespace chitieu
