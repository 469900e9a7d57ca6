"""A setting the portal does not understand stops the start-up, naming the variable and what it
accepts; it is never taken as "off" or as the default."""

import os
import subprocess
import sys
from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ebok.core.env import env_bool, env_choice, env_date, env_int

NAME = "EBOK_TEST_VALUE"


def start_django(then: str = "", **env) -> subprocess.CompletedProcess:
    """Start Django in a fresh process with these variables on top of the test suite's, and
    run the Python statements `then`."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {then}"],
        cwd=settings.BASE_DIR,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "ebok.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " On "])
def test_a_boolean_is_on_for_1_true_yes_and_on_in_any_case(monkeypatch, value):
    monkeypatch.setenv(NAME, value)
    assert env_bool(NAME, False) is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "Off"])
def test_a_boolean_is_off_for_0_false_no_and_off_in_any_case(monkeypatch, value):
    monkeypatch.setenv(NAME, value)
    assert env_bool(NAME, True) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_a_missing_or_empty_value_takes_the_default(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(NAME, raising=False)
    else:
        monkeypatch.setenv(NAME, value)
    assert env_bool(NAME, True) is True
    assert env_bool(NAME, False) is False
    assert env_int(NAME, 7) == 7
    assert env_choice(NAME, ["smtp", "console"], "smtp") == "smtp"


@pytest.mark.parametrize("value", ["ture", "2", "enabled", "y", "off!"])
def test_a_misspelt_boolean_is_refused_with_the_accepted_values(monkeypatch, value):
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool(NAME, True)
    assert str(refused.value) == (
        f"{NAME} must be one of 1/0, true/false, yes/no, on/off (or empty), not {value!r}."
    )


def test_a_whole_number_is_read_with_spaces_around_it(monkeypatch):
    monkeypatch.setenv(NAME, " 42 ")
    assert env_int(NAME, 7) == 42


@pytest.mark.parametrize(("value", "minimum"), [("ten", 0), ("1.5", 0), ("-1", 0), ("5", 6)])
def test_a_number_that_is_not_whole_or_too_small_is_refused(monkeypatch, value, minimum):
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_int(NAME, 8, minimum=minimum)
    assert str(refused.value) == (
        f"{NAME} must be a whole number of at least {minimum} (or empty), not {value!r}."
    )


def test_a_choice_is_taken_in_any_case_and_given_back_as_spelled_in_the_choices(monkeypatch):
    monkeypatch.setenv(NAME, "warning")
    assert env_choice(NAME, ["DEBUG", "INFO", "WARNING"], "INFO") == "WARNING"


def test_an_unknown_choice_is_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv(NAME, "smpt")
    with pytest.raises(ImproperlyConfigured) as refused:
        env_choice(NAME, {"smtp": "…", "console": "…", "file": "…"}, "smtp")
    assert str(refused.value) == (
        f"{NAME} must be one of smtp, console, file (or empty), not 'smpt'."
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECURE_SSL_REDIRECT", "ture"),
        ("HSTS_SECONDS", "one year"),
        ("PASSWORD_MIN_LENGTH", "4"),
        ("EMAIL_BACKEND", "smpt"),
        ("TASKS_BACKEND", "celery"),
        ("LOG_LEVEL", "loud"),
    ],
)
def test_django_does_not_start_with_a_value_it_does_not_understand(name, value):
    result = start_django(**{name: value})

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"django.core.exceptions.ImproperlyConfigured: {name} must be ")
    assert repr(value) in last_line


def test_django_does_not_start_with_both_kinds_of_smtp_encryption():
    result = start_django(EMAIL_USE_TLS="1", EMAIL_USE_SSL="1")

    assert result.returncode != 0
    assert "EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other" in result.stderr


def test_django_starts_with_understood_values():
    result = start_django(SECURE_SSL_REDIRECT="Yes", EMAIL_BACKEND="Console", LOG_LEVEL="warning")

    assert result.returncode == 0, result.stderr


def test_a_date_is_written_year_month_day(monkeypatch):
    monkeypatch.setenv(NAME, " 2026-03-30 ")
    assert env_date(NAME) == date(2026, 3, 30)
    monkeypatch.setenv(NAME, "")
    assert env_date(NAME) is None


@pytest.mark.parametrize("value", ["30.03.2026", "2026-02-30", "2026/03/30", "wczoraj"])
def test_a_date_in_another_form_is_refused(monkeypatch, value):
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_date(NAME)
    assert str(refused.value) == (
        f"{NAME} must be a date written as YYYY-MM-DD (or empty), not {value!r}."
    )


def test_a_wrong_accessibility_status_stops_the_start_up():
    result = start_django(ACCESSIBILITY_STATUS="zgodna", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ACCESSIBILITY_STATUS must be one of full, partial, none" in result.stderr
