# Trustline: `make demo` to try it, `make test` to run the whole suite.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export TRUSTLINE_VAR_DIR ?= $(CURDIR)/var
RANDOM_SECRET = $$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')

.PHONY: demo test unit quick sweep check lint security audit messages install install-browser install-fonts clean lock

# Everything comes from requirements.lock, checked against its hashes; the project itself
# is then installed without fetching anything more (its build backend is in the lock).
$(VENV)/.installed: pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

# Re-resolve requirements.lock from pyproject.toml with hashes (pip-tools, in a scratch
# virtualenv). Pins already in the lock are kept; `make lock UPGRADE=1` moves every
# package to its newest version within pyproject.toml's bounds.
lock:
	rm -rf var/lock-venv && python3 -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install -q pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" var/lock-venv/bin/pip-compile -q --generate-hashes \
	  --allow-unsafe --extra test --strip-extras --no-emit-index-url --no-emit-find-links \
	  $(if $(UPGRADE),--upgrade) -o requirements.lock pyproject.toml
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

install-fonts:
	bash scripts/ensure-fonts

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check trustline benchmarks tests
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/mypy trustline benchmarks tests

check: install messages
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/trustline makemigrations --check --dry-run -v1

# bandit over the application, offline.
security: install
	$(BIN)/bandit -q -r trustline -c pyproject.toml

# pip-audit over requirements.lock: the one step that needs the network (a vulnerability
# feed). Findings fail; only an unreachable feed skips it, and the script says so.
audit: install
	$(PY) scripts/audit_dependencies.py

# Every test but the browser journeys, on every core (pytest-xdist): the loop to run
# before committing. `make test` is still the gate CI runs. Keep xdist's default
# distribution: it hands tests out in pytest-django's order, with the tests that flush
# the database last; --dist worksteal can run one before a test that needs the rows
# the migrations wrote.
unit: install messages
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/pytest -q -p no:cacheprovider -n auto --ignore=tests/browser $(PYTEST_ARGS)

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

test: install messages install-browser install-fonts lint check security
	TRUSTLINE_SECRET_KEY=$(RANDOM_SECRET) TRUSTLINE_RECEIPT_PEPPER=$(RANDOM_SECRET) \
	  $(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
