# The two commands: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
SETUP_STAMP := .local/setup.done

.PHONY: help setup run stop test test-browser test-core bench

help:
	@echo "make run    install everything, demo database, serve http://localhost:8069"
	@echo "            (WORKERS=N: prefork with N workers, long-polling on port 8072)"
	@echo "make test   install everything, fresh test database, run the test suite"
	@echo "            (the browser walk-through included; make test-browser: only it)"
	@echo "make stop   stop what make run started"
	@echo "make bench  benchmarks at scale (100,000 parts) against baselines, own database"

$(SETUP_STAMP): scripts/setup.sh requirements/python.txt requirements/odoo.txt
	@scripts/setup.sh
	@touch $@

setup: $(SETUP_STAMP)

# make run WORKERS=4: the prefork server (long-polling on ODOO_LONGPOLLING_PORT)
WORKERS ?= 0
run: setup
	@WORKERS=$(WORKERS) scripts/run.sh

stop:
	@scripts/stop.sh

test: setup
	@scripts/test.sh

test-browser: setup
	@ODOO_TESTS=tests/browser scripts/test.sh

test-core: setup
	@scripts/test_core.sh

bench: setup
	@scripts/bench.sh
