"""The benchmark suite: `python bench/run.py` (see BENCHMARKS.md)."""
