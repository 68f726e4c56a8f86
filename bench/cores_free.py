#!/usr/bin/env python3
"""How many cores a CPU-bound process can have right now.

Runs one busy loop, then as many at once as there are cores, and prints how
much work per second the machine gave them together against one alone:

    cores free: 1.96 of 2

Other work on the machine (a build, another user's processes, a neighbour
on the host) takes its share, and the load average does not always show it:
read the benchmark's multi-core figures against this number.
"""
import multiprocessing
import os
import time

LOOP = 8_000_000


def spin(_=None):
    s = 0
    for i in range(LOOP):
        s += i
    return s


def main():
    cores = os.cpu_count() or 1
    start = time.perf_counter()
    spin()
    one = time.perf_counter() - start
    with multiprocessing.Pool(cores) as pool:
        start = time.perf_counter()
        pool.map(spin, range(cores))
        together = time.perf_counter() - start
    print(f"cores free: {cores * one / together:.2f} of {cores}")


if __name__ == "__main__":
    main()
