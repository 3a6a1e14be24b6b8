"""Benchmark: a synthetic corpus of N guides built through the real pipeline, measured.

`corpus` writes the synthetic content folder (text cut from content/sources/, shapes of
the real guides); `measure` builds it with `python -m generator site` and reads the
figures off the result; `__main__` runs both at two sizes and writes build/bench.json.
"""
