"""A pytest plugin loaded before Django's settings: the environment the test suite runs in.

Tests talk plain HTTP to a local server, so HTTPS redirects and Secure cookies are off; every
other setting is the production default unless a test overrides it.

EBOK_TEST_CLOCK_SHIFT_DAYS=N runs the suite with the clock moved N days (back when negative).
"""

import datetime as dt
import os
import re

import pytest
import time_machine

os.environ.setdefault("SECRET_KEY", "insecure-key-for-the-test-suite-only")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("HSTS_SECONDS", "0")
os.environ.setdefault("UTILITY_NAME", "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie")
os.environ.setdefault("SITE_URL", "")
# Tasks run inside the request, so tests see their e-mails at once; the tests of the queued
# production setting switch to the database backend themselves.
os.environ.setdefault("TASKS_BACKEND", "immediate")
# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# test body are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")


def _redis_database_per_worker() -> None:
    """With pytest-xdist each worker gets its own Redis database: tests empty the cache between
    them (FLUSHDB), which would pull another worker's throttle counts and sessions from under it.
    Worker gw0 keeps the database of REDIS_URL (0 when it names none), gw1 the one below it, and
    so on, round Redis's 16 databases."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    url = os.environ.get("REDIS_URL", "")
    match = re.fullmatch(r"(redis://[^/]+)(?:/(\d+))?/?", url)
    if not (worker.startswith("gw") and match):
        return
    database = (int(match[2] or 0) - int(worker[2:])) % 16
    os.environ["REDIS_URL"] = f"{match[1]}/{database}"


_redis_database_per_worker()

CLOCK_SHIFT = "EBOK_TEST_CLOCK_SHIFT_DAYS"


def clock_shift_days() -> int:
    value = os.environ.get(CLOCK_SHIFT, "0")
    if not re.fullmatch(r"-?\d+", value):
        raise pytest.UsageError(f"{CLOCK_SHIFT} must be a whole number of days, not {value!r}")
    return int(value)


def pytest_configure(config):
    # CI runs the suite again on another day: a test that passes only around the day it was
    # written (data dated by the real clock, checked at a fixed date) fails there, not months
    # later. The clock keeps ticking; tests that stop it (the `clock` fixture) still do, as
    # time-machine nests travels. Browser tests stay out: Chromium keeps the real clock.
    days = clock_shift_days()
    if days:
        traveller = time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=days))
        traveller.start()
        config.add_cleanup(traveller.stop)


def pytest_report_header(config):
    if clock_shift_days():
        return f"clock moved by {clock_shift_days()} days: today is {dt.date.today()}"
