#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "compare/comparison_table.h"
#include "extractor/extract_document.h"
#include "common/text.h"
#include "normalizer/lexicon.h"
#include "store/ocr_page_cache.h"
#include "store/store.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Extensions picked up when walking a directory. A file named explicitly is
// always tried, whatever its extension: the content decides.
const std::set<std::string> kDocumentExtensions = {".txt", ".text", ".pdf", ".docx", ".doc",
                                                   ".rtf", ".png", ".jpg", ".jpeg", ".tif",
                                                   ".tiff"};

bool open_store(const GlobalOptions& g, std::unique_ptr<Store>* store) {
  Status st = Store::Open(g.db, store);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return false;
  }
  return true;
}

bool load_lexicon_for(const GlobalOptions& g, Lexicon* lex) {
  Status st = load_lexicon(resolve_data_dir(g.data_dir), lex);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return false;
  }
  return true;
}

std::string fmt_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

json figure_json(const StoredFigure& sf) {
  const Figure& f = sf.figure;
  json j;
  j["id"] = sf.id;
  j["document"] = sf.document;
  j["doc_sha256"] = sf.doc_sha256;
  j["page"] = sf.page > 0 ? json(sf.page) : json(nullptr);
  j["page_line"] = sf.page_line > 0 ? json(sf.page_line) : json(nullptr);
  j["line"] = f.number_line;
  j["line_end"] = f.line_end;
  j["quote_line"] = f.line;
  j["char_start"] = f.char_start;
  j["char_end"] = f.char_end;
  j["quote"] = f.quote;
  j["indicator"] = f.indicator.display();
  j["parent"] = f.indicator.parent.empty() ? json(nullptr) : json(f.indicator.parent);
  j["item"] = f.item.empty() ? json(nullptr) : json(f.item);
  j["comparator"] = comparator_text(f.comparator);
  j["low"] = f.low;
  j["high"] = f.high;
  j["unit"] = f.unit;
  j["counted"] = f.counted.empty() ? json(nullptr) : json(f.counted);
  j["year"] = f.year.empty() ? json(nullptr) : json(f.year);
  j["kind"] = kind_text(f.kind);
  j["number_text"] = f.number_text;
  j["unit_text"] = f.unit_text;
  j["warnings"] = f.rendered_warnings();
  return j;
}

// The quote cut from stored raw lines at the stored offsets.
std::string quote_from_lines(const std::vector<std::string>& raw, const Figure& f, bool* ok) {
  *ok = f.line >= 1 && f.line_end >= f.line && f.line_end <= raw.size();
  if (!*ok) return "";
  const std::string& first = raw[f.line - 1];
  const std::string& last = raw[f.line_end - 1];
  size_t b = byte_offset_of_code_point(first, f.char_start);
  size_t e = byte_offset_of_code_point(last, f.char_end);
  if (b == std::string::npos || e == std::string::npos) {
    *ok = false;
    return "";
  }
  if (f.line == f.line_end) {
    if (e < b) {
      *ok = false;
      return "";
    }
    return first.substr(b, e - b);
  }
  std::string q = first.substr(b);
  for (uint32_t l = f.line + 1; l < f.line_end; ++l) q += "\n" + raw[l - 1];
  return q + "\n" + last.substr(0, e);
}

// Why a path given or found cannot be opened: missing, a dangling link, a
// link loop, a permission.
std::string unreachable_reason(const fs::path& p, const std::error_code& ec) {
  std::error_code lec;
  bool link = fs::is_symlink(fs::symlink_status(p, lec));
  if (!ec || ec == std::errc::no_such_file_or_directory)
    return link ? "broken symbolic link (target does not exist)" : "no such file or directory";
  return "cannot read: " + ec.message();
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<std::string>* errors) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back(p + ": " + unreachable_reason(p, ec));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        errors->push_back(p + ": cannot read directory: " + ec.message());
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          errors->push_back(p + ": " + ec.message());
          break;
        }
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        bool regular = it->is_regular_file(ec);
        if (ec) {
          // A document-named link that loops or points nowhere is reported,
          // not silently left out of the batch.
          if (kDocumentExtensions.count(ext))
            errors->push_back(it->path().string() + ": " + unreachable_reason(it->path(), ec));
          ec.clear();
          continue;
        }
        if (regular && kDocumentExtensions.count(ext)) found.push_back(it->path().string());
      }
      if (found.empty()) errors->push_back(p + ": no documents in this directory");
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  return files;
}

