// The commands of the `chitieu` CLI, one function each: they call the library
// (pipeline/, compare/, store/), print data on stdout and progress, warnings
// and errors on stderr, and return the exit status (common/status.h,
// exit_code_for):
//   0  success
//   1  some input failed (a file not ingested, a quote not verified)
//   2  usage error (bad arguments; printed by the argument parser)
//   3  the database or the data files could not be opened (a database that
//      does not exist included: only `ingest` creates one)
#ifndef CHITIEU_CLI_COMMANDS_H_
#define CHITIEU_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace chitieu {

struct GlobalOptions {
  std::string db = "chitieu.db";
  std::string data_dir;
};

// What the batch commands (ingest, extract, load) share: the workers, and
// what they say as they go (cli/batch_progress.h).
struct BatchRequest {
  std::vector<std::string> paths;
  std::string encoding;   // ingest, extract: forced encoding, or empty
  unsigned jobs = 0;      // 0: one per core
  bool verbose = false;   // a line for every file
  std::string log;        // --log FILE, or empty
  std::string output;     // extract: the bundles' folder
};
int run_ingest(const GlobalOptions& g, const BatchRequest& request);
int run_extract(const GlobalOptions& g, const BatchRequest& request);
int run_load(const GlobalOptions& g, const BatchRequest& request);
int run_export(const GlobalOptions& g, const std::string& format);
int run_trace(const GlobalOptions& g, int64_t figure_id, const std::string& document, int64_t line,
              int context_lines);
// compare and match live in cli/compare_commands.cc.
struct CompareRequest {
  std::string format = "md";  // md | csv | jsonl | html | xlsx
  std::string output;         // file for html/xlsx (and optional for the others)
  bool by_year = false;
  std::string indicator, document, year, issuer;  // filters
  std::string catalogue;      // indicator catalogue file (default: data dir's indicators.tsv)
  std::string by_indicator;   // one catalogue id (or statistical code) across documents and years
};
int run_compare(const GlobalOptions& g, const CompareRequest& request);

struct MatchRequest {
  std::string catalogue;
  std::string key;       // decision key (folded indicator | unit), as `match` lists it
  std::string decision;  // "", confirm, reject, map
  std::string map_to;    // indicator id for map
};
int run_match(const GlobalOptions& g, const MatchRequest& request);
// Exit status 1 when nothing matched.
int run_search(const GlobalOptions& g, const std::string& query, size_t limit);
struct VerifyRequest {
  bool check_sources = false;
  std::string sources_root;    // implies check_sources
  bool allow_missing = false;
  std::string catalogue;       // default: the data dir's indicators.tsv
};
int run_verify(const GlobalOptions& g, const VerifyRequest& request);
int run_reextract(const GlobalOptions& g);
int run_documents(const GlobalOptions& g);

// Prints "chitieu: <message>" on stderr; returns the exit status for `st`.
int report_error(const Status& st);

}  // namespace chitieu

#endif  // CHITIEU_CLI_COMMANDS_H_
