"""The field reference page (about/fields/), generated from the JSON Schemas so it cannot drift.

Every object in generator/schema/*.schema.json becomes a table of its fields (name,
required or not, type, rules, description); every other definition (slug, date, text …)
a line saying what it accepts. Types that name a definition link to its section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from ..render import page_path
from ..slugs import slugify
from ..validate import schema
from ..write import Output

URL = "about/fields/"
# The schema files, in the order a contributor meets them: (schema name, file it checks, anchor).
FILES = (("guide", "content/guides/<region>/<id>.yml", "guide"),
         ("regions", "content/regions.yml", "regions-yml"),
         ("tags", "content/tags.yml", "tags-yml"))

_TYPES = {"string": "文字 text", "integer": "整数 whole number", "number": "数 number",
          "boolean": "true / false", "object": "字段表 map", "array": "列表 list", "null": "空 null"}


@dataclass
class Part:
    """A piece of a type description: plain text, or a link to a definition's section."""

    text: str
    ref: str | None = None  # anchor of the section it links to


@dataclass
class Field:
    name: str
    required: bool
    type: list[Part]
    rules: str
    description: str


@dataclass
class Section:
    name: str
    anchor: str
    description: str
    type: list[Part] = field(default_factory=list)
    rules: str = ""
    fields: list[Field] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)


@dataclass
class SchemaDoc:
    title: str
    file: str
    anchor: str
    sections: list[Section]


def _anchor(name: str) -> str:
    return slugify(name)


def type_parts(node: dict) -> list[Part]:
    """What a schema node accepts, in words, linking named definitions."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return [Part(name, _anchor(name))]
    if "enum" in node:
        return [Part("one of: " + ", ".join(map(str, node["enum"])))]
    if "const" in node:
        return [Part(f"exactly: {node['const']}")]
    for key in ("oneOf", "anyOf"):
        if key in node:
            parts: list[Part] = []
            for i, option in enumerate(node[key]):
                if i:
                    parts.append(Part("or"))
                parts.extend(type_parts(option))
            return parts
    kind = node.get("type")
    if kind == "array":
        return [Part(_TYPES["array"] + " of")] + (type_parts(node["items"]) if "items" in node else [Part("anything")])
    if isinstance(kind, list):
        return [Part(" or ".join(_TYPES.get(k, k) for k in kind))]
    return [Part(_TYPES.get(kind, "any value"))]


# Schema keywords → how the reference says them, in this order (None: the keyword says nothing).
_RULES = (
    ("minimum", lambda v: f"≥ {v}"),
    ("exclusiveMinimum", lambda v: f"> {v}"),
    ("maximum", lambda v: f"≤ {v}"),
    ("minLength", lambda v: "not empty" if v > 0 else None),
    ("maxLength", lambda v: f"at most {v} characters"),
    ("minItems", lambda v: f"at least {v} item(s)"),
    ("maxItems", lambda v: f"at most {v} items"),
    ("uniqueItems", lambda v: "no repeats" if v else None),
    ("minProperties", lambda v: f"at least {v} field(s)"),
    ("pattern", lambda v: f"pattern {v}"),
    ("format", lambda v: f"a real {v}"),
)


def rules(node: dict) -> str:
    """The limits a schema node sets, in short words."""
    out = [words for key, say in _RULES if key in node and (words := say(node[key]))]
    items = node.get("items")
    if isinstance(items, dict) and "$ref" not in items and rules(items):
        out.append(f"each item: {rules(items)}")
    return "; ".join(out)


def _object_sections(name: str, anchor: str, node: dict, defs: dict) -> list[Section]:
    """A map's section, followed by one for each map written inline in it (like guide.source)."""
    required = set(node.get("required", []))
    fields, nested = [], []
    for key, prop in node.get("properties", {}).items():
        described = prop.get("description") or defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], {}).get("description", "")
        kind = type_parts(prop)
        if prop.get("type") == "object" and "properties" in prop:
            sub = f"{anchor}-{_anchor(key)}"
            kind = [Part(key, sub)]
            nested += _object_sections(f"{name} › {key}", sub, prop, defs)
        fields.append(Field(key, key in required, kind, rules(prop), described))
    conditions = []
    for rule in node.get("allOf", []):
        when = rule.get("if", {}).get("properties", {})
        needs = rule.get("then", {}).get("required", [])
        if len(when) == 1 and needs:
            (key, test), = when.items()
            conditions.append(f"when {key} is {test.get('const')}: {', '.join(needs)} required")
    extra = "" if node.get("additionalProperties") is not False else "No other keys are allowed."
    description = " ".join(x for x in (node.get("description", ""), extra) if x)
    return [Section(name, anchor, description, rules=rules(node), fields=fields, conditions=conditions), *nested]


def document(name: str, file: str, anchor: str, data: dict) -> SchemaDoc:
    """One schema as sections: the file's top level, then each definition in the schema's order."""
    defs = data.get("$defs", {})
    top = data if data.get("type") == "object" else data.get("items", {})
    sections = _object_sections(file, anchor, top, defs)
    if data.get("type") == "array":
        head = sections[0]
        head.description = " ".join(x for x in (data.get("description", ""), "A list; each entry is a map.", head.description) if x)
        head.rules = rules(data)
    for def_name, node in defs.items():
        if node.get("type") == "object" or "properties" in node:
            sections.extend(_object_sections(def_name, _anchor(def_name), node, defs))
        else:
            sections.append(Section(def_name, _anchor(def_name), node.get("description", ""),
                                    type=type_parts(node), rules=rules(node)))
    return SchemaDoc(data.get("title", name), file, anchor, sections)


def reference(schemas: dict[str, dict] | None = None) -> list[SchemaDoc]:
    """The whole reference; `schemas` (name → schema) defaults to the shipped files."""
    schemas = schemas or {name: schema(name) for name, _, _ in FILES}
    return [document(name, file, anchor, schemas[name]) for name, file, anchor in FILES]


def outputs(site, renderer):
    yield Output(page_path(URL), partial(reference_page, renderer))


def reference_page(renderer) -> str:
    return renderer.render("reference.md.j2", URL, schemas=reference())
