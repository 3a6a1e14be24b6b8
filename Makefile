# Guide Atlas. `make site` builds the site into site/; `make test` runs every test.
# Both create .venv and install the pinned dependencies on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock requirements-dev.txt requirements.txt | cksum | cut -d' ' -f1)

.PHONY: venv site site-unsharded test check serve bench clean help new search-bench import bench-import

help:
	@echo "make site   build the site into site/ (creates .venv on first use)"
	@echo "make test   run the whole test suite"
	@echo "make site JOBS=2  build the shards in 2 processes (default: one per core)"
	@echo "make check  validate content/ only"
	@echo "make serve  live preview on http://127.0.0.1:8000/, English edition on the next port (PORT=8100 for another)"
	@echo "make new REGION=chengdu YEAR=2024 [SLUG=ruankexue]  start a guide file (see CONTRIBUTING.md)"
	@echo "make import FILE=guide.docx [REGION=宜昌] [YEAR=2024] [URL=https://…]  draft a guide from a published file"
	@echo "make bench-import  time importing a synthetic 100-page PDF guide, plain and with its topics in tables"
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
# A published guide file (.docx .doc .pdf .html .txt .md) → a draft guide with review comments (CONTRIBUTING.md).
import: $(STAMP)
	@test -n "$(FILE)" || { echo "say which file: make import FILE=path/to/guide.docx [REGION=…] [YEAR=…] [URL=…]" >&2; exit 2; }
	$(BIN)/python -m generator $(if $(CONTENT),--content "$(CONTENT)") import "$(FILE)" $(if $(REGION),--region "$(REGION)") $(if $(YEAR),--year "$(YEAR)") \
	  $(if $(URL),--url "$(URL)") $(if $(OUTPUT),--output "$(OUTPUT)") $(if $(OCR),--ocr)

bench-import: $(STAMP)
	bash tests/ensure-browser.sh
	$(BIN)/python -m generator.importer.bench --pages $(or $(PAGES),100)
	$(BIN)/python -m generator.importer.bench --pages $(or $(PAGES),100) --tables

search-bench: site
	bash tests/ensure-browser.sh
	$(BIN)/python tests/browser/measure_search.py site

clean:
	rm -rf build site site.new site.old
