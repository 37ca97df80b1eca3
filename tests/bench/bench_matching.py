"""Watchlist matching benchmark: ``python tests/bench/bench_matching.py [sizes...]`` (streams.benchmarks.matching)."""

import sys

from streams.benchmarks.matching import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
