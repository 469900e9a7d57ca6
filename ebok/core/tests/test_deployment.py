import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "SECRET_KEY": "x" * 20 + "production-like-secret-for-the-deploy-check-only-0123456789",
    "ALLOWED_HOSTS": "ebok.example.pl",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "DEBUG": "",
    "SECURE_SSL_REDIRECT": "",
    "SECURE_COOKIES": "",
    "HSTS_SECONDS": "",
    "TASKS_BACKEND": "",
    "ACCESSIBILITY_PUBLISHED": "2026-01-15",
    "ACCESSIBILITY_UPDATED": "2026-11-16",
    "ACCESSIBILITY_PREPARED": "2026-03-30",
}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_throttling_is_not_shared():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "REDIS_URL": ""}
    )
    assert result.returncode != 0
    assert "ebok.W002" in result.stderr


def test_deploy_check_warns_when_email_is_sent_inside_requests():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **{**PRODUCTION, "TASKS_BACKEND": "immediate"},
    )
    assert result.returncode != 0
    assert "ebok.W003" in result.stderr


def test_deploy_check_warns_while_the_accessibility_declaration_has_no_dates():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **{**PRODUCTION, "ACCESSIBILITY_PUBLISHED": "", "ACCESSIBILITY_PREPARED": ""},
    )
    assert result.returncode != 0
    assert "ebok.W004" in result.stderr
    assert "ACCESSIBILITY_PUBLISHED, ACCESSIBILITY_PREPARED" in result.stderr


def test_production_queues_email_by_default():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.TASKS)", **PRODUCTION
    )
    assert "django_tasks_db.DatabaseBackend" in result.stdout, result.stderr


def test_pages_send_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_login_page_is_not_cached(client):
    response = client.get(reverse("accounts:login"))
    assert "no-cache" in response.headers["Cache-Control"]
