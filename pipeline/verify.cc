#include "pipeline/verify.h"

#include <filesystem>
#include <map>

#include "compare/indicator_catalogue.h"
#include "extractor/extractor_version.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"
#include "pipeline/figure_diff.h"
#include "pipeline/recompute.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

void add(VerifyReport* report, bool problem, std::string text) {
  report->findings.push_back({problem, std::move(text)});
  if (problem) ++report->problems;
}

std::string where(const StoredFigure& sf) {
  return "figure " + std::to_string(sf.id) + " " + sf.document + ":" + std::to_string(sf.figure.number_line);
}

// One document's stored figures, what it records of itself and what its
// stored text gives when extracted again.
struct DocumentCheck {
  const StoredDocument& document;
  const std::vector<const StoredFigure*>& figures;
  const std::set<int64_t>& without_line;  // figures whose lines are not stored
  Recomputed recomputed;
  bool same_extractor = false;  // made by this extractor version: differences are problems
};

void check_text(DocumentCheck& c, VerifyReport* report) {
  const StoredDocument& d = c.document;
  const std::vector<StoredLine>& lines = c.recomputed.lines;
  const SourceText& source = c.recomputed.doc.source;
  if (static_cast<int64_t>(lines.size()) != d.line_count || lines_sha256_hex(source.lines) != d.text_sha256)
    add(report, true, d.file_name + ": stored text does not match its fingerprint (" +
                          std::to_string(lines.size()) + " lines stored, " + std::to_string(d.line_count) +
                          " recorded)");
  if (!c.same_extractor) return;
  std::vector<std::string> header = header_differences(d.header, c.recomputed.doc.header);
  if (!header.empty())
    add(report, true, d.file_name + ": stored header differs from what the extractor reads: " +
                          join_differences(header));
  std::string repaired;
  size_t differing = 0;
  for (size_t i = 0; i < lines.size() && i < c.recomputed.doc.repaired.size(); ++i) {
    if (lines[i].repaired == c.recomputed.doc.repaired[i].text) continue;
    if (differing++ < 5) repaired += (repaired.empty() ? "" : ", ") + std::to_string(lines[i].line_no);
  }
  if (differing > 0)
    add(report, true, d.file_name + ": " + std::to_string(differing) +
                          " stored repaired lines differ from what the line repair gives (lines " + repaired +
                          (differing > 5 ? ", …" : "") + ")");
}

// Each stored figure against its place in the text and its recomputation;
// each recomputed figure that is not stored.
void check_figures(DocumentCheck& c, VerifyReport* report) {
  const ExtractedDocument& fresh = c.recomputed.doc;
  std::vector<std::string> raw;
  for (const StoredLine& l : c.recomputed.lines) raw.push_back(l.raw);
  std::vector<const Figure*> stored;
  for (const StoredFigure* sf : c.figures) stored.push_back(&sf->figure);
  FigurePairs pairs = pair_figures(stored, fresh.figures);
  std::vector<std::vector<std::string>> differences(stored.size());
  for (auto [i, j] : pairs.pairs)
    differences[i] = figure_differences(*stored[i], c.figures[i]->page, fresh.figures[j],
                                        figure_page(fresh.source, fresh.figures[j]));
  for (size_t i : pairs.stored_only) differences[i] = {"the extractor reads no figure here"};
  int64_t changed = 0;
  for (size_t i = 0; i < stored.size(); ++i) {
    const StoredFigure& sf = *c.figures[i];
    if (c.without_line.count(sf.id)) {
      add(report, true, where(sf) + ": its lines " + std::to_string(sf.figure.line) + "-" +
                            std::to_string(sf.figure.line_end) + " are not all stored lines of the document");
      continue;
    }
    std::string problems, q;
    if (!quote_from_lines(raw, sf.figure, &q) || q != sf.figure.quote)
      problems = "quote \"" + sf.figure.quote + "\" not found at its offsets (found \"" + q + "\")";
    if (!differences[i].empty()) {
      ++changed;
      if (c.same_extractor)
        problems += (problems.empty() ? "" : "; ") + std::string("stored -> recomputed from the stored text: ") +
                    join_differences(differences[i]);
    }
    if (!problems.empty()) add(report, true, where(sf) + ": " + problems);
  }
  changed += static_cast<int64_t>(pairs.fresh_only.size());
  if (c.same_extractor) {
    for (size_t j : pairs.fresh_only)
      add(report, true, c.document.file_name + ":" + std::to_string(fresh.figures[j].number_line) +
                            ": the extractor reads a figure that is not stored: \"" + fresh.figures[j].quote + "\"");
    report->figures_recomputed += static_cast<int64_t>(stored.size());
    return;
  }
  ++report->documents_older;
  report->figures_older += static_cast<int64_t>(stored.size());
  report->figures_older_changed += changed;
  report->older_versions.insert(c.document.extractor_version);
  add(report, false, c.document.file_name + ": figures made by extractor \"" + c.document.extractor_version +
                         "\", not this one; recomputed, " + std::to_string(changed) + " of them would change " +
                         "(`chitieu reextract` brings them up to date)");
}