int run_ingest(const GlobalOptions& g, const std::vector<std::string>& paths,
               const std::string& forced_encoding) {
  Lexicon lex;
  if (!load_lexicon_for(g, &lex)) return 3;
  std::unique_ptr<Store> store;
  if (!open_store(g, &store)) return 3;
  std::vector<std::string> errors;
  std::vector<std::string> files = expand_inputs(paths, &errors);
  for (const std::string& e : errors) std::cerr << "error: " << e << "\n";
  int failed = static_cast<int>(errors.size()), stored = 0, skipped = 0;
  size_t figures = 0;
  OcrPageCache ocr_cache(store.get());
  for (const std::string& path : files) {
    ExtractedDocument doc;
    Status st;
    try {
      st = extract_document(lex, path, forced_encoding, &doc, &ocr_cache);
    } catch (const std::exception& e) {
      // A bug met on one file (or memory running out) must not end the batch:
      // it becomes that file's error.
      st = Status::Error(std::string("internal error in extraction: ") + e.what());
    }
    if (!st.ok()) {
      std::cerr << "error: " << path << ": " << st.message() << "\n";
      ++failed;
      continue;
    }
    Store::IngestOutcome outcome;
    try {
      st = store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &outcome);
    } catch (const std::exception& e) {
      // Store::ingest rolls back on its own errors; this is the last guard so
      // one file never ends the batch.
      st = Status::Error(std::string("internal error while storing: ") + e.what());
    }
    if (!st.ok()) {
      std::cerr << "error: " << path << ": " << st.message() << "\n";
      ++failed;
      continue;
    }
    if (outcome.already_stored) {
      std::cerr << "already stored: " << path << " (sha256 " << doc.source.sha256.substr(0, 12)
                << ")\n";
      ++skipped;
    } else {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", doc.source.encoding_confidence);
      std::cerr << "stored: " << path << ": " << outcome.figures << " figures (encoding "
                << doc.source.encoding << ", confidence " << conf << ")\n";
      ++stored;
      figures += outcome.figures;
    }
  }
  std::cerr << "ingest: " << stored << " stored (" << figures << " figures), " << skipped
            << " already stored, " << failed << " failed\n";
  return failed > 0 ? 1 : 0;
}

int run_export(const GlobalOptions& g, const std::string& format) {
  std::unique_ptr<Store> store;
  if (!open_store(g, &store)) return 3;
  static const char* kColumns[] = {"id", "document", "doc_sha256", "page", "page_line", "line", "line_end",
                                   "quote_line", "char_start", "char_end", "quote", "indicator",
                                   "parent", "item", "comparator", "low", "high", "unit",
                                   "counted", "year", "kind", "number_text", "unit_text",
                                   "warnings"};
  if (format == "csv") {
    std::string header;
    for (const char* c : kColumns) header += std::string(header.empty() ? "" : ",") + c;
    std::cout << header << "\n";
  }
  Status st = store->figures([&](const StoredFigure& sf) {
    json j = figure_json(sf);
    if (format == "jsonl") {
      std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
      return;
    }
    std::string row;
    for (const char* c : kColumns) {
      const json& v = j[c];
      std::string cell;
      if (v.is_null()) cell = "";
      else if (v.is_string()) cell = v.get<std::string>();
      else if (v.is_number_float()) cell = fmt_number(v.get<double>());
      else cell = v.dump();
      row += (row.empty() && std::string(c) == "id" ? "" : ",") + csv_field(cell);
    }
    std::cout << row << "\n";
  });
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  return 0;
}

