#include "store/schema.h"

#include <string>

#include "store/sql.h"
#include "store/store.h"

namespace chitieu {
namespace {

// The schema of this version, created whole in a new database. An upgraded
// database gets the same tables and columns (upgrade_schema), some columns in
// another order: every statement names its columns.
const char kSchema[] = R"sql(
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
  doc_date      TEXT,                   -- ISO date, year-month, or a year alone
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
  extractor     TEXT NOT NULL,          -- chitieu version that ingested: "chitieu 0.1.0"
  ingested_at   TEXT NOT NULL,
  -- Schema 6: who ingested it from where; which extractor made its figures.
  ingested_by   TEXT,                   -- user name (null: stored before schema 6)
  ingested_host TEXT,                   -- host name
  source_abs_path TEXT,                 -- the file's absolute path at ingest
  data_sha256   TEXT,                   -- SHA-256 over the extractor's data files at ingest
  extractor_version TEXT NOT NULL DEFAULT '',  -- made the current figures (see extractor_version.h)
  -- when the current figures were made (ingest or reextract)
  extracted_at  TEXT
) STRICT;

CREATE TABLE IF NOT EXISTS lines (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL,         -- 1-based
  page        INTEGER,                  -- null for plain text
  raw         TEXT NOT NULL,
  repaired    TEXT,                     -- null when equal to raw
  ocr_confidence REAL,                  -- OCRed line: mean word confidence 0..100; else (and for a
                                        -- blank line in a paragraph's gap) null
  source_line  INTEGER,                 -- web page, Markdown: the file's line the text was read from
  source_start INTEGER,                 -- ... and its byte range in the file; null for other formats
  source_end   INTEGER,
  ocr_words   TEXT,                     -- OCRed line: JSON [[start, end, confidence], …] of its words
                                        -- (byte offsets in raw); else null
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
  words         TEXT,                   -- JSON array: each line's words, [[start, end, confidence], …]
  reader        TEXT,                   -- what read the page (Tesseract, model, preparation); a page
                                        -- read by another reader is read again
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
-- Only lines with a page are looked up by page (a figure's line within its
-- page): plain text, most documents, adds no entry (schema 8).
CREATE INDEX IF NOT EXISTS lines_by_page ON lines(document_id, page, line_no) WHERE page IS NOT NULL;
CREATE INDEX IF NOT EXISTS repairs_by_line ON repairs(document_id, line_no);
)sql";
// Schema 6: re-extraction keeps what it replaced. Each run on a document is a
// row of `reextractions`; each figure it changed or removed is copied, as it
// was, into `figure_history` first. Neither table is ever updated or deleted
// from (the triggers refuse it): an auditor's earlier evidence stays.
const char kHistorySchema[] = R"sql(
CREATE TABLE IF NOT EXISTS reextractions (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id),
  at             TEXT NOT NULL,
  by_user        TEXT,
  host           TEXT,
  from_extractor TEXT NOT NULL,         -- the version that made the figures replaced
  to_extractor   TEXT NOT NULL,         -- the version that made the new ones
  data_sha256    TEXT,                  -- of the new version's data files
  figures_before INTEGER NOT NULL,
  figures_after  INTEGER NOT NULL,
  unchanged      INTEGER NOT NULL,
  changed        INTEGER NOT NULL,
  added          INTEGER NOT NULL,
  removed        INTEGER NOT NULL,
  header_before  TEXT                   -- JSON: the header fields it changed, as they were; null if none
) STRICT;

CREATE TABLE IF NOT EXISTS figure_history (
  id              INTEGER PRIMARY KEY,
  reextraction_id INTEGER NOT NULL REFERENCES reextractions(id),
  figure_id       INTEGER NOT NULL,     -- its id while it was current
  fate            TEXT NOT NULL CHECK (fate IN ('changed', 'removed')),
  differences     TEXT NOT NULL,        -- what changed: "low 450 -> 45; high 450 -> 45"
  made_by         TEXT NOT NULL,        -- the extractor version that made it
  made_at         TEXT,                 -- when
  -- the figure's row as it was (columns as in figures)
  document_id INTEGER NOT NULL REFERENCES documents(id),
  line INTEGER NOT NULL, line_end INTEGER NOT NULL, char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL, number_line INTEGER NOT NULL, page INTEGER, quote TEXT NOT NULL,
  indicator TEXT NOT NULL, parent TEXT, sub_indicator TEXT NOT NULL, change TEXT, item TEXT,
  comparator TEXT NOT NULL, low REAL NOT NULL, high REAL NOT NULL, unit TEXT NOT NULL, counted TEXT,
  year TEXT, kind TEXT NOT NULL, number_text TEXT NOT NULL, unit_text TEXT NOT NULL,
  warnings TEXT NOT NULL, reading TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS figure_history_by_figure ON figure_history(figure_id);

CREATE TRIGGER IF NOT EXISTS figure_history_is_kept BEFORE DELETE ON figure_history
BEGIN SELECT RAISE(ABORT, 'figure history is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS figure_history_is_not_rewritten BEFORE UPDATE ON figure_history
BEGIN SELECT RAISE(ABORT, 'figure history is never rewritten'); END;
CREATE TRIGGER IF NOT EXISTS reextractions_are_kept BEFORE DELETE ON reextractions
BEGIN SELECT RAISE(ABORT, 'reextractions are never deleted'); END;
)sql";

Status read_int(sqlite3* db, const char* sql, int64_t* out, bool* found) {
  Statement q(db, sql);
  if (!q.ok()) return prepare_error(q, "schema version lookup");
  int rc = q.step();
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW) *out = q.integer(0);
  else if (rc != SQLITE_DONE) return sql_error(db, "reading the schema version");
  return Status::Ok();
}

// user_version, and the meta row an older chitieu reads.
Status write_schema_version(sqlite3* db) {
  std::string sql = "PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";" +
                    "INSERT INTO meta(key, value) VALUES ('schema_version', '" + std::to_string(kSchemaVersion) +
                    "') ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
  return exec_sql(db, sql.c_str());
}

}  // namespace

