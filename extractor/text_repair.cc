#include "extractor/text_repair.h"

#include "common/text.h"
#include "extractor/legacy_encoding.h"

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <mutex>

namespace chitieu {
namespace {

bool is_invisible(UChar32 c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD ||
         c == 0x2060;
}

bool is_space_variant(UChar32 c) {
  return c == '\t' || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200A) || c == '\f' || c == '\v' || c == '\r';
}

// Adjacent repairs of the same rule become one, so a line of font-mapped text
// is one row for the auditor rather than one per letter.
void merge_repairs(std::vector<Repair>* repairs) {
  std::sort(repairs->begin(), repairs->end(),
            [](const Repair& a, const Repair& b) { return a.raw_begin < b.raw_begin; });
  std::vector<Repair> merged;
  for (Repair& r : *repairs) {
    if (!merged.empty() && merged.back().rule == r.rule && merged.back().raw_end == r.raw_begin &&
        r.rule != "nfc") {
      merged.back().raw_end = r.raw_end;
      merged.back().replacement += r.replacement;
    } else {
      merged.push_back(std::move(r));
    }
  }
  *repairs = std::move(merged);
}

// A code point of the line being repaired and the raw byte offset it came from.
using PlacedCodePoint = std::pair<UChar32, int32_t>;

// Word exports leave "[bookmark: _GoBack]" markers in the text; they are not
// part of the document. Returns their byte ranges, each recorded as a repair.
std::vector<std::pair<int32_t, int32_t>> find_bookmarks(std::string_view raw,
                                                        std::vector<Repair>* repairs) {
  static const RE2 kBookmark(R"((\[bookmark: [^\]]*\]))");
  std::vector<std::pair<int32_t, int32_t>> dropped;
  re2::StringPiece input(raw.data(), raw.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, kBookmark, &match)) {
    int32_t b = static_cast<int32_t>(match.data() - raw.data());
    dropped.push_back({b, b + static_cast<int32_t>(match.size())});
    repairs->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(b + match.size()), "", "bookmark"});
  }
  return dropped;
}

// The code points of `raw` outside the `dropped` ranges (invalid UTF-8 as
// U+FFFD), then a sentinel {0, size} holding the end offset.
std::vector<PlacedCodePoint> decode_placed(std::string_view raw,
                                           const std::vector<std::pair<int32_t, int32_t>>& dropped) {
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  const int32_t n = static_cast<int32_t>(raw.size());
  std::vector<PlacedCodePoint> out;
  out.reserve(raw.size() + 1);
  size_t next_drop = 0;
  int32_t i = 0;
  while (i < n) {
    if (next_drop < dropped.size() && i == dropped[next_drop].first) {
      i = dropped[next_drop].second;
      ++next_drop;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out.push_back({c < 0 ? 0xFFFD : c, start});
  }
  out.push_back({0, n});
  return out;
}

// Pass 1: font-mapped glyphs to letters, invisible characters dropped, space
// variants to spaces, ƣ to ư, each change recorded. `raw_cps` ends with the
// sentinel of decode_placed; the result has none.
std::vector<PlacedCodePoint> repair_characters(const std::vector<PlacedCodePoint>& raw_cps,
                                               const FontMap* font, std::vector<Repair>* repairs) {
  std::vector<PlacedCodePoint> cps;
  cps.reserve(raw_cps.size());
  std::vector<int32_t> just_cps;
  if (font) {
    just_cps.reserve(raw_cps.size());
    for (size_t k = 0; k + 1 < raw_cps.size(); ++k) just_cps.push_back(raw_cps[k].first);
  }
  std::u32string mapped;
  for (size_t k = 0; k + 1 < raw_cps.size();) {
    auto [c, start] = raw_cps[k];
    if (font) {
      mapped.clear();
      size_t used = font->map(just_cps.data(), just_cps.size(), k, &mapped);
      if (used > 0) {
        int32_t end = raw_cps[k + used].second;
        for (char32_t m : mapped) cps.push_back({static_cast<UChar32>(m), start});
        repairs->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), encode_utf8(mapped),
                            font->rule()});
        k += used;
        continue;
      }
    }
    ++k;
    int32_t end = raw_cps[k].second;
    if (is_invisible(c)) {
      repairs->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), "", "invisible"});
      continue;
    }
    if (is_space_variant(c)) {
      repairs->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), " ", "space"});
      c = ' ';
    } else if (c == 0x01A3 || c == 0x01A2) {
      // OCR and some PDF fonts give ƣ (oi) for ư; Vietnamese has no ƣ.
      UChar32 fixed = c == 0x01A3 ? 0x01B0 : 0x01AF;
      repairs->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                          encode_utf8(std::u32string(1, fixed)), "u-horn"});
      c = fixed;
    }
    cps.push_back({c, start});
  }
  return cps;
}

