#!/usr/bin/env python3
"""Draw a uniform random sample of figures from a chitieu export, for reading.

Prints, for each drawn figure, its document and line, its fields, and the
source line from the realdocs folder with the two lines before it, so that a
reader can judge the figure against the text.

Redo the sample of bench/realdocs_sample.md (from the repo root):

    build/chitieu ingest --db /tmp/real.db ../shared/realdocs
    build/chitieu export --db /tmp/real.db --format jsonl > /tmp/real_now.jsonl
    scripts/sample_figures.py /tmp/real_now.jsonl --seed 20261201 -n 60 --kind target,result
    scripts/sample_figures.py /tmp/real_now.jsonl --seed 20261201 -n 20 --kind rule

The draw is random.Random(seed).sample() over the export's records in file
order, after the kind filter: the same export, seed, N and filter give the
same sample.
"""

import argparse
import json
import os
import random
import sys

FIELDS = ("quote", "indicator", "comparator", "low", "high", "unit",
          "counted", "year", "kind", "warnings")


def read_lines(path, cache={}):
    """The file's lines split on "\\n" (so line N is lines[N-1]), cached."""
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().split("\n")
        except OSError:
            cache[path] = None
    return cache[path]


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("export", help="export JSONL (one figure per line)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, required=True, help="figures to draw")
    ap.add_argument("--kind", default="",
                    help="comma-separated kinds to keep, e.g. target,result")
    ap.add_argument("--docs", default=os.path.join(repo, "..", "shared", "realdocs"),
                    help="folder of the source texts (default ../shared/realdocs)")
    args = ap.parse_args()

    kinds = {k for k in args.kind.split(",") if k}
    with open(args.export, encoding="utf-8") as f:
        figures = [json.loads(l) for l in f if l.strip()]
    if kinds:
        figures = [g for g in figures if g.get("kind") in kinds]
    if args.n > len(figures):
        sys.exit(f"only {len(figures)} figures match; cannot draw {args.n}")
    sample = random.Random(args.seed).sample(figures, args.n)

    print(f"# {len(sample)} of {len(figures)} figures, seed {args.seed}, "
          f"kind {','.join(sorted(kinds)) or 'any'}")
    for i, g in enumerate(sample, 1):
        doc, line = g["document"], g["line"]
        print(f"\n## {i}. {doc}:{line}")
        for k in FIELDS:
            print(f"  {k}: {json.dumps(g.get(k), ensure_ascii=False)}")
        lines = read_lines(os.path.join(args.docs, doc))
        if lines is None:
            print("  (source not found)")
            continue
        for n in range(max(1, line - 2), line + 1):
            text = lines[n - 1] if n <= len(lines) else "(past end of file)"
            print(f"  {'>' if n == line else ' '}{n:5d}| {text}")


if __name__ == "__main__":
    main()
