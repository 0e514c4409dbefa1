# Trustline: `make demo` to try it, `make test` to run the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export TRUSTLINE_VAR_DIR ?= $(CURDIR)/var
RANDOM_SECRET = $$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')

.PHONY: demo test quick sweep check lint security messages install install-browser clean lock

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -c constraints.txt --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Pin what a fresh install resolves to today (constraints.txt), in a scratch virtualenv.
lock:
	rm -rf var/lock-venv && python3 -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install -q --upgrade pip
	var/lock-venv/bin/python -m pip install -q -e '.[test]'
	{ sed -n '1,3p' constraints.txt; \
	  var/lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v '^trustline'; \
	} > constraints.new && mv constraints.new constraints.txt
	rm -rf var/lock-venv

install: $(VENV)/.installed

# Compiled catalogs are build output, made from the .po files we keep in git.
messages: install
	$(BIN)/pybabel compile --statistics -d trustline/locale -D django

var/demo.env: | install
	mkdir -p var
	umask 077; { echo "export TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET)"; \
	  echo "export TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET)"; } > $@

demo: install messages var/demo.env
	. ./var/demo.env && export TRUSTLINE_DEBUG=1 && \
	  $(BIN)/trustline migrate --noinput -v0 && \
	  $(BIN)/trustline demo && \
	  $(BIN)/trustline serve --bind 127.0.0.1:8000 --workers 2

install-browser:
	bash scripts/ensure-chromium

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check trustline benchmarks tests
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/mypy trustline benchmarks tests

check: install messages
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/trustline makemigrations --check --dry-run -v1

# bandit over the application; pip-audit over the installed packages (findings fail;
# only an unreachable vulnerability feed skips it, and the script says so).
security: install
	$(BIN)/bandit -q -r trustline -c pyproject.toml
	$(PY) scripts/audit_dependencies.py

# A quick loop while changing one part: no lint, no browser, one path if given.
#   make quick                      every test but the browser journeys
#   make quick T=trustline/intake   one app's tests
quick: install messages
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/pytest -q $(if $(T),$(T),--ignore=tests/browser) $(PYTEST_ARGS)

# The attacker's sweep in full (tests/sweep.py); the test suite runs a short sample.
sweep: install messages
	TRUSTLINE_SWEEP=full TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/pytest -q -p no:logging tests/test_sweep.py $(PYTEST_ARGS)

test: install messages install-browser lint check security
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