// Appends code point `c`, from raw byte `raw_offset`, to the line.
void emit(UChar32 c, int32_t raw_offset, RepairedLine* out) {
  append_utf8(c, &out->text);
  out->folded.push_back(fold_code_point(c));
  out->raw_byte_of_cp.push_back(static_cast<uint32_t>(raw_offset));
}

// Whether pass 1 left the line as it was and it is already NFC, so that every
// code point stands for itself (most lines).
bool already_normal(std::string_view raw, const FontMap* font, const std::vector<PlacedCodePoint>& cps,
                    const RepairedLine& out, const icu::Normalizer2* nfc) {
  // ƣ is excluded: ƣ + a combining mark is NFC, but ư + the same mark composes.
  bool has_oi = raw.find("\xC6\xA2") != std::string_view::npos ||
                raw.find("\xC6\xA3") != std::string_view::npos;
  // Removing a character can bring a letter and its mark together, and a mark
  // NFC leaves unattached is debris to drop: both need the full path.
  bool plain = out.repairs.empty() && std::none_of(cps.begin(), cps.end(), [](const PlacedCodePoint& p) {
                 return p.first >= 0x300 && is_combining_mark(p.first);
               });
  UErrorCode err = U_ZERO_ERROR;
  return !font && !has_oi && plain &&
         nfc->isNormalizedUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())), err) &&
         U_SUCCESS(err);
}

// Pass 2: NFC, chunk by chunk between normalization boundaries, so each
// output code point maps to the raw offset of the chunk it came from.
void normalize_chunks(const std::vector<PlacedCodePoint>& cps, int32_t raw_size,
                      const icu::Normalizer2* nfc, RepairedLine* out) {
  UErrorCode err = U_ZERO_ERROR;
  size_t k = 0;
  while (k < cps.size()) {
    size_t end = k + 1;
    while (end < cps.size() && !nfc->hasBoundaryBefore(cps[end].first)) ++end;
    if (end == k + 1 && nfc->isInert(cps[k].first)) {
      emit(cps[k].first, cps[k].second, out);
      k = end;
      continue;
    }
    icu::UnicodeString chunk;
    for (size_t j = k; j < end; ++j) chunk.append(cps[j].first);
    icu::UnicodeString normalized;
    nfc->normalize(chunk, normalized, err);
    if (U_FAILURE(err)) {
      err = U_ZERO_ERROR;
      normalized = chunk;
    }
    bool changed = normalized != chunk;
    for (int32_t j = 0; j < normalized.length();) {
      UChar32 c = normalized.char32At(j);
      j += U16_LENGTH(c);
      // A combining mark NFC could not attach is debris: drop it so the
      // folded skeleton stays one letter per letter.
      if (u_getCombiningClass(c) != 0) {
        changed = true;
        continue;
      }
      emit(c, cps[k].second, out);
    }
    if (changed) {
      int32_t raw_end = end < cps.size() ? cps[end].second : raw_size;
      std::string repl;
      normalized.toUTF8String(repl);
      out->repairs.push_back({static_cast<uint32_t>(cps[k].second), static_cast<uint32_t>(raw_end), repl, "nfc"});
    }
    k = end;
  }
}

