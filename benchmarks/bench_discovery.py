"""Benchmark the cross-city pages on a synthetic large site (not a test; prints timings).

    .venv/bin/python benchmarks/bench_discovery.py [COPIES]

Copies every guide in content/ COPIES times (default 240: about 20,000 topics), spread over 25
years and with each topic given 1–4 random tags (a worst case for related topics: few topics share
a tag set), then times related topics and the explorer, tag, region and year pages, and reports the
largest Markdown page each makes.
"""

from __future__ import annotations

import copy
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build_date  # noqa: E402
from generator.model import build_site  # noqa: E402
from generator.pages import explorer, regions, tags, years  # noqa: E402
from generator.related import related_topics  # noqa: E402
from generator.render import Renderer  # noqa: E402
from generator.validate import load_content  # noqa: E402


def synthetic_site(copies: int):
    loaded, errors = load_content(ROOT / "content")
    assert not errors, errors
    rng = random.Random(1)
    tag_slugs = [t["slug"] for t in loaded.tags.data]
    guides = []
    for k in range(copies):
        for doc in loaded.guides:
            data = copy.deepcopy(doc.data)
            data["id"] = f"{data['id']}-c{k}"
            data["year"] = 2000 + k % 25
            for track in data.get("tracks", []):
                for topic in track["topics"]:
                    topic["tags"] = rng.sample(tag_slugs, rng.randint(1, 4))
            guides.append(data)
    return build_site(loaded.regions.data, loaded.tags.data, guides, build_date(), ROOT / "content")


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    site = synthetic_site(copies)
    print(f"{len(site.topics)} topics, {len(site.guides)} guides")
    start = time.perf_counter()
    related_topics(site.topics)
    print(f"related topics: {time.perf_counter() - start:.2f} s")
    renderer = Renderer(site)
    for module in (explorer, tags, regions, years):
        start = time.perf_counter()
        outputs = list(module.outputs(site, renderer))
        seconds = time.perf_counter() - start
        largest = max(outputs, key=lambda o: len(o.encoded()))
        name = module.__name__.rsplit(".", 1)[-1]
        print(f"{name}: {len(outputs)} pages in {seconds:.2f} s; largest {largest.path} "
              f"{len(largest.encoded()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
