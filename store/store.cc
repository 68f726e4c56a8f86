#include "store/store.h"

#include "common/text.h"
#include "store/figure_codec.h"
#include "store/transaction.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>
#include <nlohmann/json.hpp>

namespace chitieu {
namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS documents (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE,   -- of the file's bytes
  path          TEXT NOT NULL,          -- as given to ingest
  file_name     TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  format        TEXT NOT NULL,          -- text, markdown, pdf, docx, doc, rtf, xlsx, xls, ods, html;
                                        -- OCRed: pdf-ocr, png-ocr, jpeg-ocr, tiff-ocr
  converted_by  TEXT,                   -- what converted the file into the stored lines (catdoc,
                                        -- libxml2…); null when they are its text or a PDF/docx/OCR reading
  encoding      TEXT NOT NULL,          -- as detected (or forced with --encoding)
  encoding_confidence REAL NOT NULL,    -- 0..1
  doc_number    TEXT,                   -- "59-NQ/TW", "/NQ-HĐND" in a draft
  doc_type      TEXT,
  issuer        TEXT,
  place         TEXT,
  doc_date      TEXT,                   -- ISO date, or year-month
  title         TEXT,
  is_draft      INTEGER NOT NULL DEFAULT 0,
  date_source   TEXT,                   -- header, text (the act a press text names) or dateline
  period        TEXT,                   -- the year or period the title names: "2023", "2026-2030"
  period_line   INTEGER,                -- the title's first line (1-based)
  period_quote  TEXT,                   -- the words it was read from: "năm 2023"
  genre         TEXT,                   -- plan, report, regulation, form, question_answer, news, reference
  version_key   TEXT,                   -- number and issuer (or type, title and issuer when unnumbered)
  previous_version_id INTEGER REFERENCES documents(id),  -- the same document, earlier bytes
  line_count    INTEGER NOT NULL,
  text_sha256   TEXT NOT NULL,          -- of the stored lines joined by \n
  figure_count  INTEGER NOT NULL,
  extractor     TEXT NOT NULL,          -- chitieu version that extracted
  ingested_at   TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS lines (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL,         -- 1-based
  page        INTEGER,                  -- null for plain text
  raw         TEXT NOT NULL,
  repaired    TEXT,                     -- null when equal to raw
  ocr_confidence REAL,                  -- OCRed line: mean word confidence 0..100; else null
  source_line  INTEGER,                 -- web page, Markdown: the file's line the text was read from
  source_start INTEGER,                 -- ... and its byte range in the file; null for other formats
  source_end   INTEGER,
  PRIMARY KEY (document_id, line_no)
) STRICT, WITHOUT ROWID;

-- Pages already OCRed, so that a scan ingested again, a re-run after a crash,
-- or a new version sharing the bytes is never recognised twice. Keyed by the
-- file's bytes, not by a stored document: a page is saved as soon as it is
-- read, before its document is.
CREATE TABLE IF NOT EXISTS ocr_pages (
  sha256        TEXT NOT NULL,          -- of the file's bytes
  page          INTEGER NOT NULL,       -- 1-based
  text          TEXT NOT NULL,          -- the page's lines joined by \n
  confidence    TEXT NOT NULL,          -- JSON array: each line's mean word confidence
  recognised_at TEXT NOT NULL,
  PRIMARY KEY (sha256, page)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS repairs (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL,
  raw_start   INTEGER NOT NULL,         -- byte offsets in the raw line
  raw_end     INTEGER NOT NULL,
  raw_text    TEXT NOT NULL,
  replacement TEXT NOT NULL,
  rule        TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS figures (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  line        INTEGER NOT NULL,         -- 1-based, first character of the quote
  line_end    INTEGER NOT NULL,
  char_start  INTEGER NOT NULL,         -- code points in the raw line
  char_end    INTEGER NOT NULL,         -- code points in the raw line_end (exclusive)
  number_line INTEGER NOT NULL,         -- line of the first digit
  page        INTEGER,                  -- page of the quote's first line; null for plain text
  quote       TEXT NOT NULL,
  indicator   TEXT NOT NULL,            -- as displayed: "parent — sub indicator"
  parent      TEXT,
  sub_indicator TEXT NOT NULL DEFAULT '',  -- the indicator under `parent` (all of it without one)
  change      TEXT,                     -- increase | decrease; null for a level
  item        TEXT,
  comparator  TEXT NOT NULL,
  low         REAL NOT NULL,
  high        REAL NOT NULL,
  unit        TEXT NOT NULL,
  counted     TEXT,
  year        TEXT,
  kind        TEXT NOT NULL,
  number_text TEXT NOT NULL,
  unit_text   TEXT NOT NULL,
  warnings    TEXT NOT NULL,            -- JSON array of {code, subject, detail}
  reading     TEXT NOT NULL             -- JSON: how the value was read
) STRICT;

-- An analyst's decisions on indicator matching, keyed by the folded indicator
-- text and unit so they survive re-ingests (figure ids do not).
CREATE TABLE IF NOT EXISTS indicator_decisions (
  key            TEXT PRIMARY KEY,
  indicator_text TEXT NOT NULL,
  unit           TEXT NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('confirm', 'reject', 'map')),
  indicator_id   TEXT,
  decided_at     TEXT NOT NULL
) STRICT;

-- The latest matching of each figure to a canonical indicator, with its method
-- and score (written by `compare` and `match`).
CREATE TABLE IF NOT EXISTS indicator_matches (
  figure_id    INTEGER PRIMARY KEY REFERENCES figures(id) ON DELETE CASCADE,
  indicator_id TEXT NOT NULL,
  method       TEXT NOT NULL,
  score        REAL NOT NULL
) STRICT;

-- Full-text search over documents' lines and figures' indicators, on folded
-- text (see text_repair.h): FTS5's own diacritic removal keeps đ.
-- Contentless with detail=none: it only has to say which lines hold every
-- word asked for, and stays cheap to fill at ingest. The rowid says where
-- (search_rowid below): document id << 24 | line << 1 | 1 for an indicator,
-- 0 for a line.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(folded, content='', detail=none);

CREATE INDEX IF NOT EXISTS figures_by_document ON figures(document_id, line);
CREATE INDEX IF NOT EXISTS lines_by_page ON lines(document_id, page, line_no);
CREATE INDEX IF NOT EXISTS repairs_by_line ON repairs(document_id, line_no);
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc_ != SQLITE_OK) error_ = sqlite3_errmsg(db);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  const std::string& error() const { return error_; }
  sqlite3_stmt* get() { return stmt_; }
  void bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void bind_or_null(int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(stmt_, i);
    else bind(i, s);
  }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }
  double real(int col) { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
  std::string error_;
};

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// 1-based page of 1-based `line`, or 0 when the source has no pages.
int64_t page_of_line(const SourceText& source, size_t line) {
  return line >= 1 && line <= source.pages.size() ? source.pages[line - 1] : 0;
}

Status sql_error(sqlite3* db, const std::string& what) {
  return Status::Error(StatusCode::kDatabase, "database: " + what + ": " + sqlite3_errmsg(db));
}

// A statement that could not be prepared: `what` names the statement.
Status prepare_error(const Statement& s, const std::string& what) {
  return Status::Error(StatusCode::kDatabase, "database: preparing " + what + ": " + s.error());
}

// The layout of the search table's rowid, which says where a hit is: the
// document id above kSearchDocumentShift bits, then the 1-based line, then one
// bit set for a figure's indicator and clear for the line itself. 23 bits of
// line number; 40 of document id.
constexpr int kSearchDocumentShift = 24;
constexpr int64_t kSearchMaxLine = (int64_t{1} << (kSearchDocumentShift - 1)) - 1;  // also the line mask
constexpr int64_t kSearchIndicatorBit = 1;
static_assert(kSearchMaxLine == 8388607);

int64_t search_rowid(int64_t document_id, int64_t line, bool indicator) {
  return (document_id << kSearchDocumentShift) | (line << 1) | (indicator ? kSearchIndicatorBit : 0);
}

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
Status find_document(sqlite3* db, const std::string& sha256, int64_t* id) {
  *id = 0;
  Statement q(db, "SELECT id FROM documents WHERE sha256 = ?");
  if (!q.ok()) return prepare_error(q, "document lookup");
  q.bind(1, sha256);
  int rc = q.step();
  if (rc == SQLITE_ROW) *id = q.integer(0);
  else if (rc != SQLITE_DONE) return sql_error(db, "looking up document");
  return Status::Ok();
}

// The latest stored version of the document with this version key, or 0.
Status previous_version(sqlite3* db, const std::string& version, int64_t* id) {
  *id = 0;
  Statement q(db, "SELECT id FROM documents WHERE version_key = ? ORDER BY id DESC LIMIT 1");
  if (!q.ok()) return prepare_error(q, "previous version lookup");
  q.bind(1, version);
  int rc = q.step();
  if (rc == SQLITE_ROW) *id = q.integer(0);
  else if (rc != SQLITE_DONE) return sql_error(db, "looking up previous version");
  return Status::Ok();
}

// The document's row, linked to its previous version when there is one.
Status insert_document(sqlite3* db, const SourceText& source, const DocumentHeader& header,
                       size_t figure_count, int64_t* doc_id) {
  // A new version of a document already stored: the same number from the
  // same issuer (a draft's blank number: the same type, title and issuer)
  // with other bytes — a re-scan, the final text of a draft.
  std::string version = version_key(header);
  int64_t previous = 0;
  if (!version.empty()) {
    Status st = previous_version(db, version, &previous);
    if (!st.ok()) return st;
  }
  Statement ins(db,
                "INSERT INTO documents(sha256, path, file_name, size_bytes, format, encoding, "
                "encoding_confidence, doc_number, doc_type, issuer, place, doc_date, title, is_draft, line_count, "
                "text_sha256, figure_count, extractor, ingested_at, version_key, previous_version_id, "
                "date_source, period, period_line, period_quote, genre, converted_by) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
  ins.bind(18, std::string("chitieu ") + CHITIEU_VERSION);
  ins.bind(19, now_utc());
  ins.bind_or_null(20, version);
  if (previous != 0) ins.bind(21, previous);
  ins.bind_or_null(22, header.date_source);
  ins.bind_or_null(23, header.period);
  if (header.period_line > 0) ins.bind(24, static_cast<int64_t>(header.period_line));
  ins.bind_or_null(25, header.period_quote);
  ins.bind_or_null(26, std::string(genre_name(header.genre)));
  ins.bind_or_null(27, source.converted_by);
  if (ins.step() != SQLITE_DONE) return sql_error(db, "inserting document");
  *doc_id = sqlite3_last_insert_rowid(db);
  return Status::Ok();
}

// Every line, raw and (when it differs) repaired, with the repairs made on it.
Status insert_lines(sqlite3* db, int64_t doc_id, const SourceText& source,
                    const std::vector<RepairedLine>& repaired) {
  Statement ins(db,
                "INSERT INTO lines(document_id, line_no, page, raw, repaired, ocr_confidence, "
                "source_line, source_start, source_end) VALUES (?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return prepare_error(ins, "line insert");
  Statement rep(db,
                "INSERT INTO repairs(document_id, line_no, raw_start, raw_end, raw_text, "
                "replacement, rule) VALUES (?,?,?,?,?,?,?)");
  if (!rep.ok()) return prepare_error(rep, "repair insert");
  for (size_t i = 0; i < source.lines.size(); ++i) {
    const std::string& raw = source.lines[i];
    ins.bind(1, doc_id);
    ins.bind(2, static_cast<int64_t>(i + 1));
    if (int64_t page = page_of_line(source, i + 1)) ins.bind(3, page);
    ins.bind(4, raw);
    if (repaired[i].text != raw) ins.bind(5, repaired[i].text);
    if (i < source.line_confidence.size()) ins.bind(6, static_cast<double>(source.line_confidence[i]));
    if (i < source.sources.size() && source.sources[i].line > 0) {
      ins.bind(7, static_cast<int64_t>(source.sources[i].line));
      ins.bind(8, static_cast<int64_t>(source.sources[i].begin));
      ins.bind(9, static_cast<int64_t>(source.sources[i].end));
    }
    if (ins.step() != SQLITE_DONE) return sql_error(db, "inserting line");
    ins.reset();
    for (const Repair& r : repaired[i].repairs) {
      rep.bind(1, doc_id);
      rep.bind(2, static_cast<int64_t>(i + 1));
      rep.bind(3, static_cast<int64_t>(r.raw_begin));
      rep.bind(4, static_cast<int64_t>(r.raw_end));
      rep.bind(5, raw.substr(r.raw_begin, r.raw_end - r.raw_begin));
      rep.bind(6, r.replacement);
      rep.bind(7, r.rule);
      if (rep.step() != SQLITE_DONE) return sql_error(db, "inserting repair");
      rep.reset();
    }
  }
  return Status::Ok();
}

Status insert_figures(sqlite3* db, int64_t doc_id, const SourceText& source, const std::vector<Figure>& figures) {
  Statement ins(db,
                "INSERT INTO figures(document_id, line, line_end, char_start, char_end, "
                "number_line, quote, indicator, parent, item, comparator, low, high, unit, "
                "counted, year, kind, number_text, unit_text, warnings, reading, page, "
                "sub_indicator, change) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return prepare_error(ins, "figure insert");
  for (const Figure& f : figures) {
    ins.bind(1, doc_id);
    ins.bind(2, static_cast<int64_t>(f.line));
    ins.bind(3, static_cast<int64_t>(f.line_end));
    ins.bind(4, static_cast<int64_t>(f.char_start));
    ins.bind(5, static_cast<int64_t>(f.char_end));
    ins.bind(6, static_cast<int64_t>(f.number_line));
    ins.bind(7, f.quote);
    ins.bind(8, f.indicator.display());
    ins.bind_or_null(9, f.indicator.parent);
    ins.bind_or_null(10, f.item);
    ins.bind(11, std::string(comparator_text(f.comparator)));
    ins.bind(12, f.low);
    ins.bind(13, f.high);
    ins.bind(14, f.unit);
    ins.bind_or_null(15, f.counted);
    ins.bind_or_null(16, f.year);
    ins.bind(17, std::string(kind_text(f.kind)));
    ins.bind(18, f.number_text);
    ins.bind(19, f.unit_text);
    ins.bind(20, warnings_to_json(f.warnings));
    ins.bind(21, reading_to_json(f));
    if (int64_t page = page_of_line(source, f.number_line)) ins.bind(22, page);
    ins.bind(23, f.indicator.sub);
    ins.bind_or_null(24, std::string(change_text(f.change)));
    if (ins.step() != SQLITE_DONE) return sql_error(db, "inserting figure");
    ins.reset();
  }
  return Status::Ok();
}

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

// The search index holds folded text (no case, marks or đ), so a query typed
// without diacritics finds every spelling: each line with text, and the
// indicator of each line holding a figure's first digit.
Status index_for_search(sqlite3* db, int64_t doc_id, const std::vector<RepairedLine>& repaired,
                        const std::vector<Figure>& figures) {
  Statement idx(db, "INSERT OR IGNORE INTO search(rowid, folded) VALUES (?,?)");
  if (!idx.ok()) return prepare_error(idx, "search index insert");
  for (size_t i = 0; i < repaired.size(); ++i) {
    int64_t line = static_cast<int64_t>(i + 1);
    // A line past the rowid's line bits would be found in another document.
    if (line > kSearchMaxLine) break;
    if (repaired[i].folded.find_first_not_of(' ') == std::string::npos) continue;
    idx.bind(1, search_rowid(doc_id, line, false));
    idx.bind(2, comparison_key(repaired[i].text));
    if (idx.step() != SQLITE_DONE) return sql_error(db, "indexing line");
    idx.reset();
  }
  std::set<int64_t> indexed;  // one indicator entry per line is enough
  for (const Figure& f : figures) {
    if (f.number_line > kSearchMaxLine) continue;
    int64_t rowid = search_rowid(doc_id, f.number_line, true);
    if (!indexed.insert(rowid).second) continue;
    idx.bind(1, rowid);
    idx.bind(2, comparison_key(f.indicator.display()));
    if (idx.step() != SQLITE_DONE) return sql_error(db, "indexing indicator");
    idx.reset();
  }
  return Status::Ok();
}

}  // namespace

Status Store::Open(const std::string& path, std::unique_ptr<Store>* out) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Error(StatusCode::kDatabase, "cannot open database " + path + ": " + msg);
  }
  // Concurrent ingests wait for each other instead of failing at once.
  sqlite3_busy_timeout(db, 60000);
  std::unique_ptr<Store> store(new Store(db));
  Status st = store->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!st.ok()) return Status::Error(StatusCode::kDatabase, "cannot open database " + path + ": " + st.message());
  st = store->migrate();
  if (!st.ok()) return st;
  *out = std::move(store);
  return Status::Ok();
}

