#include "pipeline/bundle.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/text.h"
#include "extractor/source_text.h"
#include "store/figure_codec.h"

namespace chitieu {
namespace {

using json = nlohmann::json;

Status malformed(const std::string& what) { return Status::Error("malformed bundle: " + what); }

// Throws on text that is not UTF-8 (caught by encode_bundle): a bundle holds
// the text as it is or not at all.
std::string bundle_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::strict); }

json header_json(const DocumentHeader& h) {
  return {{"number", h.number},           {"type", h.type},
          {"issuer", h.issuer},           {"place", h.place},
          {"date", h.date},               {"date_source", h.date_source},
          {"title", h.title},             {"is_draft", h.is_draft},
          {"period", h.period},           {"period_line", h.period_line},
          {"period_quote", h.period_quote}, {"genre", genre_name(h.genre)},
          {"official", h.official}};
}

json document_json(const ExtractedDocument& doc, const BundleExtractor& by) {
  const SourceText& s = doc.source;
  return {{"chitieu_bundle", kBundleVersion},
          {"extractor_version", by.version},
          {"data_sha256", by.data_sha256},
          {"path", s.path},
          {"absolute_path", s.absolute_path},
          {"file_name", s.file_name},
          {"sha256", s.sha256},
          {"size_bytes", s.size_bytes},
          {"format", s.format},
          {"encoding", s.encoding},
          {"encoding_confidence", s.encoding_confidence},
          {"converted_by", s.converted_by},
          {"lines", s.lines.size()},
          {"text_sha256", lines_sha256_hex(s.lines)},
          {"figures", doc.figures.size()},
          {"header", header_json(doc.header)}};
}

json line_json(const ExtractedDocument& doc, size_t i) {
  const SourceText& s = doc.source;
  json j = {{"raw", s.lines[i]}};
  const RepairedLine& r = doc.repaired[i];
  if (r.text != s.lines[i]) j["repaired"] = r.text;
  if (i < s.pages.size()) j["page"] = s.pages[i];
  if (i < s.boilerplate.size() && s.boilerplate[i]) j["furniture"] = true;
  if (i < s.line_confidence.size()) j["ocr_confidence"] = s.line_confidence[i];
  if (i < s.sources.size()) j["source"] = {s.sources[i].line, s.sources[i].begin, s.sources[i].end};
  if (i < s.line_words.size()) {
    json words = json::array();
    for (const OcrWord& w : s.line_words[i]) words.push_back({w.begin, w.end, w.confidence});
    j["ocr_words"] = std::move(words);
  }
  if (!r.repairs.empty()) {
    json repairs = json::array();
    for (const Repair& rp : r.repairs)
      repairs.push_back({{"begin", rp.raw_begin}, {"end", rp.raw_end}, {"replacement", rp.replacement}, {"rule", rp.rule}});
    j["repairs"] = std::move(repairs);
  }
  return j;
}

json figure_json(const Figure& f) {
  return {{"line", f.line},
          {"line_end", f.line_end},
          {"char_start", f.char_start},
          {"char_end", f.char_end},
          {"number_line", f.number_line},
          {"quote", f.quote},
          {"parent", f.indicator.parent},
          {"sub", f.indicator.sub},
          {"item", f.item},
          {"comparator", comparator_text(f.comparator)},
          {"low", f.low},
          {"high", f.high},
          {"unit", f.unit},
          {"counted", f.counted},
          {"year", f.year},
          {"kind", kind_text(f.kind)},
          {"change", change_text(f.change)},
          {"number_text", f.number_text},
          {"unit_text", f.unit_text},
          {"warnings", json::parse(warnings_to_json(f.warnings))},
          {"reading", json::parse(reading_to_json(f))}};
}

// --- Reading: every field checked, a missing or mistyped one is an error.

template <typename T>
bool get(const json& j, const char* key, T* out) {
  auto it = j.find(key);
  if (it == j.end()) return false;
  try {
    *out = it->get<T>();
  } catch (const json::exception&) {
    return false;
  }
  return true;
}

Status read_header(const json& j, DocumentHeader* h) {
  std::string genre;
  if (!j.is_object() || !get(j, "number", &h->number) || !get(j, "type", &h->type) ||
      !get(j, "issuer", &h->issuer) || !get(j, "place", &h->place) || !get(j, "date", &h->date) ||
      !get(j, "date_source", &h->date_source) || !get(j, "title", &h->title) ||
      !get(j, "is_draft", &h->is_draft) || !get(j, "period", &h->period) ||
      !get(j, "period_line", &h->period_line) || !get(j, "period_quote", &h->period_quote) ||
      !get(j, "genre", &genre) || !get(j, "official", &h->official))
    return malformed("document header");
  h->genre = genre_from_name(genre);
  return Status::Ok();
}

