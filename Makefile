# kechuang: the two commands of the README, and the steps they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export KECHUANG_DATA_DIR ?= $(CURDIR)/var
DEMO_BIND ?= 127.0.0.1:8000

.PHONY: demo test install assets e2e-browser lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch node_modules/.package-lock.json

install: $(STAMP)

assets: node_modules/.package-lock.json

## make demo: install, migrate, load demo data, and serve on http://127.0.0.1:8000
demo: install assets
	DEBUG=0 $(BIN)/kechuang migrate --noinput
	$(BIN)/kechuang collectstatic --noinput --verbosity 0
	$(BIN)/kechuang demo-data
	$(BIN)/kechuang enterprise_demo_data
	$(BIN)/kechuang project_demo_data
	$(BIN)/kechuang tracking_demo_data
	@echo ""
	@echo "kechuang is starting on http://$(DEMO_BIND)  (Ctrl-C stops it)"
	$(BIN)/kechuang serve --bind $(DEMO_BIND) --worker

## make test: install what the tests need and run the whole suite (unit, integration and browser tests)
test: install assets e2e-browser
	$(BIN)/kechuang collectstatic --noinput --verbosity 0
	$(BIN)/python -m pytest -n 2 --dist loadgroup

# The browser tests drive Debian's Chromium and need a CJK font so Chinese is drawn (screenshots, layout);
# install them when missing (root on these machines, else sudo).
E2E_PACKAGES := chromium fonts-wqy-microhei
e2e-browser:
	@{ command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium; } && fc-list 2>/dev/null | grep -qi wqy || { \
	  echo "Installing Debian's $(E2E_PACKAGES) for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(E2E_PACKAGES) >/dev/null) || \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(E2E_PACKAGES) >/dev/null); }

lint: install
	$(BIN)/ruff check .

messages: install
	cd src/kechuang && ../../$(BIN)/kechuang makemessages -l zh_Hans --no-obsolete && ../../$(BIN)/kechuang compilemessages

clean:
	rm -rf $(VENV) node_modules var
