// chitieu: numbered targets of Vietnamese resolutions into an auditable database.
// Exit status: see cli/commands.h.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "chitieu — extract the numbered targets (chỉ tiêu) of Vietnamese resolutions into an "
      "auditable SQLite database, trace each figure to its source line, compare documents.\n\n"
      "Examples:\n"
      "  chitieu ingest corpus/                 store every document under corpus/\n"
      "  chitieu ingest --db archive.db a.txt b.txt\n"
      "  chitieu compare --format md            one row per indicator and year, one column per document\n"
      "  chitieu compare --format html --output report.html   click a cell to see its source line\n"
      "  chitieu search \"do thi hoa\"            full-text search ignoring diacritics\n"
      "  chitieu trace 12                       where figure 12 comes from and how it was read\n"
      "  chitieu trace --document 000_b0a7 --line 41\n"
      "  chitieu export --format jsonl > figures.jsonl\n"
      "  chitieu verify                         re-check every quote against the stored text\n\n"
      "Exit status: 0 ok; 1 some input failed; 2 usage error; 3 database or data files unusable.",
      "chitieu"};
  app.set_version_flag("--version", std::string("chitieu ") + CHITIEU_VERSION);
  app.require_subcommand(1);
  chitieu::GlobalOptions g;
  auto add_globals = [&](CLI::App* cmd) {
    cmd->add_option("--db", g.db, "SQLite database file (created on first use)")
        ->capture_default_str();
    cmd->add_option("--data-dir", g.data_dir,
                    "folder of lexicons and tables (default: $CHITIEU_DATA or the built-in data/)");
  };

  std::vector<std::string> paths;
  auto* ingest = app.add_subcommand(
      "ingest", "Store documents and their figures; files or folders, many at once.\n"
                "The same bytes are never stored twice. A bad file is reported and skipped;\n"
                "the exit status is 1 when any file failed.");
  add_globals(ingest);
  ingest->add_option("paths", paths, "files or directories")->required();
  std::string encoding;
  ingest->add_option("--encoding", encoding,
                     "read every file in this encoding instead of detecting it: utf-8, utf-16le, "
                     "utf-16be, tcvn3, vni, windows-1258, utf-8+tcvn3-font, utf-8+vni-font")
      ->check(CLI::IsMember({"utf-8", "utf-16le", "utf-16be", "tcvn3", "vni", "windows-1258",
                             "utf-8+tcvn3-font", "utf-8+vni-font"}));

  std::string export_format = "jsonl";
  auto* exp = app.add_subcommand("export", "Print every stored figure, one per line (JSON Lines) or as CSV.");
  add_globals(exp);
  exp->add_option("--format", export_format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();

  int64_t figure_id = 0;
  std::string document;
  int64_t line = 0;
  int context = 2;
  auto* trace = app.add_subcommand(
      "trace", "Show where a figure comes from: document, line, quote in context, how it was read.\n"
               "Give a figure id (from export), or --document (file name, its prefix, or a sha256\n"
               "prefix) with an optional --line.");
  add_globals(trace);
  trace->add_option("figure", figure_id, "figure id");
  trace->add_option("--document", document, "document file name or sha256 prefix");
  trace->add_option("--line", line, "line number in that document");
  trace->add_option("--context", context, "lines of context around the quote")->check(CLI::Range(0, 1000))->capture_default_str();

  chitieu::CompareRequest compare_request;
  auto* compare = app.add_subcommand(
      "compare", "Comparison table: rows are indicators (from the catalogue data/indicators.tsv) and\n"
                 "years, columns are documents in date order (or years with --by-year); each cell\n"
                 "the comparator and value as written, and D<n>:line. Disagreements between\n"
                 "documents, results against targets and internal checks are flagged.");
  add_globals(compare);
  compare->add_option("--format", compare_request.format,
                      "md, csv, jsonl, html (self-contained report) or xlsx (both need --output)")
      ->check(CLI::IsMember({"md", "csv", "jsonl", "html", "xlsx"}))
      ->capture_default_str();
  compare->add_option("--output", compare_request.output, "write to this file instead of stdout");
  compare->add_flag("--by-year", compare_request.by_year, "columns are years instead of documents");
  compare->add_option("--indicator", compare_request.indicator, "only indicators whose id or name contains this");
  compare->add_option("--document", compare_request.document, "only this document (file name or sha256 prefix)");
  compare->add_option("--year", compare_request.year, "only this year or period, e.g. 2030 or 2026-2030");
  compare->add_option("--issuer", compare_request.issuer, "only documents whose issuer contains this");
  compare->add_option("--catalogue", compare_request.catalogue, "indicator catalogue (TSV)");

  chitieu::MatchRequest match_request;
  auto* match = app.add_subcommand(
      "match", "List how each indicator wording is matched to the catalogue (key, figures, id,\n"
               "method, score), and record an analyst's decision that persists across re-ingests:\n"
               "  chitieu match --key 'ty le do thi hoa|percent' --confirm\n"
               "  chitieu match --key '...|percent' --reject\n"
               "  chitieu match --key '...|percent' --map urbanisation");
  add_globals(match);
  match->add_option("--key", match_request.key, "the wording's key as listed");
  bool confirm = false, reject = false;
  auto* confirm_flag = match->add_flag("--confirm", confirm, "confirm the current match");
  auto* reject_flag =
      match->add_flag("--reject", reject, "reject the catalogue match: the wording keeps its own row");
  auto* map_option = match->add_option("--map", match_request.map_to, "map the wording to this catalogue id");
  confirm_flag->excludes(reject_flag)->excludes(map_option);
  reject_flag->excludes(map_option);
  match->add_option("--catalogue", match_request.catalogue, "indicator catalogue (TSV)");

  bool check_sources = false;
  auto* verify = app.add_subcommand(
      "verify", "Check every stored quote against the stored text at its line and offsets, and the\n"
                "stored text against its fingerprint. Exit status 1 on any mismatch.");
  add_globals(verify);
  verify->add_flag("--sources", check_sources,
                   "also re-hash the original files where they still are");

  std::string query;
  size_t search_limit = 50;
  auto* search = app.add_subcommand(
      "search", "Full-text search over documents and indicators, ignoring case and diacritics:\n"
                "  chitieu search \"do thi hoa\"   finds \"Tỷ lệ đô thị hóa\" and \"Tỉ lệ đô thị hoá\"");
  add_globals(search);
  search->add_option("query", query, "words to find")->required();
  search->add_option("--limit", search_limit, "at most this many hits")->capture_default_str();

  auto* documents = app.add_subcommand(
      "documents", "List stored documents and their header data (JSON Lines): number, type,\n"
                   "issuer, date (date_source: header, portal, text or dateline), title, period (the\n"
                   "year or period the title names, with period_line and period_quote), genre (plan,\n"
                   "report, regulation, form, question_answer, news, reference, unknown), draft\n"
                   "marker, encoding, and previous_version: the id of the earlier version of the same\n"
                   "document (same number and issuer in an official header, other bytes).");
  add_globals(documents);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*ingest) return chitieu::run_ingest(g, paths, encoding);
  if (*exp) return chitieu::run_export(g, export_format);
  if (*trace) {
    if (figure_id <= 0 && document.empty()) {
      std::cerr << "trace: give a figure id or --document (see chitieu trace --help)\n";
      return 2;
    }
    return chitieu::run_trace(g, figure_id, document, line, context);
  }
  if (*compare) return chitieu::run_compare(g, compare_request);
  if (*match) {
    if (confirm) match_request.decision = "confirm";
    if (reject) match_request.decision = "reject";
    if (!match_request.map_to.empty()) match_request.decision = "map";
    return chitieu::run_match(g, match_request);
  }
  if (*verify) return chitieu::run_verify(g, check_sources);
  if (*documents) return chitieu::run_documents(g);
  if (*search) return chitieu::run_search(g, query, search_limit);
  return 2;
}