// The first line: the document, and how many lines and figures follow.
Status read_document(const json& j, ExtractedDocument* doc, BundleExtractor* by, size_t* lines, size_t* figures,
                     std::string* text_sha256) {
  int version = 0;
  if (!j.is_object() || !get(j, "chitieu_bundle", &version)) return Status::Error("not a chitieu bundle");
  if (version > kBundleVersion)
    return Status::Error("bundle version " + std::to_string(version) + " is newer than this chitieu (" +
                         std::to_string(kBundleVersion) + ")");
  SourceText& s = doc->source;
  if (!get(j, "extractor_version", &by->version) || !get(j, "data_sha256", &by->data_sha256) ||
      !get(j, "path", &s.path) || !get(j, "absolute_path", &s.absolute_path) ||
      !get(j, "file_name", &s.file_name) || !get(j, "sha256", &s.sha256) ||
      !get(j, "size_bytes", &s.size_bytes) || !get(j, "format", &s.format) || !get(j, "encoding", &s.encoding) ||
      !get(j, "encoding_confidence", &s.encoding_confidence) || !get(j, "lines", lines) ||
      !get(j, "figures", figures) || !get(j, "text_sha256", text_sha256) ||
      !get(j, "converted_by", &s.converted_by) || !j.contains("header"))
    return malformed("document");
  return read_header(j["header"], &doc->header);
}

Status read_line(const json& j, size_t i, ExtractedDocument* doc) {
  SourceText& s = doc->source;
  std::string raw;
  if (!j.is_object() || !get(j, "raw", &raw)) return malformed("line " + std::to_string(i + 1));
  RepairedLine r;
  if (!get(j, "repaired", &r.text)) r.text = raw;
  r.folded = fold_text(r.text);
  if (auto it = j.find("repairs"); it != j.end()) {
    if (!it->is_array()) return malformed("repairs of line " + std::to_string(i + 1));
    for (const json& x : *it) {
      Repair rp;
      if (!get(x, "begin", &rp.raw_begin) || !get(x, "end", &rp.raw_end) ||
          !get(x, "replacement", &rp.replacement) || !get(x, "rule", &rp.rule) || rp.raw_begin > rp.raw_end ||
          rp.raw_end > raw.size())
        return malformed("repair on line " + std::to_string(i + 1));
      r.repairs.push_back(std::move(rp));
    }
  }
  // Pages, furniture and confidence are all or nothing: the formats that have
  // them have them on every line.
  uint32_t page = 0;
  if (get(j, "page", &page)) {
    s.pages.resize(i + 1);
    s.pages[i] = page;
  }
  bool furniture = false;
  if (get(j, "furniture", &furniture) && furniture) {
    s.boilerplate.resize(i + 1);
    s.boilerplate[i] = true;
  }
  float confidence = 0;
  if (get(j, "ocr_confidence", &confidence)) {
    s.line_confidence.resize(i + 1);
    s.line_confidence[i] = confidence;
  }
  if (auto it = j.find("ocr_words"); it != j.end()) {
    std::vector<OcrWord> words;
    if (!it->is_array()) return malformed("OCR words of line " + std::to_string(i + 1));
    for (const json& w : *it) {
      OcrWord word;
      if (!w.is_array() || w.size() != 3 || !w[0].is_number_unsigned() || !w[1].is_number_unsigned() ||
          !w[2].is_number())
        return malformed("OCR words of line " + std::to_string(i + 1));
      word.begin = w[0].get<uint32_t>();
      word.end = w[1].get<uint32_t>();
      word.confidence = w[2].get<float>();
      words.push_back(word);
    }
    s.line_words.resize(i + 1);
    s.line_words[i] = std::move(words);
  }
  std::array<uint64_t, 3> where{};
  if (get(j, "source", &where)) {
    if (where[0] > UINT32_MAX) return malformed("source of line " + std::to_string(i + 1));
    s.sources.resize(i + 1);
    s.sources[i] = {static_cast<uint32_t>(where[0]), where[1], where[2]};
  }
  s.lines.push_back(std::move(raw));
  doc->repaired.push_back(std::move(r));
  return Status::Ok();
}

Status read_figure(const json& j, Figure* f) {
  std::string comparator, kind, change;
  if (!j.is_object() || !get(j, "line", &f->line) || !get(j, "line_end", &f->line_end) ||
      !get(j, "char_start", &f->char_start) || !get(j, "char_end", &f->char_end) ||
      !get(j, "number_line", &f->number_line) || !get(j, "quote", &f->quote) ||
      !get(j, "parent", &f->indicator.parent) || !get(j, "sub", &f->indicator.sub) || !get(j, "item", &f->item) ||
      !get(j, "comparator", &comparator) || !get(j, "low", &f->low) || !get(j, "high", &f->high) ||
      !get(j, "unit", &f->unit) || !get(j, "counted", &f->counted) || !get(j, "year", &f->year) ||
      !get(j, "kind", &kind) || !get(j, "change", &change) || !get(j, "number_text", &f->number_text) ||
      !get(j, "unit_text", &f->unit_text) || !j.contains("warnings") || !j.contains("reading"))
    return malformed("figure");
  auto c = parse_comparator(comparator);
  auto k = parse_kind(kind);
  auto ch = parse_change(change);
  if (!c || !k || !ch) return malformed("figure (comparator, kind or change)");
  f->comparator = *c;
  f->kind = *k;
  f->change = *ch;
  f->warnings = warnings_from_json(j["warnings"].dump());
  f->reading = reading_from_json(j["reading"].dump());
  return Status::Ok();
}

