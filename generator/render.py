"""Jinja2 environment for Markdown pages: every value is escaped unless we made it.

Content is never trusted as HTML or Markdown. `{{ value }}` in a template passes
through `md_escape` (HTML-escape, then backslash-escape Markdown syntax), so a
`<script>` or `[x](javascript:…)` in content reaches the page as text. Values the
generator itself builds (relative links, attributes) are marked safe with `Markup`.
The chrome every page carries (breadcrumbs, a topic's facts and related topics, pagers) is
raw HTML instead, which MkDocs passes through untouched: values through `|html`, links
through `href` (a directory URL, not a .md path).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import applying, compare, i18n, page_meta, status, translation

TEMPLATES = Path(__file__).parent / "templates"

_SPACE = re.compile(r"\s*\n\s*")

# One pass: & < > as entities (as html.escape, quote=False), and a backslash before each
# character Python-Markdown treats as syntax (its ESCAPED_CHARS, plus | for tables).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                          **{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"}})


def md_escape(value) -> Markup:
    """Text → Markdown that renders as exactly that text, on one line."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = str(value)
    if "\n" in text:
        text = _SPACE.sub(" ", text)
    return Markup(text.strip().translate(_ESCAPES))


# Chinese on an English page: each run of CJK characters (ideographs, CJK and full-width
# punctuation) is marked lang="zh-CN", so a screen reader reads it with a Chinese voice. A run goes
# from a CJK character to the last one before a Latin letter, an entity or a tag: "近 5 年" is one
# run, "（四）Improving" marks "（四）" only.
_CJK = ("\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
        "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f")
_HAS_CJK = re.compile(f"[{_CJK}]")
_ZH_RUN = re.compile(f"[{_CJK}](?:[^A-Za-z<>&\n]*[{_CJK}])?")
ZH_OPEN, ZH_CLOSE = '<span lang="zh-CN">', "</span>"


def mark_zh(escaped: str) -> str:
    """Escaped text (HTML or Markdown, no tags) with each Chinese run in <span lang="zh-CN">."""
    if not _HAS_CJK.search(escaped):
        return escaped
    return _ZH_RUN.sub(lambda m: ZH_OPEN + m.group() + ZH_CLOSE, escaped)


def md_escape_marked(value) -> Markup:
    """md_escape for the English edition: Chinese runs marked (mark_zh)."""
    if isinstance(value, Markup):
        return value
    return Markup(mark_zh(md_escape(value)))


# An http(s) address in running text: in angle brackets (the conventional delimiters, which are
# dropped), or bare, up to a space, a quote or Chinese punctuation (trailing . , ; : ! ? ) left out).
_URL = re.compile(r"<(https?://[^\s<>\"]+)>|(https?://[^\s<>\"'，。；：、！？（）【】《》“”‘’]+)")
_URL_TRAIL = ".,;:!?)]'"


