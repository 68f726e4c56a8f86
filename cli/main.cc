// chitieu: numbered targets of Vietnamese resolutions into an auditable database.
// The arguments of each subcommand (CLI11), then the command (cli/commands.h).
// Exit status: see cli/commands.h.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace {

const char kDescription[] =
    "chitieu — extract the numbered targets (chỉ tiêu) of Vietnamese resolutions into an "
    "auditable SQLite database, trace each figure to its source line, compare documents.\n\n"
    "Examples:\n"
    "  chitieu ingest corpus/                 store every document under corpus/\n"
    "  chitieu ingest --db archive.db a.txt b.txt\n"
    "  chitieu extract --output bundles/ part1/    the map step, on any machine; then\n"
    "  chitieu load --db archive.db bundles/       store what it extracted\n"
    "  chitieu compare --format md            one row per indicator and year, one column per document\n"
    "  chitieu compare --format html --output report.html   click a cell to see its source line\n"
    "  chitieu compare --by-indicator health_insurance   one indicator, every document, by year\n"
    "  chitieu search \"do thi hoa\"            full-text search ignoring diacritics\n"
    "  chitieu trace 12                       where figure 12 comes from and how it was read\n"
    "  chitieu trace --document 000_b0a7 --line 41\n"
    "  chitieu export --format jsonl > figures.jsonl\n"
    "  chitieu verify --sources               recompute every figure, re-hash every source file\n"
    "  chitieu reextract                      bring figures up to date after an extractor update\n\n"
    "Exit status: 0 ok; 1 some input failed; 2 usage error; 3 database or data files unusable.";

// Every subcommand's options, filled by the parser.
struct Arguments {
  chitieu::GlobalOptions g;
  chitieu::BatchRequest batch;
  std::string export_format = "jsonl";
  int64_t figure_id = 0;
  std::string document;
  int64_t line = 0;
  int context = 2;
  chitieu::CompareRequest compare;
  chitieu::MatchRequest match;
  bool confirm = false, reject = false;
  chitieu::VerifyRequest verify;
  std::string query;
  size_t search_limit = 50;
};

CLI::App* add_command(CLI::App& app, const char* name, const char* help, Arguments* a) {
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option("--db", a->g.db, "SQLite database file (only ingest creates it)")->capture_default_str();
  cmd->add_option("--data-dir", a->g.data_dir,
                  "folder of lexicons and tables (default: $CHITIEU_DATA or the built-in data/)");
  return cmd;
}

const std::vector<std::string> kEncodings = {"utf-8", "utf-16le", "utf-16be", "tcvn3", "vni",
                                             "windows-1258", "utf-8+tcvn3-font", "utf-8+vni-font"};

// What ingest, extract and load share: workers and what they say as they go.
void add_batch_options(CLI::App* cmd, Arguments* a) {
  cmd->add_option("--jobs,-j", a->batch.jobs, "workers reading and extracting in parallel (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--verbose,-v", a->batch.verbose, "a line for every file, not only for problems");
  cmd->add_option("--log", a->batch.log,
                  "write the batch's record to this file: one JSON line per file (path, sha256, outcome, "
                  "reason, figures, seconds)");
}

void add_encoding_option(CLI::App* cmd, Arguments* a) {
  cmd->add_option("--encoding", a->batch.encoding,
                  "read every file in this encoding instead of detecting it: utf-8, utf-16le, "
                  "utf-16be, tcvn3, vni, windows-1258, utf-8+tcvn3-font, utf-8+vni-font")
      ->check(CLI::IsMember(kEncodings));
}

CLI::App* add_ingest(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "ingest",
      "Store documents and their figures; files or folders, many at once.\n"
      "The same bytes are never stored twice. Every file of a folder is tried: each is\n"
      "stored, already stored, skipped (no document: an archive, an executable, data)\n"
      "or failed (a document that cannot be read); the exit status is 1 when any file\n"
      "failed. On a terminal one live line shows the progress, and a line of its own\n"
      "each file that failed (every file with --verbose). Documents are read and\n"
      "extracted on --jobs workers and stored in the order given, so the database is\n"
      "the same whatever the number of workers.",
      a);
  cmd->add_option("paths", a->batch.paths, "files or directories")->required();
  add_encoding_option(cmd, a);
  add_batch_options(cmd, a);
  return cmd;
}

