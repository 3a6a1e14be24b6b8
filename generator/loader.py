"""Read content YAML safely into plain data, remembering where every value stood.

This module owns the first step of the pipeline: bytes on disk → Python data plus the
line and column of each value and key (a map from each value's path, made when asked for). It accepts only plain YAML (maps,
lists, strings, numbers, booleans, null): no anchors or aliases, no custom tags, no
duplicate keys, no tabs, no byte-order mark, no control characters (raw or escaped), no
nesting deeper than MAX_DEPTH, no file larger than MAX_BYTES and no symbolic links. Anchors and aliases are
refused while parsing, before anything is built, so an alias bomb fails at once. Anything
else becomes a ContentError with the file, line and column.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .errors import ContentError

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40  # guides nest about 10 deep; a deeper file is a mistake or an attack
# C0/C1 controls (tab, LF and CR aside), line/paragraph separators, bidirectional overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# In a parsed value (escapes like "\u0007" resolved) only tab and newline may remain; no lone surrogates.
_CONTROL_IN_VALUE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class _Refused(yaml.MarkedYAMLError):
    """Raised while composing: something plain YAML content may not use."""


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (dates stay strings for the schema to check),
    refusing anchors, aliases and deep nesting as the parser meets them."""

    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(problem="anchors and aliases (&name, *name) are not allowed; write the value out",
                           problem_mark=event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise _Refused(problem=f"nested more than {MAX_DEPTH} levels deep; flatten the structure",
                           problem_mark=event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser where PyYAML has it (several times faster), for files that cannot
    hold what only _Loader refuses while parsing (see _plain_enough).

    A file with a syntax error is parsed again with the pure Python parser, whose messages
    and positions are the ones contributors see.
    """


_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]\S")
_BRACKETS = re.compile(r"[^\[\]{}]+")


def _plain_enough(text: str) -> bool:
    """True when the fast parser is safe for this text: nothing that could be an anchor or an
    alias (an '&' or '*' where a YAML token starts; "S&T" is not one), and no indentation or
    bracket nesting deep enough to pass MAX_DEPTH. Anything else takes the pure Python
    parser, which refuses those as it parses."""
    if _ANCHOR_OR_ALIAS.search(text):
        return False
    depth = max_depth = 0
    for ch in _BRACKETS.sub("", text):
        depth += 1 if ch in "[{" else -1
        max_depth = max(max_depth, depth)
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    return max_depth + indent < MAX_DEPTH


for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def walk(data, at=()):
    """Yield (path, value) for every value in nested data, parents before their children."""
    yield at, data
    if isinstance(data, dict):
        for k, v in data.items():
            yield from walk(v, at + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from walk(v, at + (i,))


@dataclass
class Document:
    """Data read from one YAML file, with the position of each value and key.

    Positions are kept as numbers (line, column, 1-based) in the order walk(data) visits the
    values, and the map entries' keys: small and quick to pickle (validate.py reads files in
    forked processes). `marks` and `key_marks` map paths to them, made on first use. The data
    must not change after reading.
    """

    path: Path
    display: str
    data: object
    positions: array = field(default_factory=lambda: array("I"), repr=False)  # of every value
    key_positions: array = field(default_factory=lambda: array("I"), repr=False)  # of every map entry's key

    @cached_property
    def marks(self) -> dict:
        """path → (line, col) of the value there."""
        numbers = iter(self.positions)
        return {at: (line, col) for (at, _), line, col in zip(walk(self.data), numbers, numbers)}

    @cached_property
    def key_marks(self) -> dict:
        """path of a map entry → (line, col) of its key."""
        numbers = iter(self.key_positions)
        entries = (at for at, _ in walk(self.data) if at and isinstance(at[-1], str))
        return {at: (line, col) for at, line, col in zip(entries, numbers, numbers)}

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("marks", "key_marks")}

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
    if path.is_symlink():
        raise ContentError(display, 1, 1, "the file is a symbolic link; put the file itself in content/")
    try:
        size = path.stat().st_size  # before reading: a huge file is refused without loading it
        if size > MAX_BYTES:
            raise ContentError(
                display, 1, 1,
                f"the file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit; split it into several guides",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(display, 1, 1, f"cannot read the file ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:  # grew while we read it
        raise ContentError(display, 1, 1, f"the file is over the {MAX_BYTES:,}-byte limit; split it into several guides")
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
    if "\t" in text or _CONTROL.search(text):  # most files have neither: no need to look line by line
        _refuse_tabs_and_controls(text, display)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise ContentError(display, 1, 1, "the file is empty; write the guide's fields or delete the file")
    root = _compose(text, display)
    if root is None:  # only directives or document markers
        raise ContentError(display, 1, 1, "the file has no content; write the guide's fields or delete the file")
    doc = Document(path=path, display=display, data=None)
    positions: list[int] = []
    key_positions: list[int] = []
    doc.data = _build(root, doc, positions, key_positions)
    doc.positions, doc.key_positions = array("I", positions), array("I", key_positions)
    return doc


def _refuse_tabs_and_controls(text: str, display: str) -> None:
    """Raise at the first line indented with a tab or holding a control character."""
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


def _compose(text: str, display: str):
    """YAML text → node tree: libyaml when it is safe, else (and for every error) the pure
    Python parser, whose refusals, messages and positions are the ones contributors see."""
    if _plain_enough(text):
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    try:
        return yaml.compose(text, Loader=_Loader)
    except _Refused as exc:
        mark = exc.problem_mark
        raise ContentError(display, mark.line + 1, mark.column + 1, exc.problem) from None
    except yaml.MarkedYAMLError as exc:
        raise ContentError(display, *_syntax_error(text, exc)) from None
    except yaml.YAMLError as exc:  # reader errors without a mark
        raise ContentError(display, 1, 1, f"YAML error: {exc}") from None


_HINTS = {  # part of PyYAML's problem → what to do about it
    "'\\t' that cannot start any token": "use a space after the colon, not a tab",
    "that cannot start any token": "a value that starts with this character must be quoted",
    "mapping values are not allowed here": "a ': ' inside a value, or a key indented too far; quote the value or fix the indentation",
}


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """A YAML syntax error as (line, col, message), pointing at the mistake rather than where
    the parser gave up: an unclosed quote or bracket, a key without its colon."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    quote = _runaway_quote(text, line, col)
    if quote:
        return (*quote, f"YAML syntax error: this quotation mark is not closed on its line; the quoted text "
                        f"runs on to line {line}, where the parser stopped ({problem}); close the quote")
    opened = exc.context_mark
    if exc.context and opened and opened.line + 1 < line:
        if "flow" in exc.context:
            closer = "]" if "sequence" in exc.context else "}"
            return (opened.line + 1, opened.column + 1,
                    f"YAML syntax error: this {'[' if closer == ']' else '{'} is not closed; the parser reached "
                    f"line {line} ({problem}); add the {closer} (or a missing comma)")
        if "simple key" in exc.context:
            return (opened.line + 1, opened.column + 1,
                    "YAML syntax error: this line has no ':' after its key; write 'key: value', "
                    "or indent the text under the key it belongs to")
    if "another document" in problem:
        return line, col, "YAML syntax error: a second document (---) starts here; keep one guide per file"
    hint = next((h for k, h in _HINTS.items() if k in problem), "check quotes, colons and indentation")
    return line, col, f"YAML syntax error: {problem}; {hint}"


def _runaway_quote(text: str, error_line: int, error_col: int) -> tuple[int, int] | None:
    """Where a quoted value opened on an earlier line ran on to the line of a syntax error.

    An unclosed quote swallows the lines after it until the next quotation mark, so the
    parser complains far below the mistake; point at the opening quote instead.
    """
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            end = (token.end_mark.line + 1, token.end_mark.column + 1)
            if end > (error_line, error_col):
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                found = token
    except yaml.YAMLError:
        pass
    if found and found.start_mark.line + 1 < error_line == found.end_mark.line + 1:
        return found.start_mark.line + 1, found.start_mark.column + 1
    return None


def _build(node, doc: Document, positions: list[int], key_positions: list[int]):
    """Plain Python data from a composed node (aliases were refused while composing). Appends the
    line and column of each value, and of each map entry's key, in the order walk() visits them."""
    mark = node.start_mark
    positions += (mark.line + 1, mark.column + 1)
    if node.tag not in _PLAIN_TAGS:
        raise doc_error(
            doc, node, f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; "
                       "content is plain text, numbers, lists and maps only: remove the tag"
        )
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise doc_error(doc, key_node, "merge keys (<<) are not allowed; write the values out")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise doc_error(doc, key_node, "a key must be a plain word")
            key = _text(doc, key_node)
            if key in out:
                raise doc_error(doc, key_node, f"the key {key!r} appears twice in the same map; keep one")
            key_positions += _pos(key_node)
            out[key] = _build(value_node, doc, positions, key_positions)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, doc, positions, key_positions) for item in node.value]
    if node.tag == "tag:yaml.org,2002:str":
        return _text(doc, node)
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


def _text(doc: Document, node) -> str:
    """A string scalar, refusing control characters written as escapes ("\\u0007", "\\0")."""
    bad = _CONTROL_IN_VALUE.search(node.value)
    if bad:
        raise doc_error(doc, node, f"control character U+{ord(bad.group()):04X} (written as an escape) is not allowed; delete it")
    return node.value


def doc_error(doc: Document, node, message: str) -> ContentError:
    line, col = _pos(node)
    return ContentError(doc.display, line, col, message)
