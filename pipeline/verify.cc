#include "pipeline/verify.h"

#include <map>

#include "extractor/source_text.h"
#include "extractor/text_repair.h"

namespace chitieu {
namespace {

void add(VerifyReport* report, bool problem, std::string text) {
  report->findings.push_back({problem, std::move(text)});
  if (problem) ++report->problems;
}

// The raw lines of every document, checked against its fingerprint (and its
// source file with `check_sources`) on the way.
Status check_documents(Store* store, const std::vector<StoredDocument>& docs, bool check_sources,
                       std::map<int64_t, std::vector<std::string>>* lines, VerifyReport* report) {
  for (const StoredDocument& d : docs) {
    std::vector<std::string>& raw = (*lines)[d.id];
    Status st = store->all_lines(d.id, &raw);
    if (!st.ok()) return st;
    if (static_cast<int64_t>(raw.size()) != d.line_count || lines_sha256_hex(raw) != d.text_sha256)
      add(report, true, d.file_name + ": stored text does not match its fingerprint");
    if (!check_sources) continue;
    std::string sha;
    Status rs = hash_file(d.path, &sha);
    if (!rs.ok())
      add(report, false, d.file_name + ": source " + d.path + " not readable (" + rs.message() + ")");
    else if (sha != d.sha256)
      add(report, true, d.file_name + ": source " + d.path + " has changed since ingest");
  }
  return Status::Ok();
}

// Every figure's quote against the lines; counts the figures per document.
Status check_quotes(Store* store, std::map<int64_t, std::vector<std::string>>& lines,
                    std::map<int64_t, int64_t>* counted, VerifyReport* report) {
  return store->figures([&](const StoredFigure& sf) {
    ++report->figures;
    ++(*counted)[sf.document_id];
    std::string q;
    if (!quote_from_lines(lines[sf.document_id], sf.figure, &q) || q != sf.figure.quote)
      add(report, true,
          "figure " + std::to_string(sf.id) + " " + sf.document + ":" + std::to_string(sf.figure.line) +
              ": quote \"" + sf.figure.quote + "\" not found at its offsets (found \"" + q + "\")");
  });
}

Status verify_in_snapshot(Store* store, bool check_sources, VerifyReport* report) {
  std::vector<StoredDocument> docs;
  Status st = store->documents(&docs);
  if (!st.ok()) return st;
  report->documents = docs.size();
  std::map<int64_t, std::vector<std::string>> lines;
  std::map<int64_t, int64_t> counted;
  st = check_documents(store, docs, check_sources, &lines, report);
  if (st.ok()) st = check_quotes(store, lines, &counted, report);
  if (!st.ok()) return st;
  for (const StoredDocument& d : docs) {
    if (counted[d.id] != d.figure_count)
      add(report, true,
          d.file_name + ": " + std::to_string(counted[d.id]) + " figures stored, " +
              std::to_string(d.figure_count) + " recorded");
  }
  return Status::Ok();
}

}  // namespace

bool quote_from_lines(const std::vector<std::string>& raw, const Figure& f, std::string* quote) {
  quote->clear();
  if (f.line < 1 || f.line_end < f.line || f.line_end > raw.size()) return false;
  const std::string& first = raw[f.line - 1];
  const std::string& last = raw[f.line_end - 1];
  size_t b = byte_offset_of_code_point(first, f.char_start);
  size_t e = byte_offset_of_code_point(last, f.char_end);
  if (b == std::string::npos || e == std::string::npos) return false;
  if (f.line == f.line_end) {
    if (e < b) return false;
    *quote = first.substr(b, e - b);
    return true;
  }
  *quote = first.substr(b);
  for (uint32_t l = f.line + 1; l < f.line_end; ++l) *quote += "\n" + raw[l - 1];
  *quote += "\n" + last.substr(0, e);
  return true;
}

Status verify_store(Store* store, bool check_sources, VerifyReport* report) {
  *report = VerifyReport();
  Status st = store->begin_snapshot();
  if (!st.ok()) return st;
  st = verify_in_snapshot(store, check_sources, report);
  Status ended = store->end_snapshot();
  return st.ok() ? ended : st;
}

}  // namespace chitieu