// Most lines need no repair at all: valid UTF-8 already in NFC, without a
// font map, a bookmark, an invisible character, a space variant, ƣ or a
// combining mark. For such a line every code point stands for itself, and
// the text is the raw line: this fills `out` in one pass without building the
// code point lists of the general path (which gives the same result on it).
// False, with `out` untouched, for any other line.
bool repair_plain_line(std::string_view raw, const FontMap* font, const icu::Normalizer2* nfc,
                       RepairedLine* out) {
  if (font || raw.find("[bookmark: ") != std::string_view::npos) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  const int32_t n = static_cast<int32_t>(raw.size());
  const CodePointFolder fold;
  std::string folded;
  std::vector<uint32_t> offsets;
  folded.reserve(raw.size());
  offsets.reserve(raw.size() + 1);
  for (int32_t i = 0; i < n;) {
    int32_t start = i;
    if (s[i] < 0x80) {  // ASCII: only the space variants need repair
      if (is_space_variant(s[i])) return false;
      folded.push_back(fold(s[i]));
      offsets.push_back(static_cast<uint32_t>(i++));
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || is_invisible(c) || is_space_variant(c) || c == 0x01A3 || c == 0x01A2 ||
        (c >= 0x300 && is_combining_mark(c)))
      return false;
    folded.push_back(fold(c));
    offsets.push_back(static_cast<uint32_t>(start));
  }
  UErrorCode err = U_ZERO_ERROR;
  if (!nfc->isNormalizedUTF8(icu::StringPiece(raw.data(), n), err) || U_FAILURE(err)) return false;
  offsets.push_back(static_cast<uint32_t>(n));
  out->text.assign(raw);
  out->folded = std::move(folded);
  out->raw_byte_of_cp = std::move(offsets);
  return true;
}

}  // namespace

RepairedLine repair_line(std::string_view raw, const FontMap* font) {
  RepairedLine out;
  UErrorCode nfc_err = U_ZERO_ERROR;
  if (repair_plain_line(raw, font, icu::Normalizer2::getNFCInstance(nfc_err), &out)) return out;
  const int32_t n = static_cast<int32_t>(raw.size());
  std::vector<std::pair<int32_t, int32_t>> dropped = find_bookmarks(raw, &out.repairs);
  std::vector<PlacedCodePoint> cps = repair_characters(decode_placed(raw, dropped), font, &out.repairs);

  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  out.text.reserve(raw.size());
  out.folded.reserve(raw.size());
  out.raw_byte_of_cp.reserve(cps.size() + 1);
  if (already_normal(raw, font, cps, out, nfc)) {
    for (const auto& [c, offset] : cps) emit(c, offset, &out);
  } else {
    normalize_chunks(cps, n, nfc, &out);
  }
  out.raw_byte_of_cp.push_back(static_cast<uint32_t>(n));
  merge_repairs(&out.repairs);
  return out;
}

void repair_phrases(const std::vector<PhraseRepair>& phrases, RepairedLine* line) {
  const std::string& f = line->folded;
  if (phrases.empty() || f.empty()) return;
  auto word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  // The line's code points, decoded when a phrase's skeleton is first found
  // in it (rarely: most lines have none).
  std::vector<int32_t> cps;
  auto decode = [&] {
    if (!cps.empty()) return true;
    int32_t i = 0, n = static_cast<int32_t>(line->text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(line->text.data());
    while (i < n) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      cps.push_back(c);
    }
    return cps.size() == f.size();  // one code point per skeleton byte
  };
  bool changed = false;
  for (const PhraseRepair& p : phrases) {
    for (size_t pos = f.find(p.folded); pos != std::string::npos; pos = f.find(p.folded, pos + 1)) {
      size_t end = pos + p.folded.size();
      if ((pos > 0 && word_char(f[pos - 1])) || (end < f.size() && word_char(f[end]))) continue;
      if (!decode()) return;
      std::string before, after;
      bool differs = false;
      for (size_t k = 0; k < p.text.size(); ++k) {
        int32_t want = p.text[k];
        if (u_isupper(cps[pos + k])) want = u_toupper(want);
        if (want != cps[pos + k]) differs = true;
        append_utf8(cps[pos + k], &before);
        append_utf8(want, &after);
        cps[pos + k] = want;
      }
      if (!differs) continue;
      changed = true;
      line->repairs.push_back({line->raw_byte_of_cp[pos], line->raw_byte_of_cp[end], after, "ocr-phrase"});
    }
  }
  if (!changed) return;
  std::string text;
  text.reserve(line->text.size());
  for (int32_t c : cps) append_utf8(c, &text);
  line->text = std::move(text);
  std::sort(line->repairs.begin(), line->repairs.end(),
            [](const Repair& a, const Repair& b) { return a.raw_begin < b.raw_begin; });
}

}  // namespace chitieu
