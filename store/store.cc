#include "store/store.h"

#include "common/text.h"
#include "store/figure_codec.h"
#include "store/schema.h"
#include "store/rows.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>
#include <nlohmann/json.hpp>

namespace chitieu {

int64_t page_of_line(const SourceText& source, size_t line) {
  return line >= 1 && line <= source.pages.size() ? source.pages[line - 1] : 0;
}

// The layout of the search table's rowid, which says where a hit is: the
// document id above kSearchDocumentShift bits, then the 1-based line, then one
// bit set for a figure's indicator and clear for the line itself. 23 bits of
// line number; 40 of document id.
namespace {
constexpr int kSearchDocumentShift = 24;
constexpr int64_t kSearchIndicatorBit = 1;
static_assert(kSearchMaxLine == (int64_t{1} << (kSearchDocumentShift - 1)) - 1);  // also the line mask
}  // namespace

int64_t search_rowid(int64_t document_id, int64_t line, bool indicator) {
  return (document_id << kSearchDocumentShift) | (line << 1) | (indicator ? kSearchIndicatorBit : 0);
}

namespace {

// Takes a search rowid apart again, in SQL.
const std::string& search_hits_sql() {
  static const std::string sql =
      "SELECT rowid >> " + std::to_string(kSearchDocumentShift) + " AS document_id, (rowid >> 1) & " +
      std::to_string(kSearchMaxLine) + " AS line_no, rowid & " + std::to_string(kSearchIndicatorBit) +
      " AS indicator FROM search WHERE search MATCH ? LIMIT ?";
  return sql;
}

// Only an official header says which document the bytes are: a press text
// naming "Nghị quyết số 11/NQ-HĐND" reports on it and is no version of it.
std::string version_key(const DocumentHeader& h) {
  if (!h.official) return "";
  bool numbered = std::any_of(h.number.begin(), h.number.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (numbered) return "number:" + comparison_key(h.number) + "|" + comparison_key(h.issuer);
  if (!h.title.empty()) return "title:" + comparison_key(h.type + " " + h.title) + "|" + comparison_key(h.issuer);
  return "";
}

const char* kFigureColumns =
    "f.id, f.document_id, d.file_name, d.sha256, d.doc_date, f.line, f.line_end, f.char_start, "
    "f.char_end, f.number_line, f.quote, f.indicator, f.parent, f.item, f.comparator, f.low, "
    "f.high, f.unit, f.counted, f.year, f.kind, f.number_text, f.unit_text, f.warnings, f.reading, f.page, "
    "f.sub_indicator, f.change, "
    // The line within its page: the figure's line counted from its page's first line.
    "CASE WHEN f.page IS NULL THEN NULL ELSE f.number_line - (SELECT min(l.line_no) FROM lines l "
    "WHERE l.document_id = f.document_id AND l.page = f.page) + 1 END";

void read_figure_row(Statement& q, StoredFigure* sf) {
  sf->id = q.integer(0);
  sf->document_id = q.integer(1);
  sf->document = q.text(2);
  sf->doc_sha256 = q.text(3);
  sf->doc_date = q.text(4);
  Figure& f = sf->figure;
  f.line = static_cast<uint32_t>(q.integer(5));
  f.line_end = static_cast<uint32_t>(q.integer(6));
  f.char_start = static_cast<uint32_t>(q.integer(7));
  f.char_end = static_cast<uint32_t>(q.integer(8));
  f.number_line = static_cast<uint32_t>(q.integer(9));
  f.quote = q.text(10);
  f.indicator = IndicatorName{q.text(12), q.text(26)};
  f.item = q.text(13);
  f.comparator = parse_comparator(q.text(14)).value_or(Comparator::kEqual);
  f.low = q.real(15);
  f.high = q.real(16);
  f.unit = q.text(17);
  f.counted = q.text(18);
  f.year = q.text(19);
  f.kind = parse_kind(q.text(20)).value_or(FigureKind::kTarget);
  f.number_text = q.text(21);
  f.unit_text = q.text(22);
  f.warnings = warnings_from_json(q.text(23));
  f.reading = reading_from_json(q.text(24));
  sf->page = sqlite3_column_type(q.get(), 25) == SQLITE_NULL ? 0 : q.integer(25);
  f.change = parse_change(q.text(27)).value_or(Change::kLevel);
  sf->page_line = sqlite3_column_type(q.get(), 28) == SQLITE_NULL ? 0 : q.integer(28);
}


// --- Writing one document (Store::ingest), each step inside its transaction.

// The id of the document stored with these bytes, or 0.
Status find_document(sqlite3* db, StatementCache* statements, const std::string& sha256, int64_t* id) {
  *id = 0;
  Statement q(db, statements, "SELECT id FROM documents WHERE sha256 = ?");
  if (!q.ok()) return prepare_error(q, "document lookup");
  q.bind(1, sha256);
  int rc = q.step();
  if (rc == SQLITE_ROW) *id = q.integer(0);
  else if (rc != SQLITE_DONE) return sql_error(db, "looking up document");
  return Status::Ok();
}

// The latest stored version of the document with this version key, or 0.
Status previous_version(sqlite3* db, StatementCache* statements, const std::string& version, int64_t* id) {
  *id = 0;
  Statement q(db, statements, "SELECT id FROM documents WHERE version_key = ? ORDER BY id DESC LIMIT 1");
  if (!q.ok()) return prepare_error(q, "previous version lookup");
  q.bind(1, version);
  int rc = q.step();
  if (rc == SQLITE_ROW) *id = q.integer(0);
  else if (rc != SQLITE_DONE) return sql_error(db, "looking up previous version");
  return Status::Ok();
}

// The document's row, linked to its previous version when there is one.
Status insert_document(sqlite3* db, StatementCache* statements, const SourceText& source,
                       const DocumentHeader& header, size_t figure_count, const IngestProvenance& by,
                       int64_t* doc_id) {
  // A new version of a document already stored: the same number from the
  // same issuer (a draft's blank number: the same type, title and issuer)
  // with other bytes — a re-scan, the final text of a draft.
  std::string version = version_key(header);
  int64_t previous = 0;
  if (!version.empty()) {
    Status st = previous_version(db, statements, version, &previous);
    if (!st.ok()) return st;
  }
  Statement ins(db, statements,
                "INSERT INTO documents(sha256, path, file_name, size_bytes, format, encoding, "
                "encoding_confidence, doc_number, doc_type, issuer, place, doc_date, title, is_draft, line_count, "
                "text_sha256, figure_count, extractor, ingested_at, version_key, previous_version_id, "
                "date_source, period, period_line, period_quote, genre, ingested_by, ingested_host, "
                "source_abs_path, data_sha256, extractor_version, extracted_at, converted_by) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return prepare_error(ins, "document insert");
  ins.bind(1, source.sha256);
  ins.bind(2, source.path);
  ins.bind(3, source.file_name);
  ins.bind(4, static_cast<int64_t>(source.size_bytes));
  ins.bind(5, source.format);
  ins.bind(6, source.encoding);
  ins.bind(7, source.encoding_confidence);
  ins.bind_or_null(8, header.number);
  ins.bind_or_null(9, header.type);
  ins.bind_or_null(10, header.issuer);
  ins.bind_or_null(11, header.place);
  ins.bind_or_null(12, header.date);
  ins.bind_or_null(13, header.title);
  ins.bind(14, static_cast<int64_t>(header.is_draft ? 1 : 0));
  ins.bind(15, static_cast<int64_t>(source.lines.size()));
  ins.bind(16, lines_sha256_hex(source.lines));
  ins.bind(17, static_cast<int64_t>(figure_count));
  const std::string now = now_utc();
  ins.bind(18, std::string("chitieu ") + CHITIEU_VERSION);
  ins.bind(19, now);
  ins.bind_or_null(20, version);
  if (previous != 0) ins.bind(21, previous);
  ins.bind_or_null(22, header.date_source);
  ins.bind_or_null(23, header.period);
  if (header.period_line > 0) ins.bind(24, static_cast<int64_t>(header.period_line));
  ins.bind_or_null(25, header.period_quote);
  ins.bind_or_null(26, std::string(genre_name(header.genre)));
  ins.bind_or_null(27, by.user);
  ins.bind_or_null(28, by.host);
  ins.bind_or_null(29, source.absolute_path);
  ins.bind_or_null(30, by.data_sha256);
  ins.bind(31, by.extractor_version);
  ins.bind(32, now);
  ins.bind_or_null(33, source.converted_by);
  if (ins.step() != SQLITE_DONE) return sql_error(db, "inserting document");
  *doc_id = sqlite3_last_insert_rowid(db);
  return Status::Ok();
}

// An OCRed line's words as JSON: [[start, end, confidence], …].
nlohmann::json ocr_words_json(const std::vector<OcrWord>& words) {
  nlohmann::json out = nlohmann::json::array();
  for (const OcrWord& w : words) out.push_back({w.begin, w.end, std::round(w.confidence * 100) / 100});
  return out;
}

// The words back from JSON; false when they are not words of a line of
// `line_bytes` bytes.
bool ocr_words_from_json(const nlohmann::json& json, size_t line_bytes, std::vector<OcrWord>* words) {
  if (!json.is_array()) return false;
  for (const auto& w : json) {
    if (!w.is_array() || w.size() != 3 || !w[0].is_number_unsigned() || !w[1].is_number_unsigned() ||
        !w[2].is_number()) {
      return false;
    }
    OcrWord word{w[0].get<uint32_t>(), w[1].get<uint32_t>(), w[2].get<float>()};
    if (word.begin > word.end || word.end > line_bytes) return false;
    words->push_back(word);
  }
  return true;
}

// "INSERT INTO lines(…) VALUES (?,…),(?,…)…" for `rows` lines.
std::string lines_insert_sql(size_t rows) {
  std::string sql =
      "INSERT INTO lines(document_id, line_no, page, raw, repaired, ocr_confidence, "
      "source_line, source_start, source_end, ocr_words) VALUES ";
  for (size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)";
  return sql;
}

}  // namespace

// Every line, raw and (when it differs) repaired, with the repairs made on it.
Status insert_lines(sqlite3* db, int64_t doc_id, const SourceText& source,
                    const std::vector<RepairedLine>& repaired, StatementCache* statements) {
  // Lines go in sixteen to a statement: a statement's fixed cost (its
  // cursors, its end, its reset) was half of a line's.
  constexpr size_t kLinesPerInsert = 16;
  constexpr int kColumns = 10;
  static const std::string many_sql = lines_insert_sql(kLinesPerInsert), one_sql = lines_insert_sql(1);
  Statement many(db, statements, many_sql.c_str());
  if (!many.ok()) return prepare_error(many, "line insert");
  Statement one(db, statements, one_sql.c_str());
  if (!one.ok()) return prepare_error(one, "line insert");
  Statement rep(db, statements,
                "INSERT INTO repairs(document_id, line_no, raw_start, raw_end, raw_text, "
                "replacement, rule) VALUES (?,?,?,?,?,?,?)");
  if (!rep.ok()) return prepare_error(rep, "repair insert");
  // Line `i`'s values from parameter `first` on. Texts bound without a copy
  // outlive the step: they are the source's and the repaired lines' own.
  auto bind_line = [&](Statement& ins, int first, size_t i) {
    const std::string& raw = source.lines[i];
    ins.bind(first, doc_id);
    ins.bind(first + 1, static_cast<int64_t>(i + 1));
    if (int64_t page = page_of_line(source, i + 1)) ins.bind(first + 2, page);
    ins.bind_unchanged(first + 3, raw);
    if (repaired[i].text != raw) ins.bind_unchanged(first + 4, repaired[i].text);
    // A blank line OCR put in a paragraph's gap has no words, so no confidence.
    if (i < source.line_confidence.size() && !raw.empty())
      ins.bind(first + 5, static_cast<double>(source.line_confidence[i]));
    if (i < source.sources.size() && source.sources[i].line > 0) {
      ins.bind(first + 6, static_cast<int64_t>(source.sources[i].line));
      ins.bind(first + 7, static_cast<int64_t>(source.sources[i].begin));
      ins.bind(first + 8, static_cast<int64_t>(source.sources[i].end));
    }
    if (i < source.line_words.size()) ins.bind(first + 9, ocr_words_json(source.line_words[i]).dump());
  };
  for (size_t i = 0; i < source.lines.size();) {
    size_t count = source.lines.size() - i >= kLinesPerInsert ? kLinesPerInsert : 1;
    Statement& ins = count > 1 ? many : one;
    for (size_t k = 0; k < count; ++k) bind_line(ins, static_cast<int>(k) * kColumns + 1, i + k);
    if (ins.step() != SQLITE_DONE) return sql_error(db, "inserting line");
    ins.reset();
    for (size_t end = i + count; i < end; ++i) {
      const std::string& raw = source.lines[i];
      for (const Repair& r : repaired[i].repairs) {
        rep.bind(1, doc_id);
        rep.bind(2, static_cast<int64_t>(i + 1));
        rep.bind(3, static_cast<int64_t>(r.raw_begin));
        rep.bind(4, static_cast<int64_t>(r.raw_end));
        rep.bind_unchanged(5, std::string_view(raw).substr(r.raw_begin, r.raw_end - r.raw_begin));
        rep.bind(6, r.replacement);
        rep.bind(7, r.rule);
        if (rep.step() != SQLITE_DONE) return sql_error(db, "inserting repair");
        rep.reset();
      }
    }
  }
  return Status::Ok();
}

// The first id no figure ever had: a figure re-extraction removed keeps its
// id in figure_history, and no later figure may take it (SQLite would reuse
// the largest id once it is deleted).
Status next_figure_id(sqlite3* db, StatementCache* statements, int64_t* id) {
  Statement q(db, statements,
              "SELECT max(coalesce((SELECT max(id) FROM figures), 0), "
              "coalesce((SELECT max(figure_id) FROM figure_history), 0)) + 1");
  if (!q.ok()) return prepare_error(q, "figure id lookup");
  if (q.step() != SQLITE_ROW) return sql_error(db, "looking up figure ids");
  *id = q.integer(0);
  return Status::Ok();
}

Status insert_figures(sqlite3* db, int64_t doc_id, const SourceText& source, const std::vector<Figure>& figures,
                      StatementCache* statements) {
  static const std::string sql = std::string("INSERT INTO figures(id, ") + kFigureRowColumns +
                                 ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  Statement ins(db, statements, sql.c_str());
  if (!ins.ok()) return prepare_error(ins, "figure insert");
  int64_t id = 0;
  if (Status st = next_figure_id(db, statements, &id); !st.ok()) return st;
  for (const Figure& f : figures) {
    ins.bind(1, id++);
    bind_figure_row(&ins, 2, doc_id, f, page_of_line(source, f.number_line));
    if (ins.step() != SQLITE_DONE) return sql_error(db, "inserting figure");
    ins.reset();
  }
  return Status::Ok();
}

void bind_figure_row(Statement* q, int first, int64_t doc_id, const Figure& f, int64_t page) {
  int i = first;
  q->bind(i++, doc_id);
  q->bind(i++, static_cast<int64_t>(f.line));
  q->bind(i++, static_cast<int64_t>(f.line_end));
  q->bind(i++, static_cast<int64_t>(f.char_start));
  q->bind(i++, static_cast<int64_t>(f.char_end));
  q->bind(i++, static_cast<int64_t>(f.number_line));
  if (page) q->bind(i, page);
  ++i;
  q->bind(i++, f.quote);
  q->bind(i++, f.indicator.display());
  q->bind_or_null(i++, f.indicator.parent);
  q->bind(i++, f.indicator.sub);
  q->bind_or_null(i++, std::string(change_text(f.change)));
  q->bind_or_null(i++, f.item);
  q->bind(i++, std::string(comparator_text(f.comparator)));
  q->bind(i++, f.low);
  q->bind(i++, f.high);
  q->bind(i++, f.unit);
  q->bind_or_null(i++, f.counted);
  q->bind_or_null(i++, f.year);
  q->bind(i++, std::string(kind_text(f.kind)));
  q->bind(i++, f.number_text);
  q->bind(i++, f.unit_text);
  q->bind(i++, warnings_to_json(f.warnings));
  q->bind(i++, reading_to_json(f));
}

namespace {

// The words of `text` as the search index holds them: folded, letters and
// digits only.
std::vector<std::string> folded_words(const std::string& text) {
  std::string folded = comparison_key(text), word;
  std::vector<std::string> words;
  for (size_t i = 0; i <= folded.size(); ++i) {
    char c = i < folded.size() ? folded[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

}  // namespace



Status Store::ocr_page(const std::string& sha256, uint32_t page, const std::string& reader,
                       std::vector<OcrLine>* lines, bool* found) {
  *found = false;
  Statement q(db_, "SELECT text, confidence, words FROM ocr_pages WHERE sha256 = ? AND page = ? AND reader = ?");
  if (!q.ok()) return prepare_error(q, "OCR page lookup");
  q.bind(1, sha256);
  q.bind(2, static_cast<int64_t>(page));
  q.bind(3, reader);
  int rc = q.step();
  if (rc == SQLITE_DONE) return Status::Ok();
  if (rc != SQLITE_ROW) return sql_error(db_, "looking up OCR page");
  std::string text = q.text(0);
  auto conf = nlohmann::json::parse(q.text(1), nullptr, false);
  auto words = nlohmann::json::parse(q.text(2), nullptr, false);
  // Unreadable: recognise the page again.
  if (!conf.is_array() || !words.is_array() || words.size() != conf.size()) return Status::Ok();
  // One confidence and one list of words per line; a page without text has neither.
  std::vector<OcrLine> out;
  size_t pos = 0;
  for (size_t i = 0; i < conf.size(); ++i) {
    if (!conf[i].is_number() || pos > text.size()) return Status::Ok();
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    OcrLine line{text.substr(pos, nl - pos), conf[i].get<float>(), {}};
    if (!ocr_words_from_json(words[i], line.text.size(), &line.words)) return Status::Ok();
    out.push_back(std::move(line));
    pos = nl + 1;
  }
  if (conf.empty() ? !text.empty() : pos != text.size() + 1) return Status::Ok();
  *lines = std::move(out);
  *found = true;
  return Status::Ok();
}

Status Store::save_ocr_page(const std::string& sha256, uint32_t page, const std::string& reader,
                            const std::vector<OcrLine>& lines) {
  std::string text;
  nlohmann::json conf = nlohmann::json::array(), words = nlohmann::json::array();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += '\n';
    std::string line = lines[i].text;
    std::replace(line.begin(), line.end(), '\n', ' ');
    text += line;
    conf.push_back(std::round(lines[i].confidence * 100) / 100);
    words.push_back(ocr_words_json(lines[i].words));
  }
  Statement ins(db_,
                "INSERT OR REPLACE INTO ocr_pages(sha256, page, text, confidence, recognised_at, words, reader) "
                "VALUES (?,?,?,?,?,?,?)");
  if (!ins.ok()) return prepare_error(ins, "OCR page insert");
  ins.bind(1, sha256);
  ins.bind(2, static_cast<int64_t>(page));
  ins.bind(3, text);
  ins.bind(4, conf.dump());
  ins.bind(5, now_utc());
  ins.bind(6, words.dump());
  ins.bind(7, reader);
  if (ins.step() != SQLITE_DONE) return sql_error(db_, "saving OCR page");
  return Status::Ok();
}

Status Store::has_document(const std::string& sha256, bool* present) {
  int64_t id = 0;
  Status st = find_document(db_, statements_.get(), sha256, &id);
  *present = st.ok() && id != 0;
  return st;
}

Status Store::ingest(const SourceText& source, const DocumentHeader& header,
                     const std::vector<RepairedLine>& repaired, const std::vector<Figure>& figures,
                     IngestOutcome* outcome, const IngestProvenance& provenance) {
  *outcome = IngestOutcome();
  // IMMEDIATE takes the write lock now, so the existence check and the insert
  // see the same database even with another ingest running. Any failure below,
  // or an exception, leaves the scope uncommitted: the document is all written
  // or not at all.
  Transaction tx(db_);
  Status st = tx.Begin();
  if (!st.ok()) return st;
  int64_t stored_id = 0;
  st = find_document(db_, statements_.get(), source.sha256, &stored_id);
  if (!st.ok()) return st;
  if (stored_id != 0) {
    outcome->already_stored = true;
    outcome->document_id = stored_id;
    return Status::Ok();
  }
  int64_t doc_id = 0;
  st = insert_document(db_, statements_.get(), source, header, figures.size(), provenance, &doc_id);
  if (st.ok()) st = insert_lines(db_, doc_id, source, repaired, statements_.get());
  if (st.ok()) st = insert_figures(db_, doc_id, source, figures, statements_.get());
  if (st.ok()) st = tx.Commit();
  if (!st.ok()) return st;
  outcome->document_id = doc_id;
  outcome->figures = figures.size();
  return Status::Ok();
}

Status Store::documents(std::vector<StoredDocument>* out) {
  Statement q(db_,
              "SELECT id, sha256, path, file_name, format, encoding, text_sha256, size_bytes, "
              "line_count, figure_count, doc_number, doc_type, issuer, place, doc_date, title, "
              "is_draft, ingested_at, encoding_confidence, coalesce(previous_version_id, 0), date_source, period, "
              "coalesce(period_line, 0), period_quote, genre, ingested_by, ingested_host, source_abs_path, "
              "extractor, data_sha256, extractor_version, extracted_at, converted_by FROM documents "
              "ORDER BY coalesce(doc_date, '9999'), file_name, id");
  if (!q.ok()) return prepare_error(q, "document listing");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    StoredDocument d;
    d.id = q.integer(0);
    d.sha256 = q.text(1);
    d.path = q.text(2);
    d.file_name = q.text(3);
    d.format = q.text(4);
    d.encoding = q.text(5);
    d.text_sha256 = q.text(6);
    d.size_bytes = q.integer(7);
    d.line_count = q.integer(8);
    d.figure_count = q.integer(9);
    d.header.number = q.text(10);
    d.header.type = q.text(11);
    d.header.issuer = q.text(12);
    d.header.place = q.text(13);
    d.header.date = q.text(14);
    d.header.title = q.text(15);
    d.header.is_draft = q.integer(16) != 0;
    d.ingested_at = q.text(17);
    d.encoding_confidence = q.real(18);
    d.previous_version_id = q.integer(19);
    d.header.date_source = q.text(20);
    d.header.period = q.text(21);
    d.header.period_line = static_cast<int>(q.integer(22));
    d.header.period_quote = q.text(23);
    d.header.genre = genre_from_name(q.text(24));
    d.ingested_by = q.text(25);
    d.ingested_host = q.text(26);
    d.absolute_path = q.text(27);
    d.chitieu_version = q.text(28);
    d.data_sha256 = q.text(29);
    d.extractor_version = q.text(30);
    d.extracted_at = q.text(31);
    d.converted_by = q.text(32);
    out->push_back(std::move(d));
  }
  if (rc != SQLITE_DONE) return sql_error(db_, "listing documents");
  return Status::Ok();
}

Status Store::figures(const std::function<void(const StoredFigure&)>& visit) {
  std::string sql = std::string("SELECT ") + kFigureColumns +
                    " FROM figures f JOIN documents d ON d.id = f.document_id "
                    "ORDER BY coalesce(d.doc_date, '9999'), d.file_name, d.id, f.number_line, f.id";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return prepare_error(q, "figure listing");
  int rc;
  StoredFigure sf;
  while ((rc = q.step()) == SQLITE_ROW) {
    read_figure_row(q, &sf);
    visit(sf);
  }
  if (rc != SQLITE_DONE) return sql_error(db_, "reading figures");
  return Status::Ok();
}

Status Store::figure_by_id(int64_t id, StoredFigure* out, bool* found) {
  std::string sql = std::string("SELECT ") + kFigureColumns +
                    " FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.id = ?";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return prepare_error(q, "figure lookup");
  q.bind(1, id);
  int rc = q.step();
  *found = rc == SQLITE_ROW;
  if (*found) read_figure_row(q, out);
  else if (rc != SQLITE_DONE) return sql_error(db_, "reading figure");
  return Status::Ok();
}

Status Store::lines(int64_t document_id, int64_t first, int64_t last, std::vector<StoredLine>* out) {
  Statement q(db_,
              "SELECT line_no, raw, coalesce(repaired, raw), coalesce(page, 0), ocr_confidence, ocr_words "
              "FROM lines WHERE document_id = ? AND line_no BETWEEN ? AND ? ORDER BY line_no");
  if (!q.ok()) return prepare_error(q, "line lookup");
  q.bind(1, document_id);
  q.bind(2, first);
  q.bind(3, last);
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    StoredLine line{q.integer(0), q.text(1), q.text(2), q.integer(3), !q.is_null(4), q.real(4), {}};
    // OCRed lines keep their words; a list that does not fit its line is dropped.
    if (!q.is_null(5) && !ocr_words_from_json(nlohmann::json::parse(q.text(5), nullptr, false), line.raw.size(),
                                              &line.ocr_words)) {
      line.ocr_words.clear();
    }
    out->push_back(std::move(line));
  }
  if (rc != SQLITE_DONE) return sql_error(db_, "reading lines");
  return Status::Ok();
}

Status Store::repairs(int64_t document_id, int64_t first, int64_t last,
                      std::vector<StoredRepair>* out) {
  Statement q(db_,
              "SELECT line_no, raw_start, raw_end, raw_text, replacement, rule FROM repairs "
              "WHERE document_id = ? AND line_no BETWEEN ? AND ? ORDER BY line_no, raw_start");
  if (!q.ok()) return prepare_error(q, "repair lookup");
  q.bind(1, document_id);
  q.bind(2, first);
  q.bind(3, last);
  int rc;
  while ((rc = q.step()) == SQLITE_ROW)
    out->push_back({q.integer(0), q.integer(1), q.integer(2), q.text(3), q.text(4), q.text(5)});
  if (rc != SQLITE_DONE) return sql_error(db_, "reading repairs");
  return Status::Ok();
}

namespace {

Status collect_ids(sqlite3* db, const char* sql, std::vector<int64_t>* out) {
  Statement q(db, sql);
  if (!q.ok()) return prepare_error(q, "integrity check");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) out->push_back(q.integer(0));
  if (rc != SQLITE_DONE) return sql_error(db, "checking integrity");
  return Status::Ok();
}

}  // namespace

Status Store::dangling_rows(DanglingRows* out) {
  *out = DanglingRows();
  Status st = collect_ids(db_,
                          "SELECT f.id FROM figures f WHERE NOT EXISTS "
                          "(SELECT 1 FROM documents d WHERE d.id = f.document_id) ORDER BY f.id",
                          &out->figures_without_document);
  if (st.ok())
    st = collect_ids(db_,
                     "SELECT f.id FROM figures f WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = f.document_id) "
                     "AND (NOT EXISTS (SELECT 1 FROM lines l WHERE l.document_id = f.document_id AND l.line_no = f.line) "
                     "OR NOT EXISTS (SELECT 1 FROM lines l WHERE l.document_id = f.document_id AND l.line_no = f.line_end) "
                     "OR NOT EXISTS (SELECT 1 FROM lines l WHERE l.document_id = f.document_id "
                     "AND l.line_no = f.number_line)) ORDER BY f.id",
                     &out->figures_without_line);
  if (st.ok())
    st = collect_ids(db_,
                     "SELECT m.figure_id FROM indicator_matches m WHERE NOT EXISTS "
                     "(SELECT 1 FROM figures f WHERE f.id = m.figure_id) ORDER BY m.figure_id",
                     &out->matches_without_figure);
  return st;
}

Status Store::matches(std::vector<StoredMatch>* out) {
  Statement q(db_, "SELECT figure_id, indicator_id, method, score FROM indicator_matches ORDER BY figure_id");
  if (!q.ok()) return prepare_error(q, "match listing");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) out->push_back({q.integer(0), q.text(1), q.text(2), q.real(3)});
  if (rc != SQLITE_DONE) return sql_error(db_, "reading matches");
  return Status::Ok();
}

Status Store::decisions(std::vector<StoredDecision>* out) {
  Statement q(db_, "SELECT key, indicator_text, unit, decision, coalesce(indicator_id, '') "
                   "FROM indicator_decisions ORDER BY key");
  if (!q.ok()) return prepare_error(q, "decision listing");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW)
    out->push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
  if (rc != SQLITE_DONE) return sql_error(db_, "reading decisions");
  return Status::Ok();
}

