# Two commands for a new user: `make run` and `make test`. `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help run setup install install-dev migrate content admin serve test lint format messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: setup admin serve ## Set everything up and serve the site with its content at http://127.0.0.1:8000

setup: install migrate content ## Install, migrate and load the initial content (no server)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python ## Install the pinned runtime dependencies into .venv
	$(BIN)/pip install --quiet -r requirements.txt

install-dev: $(BIN)/python ## Install the runtime, test and lint dependencies into .venv
	$(BIN)/pip install --quiet -r requirements-dev.txt

migrate: ## Apply the database migrations
	$(MANAGE) migrate --noinput

content: ## Load the initial content (idempotent)
	$(MANAGE) load_initial_content

admin: ## Create an admin account with a printed random password, if none exists
	$(MANAGE) create_admin

serve: ## Serve the site at http://127.0.0.1:8000, with the worker that sends visitors' e-mail
	@echo "Serving at http://127.0.0.1:8000/ (English: /en/, 中文: /zh-hans/, admin: /admin/)"
	@# The mail worker (registration confirmations, events/tasks.py) runs beside the server and stops with it.
	$(MANAGE) db_worker --backend mail --interval 2 & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

test: install-dev ## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(BIN)/python -m pytest

lint: install-dev ## Check lint and formatting with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev ## Fix lint and formatting where ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: ## Update and compile the Chinese interface catalogue
	$(MANAGE) makemessages --locale zh_Hans --ignore '.venv/*' --ignore 'staticfiles/*'
	$(MANAGE) compilemessages --locale zh_Hans --ignore '.venv/*'

clean: ## Remove the virtual environment, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
