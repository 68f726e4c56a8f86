// The SQLite store: documents, their text line by line, their figures.
//
// A database is created only by a command that may create one (OpenMode);
// every other opens one that must exist. Opening waits for other processes'
// locks (store_open.cc), the schema is versioned (PRAGMA user_version; older
// databases are upgraded in place, newer ones refused: schema.h), WAL journal.
// A document is keyed by the SHA-256 of its bytes and written in ONE
// transaction with its lines, repairs and figures: a failure leaves nothing
// half-written, and storing the same bytes again stores nothing. Re-extraction
// replaces a document's figures the same way, keeping those it replaces in
// `figure_history`. The tables are plain and named for what they hold, so the
// sqlite3 shell or Datasette can browse them as they are.
#ifndef CHITIEU_STORE_STORE_H_
#define CHITIEU_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extractor/document_header.h"
#include "extractor/figure_extractor.h"
#include "model/figure.h"
#include "extractor/formats/ocr_reader.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"
#include "store/transaction.h"

struct sqlite3;

namespace chitieu {

// The schema this chitieu writes; see schema.h for the versions before.
inline constexpr int kSchemaVersion = 8;

// Whether Store::Open may create the database: only `ingest` (and `load`)
// create one; every other command needs it to exist, and says so when it
// does not instead of creating an empty one.
enum class OpenMode { kCreate, kMustExist };

// Who stores a document and with what (schema 6), recorded on its row.
struct IngestProvenance {
  std::string user, host;
  std::string extractor_version;  // extractor/extractor_version.h
  std::string data_sha256;        // of the data files the extractor loaded
};

struct StoredDocument {
  int64_t id = 0;
  std::string sha256, path, file_name, format, encoding, text_sha256;
  std::string converted_by;  // what converted the file into its lines; empty when nothing did
  int64_t size_bytes = 0, line_count = 0, figure_count = 0;
  double encoding_confidence = 1.0;
  int64_t previous_version_id = 0;  // the earlier version of this document, or 0
  DocumentHeader header;
  std::string ingested_at;
  // Schema 6; empty for documents stored before.
  std::string ingested_by, ingested_host;
  std::string absolute_path;      // of the source file at ingest
  std::string chitieu_version;    // "chitieu 0.1.0": the version that ingested
  std::string data_sha256;        // of the data files at ingest
  std::string extractor_version;  // made the current figures (an upgraded row: its chitieu version)
  std::string extracted_at;       // when they were made
};

struct StoredFigure {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string document;  // file name as ingested
  std::string doc_sha256;
  std::string doc_date;
  int64_t page = 0;  // page of the figure's first digit; 0 when the document has no pages
  int64_t page_line = 0;  // line of the first digit within that page (1-based); 0 without pages
  Figure figure;
};

struct StoredLine {
  int64_t line_no = 0;  // 1-based
  std::string raw;
  std::string repaired;  // equals raw when nothing was repaired
  int64_t page = 0;      // 0 when the document has no pages
  bool ocr = false;      // OCRed: ocr_confidence holds the line's mean word confidence
  double ocr_confidence = 0;
  std::vector<OcrWord> ocr_words;  // OCRed: its words and their confidence (none stored before schema 7)
};

struct StoredRepair {
  int64_t line_no = 0;
  int64_t raw_start = 0, raw_end = 0;  // bytes in the raw line
  std::string raw_text, replacement, rule;
};

// An analyst's decision on matching an indicator text (see compare/).
struct StoredDecision {
  std::string key;             // folded indicator text | unit
  std::string indicator_text;  // as first seen
  std::string unit;
  std::string decision;        // confirm | reject | map
  std::string indicator_id;    // for map (and confirm: the id confirmed)
};

struct StoredMatch {
  int64_t figure_id = 0;
  std::string indicator_id, method;
  double score = 0;
};

// Rows that point at nothing (found by verify).
struct DanglingRows {
  std::vector<int64_t> figures_without_document;
  // A figure whose first, last or number line is not a stored line of its document.
  std::vector<int64_t> figures_without_line;
  std::vector<int64_t> matches_without_figure;  // indicator_matches rows, by figure id
};

// A document's figures extracted again (pipeline/reextract), as the store
// writes them in one transaction: the figures kept as they are, those changed
// (updated in place, their id kept) and removed (deleted), both copied first to
// figure_history, and those added.
struct Reextraction {
  int64_t document_id = 0;
  std::string from_extractor;
  IngestProvenance by;               // who re-extracts, and the new extractor
  DocumentHeader header;             // read again
  std::string header_before;         // JSON of the header fields that changed, as they were; "" if none
  SourceText source;                 // rebuilt from the stored lines (pages for the figures' page)
  std::vector<RepairedLine> repaired;  // the lines repaired again
  struct Changed {
    int64_t figure_id = 0;
    Figure figure;                   // as extracted now
    std::string differences;         // "low 450 -> 45"
  };
  std::vector<Changed> changed;
  std::vector<std::pair<int64_t, std::string>> removed;  // figure id, why
  std::vector<Figure> added;
  size_t unchanged = 0;
};

struct SearchHit {
  std::string kind;  // "line" or "indicator"
  std::string document;
  int64_t document_id = 0;
  int64_t line_no = 0;
  std::string raw;   // the line
};

class StatementCache;  // store/sql.h: statements kept prepared

class Store {
 public:
  // Opens the database at `path`, creating it (kCreate) when there is none,
  // and brings an older schema up to this version. A missing file with
  // kMustExist, a database of a newer chitieu, or a SQLite file that is not a
  // chitieu database are kDatabase errors.
  static Status Open(const std::string& path, OpenMode mode, std::unique_ptr<Store>* out);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  struct IngestOutcome {
    bool already_stored = false;
    int64_t document_id = 0;
    size_t figures = 0;
  };
  Status ingest(const SourceText& source, const DocumentHeader& header,
                const std::vector<RepairedLine>& repaired, const std::vector<Figure>& figures,
                IngestOutcome* outcome, const IngestProvenance& provenance = IngestProvenance());