const char kFigureRowColumns[] =
    "document_id, line, line_end, char_start, char_end, number_line, page, quote, indicator, parent, "
    "sub_indicator, change, item, comparator, low, high, unit, counted, year, kind, number_text, "
    "unit_text, warnings, reading";

Status read_schema_state(sqlite3* db, SchemaState* out) {
  *out = SchemaState();
  int64_t tables = 0, version = 0;
  bool found = false;
  Status st = read_int(db, "SELECT count(*) FROM sqlite_schema", &tables, &found);
  if (!st.ok()) return st;
  if (tables == 0) {
    out->empty = true;
    return Status::Ok();
  }
  st = read_int(db, "PRAGMA user_version", &version, &found);
  if (!st.ok()) return st;
  if (version == 0) {
    // Before schema 6: the version lives in `meta`, if this is ours at all.
    int64_t has_meta = 0;
    st = read_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'", &has_meta,
                  &found);
    if (st.ok() && has_meta)
      st = read_int(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'", &version, &found);
    if (!st.ok()) return st;
  }
  out->foreign = version <= 0;
  out->version = static_cast<int>(version);
  return Status::Ok();
}

Status create_schema(sqlite3* db) {
  Status st = exec_sql(db, kSchema);
  if (st.ok()) st = exec_sql(db, kHistorySchema);
  if (st.ok()) st = write_schema_version(db);
  return st;
}

// Steps from each earlier schema version to the next.
Status upgrade_schema(sqlite3* db, int from_version) {
  if (from_version < 2) {
    // Version 2 keeps the sub-indicator apart from its parent instead of only
    // the joined display form: split the display form once, here.
    Status st = exec_sql(db,
        "ALTER TABLE figures ADD COLUMN sub_indicator TEXT NOT NULL DEFAULT '';"
        "UPDATE figures SET sub_indicator = CASE WHEN parent IS NULL THEN indicator "
        "WHEN indicator = parent THEN '' ELSE substr(indicator, length(parent) + 4) END;");
    if (!st.ok()) return st;
  }
  if (from_version < 3) {
    // Version 3 says whether a value is a level or a change of it; figures
    // stored before were read as levels.
    Status st = exec_sql(db, "ALTER TABLE figures ADD COLUMN change TEXT;");
    if (!st.ok()) return st;
  }
  if (from_version < 4) {
    // Version 4 keeps what a document says about itself beyond its header:
    // where its date was read, its own period and its genre. Documents stored
    // before keep them empty until they are re-extracted.
    Status st = exec_sql(db,
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
    Status st = exec_sql(db,
        "ALTER TABLE documents ADD COLUMN converted_by TEXT;"
        "ALTER TABLE lines ADD COLUMN source_line INTEGER;"
        "ALTER TABLE lines ADD COLUMN source_start INTEGER;"
        "ALTER TABLE lines ADD COLUMN source_end INTEGER;");
    if (!st.ok()) return st;
  }
  if (from_version < 6) {
    // Version 6 keeps the version in user_version, records who ingested a
    // document, from which absolute path, and which extractor (chitieu and
    // data files) made its figures, and keeps the figures re-extraction
    // replaces. Documents stored before were made by
    // the chitieu version in `extractor`, with data files nobody recorded:
    // that is their extractor version, older than any with a data hash.
    Status st = exec_sql(db,
        "ALTER TABLE documents ADD COLUMN ingested_by TEXT;"
        "ALTER TABLE documents ADD COLUMN ingested_host TEXT;"
        "ALTER TABLE documents ADD COLUMN source_abs_path TEXT;"
        "ALTER TABLE documents ADD COLUMN data_sha256 TEXT;"
        "ALTER TABLE documents ADD COLUMN extractor_version TEXT NOT NULL DEFAULT '';"
        "ALTER TABLE documents ADD COLUMN extracted_at TEXT;"
        "UPDATE documents SET extractor_version = extractor, extracted_at = ingested_at;");
    if (st.ok()) st = exec_sql(db, kHistorySchema);
    if (!st.ok()) return st;
  }
  if (from_version < 7) {
    // Version 7 keeps each OCRed word's confidence and place (a figure warns
    // of a doubtful number, not only of a doubtful line) and what read each
    // cached page. Pages cached before have no reader and are read again by
    // the new one; lines stored before keep no words.
    Status st = exec_sql(db,
        "ALTER TABLE lines ADD COLUMN ocr_words TEXT;"
        "ALTER TABLE ocr_pages ADD COLUMN words TEXT;"
        "ALTER TABLE ocr_pages ADD COLUMN reader TEXT;");
    if (!st.ok()) return st;
  }
  if (from_version < 8) {
    // Version 8 indexes by page only the lines that have one: the full index
    // cost every plain-text line an entry at ingest (a sixth of storing).
    Status st = exec_sql(db,
        "DROP INDEX IF EXISTS lines_by_page;"
        "CREATE INDEX lines_by_page ON lines(document_id, page, line_no) WHERE page IS NOT NULL;");
    if (!st.ok()) return st;
  }
  return write_schema_version(db);
}

}  // namespace chitieu
