"""Every text published as the bureau's appears in the bureau's source, and nothing is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fidelity import normalise, normalise_source, source_texts
from generator.loader import read_yaml

ROOT = Path(__file__).resolve().parent.parent
GUIDES = sorted((ROOT / "content" / "guides").glob("*/*.yml"))
CALLS = [p for p in GUIDES if read_yaml(p).data["kind"] == "call"]


def _source(data) -> str:
    return (ROOT / "content" / data["source"]["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_text_is_in_the_source(path):
    data = read_yaml(path).data
    source = normalise_source(_source(data))
    missing = [(at, text) for at, text in source_texts(data) if normalise(text) not in source]
    assert not missing, "\n".join(f"{'.'.join(map(str, at))}: {text[:80]}" for at, text in missing[:20])


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_contacts_are_in_the_source(path):
    data = read_yaml(path).data
    source = normalise(_source(data))
    contacts = list(data.get("contacts", []))
    for track in data.get("tracks", []):
        for topic in track["topics"]:
            contacts += topic.get("contacts", [])
    for c in contacts:
        for number in re.findall(r"[0-9][0-9-]{5,}", c.get("phone", "")):
            assert normalise(number) in source, number


def test_the_source_copies_are_the_published_seeds():
    """The repository keeps its own copy of each source; where ../shared is present, they agree."""
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for seed in seeds.glob("*.txt"):
        assert (ROOT / "content" / "sources" / seed.name).read_bytes() == seed.read_bytes()


# How each source numbers its topics, per track: (track id, section start, section end, topic marker).
TOPIC_MARKERS = {
    "004_b3b054f0b581b1d0.txt": [("zhongdian", "申报指南", None, r"^\s*\d+\.")],
    "001_e7c28f5c679c15f8.txt": [
        ("zhongdian", "一、重点项目", "二、一般项目", r"^\s*\d+\."),
        ("yiban", "二、一般项目", None, r"^\s*\d+\."),
    ],
    "003_b9209f982a6b1f63.txt": [
        ("zhuanti-1", "专题一、主题项目", "专题二、", r"方向\d+、"),
        ("zhuanti-2", "专题二、", "二、申报要求", r"方向\d+、"),
    ],
    "000_eecb1d20244ec844.txt": [
        ("zhongdian", "一、重点项目", "二、一般项目", r"^项目 \d+："),
        ("yiban", "二、一般项目", "三、申报要求", r"^方向 \d+："),
    ],
}


@pytest.mark.parametrize("path", CALLS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_topic_counts_equal_the_source(path):
    data = read_yaml(path).data
    source = _source(data)
    markers = TOPIC_MARKERS[Path(data["source"]["file"]).name]
    tracks = {t["id"]: len(t["topics"]) for t in data["tracks"]}
    counted = {}
    for track_id, start, end, marker in markers:
        body = source[source.index(start):]
        body = body[: body.index(end)] if end else body
        counted[track_id] = len(re.findall(marker, body, flags=re.M))
    assert tracks == counted


@pytest.mark.parametrize("region", ["tianjin", "hubei"])
def test_topic_contacts_sit_with_the_topic_they_follow(site_model, region):
    """A contact line belongs to the topic it follows in the source, and only to that topic."""
    guide = next(g for g in site_model.guides if g.region.slug == region)
    source = normalise((ROOT / "content" / guide.source_file).read_text(encoding="utf-8"))
    topics = guide.topics
    starts = [source.index(normalise(t.content[0].text.zh)) for t in topics] + [len(source)]
    assert starts == sorted(starts)
    seen = 0
    for i, topic in enumerate(topics):
        between = source[starts[i]:starts[i + 1]]
        listed = [normalise(c.phone) for c in topic.contacts]
        in_source = [p for c in topic.contacts for p in [normalise(c.phone)] if p in between]
        assert listed == in_source, topic.key
        seen += len(listed)
        # and no contact line in this stretch of source is missing from the topic
        assert between.count("对接处室") + between.count("指南联系人") == len(topic.contacts), topic.key
    assert seen
