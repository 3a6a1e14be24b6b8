"""The field reference page shows every field of every schema, and follows the schema when it changes."""

from __future__ import annotations

import copy
import re

from html_page import Page, read_page
from generator.pages.reference import URL, reference
from generator.render import Renderer
from generator.slugs import slugify
from generator.validate import schema

SCHEMAS = {"guide": "guide", "regions": "regions-yml", "tags": "tags-yml"}


def objects(name: str, top_anchor: str):
    """(anchor, {field: description}) for every map in a schema, found by walking the schema itself."""
    data = schema(name)
    defs = data.get("$defs", {})

    def walk(anchor, node):
        props = node.get("properties", {})
        out = {}
        for key, prop in props.items():
            ref = prop.get("$ref", "").rsplit("/", 1)[-1]
            out[key] = prop.get("description") or defs.get(ref, {}).get("description", "")
            if prop.get("type") == "object" and "properties" in prop:
                yield from walk(f"{anchor}-{slugify(key)}", prop)
        yield anchor, out

    yield from walk(top_anchor, data if data.get("type") == "object" else data["items"])
    for def_name, node in defs.items():
        if "properties" in node:
            yield from walk(slugify(def_name), node)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def section_html(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    following = re.search(r"<h[23][ >]", html[start + 1:])
    return html[start: start + 1 + following.start()] if following else html[start:]


def test_every_field_of_every_schema_is_on_the_page(built):
    html = (built / URL / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    count = 0
    for name, top in SCHEMAS.items():
        for anchor, fields in objects(name, top):
            assert anchor in page.ids, anchor
            chunk = section_html(html, anchor)
            text = _norm(Page(chunk).text)
            for field, description in fields.items():
                assert f"<code>{field}</code>" in chunk, (anchor, field)
                assert _norm(description) in text, (anchor, field, description)
                count += 1
    assert count > 80


def test_every_definition_has_a_section(built):
    page = read_page(built, URL)
    for name in SCHEMAS:
        for def_name in schema(name).get("$defs", {}):
            assert slugify(def_name) in page.ids, def_name


def test_the_page_follows_a_changed_schema(site_model):
    changed = {name: copy.deepcopy(schema(name)) for name in SCHEMAS}
    changed["guide"]["$defs"]["topic"]["properties"]["funder"] = {
        "type": "string", "maxLength": 30, "description": "Who pays, as the source names it.",
    }
    changed["guide"]["$defs"]["topic"]["required"].append("funder")
    text = Renderer(site_model).render("reference.md.j2", URL, schemas=reference(changed))
    topic = text.split("{ #topic }", 1)[1].split("\n### ", 1)[0]
    row = next(line for line in topic.splitlines() if "<code>funder</code>" in line)
    assert "必填 required" in row and "at most 30 characters" in row and "Who pays, as the source names it" in row
    assert "<code>funder</code>" not in Renderer(site_model).render("reference.md.j2", URL, schemas=reference())


def test_about_page_links_to_the_reference(built):
    about = read_page(built, "about/")
    assert "fields/" in about.links
