"""`make eval-import`: the yardstick for the importer — every guide of content/ rendered in many seeded
layouts and formats (layouts.py, render*.py), imported, and scored field by field (score.py).

truth.py reads the curated YAML (the truth); layouts.py draws a variant and builds its document and
the facts it states; render.py, render_docx.py and render_xlsx.py write the files; score.py imports
them through the importer's public entry point and compares; __main__.py is the command.
"""
