# The two commands: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
SETUP_STAMP := .local/setup.done

.PHONY: help setup run stop test test-browser test-core

help:
	@echo "make run    install everything, demo database, serve http://localhost:8069"
	@echo "make test   install everything, fresh test database, run the test suite"
	@echo "            (the browser walk-through included; make test-browser: only it)"
	@echo "make stop   stop what make run started"

$(SETUP_STAMP): scripts/setup.sh requirements/python.txt requirements/odoo.txt
	@scripts/setup.sh
	@touch $@

setup: $(SETUP_STAMP)

run: setup
	@scripts/run.sh

stop:
	@scripts/stop.sh

test: setup
	@scripts/test.sh

test-browser: setup
	@ODOO_TESTS=tests/browser scripts/test.sh

test-core: setup
	@scripts/test_core.sh
