"""A synthetic content folder of N guides that passes the project's own validation.

Each synthetic guide takes the shape of a real guide in content/guides/ (round robin, so
tracks, themes, funding, durations, windows, sections and contacts keep the real
guides' proportions) and replaces its topic text with text of the same length cut
from the real sources in content/sources/. Each synthetic guide gets its own source
file: the cuts it used, in order. Regions and tags are the real ones plus generated
ones; tags are drawn with a long tail, so a few are used by thousands of topics.
Each guide is an edition of its region's programme (guides i and i + regions are consecutive
years of it), and each edition keeps CARRY_OVER of its
predecessor's topics (their text, as programmes do), so the comparison pages are measured on
editions that are partly alike, from the small corpus on.
Deterministic for a given seed.
"""

from __future__ import annotations

import copy
import random
import re
import shutil
from pathlib import Path

import yaml

from ..slugs import slugify
from ..validate import load_content

# Generated regions: real province-level names, then numbered ones if more are asked for.
EXTRA_REGIONS = [
    ("北京", "Beijing", "municipality"), ("重庆", "Chongqing", "municipality"), ("广东", "Guangdong", "province"),
    ("江苏", "Jiangsu", "province"), ("浙江", "Zhejiang", "province"), ("山东", "Shandong", "province"),
    ("河南", "Henan", "province"), ("河北", "Hebei", "province"), ("湖南", "Hunan", "province"),
    ("安徽", "Anhui", "province"), ("福建", "Fujian", "province"), ("江西", "Jiangxi", "province"),
    ("四川", "Sichuan", "province"), ("陕西", "Shaanxi", "province"), ("山西", "Shanxi", "province"),
    ("辽宁", "Liaoning", "province"), ("吉林", "Jilin", "province"), ("黑龙江", "Heilongjiang", "province"),
    ("云南", "Yunnan", "province"), ("贵州", "Guizhou", "province"), ("广西", "Guangxi", "region"),
    ("海南", "Hainan", "province"), ("甘肃", "Gansu", "province"), ("青海", "Qinghai", "province"),
    ("宁夏", "Ningxia", "region"), ("深圳", "Shenzhen", "city"), ("杭州", "Hangzhou", "city"),
    ("南京", "Nanjing", "city"), ("武汉", "Wuhan", "city"), ("西安", "Xi'an", "city"),
]
EXTRA_TAGS = [
    ("量子信息", "Quantum information"), ("新材料", "New materials"), ("海洋经济", "Marine economy"),
    ("现代农业", "Modern agriculture"), ("乡村振兴", "Rural revitalisation"), ("新能源", "New energy"),
    ("航空航天", "Aerospace"), ("智慧城市", "Smart cities"), ("文化科技", "Culture and technology"),
    ("生态环境", "Ecology and environment"), ("应急管理", "Emergency management"), ("网络安全", "Cybersecurity"),
    ("区块链", "Blockchain"), ("高端装备", "High-end equipment"), ("数字经济", "Digital economy"),
    ("脑科学", "Brain science"), ("种业", "Seed industry"), ("食品安全", "Food safety"),
    ("中医药", "Traditional Chinese medicine"), ("养老健康", "Elderly care and health"),
    ("职业教育", "Vocational education"), ("交通运输", "Transport"), ("水资源", "Water resources"),
    ("储能", "Energy storage"), ("氢能", "Hydrogen energy"), ("机器人", "Robotics"),
    ("工业互联网", "Industrial internet"), ("元宇宙", "Metaverse"), ("卫星导航", "Satellite navigation"),
    ("生物育种", "Biological breeding"),
]

CARRY_OVER = 0.6  # share of an edition's topics taken over from the previous edition of its programme

_MARKUP = re.compile(r"<[^>]*>|\[bookmark:[^\]]*\]|[*#`|\\]")
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"(?<=[。；！？])")


class TextSource:
    """Cuts of a given length from the real sources, starting at sentence boundaries."""

    def __init__(self, sources: list[Path], rng: random.Random):
        text = "".join(_SPACE.sub("", _MARKUP.sub("", p.read_text(encoding="utf-8"))) for p in sources)
        self.text = text
        self.starts = [m.start() for m in _SENTENCE.finditer(text)] or [0]
        self.rng = rng

    def cut(self, length: int) -> str:
        length = max(2, length)
        start = self.rng.choice(self.starts)
        piece = (self.text[start:] + self.text)[:length]
        return piece.strip("，、；：") or piece