void check_source(const StoredDocument& d, const VerifyOptions& options, VerifyReport* report) {
  std::string path = source_location(d, options.sources_root);
  std::string sha;
  Status rs = hash_file(path, &sha);
  if (!rs.ok()) {
    ++report->sources_missing;
    add(report, !options.allow_missing, d.file_name + ": source " + path + " not readable (" + rs.message() + ")");
  } else {
    ++report->sources_checked;
    if (sha != d.sha256)
      add(report, true, d.file_name + ": source " + path + " has changed since ingest (sha256 " +
                            sha.substr(0, 12) + ", stored " + d.sha256.substr(0, 12) + ")");
  }
}

// A catalogue id, or an uncatalogued wording's ("auto:…", also under a
// catalogued parent: "school_standard/auto:…").
bool names_an_indicator(const IndicatorCatalogue& catalogue, const std::string& id) {
  size_t automatic = id.find("auto:");
  if (automatic == std::string::npos) return catalogue.find(id) != nullptr;
  if (automatic == 0) return true;
  return id[automatic - 1] == '/' && catalogue.find(id.substr(0, automatic - 1)) != nullptr;
}

// Rows pointing nowhere, and matches and decisions naming no indicator of the catalogue.
Status check_links(Store* store, const VerifyOptions& options, const DanglingRows& dangling, VerifyReport* report) {
  for (int64_t id : dangling.figures_without_document)
    add(report, true, "figure " + std::to_string(id) + ": its document is not stored");
  for (int64_t id : dangling.matches_without_figure)
    add(report, true, "indicator match of figure " + std::to_string(id) + ": no such figure");
  std::vector<StoredMatch> matches;
  std::vector<StoredDecision> decisions;
  Status st = store->matches(&matches);
  if (st.ok()) st = store->decisions(&decisions);
  if (!st.ok()) return st;
  report->matches_checked = matches.size();
  report->decisions_checked = decisions.size();
  if (!options.catalogue) return Status::Ok();
  for (const StoredMatch& m : matches)
    if (!names_an_indicator(*options.catalogue, m.indicator_id))
      add(report, true, "indicator match of figure " + std::to_string(m.figure_id) + ": indicator \"" +
                            m.indicator_id + "\" is not in the catalogue");
  for (const StoredDecision& d : decisions)
    if ((d.decision == "map" || d.decision == "confirm") && !d.indicator_id.empty() &&
        !names_an_indicator(*options.catalogue, d.indicator_id))
      add(report, true, "decision on \"" + d.key + "\": " + d.decision + " to indicator \"" + d.indicator_id +
                            "\", which is not in the catalogue");
  return Status::Ok();
}

Status verify_in_snapshot(Store* store, const Lexicon& lex, const VerifyOptions& options, VerifyReport* report) {
  std::vector<StoredDocument> docs;
  DanglingRows dangling;
  std::map<int64_t, std::vector<StoredFigure>> figures;
  Status st = store->documents(&docs);
  if (st.ok()) st = store->dangling_rows(&dangling);
  if (st.ok()) st = store->figures([&](const StoredFigure& sf) { figures[sf.document_id].push_back(sf); });
  if (!st.ok()) return st;
  report->documents = docs.size();
  const std::set<int64_t> without_line(dangling.figures_without_line.begin(), dangling.figures_without_line.end());
  for (const StoredDocument& d : docs) {
    std::vector<const StoredFigure*> mine;
    for (const StoredFigure& sf : figures[d.id]) mine.push_back(&sf);
    DocumentCheck c{d, mine, without_line, {}, d.extractor_version == report->extractor_version};
    st = recompute_document(lex, store, d, &c.recomputed);
    if (!st.ok()) return st;
    report->lines += static_cast<int64_t>(c.recomputed.lines.size());
    report->figures += static_cast<int64_t>(mine.size());
    check_text(c, report);
    check_figures(c, report);
    if (static_cast<int64_t>(mine.size()) != d.figure_count)
      add(report, true, d.file_name + ": " + std::to_string(mine.size()) + " figures stored, " +
                            std::to_string(d.figure_count) + " recorded");
    if (options.check_sources) check_source(d, options, report);
  }
  return check_links(store, options, dangling, report);
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

std::string source_location(const StoredDocument& d, const std::string& root) {
  const std::string& recorded = d.absolute_path.empty() ? d.path : d.absolute_path;
  if (root.empty()) return recorded;
  // The tails of the recorded path, longest first: "/home/a/archive/x/y.txt"
  // under ROOT is ROOT/home/a/archive/x/y.txt, then ROOT/a/archive/x/y.txt …
  std::vector<fs::path> parts;
  for (const fs::path& p : fs::path(recorded).relative_path()) parts.push_back(p);
  for (size_t first = 0; first < parts.size(); ++first) {
    fs::path candidate = root;
    for (size_t i = first; i < parts.size(); ++i) candidate /= parts[i];
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return (fs::path(root) / fs::path(recorded).filename()).string();
}

Status verify_store(Store* store, const Lexicon& lex, const VerifyOptions& options, VerifyReport* report) {
  *report = VerifyReport();
  report->extractor_version = extractor_version(lex);
  Status st = store->begin_snapshot();
  if (!st.ok()) return st;
  st = verify_in_snapshot(store, lex, options, report);
  Status ended = store->end_snapshot();
  return st.ok() ? ended : st;
}

}  // namespace chitieu