  // Replaces a document's figures with those extracted again, in one
  // transaction, keeping the replaced ones in figure_history and the run in
  // `reextractions`. `*id` gets the run's id.
  // Nothing happens (`*id` stays 0) when another process re-extracted the
  // document since `r` was made.
  Status reextract(const Reextraction& r, int64_t* id);
  // Rebuilds the search index from the stored lines and figures (after
  // reextract); with `only_if_stale`, only when a re-extraction left it stale.
  Status rebuild_search_index(bool only_if_stale, bool* rebuilt);

  // True when a document with these bytes is stored.
  Status has_document(const std::string& sha256, bool* present);

  // Pages already OCRed (table ocr_pages), by the SHA-256 of the file's bytes
  // and the 1-based page, as read by `reader` (a page another reader read is
  // not found); see store/ocr_page_cache.h.
  Status ocr_page(const std::string& sha256, uint32_t page, const std::string& reader,
                  std::vector<OcrLine>* lines, bool* found);
  Status save_ocr_page(const std::string& sha256, uint32_t page, const std::string& reader,
                       const std::vector<OcrLine>& lines);

  Status documents(std::vector<StoredDocument>* out);
  // Figures in document order (document date, then id) and line order.
  Status figures(const std::function<void(const StoredFigure&)>& visit);
  Status figure_by_id(int64_t id, StoredFigure* out, bool* found);
  Status lines(int64_t document_id, int64_t first, int64_t last, std::vector<StoredLine>* out);
  Status repairs(int64_t document_id, int64_t first, int64_t last, std::vector<StoredRepair>* out);
  Status dangling_rows(DanglingRows* out);
  Status matches(std::vector<StoredMatch>* out);

  Status decisions(std::vector<StoredDecision>* out);
  Status set_decision(const StoredDecision& decision);
  // Replaces the stored matches of these figures, in one transaction.
  Status save_matches(const std::vector<StoredMatch>& matches);

  // A read transaction (store/transaction.h): everything read through this
  // store while `*out` lives sees one state of the database, whatever
  // concurrent ingests commit meanwhile (WAL). It must go before the Store.
  Status snapshot(std::unique_ptr<Snapshot>* out);
  // The same, held by the store: begin_snapshot() takes one, end_snapshot()
  // ends it (an error when none is open, or when one already is).
  Status begin_snapshot();
  Status end_snapshot();

  // Full-text search ignoring case and diacritics over lines and indicators:
  // every word of the query must occur. Both forms bring the index up to
  // date first (update_search_index).
  Status search(const std::string& query, size_t limit, std::vector<SearchHit>* out);
  // The same for a query in groups of alternatives: a hit matches every
  // group, by one of its alternatives, each a phrase whose words must all
  // occur ({{"bhyt", "bao hiem y te"}, {"2025"}}).
  Status search(const std::vector<std::vector<std::string>>& groups, size_t limit, std::vector<SearchHit>* out);

  // The search index is filled by the first search after documents were
  // stored, not by ingest: built in one pass for a whole batch it costs a
  // fraction of filling it document by document, and ingest runs at the
  // speed of extraction. Indexes every document stored since the last search
  // (`*indexed` of them), in one transaction; nothing to do is one read.
  // With a snapshot open it does nothing: the snapshot's state is searched.
  Status update_search_index(size_t* indexed);

 private:
  explicit Store(sqlite3* db);
  sqlite3* db_;
  std::unique_ptr<StatementCache> statements_;  // ingest's, kept prepared
  std::unique_ptr<Snapshot> open_snapshot_;  // begin_snapshot() to end_snapshot()
};

}  // namespace chitieu

#endif  // CHITIEU_STORE_STORE_H_