def write_corpus(dest: Path, guides: int, real: Path, regions: int = 30, extra_tags: int = 30, seed: int = 1) -> Path:
    """Write a content folder with `guides` synthetic call guides into `dest`; return it."""
    loaded, errors = load_content(real)
    if errors:
        raise ValueError(f"the real content does not validate: {errors[0]}")
    rng = random.Random(seed)
    models = [d.data for d in loaded.guides if d.data["kind"] == "call"]
    source_files = sorted((real / "sources").glob("*.txt"))
    text = TextSource(source_files, rng)

    region_rows = list(loaded.regions.data)
    taken = {r["slug"] for r in region_rows}
    extra = iter(EXTRA_REGIONS)
    n = 0
    while len(region_rows) < regions:
        zh, en, kind = next(extra, (None, None, "region"))
        if zh is None:
            n += 1
            zh, en = f"地区{n}", f"Region {n}"
        slug = re.sub(r"[^a-z0-9]+", "", en.lower()) or slugify(zh)
        if slug in taken:
            continue
        taken.add(slug)
        region_rows.append({"slug": slug, "zh": zh, "en": en, "kind": kind})

    tag_rows = list(loaded.tags.data)
    tag_taken = {t["slug"] for t in tag_rows} | {t["zh"] for t in tag_rows} | {t["en"] for t in tag_rows}
    for i in range(extra_tags):
        zh, en = EXTRA_TAGS[i] if i < len(EXTRA_TAGS) else (f"主题{i}", f"Subject {i}")
        slug = slugify(zh)
        if {slug, zh, en} & tag_taken:
            continue
        tag_taken |= {slug, zh, en}
        tag_rows.append({"slug": slug, "zh": zh, "en": en, "description": f"Generated tag for the benchmark: {en}."})
    tag_slugs = [t["slug"] for t in tag_rows]
    rng.shuffle(tag_slugs)
    tag_weights = [1 / (rank + 1) for rank in range(len(tag_slugs))]  # a long tail

    if dest.exists():
        shutil.rmtree(dest)
    (dest / "sources").mkdir(parents=True)
    _dump(dest / "regions.yml", region_rows)
    _dump(dest / "tags.yml", tag_rows)
    previous: dict[str, dict] = {}  # region -> its programme's latest edition
    for i in range(guides):
        m = i % len(models)
        model = models[m]
        region = region_rows[i % len(region_rows)]
        year = 2026 - (i // len(region_rows)) % 12
        cuts: list[str] = []
        guide = _synthetic(model, i, region, year, text, cuts, lambda k: _tags(rng, tag_slugs, tag_weights, k))
        _edition(guide, previous.get(region["slug"]), rng, cuts)
        previous[region["slug"]] = guide
        (dest / guide["source"]["file"]).write_text("\n".join(cuts) + "\n", encoding="utf-8")
        folder = dest / "guides" / region["slug"]
        folder.mkdir(parents=True, exist_ok=True)
        _dump(folder / f"{guide['id']}.yml", guide)
    return dest


def _edition(guide: dict, before: dict | None, rng: random.Random, cuts: list) -> None:
    """Make `guide` an edition of its region's programme, carrying over topics from `before`."""
    guide["programme"] = {"id": "bench", "name": {"zh": "基准软科学项目", "en": "Benchmark soft science projects"}}
    if before is None:
        return
    old = [t for track in before["tracks"] for t in track["topics"]]
    new = [t for track in guide["tracks"] for t in track["topics"]]
    for j, topic in enumerate(new):
        if j < len(old) and rng.random() < CARRY_OVER:
            for key in ("title", "summary", "content", "deliverables"):
                if key in old[j]:
                    topic[key] = copy.deepcopy(old[j][key])
                    cuts.extend(_texts(topic[key]))


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [value["zh"]] if "zh" in value else [x for v in value.get("list", []) for x in _texts(v)]
    return [x for v in value for x in _texts(v)]


def _tags(rng: random.Random, slugs: list[str], weights: list[float], k: int) -> list[str]:
    out: list[str] = []
    while len(out) < min(k, len(slugs)):
        pick = rng.choices(slugs, weights)[0]
        if pick not in out:
            out.append(pick)
    return out


def _synthetic(model: dict, i: int, region: dict, year: int, text: TextSource, cuts: list, tags) -> dict:
    def cut(value, keep_en: bool = True):
        """Text of the same length as `value`, cut from the sources."""
        zh = value["zh"] if isinstance(value, dict) else value
        piece = text.cut(len(zh))
        cuts.append(piece)
        if isinstance(value, dict) and keep_en and value.get("en"):
            return {"zh": piece, "en": value["en"]}
        return piece

    def cut_blocks(blocks):
        return [{**b, "list": [cut(x) for x in b["list"]]} if isinstance(b, dict) and "list" in b else cut(b)
                for b in blocks]

    g = copy.deepcopy(model)
    g["id"] = f"{year}-bench-{i:04d}"
    g["region"] = region["slug"]
    g["year"] = year
    g["title"] = {"zh": f"{region['zh']}{year}年度" + cut(g["title"], keep_en=False), "en": f"{region['en']} {year}: synthetic guide {i}"}
    g.pop("short_title", None)
    g.pop("context", None)
    g["source"] = {"file": f"sources/bench_{i:04d}.txt"}
    shift = year - model["year"]
    for key in ("published",):
        if key in g:
            g[key] = _shift(g[key], shift)
    if "window" in g:
        g["window"] = {**g["window"], "opens": _shift(g["window"]["opens"], shift), "closes": _shift(g["window"]["closes"], shift)}
    for track in g.get("tracks", []):
        _shift_duration(track, shift)
        for topic in track["topics"]:
            _shift_duration(topic, shift)
            topic["title"] = cut(topic["title"])
            for key in ("summary", "content", "deliverables"):
                if key in topic:
                    topic[key] = cut_blocks(topic[key])
            topic["tags"] = tags(len(topic["tags"]))
    if "tags" in g:
        g["tags"] = tags(len(g["tags"]))
    return g


def _shift(value: str, years: int) -> str:
    y, rest = value[:4], value[4:]
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{int(y) + years:04d}{rest}"


def _shift_duration(d: dict, years: int) -> None:
    duration = d.get("duration")
    if duration:
        d["duration"] = {**duration, **{k: _shift(duration[k], years) for k in ("start", "end") if k in duration}}


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def edit_one_guide(content: Path) -> tuple[Path, str, str]:
    """Change one topic title in one guide, as an editor would; return the file, the topic number and the new title."""
    path = sorted((content / "guides").glob("*/*.yml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    topic = data["tracks"][0]["topics"][1]
    title = topic["title"]
    if isinstance(title, dict):
        title["zh"] += "（修订）"
        if title.get("en"):
            title["en"] += " (revised)"  # so the English edition's guide page shows the edit too
        new = title["zh"]
    else:
        new = topic["title"] = title + "（修订）"
    _dump(path, data)
    return path, topic["number"], new