Store::~Store() {
  open_snapshot_.reset();  // its read transaction ends before the connection does
  sqlite3_close(db_);
}

Status Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Error(StatusCode::kDatabase, "database: " + msg);
  }
  return Status::Ok();
}

// Steps from each earlier schema version to the next, run in the transaction
// that opens the database.
Status Store::upgrade_schema(int from_version) {
  if (from_version < 2) {
    // Version 2 keeps the sub-indicator apart from its parent instead of only
    // the joined display form: split the display form once, here.
    Status st = exec(
        "ALTER TABLE figures ADD COLUMN sub_indicator TEXT NOT NULL DEFAULT '';"
        "UPDATE figures SET sub_indicator = CASE WHEN parent IS NULL THEN indicator "
        "WHEN indicator = parent THEN '' ELSE substr(indicator, length(parent) + 4) END;");
    if (!st.ok()) return st;
  }
  if (from_version < 3) {
    // Version 3 says whether a value is a level or a change of it; figures
    // stored before were read as levels.
    Status st = exec("ALTER TABLE figures ADD COLUMN change TEXT;");
    if (!st.ok()) return st;
  }
  if (from_version < 4) {
    // Version 4 keeps what a document says about itself beyond its header:
    // where its date was read, its own period and its genre. Documents stored
    // before keep them empty (re-ingesting the same bytes stores nothing, so
    // they stay empty until the database is rebuilt).
    Status st = exec(
        "ALTER TABLE documents ADD COLUMN date_source TEXT;"
        "ALTER TABLE documents ADD COLUMN period TEXT;"
        "ALTER TABLE documents ADD COLUMN period_line INTEGER;"
        "ALTER TABLE documents ADD COLUMN period_quote TEXT;"
        "ALTER TABLE documents ADD COLUMN genre TEXT;");
    if (!st.ok()) return st;
  }
  if (from_version < 5) {
    // Version 5 reads converted formats (.doc, RTF, spreadsheets, web pages,
    // Markdown): what converted each document, and where each line of a web
    // page or Markdown file was in the file. Documents stored before were
    // never converted: null.
    Status st = exec(
        "ALTER TABLE documents ADD COLUMN converted_by TEXT;"
        "ALTER TABLE lines ADD COLUMN source_line INTEGER;"
        "ALTER TABLE lines ADD COLUMN source_start INTEGER;"
        "ALTER TABLE lines ADD COLUMN source_end INTEGER;");
    if (!st.ok()) return st;
  }
  Statement set(db_, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
  if (!set.ok()) return prepare_error(set, "schema version update");
  set.bind(1, std::to_string(kSchemaVersion));
  if (set.step() != SQLITE_DONE) return sql_error(db_, "writing schema version");
  return Status::Ok();
}

// Creates what is missing and brings an older schema up to this version, in
// one transaction: a database is never left half upgraded.
Status Store::migrate() {
  Transaction tx(db_);
  Status st = tx.Begin();
  if (st.ok()) st = exec(kSchema);
  if (!st.ok()) return st;
  Statement q(db_, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!q.ok()) return prepare_error(q, "schema version lookup");
  int rc = q.step();
  if (rc == SQLITE_ROW) {
    int version = static_cast<int>(q.integer(0));
    if (version > kSchemaVersion) {
      return Status::Error(StatusCode::kDatabase, "database schema version " + std::to_string(version) +
                           " is newer than this chitieu (" + std::to_string(kSchemaVersion) + ")");
    }
    if (version < kSchemaVersion) st = upgrade_schema(version);
  } else if (rc == SQLITE_DONE) {
    Statement ins(db_, "INSERT INTO meta(key, value) VALUES ('schema_version', ?)");
    if (!ins.ok()) return prepare_error(ins, "schema version insert");
    ins.bind(1, std::to_string(kSchemaVersion));
    if (ins.step() != SQLITE_DONE) st = sql_error(db_, "writing schema version");
  } else {
    st = sql_error(db_, "reading schema version");
  }
  if (!st.ok()) return st;
  return tx.Commit();
}

Status Store::ocr_page(const std::string& sha256, uint32_t page, std::vector<OcrLine>* lines, bool* found) {
  *found = false;
  Statement q(db_, "SELECT text, confidence FROM ocr_pages WHERE sha256 = ? AND page = ?");
  if (!q.ok()) return prepare_error(q, "OCR page lookup");
  q.bind(1, sha256);
  q.bind(2, static_cast<int64_t>(page));
  int rc = q.step();
  if (rc == SQLITE_DONE) return Status::Ok();
  if (rc != SQLITE_ROW) return sql_error(db_, "looking up OCR page");
  std::string text = q.text(0);
  auto conf = nlohmann::json::parse(q.text(1), nullptr, false);
  if (!conf.is_array()) return Status::Ok();  // unreadable: recognise the page again
  // One confidence per line; a page without text has neither.
  std::vector<OcrLine> out;
  size_t pos = 0;
  for (const auto& c : conf) {
    if (!c.is_number() || pos > text.size()) return Status::Ok();
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back({text.substr(pos, nl - pos), c.get<float>()});
    pos = nl + 1;
  }
  if (conf.empty() ? !text.empty() : pos != text.size() + 1) return Status::Ok();
  *lines = std::move(out);
  *found = true;
  return Status::Ok();
}

Status Store::save_ocr_page(const std::string& sha256, uint32_t page, const std::vector<OcrLine>& lines) {
  std::string text;
  nlohmann::json conf = nlohmann::json::array();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += '\n';
    std::string line = lines[i].text;
    std::replace(line.begin(), line.end(), '\n', ' ');
    text += line;
    conf.push_back(std::round(lines[i].confidence * 100) / 100);
  }
  Statement ins(db_,
                "INSERT OR REPLACE INTO ocr_pages(sha256, page, text, confidence, recognised_at) "
                "VALUES (?,?,?,?,?)");
  if (!ins.ok()) return prepare_error(ins, "OCR page insert");
  ins.bind(1, sha256);
  ins.bind(2, static_cast<int64_t>(page));
  ins.bind(3, text);
  ins.bind(4, conf.dump());
  ins.bind(5, now_utc());
  if (ins.step() != SQLITE_DONE) return sql_error(db_, "saving OCR page");
  return Status::Ok();
}