CLI::App* add_extract(CLI::App& app, Arguments* a) {
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "The map step of ingest, without a database: read and extract documents and write\n"
      "one bundle per document into --output (named by its SHA-256). Safe to run again\n"
      "(a bundle already there is kept) and on many machines at once into one shared\n"
      "folder; then `chitieu load` stores the bundles:\n"
      "  chitieu extract --output bundles/ part1/\n"
      "  chitieu load --db archive.db bundles/");
  cmd->add_option("--data-dir", a->g.data_dir,
                  "folder of lexicons and tables (default: $CHITIEU_DATA or the built-in data/)");
  cmd->add_option("paths", a->batch.paths, "files or directories")->required();
  cmd->add_option("--output,-o", a->batch.output, "folder the bundles are written into")->required();
  add_encoding_option(cmd, a);
  add_batch_options(cmd, a);
  return cmd;
}

CLI::App* add_load(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "load",
      "Store the bundles `chitieu extract` wrote: the same database as `ingest` of the\n"
      "same files (documents stored in the order of their paths). Idempotent: a\n"
      "document already stored is not stored again.",
      a);
  cmd->add_option("paths", a->batch.paths, "bundle files or folders of bundles")->required();
  add_batch_options(cmd, a);
  return cmd;
}

CLI::App* add_export(CLI::App& app, Arguments* a) {
  CLI::App* cmd =
      add_command(app, "export", "Print every stored figure, one per line (JSON Lines) or as CSV.", a);
  cmd->add_option("--format", a->export_format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  return cmd;
}

CLI::App* add_trace(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "trace",
      "Show where a figure comes from: document, line, quote in context, how it was read.\n"
      "Give a figure id (from export), or --document (file name, its prefix, or a sha256\n"
      "prefix) with an optional --line.",
      a);
  cmd->add_option("figure", a->figure_id, "figure id");
  cmd->add_option("--document", a->document, "document file name or sha256 prefix");
  cmd->add_option("--line", a->line, "line number in that document");
  cmd->add_option("--context", a->context, "lines of context around the quote")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  return cmd;
}

CLI::App* add_compare(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "compare",
      "Comparison table: rows are indicators (from the catalogue data/indicators.tsv) and\n"
      "years, columns are documents in date order (or years with --by-year); each cell\n"
      "the comparator and value as written, and D<n>:line. Disagreements between\n"
      "documents, results against targets and internal checks are flagged.",
      a);
  chitieu::CompareRequest& r = a->compare;
  cmd->add_option("--format", r.format, "md, csv, jsonl, html (self-contained report) or xlsx (both need --output)")
      ->check(CLI::IsMember({"md", "csv", "jsonl", "html", "xlsx"}))
      ->capture_default_str();
  cmd->add_option("--output", r.output, "write to this file instead of stdout");
  cmd->add_flag("--by-year", r.by_year, "columns are years instead of documents");
  cmd->add_option("--indicator", r.indicator, "only indicators whose id or name contains this");
  cmd->add_option("--document", r.document, "only this document (file name or sha256 prefix)");
  cmd->add_option("--year", r.year, "only this year or period, e.g. 2030 or 2026-2030");
  cmd->add_option("--issuer", r.issuer, "only documents whose issuer contains this");
  cmd->add_option("--catalogue", r.catalogue, "indicator catalogue (TSV)");
  cmd->add_option("--by-indicator", r.by_indicator,
                  "one indicator across every document and year, by year: its catalogue id\n"
                  "(grdp_growth, health_insurance…) or its statistical indicator system code");
  return cmd;
}

CLI::App* add_match(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "match",
      "List how each indicator wording is matched to the catalogue (key, figures, id,\n"
      "method, score), and record an analyst's decision that persists across re-ingests:\n"
      "  chitieu match --key 'ty le do thi hoa|percent' --confirm\n"
      "  chitieu match --key '...|percent' --reject\n"
      "  chitieu match --key '...|percent' --map urbanisation",
      a);
  cmd->add_option("--key", a->match.key, "the wording's key as listed");
  auto* confirm = cmd->add_flag("--confirm", a->confirm, "confirm the current match");
  auto* reject =
      cmd->add_flag("--reject", a->reject, "reject the catalogue match: the wording keeps its own row");
  auto* map = cmd->add_option("--map", a->match.map_to, "map the wording to this catalogue id");
  confirm->excludes(reject)->excludes(map);
  reject->excludes(map);
  cmd->add_option("--catalogue", a->match.catalogue, "indicator catalogue (TSV)");
  return cmd;
}

