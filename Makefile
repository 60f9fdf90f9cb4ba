# dondoc: `make run` starts the demo on the embedded defaults; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# The app from the lock file, then the project itself without re-resolving anything.
$(VENV)/.app: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The same .venv plus the test extras (their lock contains the app's pins too).
$(VENV)/.test: $(VENV)/.app requirements-test.lock
	$(BIN)/pip install --quiet -r requirements-test.lock
	touch $@

run: $(VENV)/.app
	$(BIN)/dondoc up

test: $(VENV)/.test
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/mypy models store services extraction flows calendars notifications cli web reports benchmarks

bench: $(VENV)/.test
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) data test-artifacts
