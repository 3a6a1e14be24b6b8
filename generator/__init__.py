"""Guide Atlas generator: content/ (YAML) → Markdown pages for MkDocs Material.

Data flows one way: loader (YAML → data with positions) → validate (schema and
cross-checks) → model (typed objects with URLs) → pages (what to publish) → render
(Jinja2 templates) → write (only what changed). `python -m generator --help` lists the
commands.
"""
