#include "extractor/formats/page_furniture.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace chitieu {
namespace {

// Lines at each end of a page looked at.
constexpr size_t kEdgeLines = 2;
// Longer lines are body text, never furniture.
constexpr size_t kMaxFurnitureBytes = 200;

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// The line with runs of white space collapsed and digits replaced, so "Trang 3"
// and "Trang 4", or a header carrying the page number, compare equal.
std::string furniture_key(const std::string& line) {
  std::string key;
  bool space = false;
  for (char c : trim(line)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += (c >= '0' && c <= '9') ? '#' : c;
  }
  // "# #" and "#" are one page number however many digits it has.
  std::string squeezed;
  for (char c : key)
    if (c != '#' || squeezed.empty() || squeezed.back() != '#') squeezed += c;
  return squeezed;
}

// A page number standing alone: "7", "- 7 -", "Trang 7", "Trang 7/20", "Page 7 of 20";
// also as OCR reads a dashed one on a scan, "- 7--" or "--7 -".
bool page_number(const std::string& line, int* n, bool* decorated) {
  static const RE2 kPageNumber(
      R"(^([-–—]+\s*)?((?i:trang|page)\s*)?(\d{1,4})(?:\s*(?:/|(?i:of|trên))\s*\d{1,4})?(\s*[-–—]+)?$)");
  std::string dash, word, number, tail;
  if (!RE2::FullMatch(trim(line), kPageNumber, &dash, &word, &number, &tail)) return false;
  *n = std::stoi(number);
  *decorated = !dash.empty() || !word.empty();
  return true;
}

// Headers and footers have words; a recurring bare value ("45", "7,5%") at the
// foot of many pages is a long table's last cell, not furniture.
bool has_letter(const std::string& key) {
  for (char c : key) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) return true;
  }
  return false;
}

}  // namespace

void mark_page_furniture(DocumentLines* doc) {
  const size_t count = doc->lines.size();
  if (doc->pages.size() != count || count == 0) return;
  doc->boilerplate.assign(count, false);

  // The first and last non-blank lines of each page.
  std::map<uint32_t, std::vector<size_t>> edges;
  {
    std::map<uint32_t, std::vector<size_t>> by_page;
    for (size_t i = 0; i < count; ++i) {
      if (doc->pages[i] == 0) continue;
      if (doc->lines[i].find_first_not_of(" \t") == std::string::npos) continue;
      by_page[doc->pages[i]].push_back(i);
    }
    for (auto& [page, lines] : by_page) {
      std::set<size_t> pick;
      for (size_t k = 0; k < lines.size() && k < kEdgeLines; ++k) pick.insert(lines[k]);
      for (size_t k = 0; k < lines.size() && k < kEdgeLines; ++k) pick.insert(lines[lines.size() - 1 - k]);
      edges[page].assign(pick.begin(), pick.end());
    }
  }
  const size_t pages = edges.size();
  if (pages == 0) return;

  // Page numbers that follow the page count with one offset.
  std::map<int, std::set<uint32_t>> pages_by_offset;
  for (const auto& [page, lines] : edges) {
    for (size_t i : lines) {
      int n = 0;
      bool decorated = false;
      if (page_number(doc->lines[i], &n, &decorated)) pages_by_offset[n - static_cast<int>(page)].insert(page);
    }
  }
  int best_offset = 0;
  size_t best = 0;
  for (const auto& [offset, on] : pages_by_offset) {
    if (on.size() > best) {
      best = on.size();
      best_offset = offset;
    }
  }
  const bool numbered = pages >= 2 && best >= 2 && best * 3 >= pages;

  // Text recurring at the edges of at least half the pages.
  std::map<std::string, std::set<uint32_t>> pages_by_key;
  for (const auto& [page, lines] : edges) {
    for (size_t i : lines) {
      if (doc->lines[i].size() > kMaxFurnitureBytes) continue;
      std::string key = furniture_key(doc->lines[i]);
      if (has_letter(key)) pages_by_key[key].insert(page);
    }
  }
  const size_t recurring = std::max<size_t>(2, (pages + 1) / 2);

  for (const auto& [page, lines] : edges) {
    for (size_t i : lines) {
      int n = 0;
      bool decorated = false;
      if (page_number(doc->lines[i], &n, &decorated)) {
        // Judged as a page number only. A lone page says nothing by
        // repetition, nor do pages whose other numbers are lost (OCR drops
        // many a lone number); there only a number written as one ("- 1 -",
        // "Trang 1") on its own page is taken.
        if ((numbered && n - static_cast<int>(page) == best_offset) ||
            (!numbered && decorated && n == static_cast<int>(page))) {
          doc->boilerplate[i] = true;
        }
        continue;
      }
      if (doc->lines[i].size() > kMaxFurnitureBytes) continue;
      auto it = pages_by_key.find(furniture_key(doc->lines[i]));
      if (it != pages_by_key.end() && it->second.size() >= recurring) doc->boilerplate[i] = true;
    }
  }
}

}  // namespace chitieu