def md_linkify(value, mark=str) -> Markup:
    """Text → Markdown as md_escape, with each http(s) address a link to itself (no other scheme:
    a `javascript:` address stays text). For running text only, never inside a link's label.
    `mark` is applied to the escaped text between links (mark_zh in the English edition)."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else _SPACE.sub(" ", str(value)).strip()
    if "http" not in text:
        return Markup(mark(text.translate(_ESCAPES)))
    out, pos = [], 0
    for m in _URL.finditer(text):
        url = m[1] or m[2].rstrip(_URL_TRAIL)
        end = m.end() if m[1] else m.start() + len(url)
        out.append(mark(text[pos:m.start()].translate(_ESCAPES)))
        out.append(f"<a href={attr(url)}>{url.translate(_ESCAPES)}</a>")
        pos = end
    out.append(mark(text[pos:].translate(_ESCAPES)))
    return Markup("".join(out))


def html_text(value) -> Markup:
    """Text → escaped HTML, on one line, for raw HTML blocks (where Markdown escapes would show)."""
    text = _SPACE.sub(" ", "" if value is None else str(value)).strip()
    return Markup(html.escape(text, quote=True))


def html_marked(value) -> Markup:
    """html_text for the English edition: Chinese runs marked (mark_zh). Never in an attribute:
    use |attr there."""
    return Markup(mark_zh(html_text(value)))


def html_exact(value) -> Markup:
    """Text → escaped HTML with its spaces and tabs kept (a source text's line, shown pre-wrapped;
    a tab as &#9;, which Markdown would otherwise expand to spaces)."""
    return Markup(html.escape("" if value is None else str(value), quote=True).replace("\t", "&#9;"))


def attr(value) -> Markup:
    """Text → a double-quoted HTML attribute value."""
    return Markup('"' + html.escape("" if value is None else str(value), quote=True) + '"')


_ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def anchor(value) -> Markup:
    """A validated ASCII id for `{ #id }` and href="#id"; content ids are slugs by schema."""
    value = str(value)
    if not _ANCHOR.match(value):
        raise ValueError(f"not an anchor id: {value!r}")
    return Markup(value)


def page_path(url: str) -> str:
    """Site URL ('' or 'a/b/') → the Markdown file that makes it ('index.md' or 'a/b/index.md')."""
    return f"{url}index.md"


@jinja2.pass_context
def link(ctx, target) -> Markup:
    """A relative link from the page being rendered to `target` (an object with .url, or a URL)."""
    url, fragment = _target(target)
    here = posixpath.dirname(page_path(ctx["page_url"]))
    dest = page_path(url) if url.endswith("/") or url == "" else url
    rel = _relpath(dest, here) + fragment
    return Markup(rel.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))


def _relpath(dest: str, here: str) -> str:
    """posixpath.relpath(dest, here) for site paths (no '.', '..' or '//'), without its cost."""
    d, h = dest.split("/"), (here.split("/") if here else [])
    if "" in d or "" in h or {".", ".."} & (set(d) | set(h)):
        return posixpath.relpath(dest, here or ".")
    common = 0
    while common < len(h) and common < len(d) and d[common] == h[common]:
        common += 1
    return "/".join([".."] * (len(h) - common) + d[common:]) or "."


@jinja2.pass_context
def href(ctx, target) -> Markup:
    """A relative URL from the page being rendered to `target` (an object with .url, or a site
    URL), for raw HTML, where MkDocs rewrites nothing: each page is built at its own URL
    (use_directory_urls), so the link is the page URL's path from here. The page chrome that every
    topic carries (breadcrumbs, facts, related topics, pager) is raw HTML with these links: as
    Markdown links it cost MkDocs a third of its build time at 1,000 guides (issue 11)."""
    url, fragment = _target(target)
    here = ctx["page_url"].rstrip("/")
    dest = url.rstrip("/")
    if dest:
        rel = _relpath(dest, here) + "/"
    else:  # the home page
        rel = "../" * (here.count("/") + 1) if here else ""
    rel = ("./" if rel in ("./", "") else rel) + fragment
    return Markup(html.escape(rel.replace(" ", "%20"), quote=True))


def _target(target) -> tuple[str, str]:
    """A link target (an object with .url, or a site URL) → its URL and its "#fragment" (or "")."""
    url = target if isinstance(target, str) else target.url
    url, hash_, fragment = url.partition("#")
    return url, ("#" + anchor(fragment) if hash_ else "")


@jinja2.pass_context
def asset(ctx, path: str) -> Markup:
    """A relative URL to a built file (not a Markdown page), for raw HTML attributes."""
    depth = ctx["page_url"].count("/")
    return Markup("../" * depth + path)


def json_ld(data) -> Markup:
    """A JSON-LD script body, safe inside <script>."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@jinja2.pass_context
def name(ctx, value) -> str:
    """Filter: a content name (model.Text, a region or a tag) in the page's language (i18n.name)."""
    return i18n.name(value, ctx.get("lang") or i18n.DEFAULT)


@jinja2.pass_context
def number(ctx, value) -> str:
    """Filter: a number as the source writes it (方向2, （四）) in the page's language (i18n.number)."""
    return i18n.source_number(value, ctx.get("lang") or i18n.DEFAULT)


