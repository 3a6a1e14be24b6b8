"""Check content against the shipped JSON Schemas, then across files.

The schemas in generator/schema/ are the declarative rules (editors use them too);
this module turns their findings into `file:line:col: message` errors a contributor can
act on, and adds what a schema cannot say: references to regions, tags and themes,
duplicate ids and slugs, real calendar dates, windows that end after they start,
source files that exist.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import fastjsonschema
import jsonschema
from jsonschema.exceptions import best_match

from .errors import ContentError
from .loader import Document, read_yaml, walk
from .parallel import fork_map

SCHEMA_DIR = Path(__file__).parent / "schema"


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name))


def suggest(word: str, options) -> str | None:
    """The option a typo most likely meant: a close spelling, or the one word it abbreviates."""
    options = sorted(options)
    close = difflib.get_close_matches(word, options, n=1)
    if close:
        return close[0]
    longer = [o for o in options if len(word) >= 3 and o.startswith(word)]
    return longer[0] if len(longer) == 1 else None


def field_name(at: tuple) -> str:
    """How a message names the value at `at`: its key, or 'item N of <key>' in a list."""
    if not at:
        return "the file"
    if isinstance(at[-1], int):
        parent = next((str(p) for p in reversed(at) if isinstance(p, str)), "the list")
        return f"item {at[-1] + 1} of {parent}"
    return str(at[-1])


@lru_cache(maxsize=None)
def _fast_check(name: str):
    """The same schema compiled to Python code (fastjsonschema): tens of times faster.

    Used as a first pass only: a document it accepts is valid; for one it rejects,
    jsonschema finds the errors and words them (and has the last word).
    """
    return fastjsonschema.compile(schema(name))


def _describe(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing (null)"
    return {dict: "a map", list: "a list", str: "text", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


_TYPE_WORDS = {
    "string": "text", "object": "a map of fields", "array": "a list", "integer": "a whole number",
    "number": "a number", "boolean": "true or false",
}


def _message(error: jsonschema.ValidationError) -> tuple[tuple, str, bool]:
    """The path to report, a contributor-facing message, and whether it points at a key."""
    at = tuple(error.absolute_path)
    field = field_name(at)
    v, s = error.validator, error.schema
    if v == "additionalProperties":
        allowed = sorted((s.get("properties") or {}).keys())
        extras = sorted(set(error.instance) - set(allowed))
        key = extras[0]
        close = suggest(key, allowed)
        hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(allowed)}"
        return at + (key,), f"unknown key {key!r}; {hint}", True
    if v == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        desc = (s.get("properties", {}).get(missing[0], {}) or {}).get("description", "")
        extra = f" ({desc})" if desc else ""
        return at, f"missing required field {missing[0]!r}{extra}; add it", False
    if v == "type":
        want = error.validator_value
        want = " or ".join(_TYPE_WORDS.get(w, w) for w in (want if isinstance(want, list) else [want]))
        if error.instance is None:
            return at, f"{field} is empty; fill it in ({want})", False
        hint = "; put it in quotes" if want == "text" and isinstance(error.instance, (int, float, bool)) else ""
        return at, f"{field} must be {want}, not {_describe(error.instance)}{hint}", False
    if v == "pattern":
        if s.get("pattern", "").startswith("^[a-z0-9]+(-[a-z0-9]+)*$") or "[a-z0-9]+(-[a-z0-9]+)*" in s.get("pattern", ""):
            return at, (
                f"{field} {error.instance!r} is not a valid id: use lowercase ASCII letters, digits and single hyphens"
            ), False
        if "[0-9]{4}-[0-9]{2}-[0-9]{2}" in s["pattern"]:
            form = "YYYY-MM-DD HH:MM or YYYY-MM-DD" if "HH" in s.get("description", "") else "YYYY-MM-DD"
            return at, f"{field} {error.instance!r} is not a date; write it as {form}", False
        if s["pattern"].startswith("^https?://"):
            return at, f"{field} {error.instance!r} is not a web address; use an http:// or https:// URL", False
        if s["pattern"].startswith("^sources/"):
            return at, f"{field} {error.instance!r} must name a .txt file in content/sources/, as sources/NAME.txt", False
        return at, f"{field} {error.instance!r} has characters that are not allowed here", False
    if v == "not" and isinstance(error.validator_value, dict) and list(error.validator_value) == ["required"]:
        key = error.validator_value["required"][0]
        kind = error.instance.get("kind") if isinstance(error.instance, dict) else None
        where = f"a guide of kind {kind}" if kind else "here"
        return at + (key,), f"{key!r} is not allowed in {where}; remove it", True
    if v == "const":
        want = json.dumps(error.validator_value, ensure_ascii=False)
        return at, f"{field} must be {want}, not {json.dumps(error.instance, ensure_ascii=False)}", False
    if v == "enum":
        options = ", ".join(map(str, error.validator_value))
        return at, f"{field} {error.instance!r} is not one of: {options}", False
    if v in ("minimum", "exclusiveMinimum"):
        return at, f"{field} must be {'above' if v == 'exclusiveMinimum' else 'at least'} {error.validator_value}, not {error.instance}", False
    if v == "maximum":
        return at, f"{field} must be at most {error.validator_value}, not {error.instance}", False
    if v == "minItems":
        if at and at[-1] == "tags":
            return at, ("tags is empty; give the topic 1–5 tag slugs from content/tags.yml, "
                        "e.g. tags: [ke-ji-zhi-li]"), False
        return at, f"{field} needs at least {error.validator_value} item(s)", False
    if v == "maxItems":
        return at, f"{field} has {len(error.instance)} items; at most {error.validator_value} are allowed", False
    if v == "minLength":
        return at, f"{field} is empty; write the text or remove the field", False
    if v == "maxLength":
        return at, f"{field} is longer than {error.validator_value} characters", False
    if v == "uniqueItems":
        return at, f"{field} lists the same item twice; keep one", False
    if v == "minProperties":
        return at, f"{field} is empty; fill in its fields or remove it", False
    return at, error.message, False


def _schema_errors(doc: Document, name: str) -> list[ContentError]:
    try:
        _fast_check(name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    found: list[tuple[tuple, str, bool]] = []  # (path, message, points at the key)
    for error in sorted(_validator(name).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        if error.validator in ("oneOf", "anyOf") and error.context:
            # Text fields accept text or {zh, en}: explain the branch that came closest.
            deepest = max(len(e.absolute_path) for e in error.context)
            candidates = [e for e in error.context if len(e.absolute_path) == deepest]
            if deepest == len(error.absolute_path) and not isinstance(error.instance, (dict, list)):
                at = tuple(error.absolute_path)
                if error.instance is None:
                    found.append((at, f"{field_name(at)} is empty; fill it in (text, or zh: and en: on their own lines)", False))
                else:
                    found.append((at, f"{field_name(at)} must be text or {{zh: …, en: …}}, not {_describe(error.instance)}", False))
                continue
            error = best_match(candidates)
        found.append(_message(error))
    return [doc.error(at, message, key=key) for at, message, key in _without_echoes(found)]


def _without_echoes(found: list[tuple[tuple, str, bool]]) -> list[tuple[tuple, str, bool]]:
    """Drop "missing required field 'title'" where the same map says "unknown key 'titel'; did you mean 'title'?"."""
    meant = {(at[:-1], m[1]) for at, message, _ in found
             if (m := re.search(r"unknown key '.*'; did you mean '(.*)'\?$", message))}
    return [(at, message, key) for at, message, key in found
            if not ((m := re.match(r"missing required field '(.*?)'", message)) and (at, m[1]) in meant)]


@dataclass
class Loaded:
    """All content documents, read and schema-checked."""

    regions: Document
    tags: Document
    guides: list[Document]


class ContentCache:
    """Content files that passed the schema, kept by a long-running caller (`watch`).

    `docs`: path → ((schema, size, mtime), Document); unchanged files are not read again.
    `pending`: files read since the caller last finished a build with them (see build.py).
    """

    def __init__(self, folder: Path | None = None):
        self.docs: dict = {}
        self.pending: set[Path] = set()
        self.fingerprint = None  # what the caller last built with besides content (build.py)
        self.folder = folder  # on disk (build/cache/): files are known by their bytes' hash
        self.dirty = False  # read or dropped documents since it was loaded or saved

    @classmethod
    def on_disk(cls, folder: Path) -> "ContentCache":
        """The documents a previous run kept in `folder` (keyed by each file's SHA-256), so an
        unchanged corpus is not read and schema-checked again by the next command."""
        cache = cls(folder)
        try:
            with open(folder / CACHE_FILE, "rb") as f:
                version, docs = pickle.load(f)
            if version == _cache_version():
                cache.docs = docs
        except (OSError, EOFError, ValueError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            pass  # none yet, or from another version of the generator: read everything
        return cache

    def key(self, path: Path, schema_name: str) -> tuple:
        if self.folder is not None:
            return (schema_name, hashlib.sha256(path.read_bytes()).hexdigest())
        st = path.stat()
        return (schema_name, st.st_size, st.st_mtime_ns)

    def save(self) -> None:
        """Keep the documents on disk (written whole, then renamed)."""
        if self.folder is None or not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{CACHE_FILE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump((_cache_version(), self.docs), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / CACHE_FILE)
        self.dirty = False


CACHE_FILE = "content.pickle"


def _cache_version() -> str:
    """The schemas' and the reader's code: a cache made by other ones is not used."""
    h = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "schema").glob("*.json")) + [Path(__file__), Path(__file__).with_name("loader.py")]:
        h.update(path.read_bytes())
    return h.hexdigest()


# Reading and checking a guide file takes a few milliseconds: fork readers from this many files.
PARALLEL_FROM = 64


def load_content(content: Path, cache: ContentCache | None = None) -> tuple[Loaded | None, list[ContentError]]:
    """Read and schema-check every content file; cross-check them. Returns (loaded, errors).

    With a `cache`, unchanged files are taken from it. Cross-checks always run on everything.
    Many files are read and schema-checked by forked processes (generator/parallel.py); the
    errors come in the same order either way: file by file, then the cross-checks'.
    """
    guide_dir = content / "guides"
    files = [(content / "regions.yml", "regions"), (content / "tags.yml", "tags")]
    files += [(p, "guide") for p in sorted(guide_dir.glob("*/*.yml"))]
    docs, keys = _unchanged(files, cache)
    unread = [(path, schema_name) for path, schema_name in files if path not in docs]
    errors = _read_and_check_all(unread, content, docs)
    if cache is not None:
        cache.docs.update((path, (keys[path], docs[path])) for path, _ in unread if docs[path])
        cache.dirty = cache.dirty or bool(unread)
    regions, tags = (docs[path] for path, _ in files[:2])
    guides = [doc for path, _ in files[2:] if (doc := docs[path])]
    if cache is not None:  # files deleted since the last run
        present = {content / "regions.yml", content / "tags.yml", *guide_dir.glob("*/*.yml")}
        for gone in set(cache.docs) - present:
            del cache.docs[gone]
            cache.pending.add(gone)
            cache.dirty = True
    for stray in sorted(set(guide_dir.rglob("*")) - set(guide_dir.glob("*/*.yml"))):
        if stray.is_file() and stray.suffix in (".yml", ".yaml", ".json"):
            errors.append(ContentError(_display(stray, content), 1, 1, "guide files go in content/guides/<region>/<id>.yml"))
    if regions is None or tags is None:
        return None, errors
    loaded = Loaded(regions, tags, guides)
    errors.extend(cross_check(loaded, content))
    return (None if errors else loaded), errors


def _unchanged(files: list[tuple[Path, str]], cache: ContentCache | None) -> tuple[dict, dict]:
    """The cache's documents of the files unchanged since it read them, and every file's cache key
    ((schema, size, mtime)); the changed files are added to cache.pending."""
    docs: dict[Path, Document | None] = {}
    keys: dict[Path, tuple] = {}
    if cache is None:
        return docs, keys
    for path, schema_name in files:
        keys[path] = cache.key(path, schema_name)
        hit = cache.docs.get(path)
        if hit and hit[0] == keys[path]:
            docs[path] = hit[1]
        else:
            cache.pending.add(path)
    return docs, keys


def _read_and_check_all(files: list[tuple[Path, str]], content: Path, docs: dict) -> list[ContentError]:
    """Read and schema-check `files` (in forked processes when they are many) into `docs`
    (None for a file with errors); return the errors, file by file."""
    errors: list[ContentError] = []
    checked = fork_map(partial(_read_and_check, content=content), files, PARALLEL_FROM)
    for (path, _), (doc, found) in zip(files, checked):
        docs[path] = doc
        errors.extend(found)
    return errors


def _read_and_check(file: tuple[Path, str], content: Path) -> tuple[Document | None, list[ContentError]]:
    """Read one file and check it against its schema: (the document, or None with errors; the errors)."""
    path, schema_name = file
    try:
        doc = read_yaml(path, display=_display(path, content))
    except ContentError as exc:
        return None, [exc]
    found = _schema_errors(doc, schema_name)
    return (None if found else doc), found


def source_encoding_error(raw: bytes, display: str) -> ContentError | None:
    """A source text that is not UTF-8 (saved as GBK, say) → an error at its first bad byte."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            raw.decode("gb18030")
            guess = "the file looks saved as GBK/GB18030"
        except UnicodeDecodeError:
            guess = "the file is not UTF-8"
        return ContentError(display, line, col, f"byte 0x{raw[exc.start]:02x} is not UTF-8: {guess}; save it as "
                            "UTF-8 (in the editor: save with encoding UTF-8; or iconv -f GB18030 -t UTF-8)")
    return None


def _display(path: Path, content: Path) -> str:
    try:
        return str(Path(content.name) / path.relative_to(content))
    except ValueError:
        return str(path)


def _real_date(doc: Document, at: tuple, value: str, errors: list) -> dt.datetime | None:
    fmt = "%Y-%m-%d %H:%M" if " " in value else "%Y-%m-%d"
    try:
        return dt.datetime.strptime(value, fmt)
    except ValueError:
        errors.append(doc.error(at, f"{at[-1]} {value!r} is not a real date or time; check the day and month"))
        return None


_DATE_KEYS = {"published", "updated", "opens", "closes", "start", "end"}


def cross_check(loaded: Loaded, content: Path) -> list[ContentError]:
    errors: list[ContentError] = []
    for doc, what in ((loaded.regions, "region"), (loaded.tags, "tag")):
        for key in ("slug", "zh", "en"):
            seen: dict[str, int] = {}
            for i, entry in enumerate(doc.data):
                value = entry[key]
                if value in seen:
                    errors.append(doc.error((i, key), f"duplicate {what} {key} {value!r} (also entry {seen[value] + 1}); each must be unique"))
                seen.setdefault(value, i)
    region_slugs = {r["slug"] for r in loaded.regions.data}
    tag_slugs = {t["slug"] for t in loaded.tags.data}
    guide_keys: dict[str, Document] = {}
    programmes: dict[tuple[str, str], tuple[Document, dict]] = {}
    for doc in loaded.guides:
        g = doc.data
        region_dir = doc.path.parent.name
        if g["region"] not in region_slugs:
            close = suggest(g["region"], region_slugs)
            hint = f"did you mean {close!r}?" if close else "add it to content/regions.yml first"
            errors.append(doc.error(("region",), f"unknown region {g['region']!r}; {hint}"))
        elif g["region"] != region_dir:
            errors.append(doc.error(("region",), f"region {g['region']!r} does not match the folder guides/{region_dir}/; move the file or fix the region"))
        if doc.path.stem != g["id"]:
            errors.append(doc.error(("id",), f"id {g['id']!r} must equal the file name {doc.path.stem!r}; rename one of them"))
        key = f"{g['region']}/{g['id']}"
        if key in guide_keys:
            errors.append(doc.error(("id",), f"duplicate guide id {key!r} (also in {guide_keys[key].display})"))
        guide_keys.setdefault(key, doc)
        source = content / g["source"]["file"]
        if source.is_symlink():
            errors.append(doc.error(("source", "file"), f"source file content/{g['source']['file']} is a link; put the text itself there"))
        elif not source.is_file():
            errors.append(doc.error(("source", "file"), f"source file content/{g['source']['file']} does not exist; add the raw text there"))
        else:
            raw = source.read_bytes()
            if not raw.strip():
                errors.append(doc.error(("source", "file"), f"source file content/{g['source']['file']} is empty; paste the guide's raw text into it"))
            else:
                not_utf8 = source_encoding_error(raw, _display(source, content))
                if not_utf8:
                    errors.append(not_utf8)
        dates: dict[tuple, dt.datetime] = {}
        for at, value in walk(g):
            if at and at[-1] in _DATE_KEYS and isinstance(value, str):
                parsed = _real_date(doc, at, value, errors)
                if parsed:
                    dates[at] = parsed
            if at and at[-1] == "tags" and isinstance(value, list):
                for i, tag in enumerate(value):
                    if tag not in tag_slugs:
                        close = suggest(tag, tag_slugs)
                        hint = f"did you mean {close!r}?" if close else "use a slug from content/tags.yml or add the tag there"
                        errors.append(doc.error(at + (i,), f"unknown tag {tag!r}; {hint}"))
        for (a, b) in (("opens", "closes"), ("start", "end")):
            for at, value in dates.items():
                if at[-1] == a and at[:-1] + (b,) in dates and dates[at[:-1] + (b,)] < value:
                    errors.append(doc.error(at[:-1] + (b,), f"{b} is before {a}; the period must end after it starts"))
        _unique(doc, ("themes",), "id", "theme id", errors)
        _unique(doc, ("tracks",), "id", "track id", errors)
        theme_ids = {t["id"] for t in g.get("themes", [])}
        for ti, track in enumerate(g.get("tracks", [])):
            _unique(doc, ("tracks", ti, "topics"), "number", "topic number", errors)
            for pi, topic in enumerate(track["topics"]):
                if "theme" in topic and topic["theme"] not in theme_ids:
                    errors.append(doc.error(("tracks", ti, "topics", pi, "theme"), f"unknown theme {topic['theme']!r}; define it under themes: first"))
        if g["kind"] == "plan":
            errors.extend(_plan_checks(doc))
        if "programme" in g:
            _programme_check(doc, programmes, errors)
    for key, doc in guide_keys.items():
        for i, ref in enumerate(doc.data.get("context", [])):
            if ref not in guide_keys:
                errors.append(doc.error(("context", i), f"context {ref!r} names no guide; write region/id of a guide in content/guides/"))
    return errors


def _programme_check(doc: Document, seen: dict, errors: list) -> None:
    """A programme is a series of calls: plans have none, and its editions in a region share one name."""
    g = doc.data
    prog = g["programme"]
    if g["kind"] != "call":
        errors.append(doc.error(("programme",), "a plan is not an edition of a programme; remove programme: (it is for calls)"))
        return
    key = (g["region"], prog["id"])
    if key not in seen:
        seen[key] = (doc, prog)
        return
    first_doc, first = seen[key]
    name, first_name = _zh(prog["name"]), _zh(first["name"])
    if name != first_name:
        errors.append(doc.error(("programme", "name"), f"programme {prog['id']!r} is named {first_name!r} in {first_doc.display}; give every edition the same name (or another id)"))


def _zh(text) -> str:
    return text["zh"] if isinstance(text, dict) else text


def _plan_checks(doc: Document) -> list[ContentError]:
    """A plan's anchors are unique in the plan; indicator rows point at real annex rows and footnotes."""
    errors: list[ContentError] = []
    g = doc.data
    annex_rows = {r["number"] for r in g.get("annex", {}).get("rows", [])}
    seen: dict[str, tuple] = {}
    for at, value in walk(g):
        if not isinstance(value, dict) or not at:
            continue
        if at[-1] == "box" or (len(at) >= 2 and at[-2] in ("chapters", "sections", "items")) or at in (("preface",), ("annex",)):
            anchor = value.get("id")
            if anchor is None and at[-2:-1] == ("items",):
                box = g
                for part in at[:-2]:
                    box = box[part]
                anchor = f"{box['id']}-{value['number']}"
            if anchor in seen:
                errors.append(doc.error(at + ("id",), f"id {anchor!r} is used twice in this plan; anchors must be unique"))
            seen.setdefault(anchor, at)
        if len(at) >= 2 and at[-2] == "rows" and "annex_row" in value and value["annex_row"] not in annex_rows:
            errors.append(doc.error(at + ("annex_row",), f"annex_row {value['annex_row']} names no row of annex: rows"))
        if at[-1] == "box":
            count = len(value.get("footnotes", []))
            for ri, row in enumerate(value.get("rows", [])):
                for fi, n in enumerate(row.get("footnotes", [])):
                    if n > count:
                        errors.append(doc.error(at + ("rows", ri, "footnotes", fi), f"footnote {n} does not exist; the box has {count} footnote(s)"))
    return errors


def _unique(doc: Document, at: tuple, key: str, what: str, errors: list) -> None:
    items = doc.data
    for part in at:
        items = items.get(part, []) if isinstance(items, dict) else items[part]
    seen: set = set()
    for i, item in enumerate(items):
        if item[key] in seen:
            errors.append(doc.error(at + (i, key), f"duplicate {what} {item[key]!r}; each must be unique in the guide"))
        seen.add(item[key])
