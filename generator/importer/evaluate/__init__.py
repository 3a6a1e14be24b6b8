"""`make eval-import`: the yardstick for the importer — every guide of content/ rendered in many seeded
layouts and formats, imported, and scored field by field.

truth.py reads the curated YAML (the truth), synthetic.py makes up calls in other words; vocab.py holds the numbering styles and label synonyms;
variant.py draws a variant's choices; wording.py writes each fact as the variant prints it; layouts.py
(calls) and plans.py (plans) build the document as format-neutral blocks and the facts it states;
render.py, render_docx.py and render_xlsx.py write the files; score.py imports them through the
importer's public entry point and compares; __main__.py is the command.
"""
