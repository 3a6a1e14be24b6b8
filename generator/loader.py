"""Read content YAML safely into plain data, remembering where every value stood.

This module owns the first step of the pipeline: bytes on disk → Python data plus a
map from each value's path to its line and column. It accepts only plain YAML (maps,
lists, strings, numbers, booleans, null): no anchors or aliases, no custom tags, no
duplicate keys, no tabs, no byte-order mark, no control characters, and no file larger
than MAX_BYTES. Anything else becomes a ContentError with the file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError

MAX_BYTES = 2 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps: dates stay strings for the schema to check."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same rules on libyaml's parser where PyYAML has it (several times faster).

    Used for files that parse; a file with a syntax error is parsed again with the pure
    Python parser, whose messages and positions are the ones contributors see.
    """


for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class Document:
    """Data read from one YAML file, with the position of each value and key."""

    path: Path
    display: str
    data: object
    marks: dict = field(default_factory=dict)  # path -> (line, col), 1-based
    key_marks: dict = field(default_factory=dict)  # path of a map entry -> its key's (line, col)

    def where(self, at: tuple = ()) -> tuple[int, int]:
        """Line and column of the value at `at`, or of its nearest parent that has one."""
        at = tuple(at)
        while at and at not in self.marks:
            at = at[:-1]
        return self.marks.get(at, (1, 1))

    def key_where(self, at: tuple) -> tuple[int, int]:
        return self.key_marks.get(tuple(at)) or self.where(at)

    def error(self, at: tuple, message: str, key: bool = False) -> ContentError:
        line, col = self.key_where(at) if key else self.where(at)
        return ContentError(self.display, line, col, message)


def _pos(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Read one YAML file; raise ContentError with file:line:col on any problem."""
    display = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(display, 1, 1, f"cannot read the file ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise ContentError(
            display, 1, 1,
            f"the file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit; split it into several guides",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError(display, 1, 1, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError(
            display, line, col, f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8"
        ) from None
    for lineno, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            raise ContentError(display, lineno, line.index("\t") + 1, "a tab in the indentation; indent with spaces only")
        bad = _CONTROL.search(line.rstrip("\r"))
        if bad:
            raise ContentError(
                display, lineno, bad.start() + 1,
                f"control character U+{ord(bad.group()):04X} is not allowed; delete it",
            )
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise ContentError(display, 1, 1, "the file is empty; write the guide's fields or delete the file")
    try:
        try:
            root = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(display, line, col, f"YAML syntax error: {problem}; check quotes, colons and indentation") from None
    except yaml.YAMLError as exc:  # reader errors without a mark
        raise ContentError(display, 1, 1, f"YAML error: {exc}") from None
    doc = Document(path=path, display=display, data=None)
    doc.data = _build(root, (), doc, set())
    return doc


def _build(node, at: tuple, doc: Document, seen: set):
    if id(node) in seen:
        raise doc_error(doc, node, "anchors and aliases (&name, *name) are not allowed; write the value out")
    seen.add(id(node))
    doc.marks[at] = _pos(node)
    if node.tag not in _PLAIN_TAGS:
        raise doc_error(
            doc, node, f"the tag {node.tag!r} is not allowed; content is plain text, numbers, lists and maps only"
        )
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise doc_error(doc, key_node, "merge keys (<<) are not allowed; write the values out")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise doc_error(doc, key_node, "a key must be a plain word")
            key = key_node.value
            if key in out:
                raise doc_error(doc, key_node, f"the key {key!r} appears twice in the same map; keep one")
            doc.key_marks[at + (key,)] = _pos(key_node)
            out[key] = _build(value_node, at + (key,), doc, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, at + (i,), doc, seen) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    value = _SCALARS[node.tag](_CONSTRUCTOR, node)
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        raise doc_error(doc, node, "numbers must be finite; write a plain number")
    return value


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
}


def doc_error(doc: Document, node, message: str) -> ContentError:
    line, col = _pos(node)
    return ContentError(doc.display, line, col, message)
