# eBOK: `make demo` serves the portal with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# The demo sends e-mail inside requests (printed in the terminal); production queues it.
# The demo utility's contact and accessibility declaration, so a newcomer sees them filled in.
DEMO_CONTACT := UTILITY_NAME="Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie" \
	UTILITY_ADDRESS="ul. Przemysłowa 8, 07-100 Węgrów" UTILITY_PHONE="25 792 20 41" \
	UTILITY_EMAIL="bok@pwik-wegrow.example.pl" UTILITY_WEBSITE="https://pwik-wegrow.example.pl" \
	UTILITY_OFFICE_HOURS="pon.-pt. 7:00-15:00" \
	UTILITY_CUSTOMER_OFFICE_HOURS="pon. 8:00-17:00, wt.-pt. 7:30-15:30" UTILITY_EMERGENCY_PHONE=994 \
	ACCESSIBILITY_PUBLISHED=2026-01-15 ACCESSIBILITY_UPDATED=2026-11-16 \
	ACCESSIBILITY_PREPARED=2026-03-30 ACCESSIBILITY_REVIEWED=2026-11-20 \
	ACCESSIBILITY_CONTACT_NAME="Koordynator do spraw dostępności" \
	ACCESSIBILITY_CONTACT_EMAIL="dostepnosc@pwik-wegrow.example.pl" \
	ACCESSIBILITY_BUILDING="Biuro Obsługi Klienta jest na parterze, wejście z poziomu chodnika bez progów; przed budynkiem jest miejsce parkingowe dla osób z niepełnosprawnością." \
	PRIVACY_DPO_CONTACT="iod@pwik-wegrow.example.pl"
DEMO_ENV := DEBUG=1 EMAIL_BACKEND=console TASKS_BACKEND=immediate PAYMENT_BANK_CODE=10204027 $(DEMO_CONTACT)
# Settings refuse to start without SECRET_KEY unless DEBUG. Commands that serve nothing and sign
# nothing (catalogues, the migrations check, the API schema) get a throwaway key unless one is
# set; the shell expands it, so a real key is never echoed.
OFFLINE_ENV := SECRET_KEY="$${SECRET_KEY:-offline-command-signs-nothing}"

.PHONY: demo test lint format messages migrations-check lock install clean openapi bench system system-test

install: $(BIN)/.installed

$(BIN)/.installed: requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

# Debian packages a fresh machine may lack: gettext (msgfmt) for the catalogues, and for the
# tests Chromium. As root they are installed; otherwise the command that installs them is shown.
system:
	bin/system-packages gettext

system-test:
	bin/system-packages gettext chromium redis-server nginx

# Compiled catalogues are build output: made from locale/*/django.po, never committed.
messages: system install
	$(OFFLINE_ENV) $(MANAGE) compilemessages --ignore=$(VENV) --verbosity=0

demo: install messages
	$(DEMO_ENV) $(MANAGE) migrate --verbosity=0
	$(DEMO_ENV) $(MANAGE) demo_data
	@# The day's notices (docs/notifications.md), printed here as the console backend sends them.
	$(DEMO_ENV) SITE_URL=http://127.0.0.1:$(PORT) $(MANAGE) send_notifications
	@$(DEMO_ENV) $(MANAGE) issue_temporary_password 001234 > var/demo-password.txt
	@echo
	@echo "eBOK demo: http://127.0.0.1:$(PORT)/"
	@echo "  customer number (Użytkownik): 001234"
	@echo "  temporary password (Hasło):   $$(tail -n 1 var/demo-password.txt)"
	@echo "  You will be asked to choose your own password at the first login."
	@echo "  E-mails are printed here, in this terminal. Stop with Ctrl+C."
	@echo "  Staff: DEBUG=1 $(MANAGE) createsuperuser, then /admin/ with an authenticator app (README)."
	@echo
	$(DEMO_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

# The suite runs in TEST_WORKERS processes (pytest-xdist), each with its own test database and,
# with REDIS_URL, its own Redis database (ebok/test_environment.py); TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= 2
test: system-test install messages
	$(BIN)/pytest -n $(TEST_WORKERS)

# Time the demo-data generator on DATABASE_URL (default: the SQLite file), e.g.
# make bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/ebok_bench BENCH_CUSTOMERS=100000
BENCH_CUSTOMERS ?= 10000
BENCH_YEARS ?= 5
bench: install
	DATABASE_URL="$(DATABASE_URL)" $(BIN)/python bench/demo_data.py --customers $(BENCH_CUSTOMERS) --years $(BENCH_YEARS)

# Pages under load (wrk) on PostgreSQL databases of demo customers, built once and reused
# (ebok_bench_1k, ebok_bench_100k), e.g. make bench-web BENCH_WEB_CUSTOMERS=1000 BENCH_WEB_SECONDS=5
BENCH_WEB_CUSTOMERS ?= 1000 100000
BENCH_WEB_SECONDS ?= 10
BENCH_WEB_CONNECTIONS ?= 32
.PHONY: bench-web
bench-web: install messages
	bin/system-packages wrk nginx
	$(BIN)/python bench/web.py --customers $(BENCH_WEB_CUSTOMERS) \
		--seconds $(BENCH_WEB_SECONDS) --connections $(BENCH_WEB_CONNECTIONS)

# "Moje dane": the ZIP of one customer with ten years of history, on its own PostgreSQL database
# (ebok_export_bench, dropped afterwards) or DATABASE_URL.
.PHONY: bench-export
bench-export: install
	$(BIN)/python bench/data_export.py --years 10
# A due-date run: record, queue and deliver a reminder per customer with two workers to a local
# SMTP sink, e.g. make bench-notifications BENCH_NOTIFY_CUSTOMERS=300000 \
#   BENCH_NOTIFY_DATABASE=postgres://postgres@127.0.0.1:5432/ebok_bench_notify
BENCH_NOTIFY_CUSTOMERS ?= 10000
BENCH_NOTIFY_DATABASE ?= sqlite:///var/bench-notifications.sqlite3
.PHONY: bench-notifications
bench-notifications: install messages
	$(BIN)/python bench/notifications.py --customers $(BENCH_NOTIFY_CUSTOMERS) \
		--database-url $(BENCH_NOTIFY_DATABASE)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(OFFLINE_ENV) $(MANAGE) makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract texts into the catalogues (without source locations, for small diffs).
messages-update: install
	$(OFFLINE_ENV) $(MANAGE) makemessages -l pl -l en --no-location --ignore=$(VENV) --ignore=var

# The integration API's schema, committed as docs/openapi.json (a test compares the two).
openapi: install
	$(OFFLINE_ENV) $(MANAGE) openapi_schema --output docs/openapi.json

lock: install
	cd requirements && ../$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links base.in -o base.txt
	cd requirements && ../$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links dev.in -o dev.txt

clean:
	rm -rf $(VENV) var
