// Writing a document's rows, shared by ingest (store.cc) and re-extraction
// (reextract_rows.cc). Private to store/; each runs inside the caller's
// transaction.
#ifndef CHITIEU_STORE_ROWS_H_
#define CHITIEU_STORE_ROWS_H_

#include <sqlite3.h>

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"
#include "model/figure.h"
#include "store/sql.h"

namespace chitieu {

// 1-based page of 1-based `line`, or 0 when the source has no pages.
int64_t page_of_line(const SourceText& source, size_t line);

// Binds a figure row in the column order of kFigureRowColumns (schema.h),
// from parameter `first` on (24 parameters); `page` 0 binds null.
void bind_figure_row(Statement* q, int first, int64_t doc_id, const Figure& f, int64_t page);

// `statements`, when given, keeps the statements prepared for the next
// document (ingest); without, they are prepared for this call.
Status insert_figures(sqlite3* db, int64_t doc_id, const SourceText& source, const std::vector<Figure>& figures,
                      StatementCache* statements = nullptr);

// Every line, raw and (when it differs) repaired, with the repairs made on it.
Status insert_lines(sqlite3* db, int64_t doc_id, const SourceText& source,
                    const std::vector<RepairedLine>& repaired, StatementCache* statements = nullptr);

// The search rowid of a document's line (or of the indicator read on it).
inline constexpr int64_t kSearchMaxLine = 8388607;
int64_t search_rowid(int64_t document_id, int64_t line, bool indicator);

// Adds to the search index every line with text, and the indicator of the
// first figure on each line, of the documents whose id is above `after_id`
// (all of them for 0): search_index.cc.
Status index_documents_after(sqlite3* db, int64_t after_id);

}  // namespace chitieu

#endif  // CHITIEU_STORE_ROWS_H_
