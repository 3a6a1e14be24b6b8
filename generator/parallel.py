"""Work spread over forked processes, one per CPU, with the results in order; done here, serially,
when the items are few (forking would not pay), there is one CPU or the system cannot fork.

validate.py reads and checks the content files with it, slugs.py makes a corpus's slugs.
(write.py forks its page writers itself: each renders and writes its own share.)
"""

from __future__ import annotations

import multiprocessing
import os


def fork_map(func, items: list, least: int) -> list:
    """[func(item) for item in items], by forked processes when there are at least `least` items.

    `func` (a module-level function or a partial of one), the items and the results must pickle.
    """
    jobs = os.cpu_count() or 1
    if jobs < 2 or len(items) < max(least, 2) or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        # Small chunks: a process that finds its files quick to read takes more of them.
        return pool.map(func, items, chunksize=-(-len(items) // (jobs * 8)))