// The next line of `text` from `*pos`, without its "\n".
bool next_line(std::string_view text, size_t* pos, std::string_view* line) {
  if (*pos >= text.size()) return false;
  size_t nl = text.find('\n', *pos);
  if (nl == std::string_view::npos) nl = text.size();
  *line = text.substr(*pos, nl - *pos);
  *pos = nl + 1;
  return true;
}

}  // namespace

Status encode_bundle(const ExtractedDocument& doc, const BundleExtractor& by, std::string* out) {
  out->clear();
  try {
    *out += bundle_line(document_json(doc, by));
    *out += '\n';
    for (size_t i = 0; i < doc.source.lines.size(); ++i) {
      *out += bundle_line(line_json(doc, i));
      *out += '\n';
    }
    for (const Figure& f : doc.figures) {
      *out += bundle_line(figure_json(f));
      *out += '\n';
    }
  } catch (const json::exception&) {
    return Status::Error("cannot write a bundle: the text is not valid UTF-8");
  }
  return Status::Ok();
}

Status decode_bundle(std::string_view text, ExtractedDocument* doc, BundleExtractor* by) {
  *doc = ExtractedDocument();
  *by = BundleExtractor();
  size_t pos = 0, lines = 0, figures = 0;
  std::string text_sha256;
  std::string_view line;
  auto parse = [&](json* j) {
    *j = json::parse(line, nullptr, false);
    return !j->is_discarded();
  };
  json j;
  if (!next_line(text, &pos, &line) || !parse(&j)) return Status::Error("not a chitieu bundle");
  Status st = read_document(j, doc, by, &lines, &figures, &text_sha256);
  if (!st.ok()) return st;
  auto cut_short = [&](size_t got) {
    return Status::Error("bundle cut short: " + std::to_string(got) + " of " + std::to_string(1 + lines + figures) +
                         " lines");
  };
  doc->source.lines.reserve(lines);
  doc->repaired.reserve(lines);
  for (size_t i = 0; i < lines; ++i) {
    if (!next_line(text, &pos, &line)) return cut_short(1 + i);
    if (!parse(&j)) return malformed("line " + std::to_string(i + 1) + " is not JSON");
    st = read_line(j, i, doc);
    if (!st.ok()) return st;
  }
  SourceText& s = doc->source;
  if (!s.pages.empty()) s.pages.resize(lines);
  if (!s.boilerplate.empty()) s.boilerplate.resize(lines);
  if (!s.line_confidence.empty()) s.line_confidence.resize(lines);
  if (!s.sources.empty()) s.sources.resize(lines);
  if (!s.line_words.empty()) s.line_words.resize(lines);
  doc->figures.resize(figures);
  for (size_t i = 0; i < figures; ++i) {
    if (!next_line(text, &pos, &line)) return cut_short(1 + lines + i);
    if (!parse(&j)) return malformed("figure " + std::to_string(i + 1) + " is not JSON");
    st = read_figure(j, &doc->figures[i]);
    if (!st.ok()) return st;
  }
  if (next_line(text, &pos, &line)) return malformed("more lines than it announces");
  if (lines_sha256_hex(s.lines) != text_sha256)
    return Status::Error("bundle damaged: its text does not match its fingerprint");
  return Status::Ok();
}

std::string bundle_name(const std::string& sha256, const std::string& path) {
  return sha256 + "-" + sha256_hex(path).substr(0, 8) + std::string(kBundleSuffix);
}

Status read_bundle_identity(const std::string& bundle_path, BundleIdentity* identity) {
  std::ifstream in(bundle_path, std::ios::binary);
  if (!in) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  std::string first;
  std::getline(in, first);
  json j = json::parse(first, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("chitieu_bundle")) return Status::Error("not a chitieu bundle");
  if (!get(j, "path", &identity->path) || !get(j, "sha256", &identity->sha256) ||
      !get(j, "size_bytes", &identity->size_bytes))
    return malformed("document");
  return Status::Ok();
}

Status read_bundle(const std::string& bundle_path, ExtractedDocument* doc, BundleExtractor* by) {
  std::string text;
  // Capped as a source file is (a bundle is a document's own size, a few times over).
  Status st = read_file_bytes(bundle_path, &text);
  if (!st.ok()) return st;
  return decode_bundle(text, doc, by);
}

Status write_bundle(const std::string& dir, const std::string& name, const std::string& text) {
  // Unique among the processes of every machine writing into `dir`.
  static std::atomic<unsigned> counter{0};
  char host[256] = "host";
  gethostname(host, sizeof host - 1);
  std::string temp = dir + "/." + name + "." + host + "." + std::to_string(getpid()) + "." +
                     std::to_string(counter++) + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Error(std::string("cannot write ") + temp + ": " + std::strerror(errno));
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      return Status::Error(std::string("cannot write ") + temp + ": " + std::strerror(errno));
    }
  }
  if (std::rename(temp.c_str(), (dir + "/" + name).c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    return Status::Error("cannot write " + dir + "/" + name + ": " + why);
  }
  return Status::Ok();
}

}  // namespace chitieu
