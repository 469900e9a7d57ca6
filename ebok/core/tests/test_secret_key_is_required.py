"""Without DEBUG the portal does not start without a SECRET_KEY; the Makefile's commands that
sign nothing still run."""

import os
import subprocess

import pytest
from django.conf import settings

from ebok.core.tests.test_settings_parse_strictly import start_django

REFUSAL = (
    "django.core.exceptions.ImproperlyConfigured: SECRET_KEY is not set: "
    "give a long random string (DEBUG=1 runs without one)."
)


@pytest.mark.parametrize("value", ["", "   "])
def test_django_does_not_start_without_a_secret_key(value):
    result = start_django(SECRET_KEY=value, DEBUG="")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == REFUSAL


def test_django_starts_without_a_secret_key_in_debug_mode():
    result = start_django(SECRET_KEY="", DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_the_makefiles_offline_commands_run_without_a_secret_key():
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        ["make", "--no-print-directory", "messages"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert 'SECRET_KEY="${SECRET_KEY:-offline-command-signs-nothing}"' in result.stdout