@jinja2.pass_context
def numbered(ctx, value, text) -> str:
    """A numbered name (a theme: （四） and its name) in the page's language: "（四）优化…" as the
    source writes it, "(4) Improving…" in English."""
    lang = ctx.get("lang") or i18n.DEFAULT
    title = i18n.name(text, lang)
    if not value:
        return title
    if lang == i18n.DEFAULT:
        return f"{value}{title}"
    return i18n.text(lang, "number.heading", number=i18n.source_number(value, lang), title=title)


@jinja2.pass_context
def other_name(ctx, value) -> str:
    """Filter: a region's or tag's name in the other edition's language (beside |name in tables)."""
    return value.zh if (ctx.get("lang") or i18n.DEFAULT) != "zh" else value.en


@jinja2.pass_context
def date(ctx, day) -> str:
    """A date in the page's language: 2020-12-04 or 4 Dec 2020."""
    return i18n.date_text(day, ctx.get("lang") or i18n.DEFAULT)


@jinja2.pass_context
def shared(ctx, path: str) -> Markup:
    """A relative URL to a file both editions share (data/, feeds/, calendars/, sources/), which is
    published once, at the site root: from an English page (en/…) one folder further up. For raw
    HTML (<a href>): MkDocs checks Markdown links only against its own edition's files."""
    depth = ctx["page_url"].count("/") + (0 if (ctx.get("lang") or i18n.DEFAULT) == i18n.DEFAULT else 1)
    return Markup(html.escape("../" * depth + path.replace(" ", "%20"), quote=True))


@jinja2.pass_context
def t_link(ctx, key: str, url, **values) -> Markup:
    """Interface text with one [bracketed part] (generator/i18n.py) → Markdown with that part
    linked to `url` (from link()), so each language puts the link where its sentence needs it.
    Each part is filled from `values` and escaped; spaces at its ends are kept."""
    before, rest = i18n.text(ctx.get("lang") or i18n.DEFAULT, key).split("[", 1)
    inner, after = rest.split("]", 1)
    fill = (lambda s: s.format(**values)) if values else str

    mark = _marker(ctx)

    def esc(s: str) -> str:
        return mark(_SPACE.sub(" ", fill(s)).translate(_ESCAPES))

    return Markup(f"{esc(before)}[{esc(inner)}]({url}){esc(after)}")


@jinja2.pass_context
def t_html(ctx, key: str, **values) -> Markup:
    """Interface text as escaped HTML, keeping spaces at its ends (which `|html` trims): for raw
    HTML where a text runs on from the value before it ("16:30 (Beijing time)")."""
    text = i18n.text(ctx.get("lang") or i18n.DEFAULT, key, **values)
    return Markup(_marker(ctx)(html.escape(_SPACE.sub(" ", text), quote=False)))


@jinja2.pass_context
def t_spaced(ctx, key: str, **values) -> Markup:
    """Interface text as Markdown text, keeping spaces at its ends (which `{{ t(…) }}` trims):
    for a text that runs on into the next value ("Contact: " before a name)."""
    text = i18n.text(ctx.get("lang") or i18n.DEFAULT, key, **values)
    return Markup(_marker(ctx)(_SPACE.sub(" ", text).translate(_ESCAPES)))


@jinja2.pass_context
def th(ctx, key: str, **values) -> Markup:
    """Interface text as escaped HTML for raw HTML blocks, keeping spaces at its ends."""
    text = i18n.text(ctx.get("lang") or i18n.DEFAULT, key, **values)
    return Markup(_marker(ctx)(html.escape(_SPACE.sub(" ", text), quote=True)))


def _marker(ctx):
    """What marks the Chinese runs of escaped text on the page being rendered: mark_zh on pages of
    an edition in another language, nothing on Chinese ones."""
    return str if (ctx.get("lang") or i18n.DEFAULT) == "zh" else mark_zh


