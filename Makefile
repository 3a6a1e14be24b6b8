# Guide Atlas. `make site` builds the site into site/; `make test` runs every test.
# Both create .venv and install the pinned dependencies on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock requirements-dev.txt requirements.txt | cksum | cut -d' ' -f1)

.PHONY: venv site site-unsharded test check serve bench clean help new search-bench import bench-import eval-import

help:
	@echo "make site   build the site into site/ (creates .venv on first use)"
	@echo "make test   run the whole test suite"
	@echo "make site JOBS=2  build the shards in 2 processes (default: one per core)"
	@echo "make check  validate content/ only"
	@echo "make serve  live preview on http://127.0.0.1:8000/, English edition on the next port (PORT=8100 for another)"
	@echo "make new REGION=chengdu YEAR=2024 [SLUG=ruankexue]  start a guide file (see CONTRIBUTING.md)"
	@echo "make import FILE=guide.docx [REGION=宜昌] [YEAR=2024] [URL=https://…]  draft a guide from a published file"
	@echo "make bench-import  time importing a synthetic 100-page PDF guide, plain and with its topics in tables"
	@echo "make eval-import [VARIANTS=24] [SEED=1] [FORMATS=txt,md,html,docx,pdf,xlsx,pair] [GUIDE=hubei] [VARIANT=id]  render every guide in many layouts, import each, score fields right"
	@echo "make search-bench  measure search in the browser (bundle size, bytes per query, time to results)"
	@echo "make bench  build synthetic corpora of 50 and GUIDES (default 1000) guides; writes build/bench.json"

$(STAMP): requirements.txt requirements-dev.txt requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

# The site in shards (generator/shards.py): one process writes every shard's Markdown (only what
# changed), then JOBS processes build the shards (MkDocs, Pagefind; an unchanged shard is skipped)
# through xargs -P, then assemble moves them into site/ (swapped in whole; site/ untouched on failure).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
venv: $(STAMP)

site: $(STAMP)
	mkdir -p build
	$(BIN)/python -m generator shards --generate --names > build/shard-names.txt || { rm -f build/shard-names.txt; exit 1; }
	xargs -P $(JOBS) -n 1 $(BIN)/python -m generator build --no-generate --shard < build/shard-names.txt
	$(BIN)/python -m generator assemble

# The whole site in one MkDocs project per edition (no shards), as before issue 22.
site-unsharded: $(STAMP)
	$(BIN)/python -m generator site

check: $(STAMP)
	$(BIN)/python -m generator check

# Live preview (generator/serve.py): regenerates on each save, with search and content errors shown in the page.
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/python -m generator serve --port $(PORT)

GUIDES ?= 1000
bench: $(STAMP)
	$(BIN)/python -m generator.bench --guides $(GUIDES) --jobs $(JOBS)

test: $(STAMP)
	bash tests/ensure-browser.sh
	$(BIN)/python -m pytest tests

# A new guide file from the commented template; refuses to overwrite. SLUG defaults to zhinan.
new: $(STAMP)
	$(BIN)/python -m generator new --region "$(REGION)" --year "$(YEAR)" $(if $(SLUG),--slug "$(SLUG)")
# A published guide (.docx .doc .pdf .html .txt .md .xlsx .xls .ofd; several files or a folder) → a draft guide
# with review comments (CONTRIBUTING.md). FILE naming an existing path is one file, else several paths.
# make import's values reach the command as data, never as shell or make syntax: each is taken raw
# ($(value …): a `$` in a file name is not expanded), exported, and read by the recipe as "$$NAME".
IMPORT_VARS := FILE REGION YEAR URL OUTPUT OCR CONTENT
$(foreach v,$(IMPORT_VARS),$(eval override $(v) := $$(value $(v))))
export $(IMPORT_VARS)

import: $(STAMP)
	@test -n "$$FILE" || { echo "say which file: make import FILE=path/to/guide.docx [REGION=…] [YEAR=…] [URL=…]" >&2; exit 2; }
	@$(BIN)/python -m generator $${CONTENT:+--content "$$CONTENT"} import --split "$$FILE" $${REGION:+--region "$$REGION"} \
	  $${YEAR:+--year "$$YEAR"} $${URL:+--url "$$URL"} $${OUTPUT:+--output "$$OUTPUT"} $${OCR:+--ocr}

bench-import: $(STAMP)
	bash tests/ensure-browser.sh
	$(BIN)/python -m generator.importer.bench --pages $(or $(PAGES),100)
	$(BIN)/python -m generator.importer.bench --pages $(or $(PAGES),100) --tables

# Does the importer generalise? Every guide of content/ in VARIANTS seeded layouts each, imported and scored
# (generator/importer/evaluate/); files kept in build/eval-import/variants/, results in build/eval-import/summary.json.
# Then the real-shape set (eval-import-real below), reported apart.
eval-import: $(STAMP)
	bash tests/ensure-browser.sh
	$(BIN)/python -m generator.importer.evaluate $(if $(VARIANTS),--variants "$(VARIANTS)") $(if $(SEED),--seed "$(SEED)") \
	  $(if $(FORMATS),--formats "$(FORMATS)") $(if $(GUIDE),--guides "$(GUIDE)") $(if $(VARIANT),--variant "$(VARIANT)") \
	  $(if $(SYNTHETIC),--synthetic "$(SYNTHETIC)")
	$(if $(GUIDE)$(VARIANT),,@echo "real-shape set (tests/fixtures/unseen/), apart from the generated variants:")
	$(if $(GUIDE)$(VARIANT),,$(BIN)/python tests/unseen_score.py)

search-bench: site
	bash tests/ensure-browser.sh
	$(BIN)/python tests/browser/measure_search.py site

clean:
	rm -rf build site site.new site.old

# The real-shape set (tests/fixtures/unseen/: publications in shapes content/ lacks, each with its truth.yml),
# imported and scored field by field; reported apart from eval-import's generated variants.
.PHONY: eval-import-real
eval-import-real: $(STAMP)
	$(BIN)/python tests/unseen_score.py $(if $(VERBOSE),-v)
