"""Write: the draft as YAML in the project's conventions, with `# 待核对 review: …` comments, and the report.

Block-style YAML (two-space indent, tags as a flow list, numbers quoted as strings, multi-line text as
a literal block), the yaml-language-server modeline first, each review note as a comment line just
above the field it concerns. Files are written only after everything is ready, never over an existing
file, and removed again if a later write fails, so an error leaves nothing behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

REVIEW = "# 待核对 review: "


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = yaml.safe_dump(value, allow_unicode=True, width=1 << 30, default_flow_style=True)
    return text[:-5] if text.endswith("\n...\n") else text.rstrip("\n")


def dump(data, review: dict[tuple, list[str]], header: list[str]) -> str:
    """The guide as YAML text; review notes keyed by path become comments above their lines."""
    out: list[str] = list(header)

    def comments(path: tuple, indent: str):
        for message in review.get(path, []):
            out.append(f"{indent}{REVIEW}{message}")

    def value_lines(value, indent: str, path: tuple, prefix: str):
        """Emit `value` after `prefix` ("<indent>key:"); nested lines are indented under the key."""
        if isinstance(value, dict):
            out.append(prefix)
            mapping(value, indent + "  ", path)
        elif isinstance(value, list):
            if path[-1:] == ("tags",):
                out.append(f"{prefix} [{', '.join(value)}]")
            else:
                out.append(prefix)
                sequence(value, indent + "  ", path)
        elif isinstance(value, str) and "\n" in value:
            out.append(f"{prefix} |-")
            out.extend(f"{indent}  {line}" if line else "" for line in value.split("\n"))
        else:
            out.append(f"{prefix} {scalar(value)}")

    def mapping(d: dict, indent: str, path: tuple, dash: bool = False):
        key_indent = indent + "  " if dash else indent
        for n, (k, v) in enumerate(d.items()):
            p = path + (k,)
            if n == 0 and dash:
                prefix = f"{indent}- {k}:"
            else:
                comments(p, key_indent)
                prefix = f"{key_indent}{k}:"
            value_lines(v, key_indent, p, prefix)

    def sequence(items: list, indent: str, path: tuple):
        for i, v in enumerate(items):
            p = path + (i,)
            comments(p, indent)
            if isinstance(v, dict) and v:
                comments(p + (next(iter(v)),), indent)
                mapping(v, indent, p, dash=True)
            elif isinstance(v, str) and "\n" in v:
                out.append(f"{indent}- |-")
                out.extend(f"{indent}  {line}" if line else "" for line in v.split("\n"))
            else:
                out.append(f"{indent}- {scalar(v)}")

    mapping(data, "", ())
    return "\n".join(out) + "\n"


class Writes:
    """Files written in one import: all or none."""

    def __init__(self):
        self.done: list[Path] = []

    def create(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as f:  # "x": never over an existing file
            self.done.append(path)
            f.write(text)

    def append(self, path: Path, text: str) -> None:
        before = path.read_bytes()
        self.done.append((path, before))
        with open(path, "a", encoding="utf-8", newline="\n") as f:
            f.write(text)

    def undo(self) -> None:
        for item in reversed(self.done):
            if isinstance(item, tuple):
                item[0].write_bytes(item[1])
            else:
                try:
                    os.unlink(item)
                except FileNotFoundError:
                    pass
        self.done.clear()