int run_trace(const GlobalOptions& g, int64_t figure_id, const std::string& document, int64_t line,
              int context_lines) {
  std::unique_ptr<Store> store;
  if (!open_store(g, &store)) return 3;
  std::vector<StoredFigure> chosen;
  if (figure_id > 0) {
    StoredFigure sf;
    bool found = false;
    Status st = store->figure_by_id(figure_id, &sf, &found);
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
    if (!found) {
      std::cerr << "trace: no figure with id " << figure_id << "\n";
      return 1;
    }
    chosen.push_back(sf);
  } else {
    Status st = store->figures([&](const StoredFigure& sf) {
      bool doc_match = sf.document == document || sf.doc_sha256.rfind(document, 0) == 0 ||
                       sf.document.rfind(document, 0) == 0;
      bool line_match = line <= 0 || (static_cast<int64_t>(sf.figure.line) <= line &&
                                      line <= static_cast<int64_t>(sf.figure.line_end)) ||
                        static_cast<int64_t>(sf.figure.number_line) == line;
      if (doc_match && line_match) chosen.push_back(sf);
    });
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
    if (chosen.empty()) {
      std::cerr << "trace: no figure in " << document << (line > 0 ? " at line " + std::to_string(line) : "")
                << "\n";
      return 1;
    }
  }
  const bool color = isatty(STDOUT_FILENO);
  const char* hi = color ? "\x1b[1;33m" : "[[";
  const char* lo = color ? "\x1b[0m" : "]]";
  for (const StoredFigure& sf : chosen) {
    const Figure& f = sf.figure;
    const Reading& reading = f.reading;
    std::cout << "figure " << sf.id << "  " << sf.document;
    if (sf.page > 0) std::cout << "  page " << sf.page << ", line " << sf.page_line << " of the page";
    std::cout << "  line " << f.number_line;
    if (f.line_end != f.line) std::cout << " (quote lines " << f.line << "-" << f.line_end << ")";
    std::cout << "\n  document sha256  " << sf.doc_sha256 << "\n";
    std::cout << "  indicator        " << f.indicator.display() << "\n";
    if (!f.item.empty()) std::cout << "  item             " << f.item << "\n";
    std::cout << "  value            " << comparator_text(f.comparator) << " " << fmt_number(f.low);
    if (f.high != f.low) std::cout << " .. " << fmt_number(f.high);
    std::cout << " " << f.unit << (f.counted.empty() ? "" : " (" + f.counted + ")") << "\n";
    std::cout << "  year / kind      " << (f.year.empty() ? "-" : f.year) << " / " << kind_text(f.kind) << "\n";
    std::cout << "  quote            \"" << f.quote << "\"  (chars " << f.char_start << "-"
              << f.char_end << ")\n";
    std::cout << "  how it was read:\n";
    for (const NumberReading& n : reading.numbers)
      std::cout << "    number     \"" << n.written << "\" -> " << fmt_number(n.value) << "  ("
                << n.reading << ")\n";
    if (reading.scale != 1.0) std::cout << "    scale      x" << fmt_number(reading.scale) << "\n";
    std::cout << "    unit       \"" << reading.unit_written << "\" -> " << f.unit;
    if (!reading.unit_from_indicator.empty())
      std::cout << "  (completed from the indicator: \"" << reading.unit_from_indicator << "\")";
    std::cout << "\n";
    std::cout << "    qualifier  " << comparator_text(f.comparator) << " decided by \""
              << reading.comparator_decided_by << "\"";
    if (!reading.qualifier_before.empty())
      std::cout << "  (words before: " << json(reading.qualifier_before).dump() << ")";
    std::cout << "\n";
    std::cout << "    year       " << (f.year.empty() ? "-" : f.year) << "  from " << reading.year_source
              << "\n";
    std::cout << "    kind       " << kind_text(f.kind) << "  (" << reading.kind_reason << ")\n";
    std::cout << "  warnings         ";
    if (f.warnings.empty()) std::cout << "none\n";
    else {
      std::cout << "\n";
      for (const Warning& w : f.warnings) std::cout << "    - " << render_warning(w) << "\n";
    }
    std::vector<StoredLine> lines;
    int64_t first = std::max<int64_t>(1, static_cast<int64_t>(f.line) - context_lines);
    int64_t last = static_cast<int64_t>(f.line_end) + context_lines;
    Status st = store->lines(sf.document_id, first, last, &lines);
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
    std::cout << "  source (raw):\n";
    for (const StoredLine& l : lines) {
      bool in = l.line_no >= f.line && l.line_no <= f.line_end;
      std::string text = l.raw;
      if (in) {
        // Highlight the quote on its lines, by code point offsets.
        size_t b = l.line_no == f.line ? byte_offset_of_code_point(text, f.char_start) : 0;
        size_t e = l.line_no == f.line_end ? byte_offset_of_code_point(text, f.char_end) : text.size();
        b = std::min(b, text.size());
        e = std::max(b, std::min(e, text.size()));
        text = text.substr(0, b) + hi + text.substr(b, e - b) + lo + text.substr(e);
      }
      char num[16];
      std::snprintf(num, sizeof num, "%6lld", static_cast<long long>(l.line_no));
      std::cout << (in ? "  > " : "    ") << num << " | " << text << "\n";
      if (in && l.repaired != l.raw)
        std::cout << "    " << "  rep." << " | " << l.repaired << "\n";
    }
    // Every change the line repair made on the quoted lines, raw beside repaired.
    std::vector<StoredRepair> repairs;
    st = store->repairs(sf.document_id, f.line, f.line_end, &repairs);
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
    if (!repairs.empty()) {
      std::cout << "  repairs on these lines:\n";
      for (const StoredRepair& r : repairs)
        std::cout << "    line " << r.line_no << " bytes " << r.raw_start << "-" << r.raw_end << "  "
                  << r.rule << "  \"" << r.raw_text << "\" -> \"" << r.replacement << "\"\n";
    }
    std::cout << "\n";
  }
  return 0;
}