Status Store::has_document(const std::string& sha256, bool* present) {
  int64_t id = 0;
  Status st = find_document(db_, sha256, &id);
  *present = st.ok() && id != 0;
  return st;
}

Status Store::ingest(const SourceText& source, const DocumentHeader& header,
                     const std::vector<RepairedLine>& repaired, const std::vector<Figure>& figures,
                     IngestOutcome* outcome) {
  *outcome = IngestOutcome();
  // IMMEDIATE takes the write lock now, so the existence check and the insert
  // see the same database even with another ingest running. Any failure below,
  // or an exception, leaves the scope uncommitted: the document is all written
  // or not at all.
  Transaction tx(db_);
  Status st = tx.Begin();
  if (!st.ok()) return st;
  int64_t stored_id = 0;
  st = find_document(db_, source.sha256, &stored_id);
  if (!st.ok()) return st;
  if (stored_id != 0) {
    outcome->already_stored = true;
    outcome->document_id = stored_id;
    return Status::Ok();
  }
  int64_t doc_id = 0;
  st = insert_document(db_, source, header, figures.size(), &doc_id);
  if (st.ok()) st = insert_lines(db_, doc_id, source, repaired);
  if (st.ok()) st = insert_figures(db_, doc_id, source, figures);
  if (st.ok()) st = index_for_search(db_, doc_id, repaired, figures);
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
              "coalesce(period_line, 0), period_quote, genre, converted_by FROM documents "
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
    d.converted_by = q.text(25);
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
              "SELECT line_no, raw, coalesce(repaired, raw) FROM lines "
              "WHERE document_id = ? AND line_no BETWEEN ? AND ? ORDER BY line_no");
  if (!q.ok()) return prepare_error(q, "line lookup");
  q.bind(1, document_id);
  q.bind(2, first);
  q.bind(3, last);
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) out->push_back({q.integer(0), q.text(1), q.text(2)});
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

Status Store::all_lines(int64_t document_id, std::vector<std::string>* raw) {
  Statement q(db_, "SELECT raw FROM lines WHERE document_id = ? ORDER BY line_no");
  if (!q.ok()) return prepare_error(q, "line listing");
  q.bind(1, document_id);
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) raw->push_back(q.text(0));
  if (rc != SQLITE_DONE) return sql_error(db_, "reading lines");
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
