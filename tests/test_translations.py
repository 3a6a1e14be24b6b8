"""The five source guides read in English throughout (issue 23): every name and every paragraph of
every topic has the editors' English beside the official Chinese, and the English is a rendering,
not the Chinese copied.

Only the guides made from the seed sources are held to this: a guide a contributor adds later may
arrive without English (`make check` reports it as a notice, never an error).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator.build import ROOT, load_site
from generator.coverage import KINDS, english_coverage
from generator.translation import texts as block_texts

SEEDS = {p.name for p in (ROOT.parent / "shared" / "seeds").glob("*.txt")} or {
    "000_eecb1d20244ec844.txt", "001_e7c28f5c679c15f8.txt", "002_59fda716902a7836.txt",
    "003_b9209f982a6b1f63.txt", "004_b3b054f0b581b1d0.txt"}
CJK = re.compile(r"[\u3400-\u9fff]")


def _seed_site():
    site = load_site(ROOT / "content")
    guides = [g for g in site.guides if Path(g.source_file).name in SEEDS]
    assert len(guides) == 5, [g.key for g in guides]
    return site, guides


def test_the_seed_guides_have_english_for_every_name_and_topic_paragraph():
    site, guides = _seed_site()
    coverage = english_coverage(replace(site, guides=guides))
    short = {kind: (k.english, k.total, k.missing) for kind, k in coverage.kinds.items() if k.english < k.total}
    assert not short, short
    rules = [t for g in guides for track in g.tracks for t in block_texts(track.rules)]
    assert rules and all(t.en for t in rules), [t.zh for t in rules if not t.en]
    assert all(coverage.kinds[kind].total for kind in KINDS if kind not in ("themes",)), coverage.kinds


def test_each_rendering_is_english_not_the_chinese_copied():
    """An `en` that is mostly CJK is a copy or a placeholder; a few Chinese words glossed in brackets are fine."""
    _, guides = _seed_site()
    bad = []
    for guide in guides:
        for topic in guide.topics:
            texts = [topic.title, topic.content_label, topic.deliverables_label]
            for blocks in (topic.summary, topic.content, topic.deliverables):
                texts += list(block_texts(blocks))
            for text in texts:
                if text is None or not getattr(text, "en", None):
                    continue
                if text.en == text.zh or len(CJK.findall(text.en)) > 0.1 * len(text.en):
                    bad.append(f"{guide.key} {topic.number}: {text.en[:60]}")
    assert not bad, bad
