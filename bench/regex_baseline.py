#!/usr/bin/env python3
"""The yardstick of issue 13: a plain Python regex over the same files.

For every line of every file, each number followed by a unit word, kept with
its file and line (the simplest figure finder one could write: no repair, no
header, no year, no kind, no database, one core). Prints one line a run:

    regex: 583 files, 14.3 MB, 31742 matches in 0.46 s: 31.00 MB/s

    bench/regex_baseline.py ../shared/realdocs [--repeat 3]

With --repeat N it runs N times and prints the best and the median rate.
"""
import os
import re
import statistics
import sys
import time

UNITS = (
    r"%|phần trăm|tỷ đồng|triệu đồng|nghìn đồng|tỷ|triệu|nghìn|ngàn|đồng|USD|"
    r"ha|héc ta|km|m2|tấn|người|lao động|hộ|xã|doanh nghiệp|dự án|lượt|"
    r"giường bệnh|bác sĩ|năm|tháng|lần|công trình|trường|đơn vị"
)
FIGURE = re.compile(r"(\d+(?:[.,]\d+)*)\s*(" + UNITS + r")(?!\w)")
SUFFIXES = (".txt", ".text", ".md", ".markdown")


def files_under(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                out += [os.path.join(root, n) for n in names
                        if n.lower().endswith(SUFFIXES) and not n.startswith(".")]
        else:
            out.append(p)
    return sorted(out)


def run_once(files):
    size = 0
    found = []
    start = time.perf_counter()
    for path in files:
        size += os.path.getsize(path)
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                for m in FIGURE.finditer(line):
                    found.append((path, number, m.group(1), m.group(2)))
    return size, len(found), time.perf_counter() - start


def main(argv):
    repeat = 1
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--repeat":
            repeat = int(argv[i + 1])
            i += 2
        else:
            paths.append(argv[i])
            i += 1
    files = files_under(paths or ["corpus"])
    if not files:
        sys.exit("regex_baseline: no files")
    rates = []
    for _ in range(repeat):
        size, matches, seconds = run_once(files)
        rates.append(size / 1e6 / seconds)
        print(f"regex: {len(files)} files, {size / 1e6:.1f} MB, {matches} matches in "
              f"{seconds:.2f} s: {rates[-1]:.2f} MB/s", flush=True)
    if repeat > 1:
        print(f"regex: best {max(rates):.2f} MB/s, median {statistics.median(rates):.2f} MB/s")


if __name__ == "__main__":
    main(sys.argv[1:])
