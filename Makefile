# The two commands of the README: `make run` and `make test`. Everything else is a step.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint catalogs translations worker clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

catalogs: $(INSTALLED)
	$(BIN)/pybabel compile --use-fuzzy -d backoffice/translations >/dev/null

run: catalogs
	$(BIN)/backoffice db upgrade
	$(BIN)/backoffice demo
	SESSION_COOKIE_SECURE=0 $(BIN)/backoffice run --host 127.0.0.1 --port 5000

# The run's results of the French specs go to reports/specs.json (cucumber JSON), which
# `backoffice specs import` loads for the Specifications pages. The tests run on one worker
# per core (pytest-xdist), each on its own database; TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto
test: catalogs
	$(BIN)/ruff check .
	@mkdir -p reports
	$(BIN)/pytest -n $(TEST_WORKERS) --cucumberjson=reports/specs.json $(PYTEST_ARGS)

worker: catalogs
	$(BIN)/backoffice worker

# Refresh the French catalog after adding messages; then translate the new entries.
translations: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k lazy_gettext --no-location \
		-o backoffice/translations/messages.pot backoffice plugins
	$(BIN)/pybabel update -i backoffice/translations/messages.pot -d backoffice/translations \
		--no-fuzzy-matching
	rm backoffice/translations/messages.pot

clean:
	rm -rf $(VENV) instance .pytest_cache