CLI::App* add_verify(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "verify",
      "Prove the database consistent: every document's stored text against its fingerprint,\n"
      "every quote against the text at its offsets, every figure recomputed from the stored\n"
      "text by the extractor and compared field by field, every figure's lines, match and\n"
      "decision pointing somewhere. Says what it checked. Exit status 1 on any problem.\n"
      "  chitieu verify --sources                  also re-hash the original files\n"
      "  chitieu verify --sources-root /mnt/archive   ... of an archive that moved",
      a);
  chitieu::VerifyRequest& r = a->verify;
  cmd->add_flag("--sources", r.check_sources,
                "also find the original files (at their absolute paths) and re-hash them; one that "
                "cannot be read is a problem");
  cmd->add_option("--sources-root", r.sources_root,
                  "look for the original files under this folder (implies --sources): the longest tail "
                  "of each file's path at ingest found there");
  cmd->add_flag("--allow-missing", r.allow_missing, "a source that cannot be read is a note, not a problem");
  cmd->add_option("--catalogue", r.catalogue, "indicator catalogue (TSV) the matches are checked against");
  return cmd;
}

CLI::App* add_reextract(CLI::App& app, Arguments* a) {
  return add_command(
      app, "reextract",
      "After an update of chitieu or of its data files: read the figures of every document\n"
      "made by another extractor version again from the stored text (the original files are\n"
      "not needed). Figures that read the same stay; changed and removed ones are kept in\n"
      "the table figure_history (which version made them, when, what changed), each run in\n"
      "the table reextractions.",
      a);
}

CLI::App* add_search(CLI::App& app, Arguments* a) {
  CLI::App* cmd = add_command(
      app, "search",
      "Full-text search over documents and indicators, ignoring case and diacritics:\n"
      "  chitieu search \"do thi hoa\"   finds \"Tỷ lệ đô thị hóa\" and \"Tỉ lệ đô thị hoá\"\n"
      "  chitieu search BHYT           finds \"bảo hiểm y tế\" too: abbreviations the catalogue\n"
      "                                (data/indicators.tsv) defines are searched with their words",
      a);
  cmd->add_option("query", a->query, "words to find")->required();
  cmd->add_option("--limit", a->search_limit, "at most this many hits")->capture_default_str();
  return cmd;
}

CLI::App* add_documents(CLI::App& app, Arguments* a) {
  return add_command(
      app, "documents",
      "List stored documents and their header data (JSON Lines): number, type,\n"
      "issuer, date (date_source: header, portal, text or dateline), title, period (the\n"
      "year or period the title names, with period_line and period_quote), genre (plan,\n"
      "report, regulation, form, question_answer, news, reference, unknown), draft\n"
      "marker, encoding, and previous_version: the id of the earlier version of the same\n"
      "document (same number and issuer in an official header, other bytes); who stored it\n"
      "(ingested_by, ingested_host, ingested_at), from where (path as given, absolute_path),\n"
      "with which chitieu and data files (chitieu_version, data_sha256), and which extractor\n"
      "made its current figures (extractor_version, extracted_at).",
      a);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{kDescription, "chitieu"};
  app.set_version_flag("--version", std::string("chitieu ") + CHITIEU_VERSION);
  app.require_subcommand(1);
  Arguments a;
  CLI::App* ingest = add_ingest(app, &a);
  CLI::App* extract = add_extract(app, &a);
  CLI::App* load = add_load(app, &a);
  CLI::App* exp = add_export(app, &a);
  CLI::App* trace = add_trace(app, &a);
  CLI::App* compare = add_compare(app, &a);
  CLI::App* match = add_match(app, &a);
  CLI::App* verify = add_verify(app, &a);
  CLI::App* reextract = add_reextract(app, &a);
  CLI::App* search = add_search(app, &a);
  CLI::App* documents = add_documents(app, &a);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*ingest) return chitieu::run_ingest(a.g, a.batch);
  if (*extract) return chitieu::run_extract(a.g, a.batch);
  if (*load) return chitieu::run_load(a.g, a.batch);
  if (*exp) return chitieu::run_export(a.g, a.export_format);
  if (*trace) {
    if (a.figure_id <= 0 && a.document.empty()) {
      std::cerr << "trace: give a figure id or --document (see chitieu trace --help)\n";
      return 2;
    }
    return chitieu::run_trace(a.g, a.figure_id, a.document, a.line, a.context);
  }
  if (*compare) return chitieu::run_compare(a.g, a.compare);
  if (*match) {
    if (a.confirm) a.match.decision = "confirm";
    if (a.reject) a.match.decision = "reject";
    if (!a.match.map_to.empty()) a.match.decision = "map";
    return chitieu::run_match(a.g, a.match);
  }
  if (*verify) return chitieu::run_verify(a.g, a.verify);
  if (*reextract) return chitieu::run_reextract(a.g);
  if (*documents) return chitieu::run_documents(a.g);
  if (*search) return chitieu::run_search(a.g, a.query, a.search_limit);
  return 2;
}
