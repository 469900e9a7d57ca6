"""A pytest plugin loaded before Django's settings: the environment the test suite runs in.

Tests talk plain HTTP to a local server, so HTTPS redirects and Secure cookies are off; every
other setting is the production default unless a test overrides it.
"""

import os

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