Status Store::set_decision(const StoredDecision& d) {
  Statement q(db_,
              "INSERT INTO indicator_decisions(key, indicator_text, unit, decision, indicator_id, decided_at) "
              "VALUES (?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET decision = excluded.decision, "
              "indicator_id = excluded.indicator_id, decided_at = excluded.decided_at");
  if (!q.ok()) return prepare_error(q, "decision insert");
  q.bind(1, d.key);
  q.bind(2, d.indicator_text);
  q.bind(3, d.unit);
  q.bind(4, d.decision);
  q.bind_or_null(5, d.indicator_id);
  q.bind(6, now_utc());
  if (q.step() != SQLITE_DONE) return sql_error(db_, "writing decision");
  return Status::Ok();
}

Status Store::save_matches(const std::vector<StoredMatch>& matches) {
  Transaction tx(db_);
  Status st = tx.Begin();
  if (!st.ok()) return st;
  Statement q(db_,
              "INSERT INTO indicator_matches(figure_id, indicator_id, method, score) VALUES (?,?,?,?) "
              "ON CONFLICT(figure_id) DO UPDATE SET indicator_id = excluded.indicator_id, "
              "method = excluded.method, score = excluded.score");
  if (!q.ok()) return prepare_error(q, "match insert");
  for (const StoredMatch& m : matches) {
    q.bind(1, m.figure_id);
    q.bind(2, m.indicator_id);
    q.bind(3, m.method);
    q.bind(4, m.score);
    if (q.step() != SQLITE_DONE) return sql_error(db_, "writing matches");
    q.reset();
  }
  return tx.Commit();
}

