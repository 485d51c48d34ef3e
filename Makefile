# Two entry points, both doing all set-up from a bare machine with Python 3.11+.
VENV ?= .venv
PY := $(VENV)/bin/python

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

.PHONY: install example test bench
install: $(PY)
	$(PY) -m pip install -q -e '.[test]'

example: install
	$(VENV)/bin/numcheck extract examples/kursk-2025-02-01.txt
	$(VENV)/bin/numcheck check examples/kursk-2025-02-01.txt --rules rules/examples; test $$? -le 1

test: install
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

bench: install
	$(PY) bench/extract_speed.py