def make_env(lang: str = i18n.DEFAULT) -> jinja2.Environment:
    """The templates' environment for an edition. On pages not in Chinese, every value printed
    (`{{ x }}`, |html, |linkify, t_…) has its Chinese runs marked lang="zh-CN" (mark_zh); inside
    an element that is itself marked zh-CN, |zh and |zh_html print a value without marks."""
    chinese = lang == "zh"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # with finalize: values are Markdown-escaped, macro output is kept
        finalize=md_escape if chinese else md_escape_marked,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["attr"] = attr
    env.filters["html"] = html_text if chinese else html_marked
    env.filters["html_exact"] = html_exact
    env.filters["linkify"] = md_linkify if chinese else partial(md_linkify, mark=mark_zh)
    env.filters["zh"] = md_escape
    env.filters["zh_html"] = html_text
    env.filters["anchor"] = anchor
    env.filters["name"] = name
    env.filters["other_name"] = other_name
    env.filters["number"] = number
    env.globals.update(numbered=numbered, link=link, href=href, asset=asset, json_ld=json_ld, t=i18n.t, t_link=t_link, t_spaced=t_spaced, t_html=t_html,
                       th=th, date=date, shared=shared, repository=page_meta.repository(),
                       source_page=page_meta.source_page, atlas_status=status, applying=applying,
                       comparison_url=compare.comparison_url, translation=translation)
    return env


class Renderer:
    """Renders named templates to text for a page at a given URL."""

    def __init__(self, site, lang: str = i18n.DEFAULT, **globals_):
        self.lang = lang
        self.env = make_env(lang)
        i18n.install(self.env, lang)
        self.env.globals.update(site=site, lang=lang, **globals_)
        # Keys of the guides whose pages must be rendered; None: all (set by build.generate).
        self.changed_guides: set[str] | None = None

    def render(self, template: str, page_url: str, meta: dict | None = None, **context) -> str:
        """Render a page; `meta` becomes its front matter (page.meta in overrides/)."""
        text = self.env.get_template(template).render(page_url=page_url, **context)
        text = re.sub(r"\n{3,}", "\n\n", text)
        meta = {**page_meta.extra(template, context, self.lang), **(meta or {})}
        title = page_title(text)
        if title and not (meta or {}).get("title"):
            # MkDocs takes a title from the h1 only when the page starts with it; ours may
            # start with breadcrumbs, so the h1's text is given as the page title.
            meta = {**(meta or {}), "title": title}
        if meta:
            # The theme prints page.meta.title into <title> and the header, and .description into
            # <meta content="…">, unescaped.
            if meta.get("title"):
                meta = {**meta, "title": html.escape(str(meta["title"]), quote=False)}
            if meta.get("description"):
                meta = {**meta, "description": html.escape(str(meta["description"]), quote=True)}
            text = front_matter(meta) + text
        return text


_H1 = re.compile(r"^# (.+?)(?:\s*(?<!\\)\{[^{}]*(?<!\\)\})?$", re.M)
_MD_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!|<])")


def page_title(markdown: str) -> str | None:
    """The plain text of the page's h1 (undoing md_escape), or None."""
    match = _H1.search(markdown)
    if not match:
        return None
    title = match.group(1).replace(ZH_OPEN, "").replace(ZH_CLOSE, "")
    return html.unescape(_MD_UNESCAPE.sub(r"\1", title)).strip() or None


def front_matter(meta: dict) -> str:
    """YAML front matter from data we built; values are dumped, never pasted, so content can't break out.

    Written as one JSON object, which YAML reads as a flow mapping: json.dumps is many times faster
    than yaml.dump, and MkDocs reads back the same page.meta. Characters YAML does not allow raw
    in a double-quoted scalar (DEL, C1 controls, U+2028/U+2029, non-characters) are escaped.
    """
    text = _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                                   json.dumps(meta, ensure_ascii=False, sort_keys=True))
    return "---\n" + text + "\n---\n\n"


# What json.dumps leaves raw that YAML 1.1 (PyYAML's reader) rejects or reads as a line break.
_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