Status Store::snapshot(std::unique_ptr<Snapshot>* out) {
  auto snapshot = std::make_unique<Snapshot>(db_);
  Status st = snapshot->Begin();
  if (!st.ok()) return st;
  *out = std::move(snapshot);
  return Status::Ok();
}

Status Store::begin_snapshot() {
  if (open_snapshot_) return Status::Error(StatusCode::kDatabase, "database: a snapshot is already open");
  return snapshot(&open_snapshot_);
}

Status Store::end_snapshot() {
  if (!open_snapshot_) return Status::Error(StatusCode::kDatabase, "database: no snapshot is open");
  Status st = open_snapshot_->End();
  open_snapshot_.reset();
  return st;
}

Status Store::search(const std::string& query, size_t limit, std::vector<SearchHit>* out) {
  std::vector<std::vector<std::string>> groups;
  for (const std::string& word : folded_words(query)) groups.push_back({word});
  return search(groups, limit, out);
}

Status Store::search(const std::vector<std::vector<std::string>>& groups, size_t limit,
                     std::vector<SearchHit>* out) {
  size_t indexed = 0;
  Status updated = update_search_index(&indexed);
  if (!updated.ok()) return updated;
  // FTS5 with detail=none has no phrases: the words of an alternative are
  // ANDed, alternatives ORed, groups ANDed.
  std::string match;
  for (const std::vector<std::string>& group : groups) {
    std::string any;
    for (const std::string& alternative : group) {
      std::string all;
      for (const std::string& word : folded_words(alternative))
        all += (all.empty() ? "" : " AND ") + std::string("\"") + word + "\"";
      if (!all.empty()) any += (any.empty() ? "" : " OR ") + std::string("(") + all + ")";
    }
    if (!any.empty()) match += (match.empty() ? "" : " AND ") + std::string("(") + any + ")";
  }
  if (match.empty()) return Status::Ok();
  std::string sql = "WITH hits AS (" + search_hits_sql() + ") "
                    "SELECT CASE h.indicator WHEN 0 THEN 'line' ELSE 'indicator' END, d.file_name, "
                    "h.document_id, h.line_no, l.raw FROM hits h "
                    "JOIN documents d ON d.id = h.document_id "
                    "JOIN lines l ON l.document_id = h.document_id AND l.line_no = h.line_no "
                    "ORDER BY d.file_name, h.line_no, h.indicator";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return prepare_error(q, "search");
  q.bind(1, match);
  q.bind(2, static_cast<int64_t>(limit));
  int rc;
  while ((rc = q.step()) == SQLITE_ROW)
    out->push_back({q.text(0), q.text(1), q.integer(2), q.integer(3), q.text(4)});
  if (rc != SQLITE_DONE) return sql_error(db_, "searching");
  return Status::Ok();
}

}  // namespace chitieu