int run_verify(const GlobalOptions& g, bool check_sources) {
  std::unique_ptr<Store> store;
  if (!open_store(g, &store)) return 3;
  // One snapshot: documents, lines and figures committed by an ingest running
  // at the same time are either all seen or not at all.
  Status st = store->begin_snapshot();
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  std::vector<StoredDocument> docs;
  st = store->documents(&docs);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  std::map<int64_t, std::vector<std::string>> lines;
  std::map<int64_t, int64_t> counted;
  int problems = 0;
  for (const StoredDocument& d : docs) {
    std::vector<std::string>& raw = lines[d.id];
    st = store->all_lines(d.id, &raw);
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
    if (static_cast<int64_t>(raw.size()) != d.line_count || lines_sha256_hex(raw) != d.text_sha256) {
      std::cout << "FAIL " << d.file_name << ": stored text does not match its fingerprint\n";
      ++problems;
    }
    if (check_sources) {
      std::string sha;
      Status rs = hash_file(d.path, &sha);
      if (!rs.ok()) {
        std::cout << "note " << d.file_name << ": source " << d.path << " not readable (" << rs.message()
                  << ")\n";
      } else if (sha != d.sha256) {
        std::cout << "FAIL " << d.file_name << ": source " << d.path << " has changed since ingest\n";
        ++problems;
      }
    }
  }
  int64_t figures = 0;
  st = store->figures([&](const StoredFigure& sf) {
    ++figures;
    ++counted[sf.document_id];
    bool ok = false;
    std::string q = quote_from_lines(lines[sf.document_id], sf.figure, &ok);
    if (!ok || q != sf.figure.quote) {
      std::cout << "FAIL figure " << sf.id << " " << sf.document << ":" << sf.figure.line
                << ": quote \"" << sf.figure.quote << "\" not found at its offsets (found \"" << q
                << "\")\n";
      ++problems;
    }
  });
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  for (const StoredDocument& d : docs) {
    if (counted[d.id] != d.figure_count) {
      std::cout << "FAIL " << d.file_name << ": " << counted[d.id] << " figures stored, "
                << d.figure_count << " recorded\n";
      ++problems;
    }
  }
  std::cout << "verify: " << docs.size() << " documents, " << figures << " figures, " << problems
            << " problems\n";
  store->end_snapshot();
  return problems > 0 ? 1 : 0;
}

int run_documents(const GlobalOptions& g) {
  std::unique_ptr<Store> store;
  if (!open_store(g, &store)) return 3;
  std::vector<StoredDocument> docs;
  Status st = store->documents(&docs);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  for (const StoredDocument& d : docs) {
    json j = {{"id", d.id},
              {"file_name", d.file_name},
              {"path", d.path},
              {"sha256", d.sha256},
              {"size_bytes", d.size_bytes},
              {"format", d.format},
              {"encoding", d.encoding},
              {"encoding_confidence", d.encoding_confidence},
              {"previous_version", d.previous_version_id ? json(d.previous_version_id) : json(nullptr)},
              {"lines", d.line_count},
              {"figures", d.figure_count},
              {"number", d.header.number},
              {"type", d.header.type},
              {"issuer", d.header.issuer},
              {"place", d.header.place},
              {"date", d.header.date},
              {"date_source", d.header.date_source},
              {"title", d.header.title},
              {"period", d.header.period},
              {"period_line", d.header.period_line ? json(d.header.period_line) : json(nullptr)},
              {"period_quote", d.header.period_quote},
              {"genre", genre_name(d.header.genre)},
              {"draft", d.header.is_draft},
              {"ingested_at", d.ingested_at}};
    std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  return 0;
}

}  // namespace chitieu
