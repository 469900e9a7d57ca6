"""eBOK settings: one module, every deployment choice read from the environment.

The README lists the variables. Defaults are safe for production except where DEBUG=1 is needed
for the demo; anything that must not have a default (SECRET_KEY) stops the start-up.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ebok.core.env import (
    env_bool,
    env_choice,
    env_date,
    env_int,
    env_list,
    env_networks,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# Everything signed (sessions, CSRF, reset links) depends on it, so without DEBUG there is no
# default: a deployment without one stops here rather than at the first signature. Commands
# that sign nothing (the Makefile's catalogues, migrations check, schema) pass a throwaway one.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY.strip() and DEBUG:
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 - DEBUG only
if not SECRET_KEY.strip():
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: give a long random string (DEBUG=1 runs without one)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "ebok.core",
    "ebok.accounts",
    "ebok.customers",
    "ebok.billing",
    "ebok.content",
    "ebok.audit",
    "ebok.notifications",
    "ebok.portal",
    "ebok.public",
    "ebok.cases",
    "ebok.integration",
    "ebok.payments",
    "ebok.backoffice",
    "ebok.backoffice.apps.OfficeAdminConfig",  # Django's admin, with the office's door
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ebok.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ebok.backoffice.middleware.OfficeNetworkMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ebok.accounts.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ebok.accounts.middleware.ThrottleUnavailableMiddleware",
]

ROOT_URLCONF = "ebok.urls"
WSGI_APPLICATION = "ebok.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ebok.core.context_processors.utility",
            ],
        },
    },
]

# Database: DATABASE_URL picks; the embedded default is a SQLite file under var/.
_default_sqlite = BASE_DIR / "var" / "ebok.sqlite3"
if not env_str("DATABASE_URL"):
    _default_sqlite.parent.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{_default_sqlite}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
    )
}
# psycopg prepares a query the connection has run five times (which needs the values sent
# apart from the query: server-side binding): PostgreSQL then skips parsing and planning it,
# half or more of its CPU on a panel page (docs/performance.md). Django leaves it off by
# default; off here for a pooler that keeps no prepared statements (PgBouncer before 1.21, or
# without max_prepared_statements, in transaction mode).
_prepared_statements = env_bool("DATABASE_PREPARED_STATEMENTS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _prepared_statements:
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: login throttling lives here, so several app servers must share it (REDIS_URL).
# When it is down, pages read sessions from the database and throttled forms answer 503
# (docs/security.md); short timeouts keep a cache that does not answer from holding up
# every request.
REDIS_URL = env_str("REDIS_URL") or env_str("CACHE_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ebok"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    SESSION_ENGINE = "ebok.accounts.sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Accounts and passwords (numbers from docs/security.md).
AUTH_USER_MODEL = "accounts.User"
# No plain username-and-password backend: each way in has its own form, throttled.
AUTHENTICATION_BACKENDS = [
    "ebok.accounts.backends.CustomerNumberBackend",
    "ebok.accounts.backends.StaffBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# The legacy 6 is the least allowed (a system check warns below 8).
PASSWORD_MIN_LENGTH = env_int("PASSWORD_MIN_LENGTH", 8, minimum=6)
PASSWORD_MAX_LENGTH = 256
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "ebok.accounts.passwords.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "ebok.accounts.passwords.PersonalDataValidator"},
]
TEMPORARY_PASSWORD_DAYS = env_int("TEMPORARY_PASSWORD_DAYS", 7, minimum=1)
TEMPORARY_PASSWORD_LENGTH = 12
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_MINUTES", 60, minimum=1) * 60
# Forgotten-password e-mails: at most so many an hour per customer number and per address.
PASSWORD_RESET_EMAILS_PER_HOUR = env_int("PASSWORD_RESET_EMAILS_PER_HOUR", 3, minimum=1)
PASSWORD_RESET_ADDRESS_PER_HOUR = env_int("PASSWORD_RESET_ADDRESS_PER_HOUR", 20, minimum=1)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:info"

LOGIN_THROTTLE_FREE_FAILURES = env_int("LOGIN_THROTTLE_FREE_FAILURES", 5, minimum=1)
LOGIN_THROTTLE_ADDRESS_FREE_FAILURES = env_int(
    "LOGIN_THROTTLE_ADDRESS_FREE_FAILURES", 20, minimum=1
)
LOGIN_THROTTLE_FIRST_WAIT = env_int("LOGIN_THROTTLE_FIRST_WAIT_SECONDS", 60, minimum=1)
LOGIN_THROTTLE_MAX_WAIT = env_int("LOGIN_THROTTLE_MAX_WAIT_SECONDS", 15 * 60, minimum=1)
# Failures are forgotten after a day without any.
LOGIN_THROTTLE_MEMORY = 24 * 60 * 60
# How many reverse proxies in front of eBOK append to X-Forwarded-For; 0 trusts no header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Sessions: "remember me" keeps one for 30 days; without it the cookie dies with the browser
# and the session ends after 30 idle minutes.
SESSION_REMEMBER_ME_AGE = 30 * 24 * 60 * 60
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_MINUTES", 30, minimum=1) * 60
SESSION_COOKIE_AGE = SESSION_REMEMBER_ME_AGE

# HTTPS and headers. Behind a TLS-terminating proxy set PROXY_SSL_HEADER=1.
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# A refused form (usually one left open too long) gets the portal's own 403 page.
CSRF_FAILURE_VIEW = "ebok.core.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# One-time messages ("Twoje hasło zostało zmienione.") ride in the session rather than in a
# cookie of their own: the portal sets only the cookies its cookies page lists (ebok/public).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
# The header covers the portal's own host and its subdomains, not the utility's whole domain.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is decided for a whole registered domain by its owner, so it is opt-in, and
# Django's reminder about it (security.W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Language and time: Polish first, English complete; stored in UTC, shown in Warsaw time.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["ebok.formats"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the source folders too, so that collectstatic is an optimisation only.
WHITENOISE_USE_FINDERS = True

# Uploaded files (invoice PDFs, documents): served only through the portal's own views, which
# check whose they are, never as public media.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Documents staff upload in the admin: PDF only, at most this many megabytes each.
DOCUMENT_MAX_MB = env_int("DOCUMENT_MAX_MB", 10, minimum=1)
# Files attached to a case's messages (PDF, JPEG, PNG): at most this many megabytes each.
CASE_ATTACHMENT_MAX_MB = env_int("CASE_ATTACHMENT_MAX_MB", 10, minimum=1)

# E-mail: EMAIL_BACKEND is "smtp" (default), "console" or "file" (under var/mail).
_email_backends = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
EMAIL_BACKEND = _email_backends[env_choice("EMAIL_BACKEND", _email_backends, "smtp")]
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other: set one.")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ebok@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Notifications (docs/notifications.md). SMS_BACKEND is "console" (default), "file" (under
# var/sms) or "smsapi" (SMSAPI.pl; SMSAPI_TOKEN is an OAuth token from its customer panel).
SMS_BACKEND = env_choice("SMS_BACKEND", ["console", "file", "smsapi"], "console")
SMS_FILE_PATH = BASE_DIR / "var" / "sms"
SMSAPI_TOKEN = env_str("SMSAPI_TOKEN")
SMSAPI_SENDER = env_str("SMSAPI_SENDER")
# Another API address than SMSAPI.pl's (SMSAPI.com's, or a local server in tests).
SMSAPI_URL = env_url("SMSAPI_URL")
# Seconds to wait for the gateway's answer; a delivery that times out is tried again later.
SMSAPI_TIMEOUT = env_int("SMSAPI_TIMEOUT", 10, minimum=1)
if SMS_BACKEND == "smsapi" and not SMSAPI_TOKEN:
    raise ImproperlyConfigured("SMS_BACKEND=smsapi needs SMSAPI_TOKEN.")
# Reminders go this many days before the due date; new invoices are told within this many days
# of their issue date (older ones, e.g. a first import of history, are not).
NOTICE_DUE_DAYS = env_int("NOTICE_DUE_DAYS", 3, minimum=1)
NOTICE_NEW_INVOICE_DAYS = env_int("NOTICE_NEW_INVOICE_DAYS", 14, minimum=1)
NOTICE_MAX_ATTEMPTS = env_int("NOTICE_MAX_ATTEMPTS", 5, minimum=1)

# Background jobs: "database" (the default) queues them for `manage.py db_worker`, which keeps
# e-mail delivery out of the response time, so that a form answers as fast for an unknown
# customer as for a known one; "immediate" runs them inside the request (tests, development).
_task_backends = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_task_backend = env_choice("TASKS_BACKEND", _task_backends, "database")
TASKS = {"default": {"BACKEND": _task_backends[_task_backend]}}

# The utility that runs this portal, shown on pages, e-mails and letters.
UTILITY_NAME = env_str("UTILITY_NAME", "Przedsiębiorstwo Wodociągów i Kanalizacji")
UTILITY_ADDRESS = env_str("UTILITY_ADDRESS", "")
UTILITY_PHONE = env_str("UTILITY_PHONE", "")
UTILITY_EMAIL = env_str("UTILITY_EMAIL", "")
UTILITY_WEBSITE = env_str("UTILITY_WEBSITE", "")
UTILITY_NIP = env_str("UTILITY_NIP", "")  # tax number, for the transfer QR code
# When the utility answers (the secretariat, the phone), and when the customer office, where
# customers come in person, is open: free text in the utility's own words ("pon.-pt. 7-15").
UTILITY_OFFICE_HOURS = env_str("UTILITY_OFFICE_HOURS", "")
UTILITY_CUSTOMER_OFFICE_HOURS = env_str("UTILITY_CUSTOMER_OFFICE_HOURS", "")
# The round-the-clock number for failures (994 is the Polish water emergency number).
UTILITY_EMERGENCY_PHONE = env_str("UTILITY_EMERGENCY_PHONE", "")

# The accessibility declaration (ebok/public/, docs/public-pages.md): its variable parts.
ACCESSIBILITY_PUBLISHED = env_date("ACCESSIBILITY_PUBLISHED")
ACCESSIBILITY_UPDATED = env_date("ACCESSIBILITY_UPDATED")
ACCESSIBILITY_PREPARED = env_date("ACCESSIBILITY_PREPARED")
ACCESSIBILITY_REVIEWED = env_date("ACCESSIBILITY_REVIEWED")
# The date of the last automated check (the axe-core browser tests); CI may set it from its run.
ACCESSIBILITY_CHECKED = env_date("ACCESSIBILITY_CHECKED")
ACCESSIBILITY_STATUS = env_choice("ACCESSIBILITY_STATUS", ["full", "partial", "none"], "partial")
# Empty: a self-assessment; otherwise who audited the portal.
ACCESSIBILITY_AUDITOR = env_str("ACCESSIBILITY_AUDITOR", "")
ACCESSIBILITY_CONTACT_NAME = env_str("ACCESSIBILITY_CONTACT_NAME", "")
ACCESSIBILITY_CONTACT_EMAIL = env_str("ACCESSIBILITY_CONTACT_EMAIL", "") or UTILITY_EMAIL
ACCESSIBILITY_CONTACT_PHONE = env_str("ACCESSIBILITY_CONTACT_PHONE", "") or UTILITY_PHONE
# The building of the customer office: entrances, lifts, parking, sign-language interpreter.
ACCESSIBILITY_BUILDING = env_str("ACCESSIBILITY_BUILDING", "")
# The privacy policy's default text (GDPR art. 13) names the data protection officer's contact.
PRIVACY_DPO_CONTACT = env_str("PRIVACY_DPO_CONTACT", "")
# Which KSeF the verification QR codes on invoice copies point to (ebok/billing/ksef.py).
KSEF_ENVIRONMENT = env_choice("KSEF_ENVIRONMENT", ["production", "demo", "test"], "production")
# Integration API (docs/api.md): records in one request, and the size of a request body.
API_MAX_BATCH = env_int("API_MAX_BATCH", 1000, minimum=1)
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_MB", 10, minimum=1) * 1024 * 1024

# Payments: each customer's own account (NRB) is the bank's code, then PAYMENT_ACCOUNT_PREFIX,
# then the customer number, zero-padded to 16 digits, unless the billing system gives one.
PAYMENT_BANK_CODE = env_str("PAYMENT_BANK_CODE", "")
PAYMENT_ACCOUNT_PREFIX = env_str("PAYMENT_ACCOUNT_PREFIX", "")
PAYMENT_RECIPIENT = env_str("PAYMENT_RECIPIENT", "") or UTILITY_NAME
# Online payments (docs/payments.md): "none" shows transfer details only.
PAYMENT_PROVIDER = env_choice("PAYMENT_PROVIDER", ["none", "przelewy24"], "none")
PAYMENT_PROVIDER_TIMEOUT_SECONDS = env_int("PAYMENT_PROVIDER_TIMEOUT_SECONDS", 10, minimum=1)
ONLINE_PAYMENT_MAX_ZLOTY = env_int("ONLINE_PAYMENT_MAX_ZLOTY", 100000, minimum=1)
P24_MERCHANT_ID = env_int("P24_MERCHANT_ID", 0)
P24_POS_ID = env_int("P24_POS_ID", 0)  # 0: the merchant id, as P24 gives it by default
P24_CRC = env_str("P24_CRC", "")
P24_API_KEY = env_str("P24_API_KEY", "")
# Off by default: a production site that took the sandbox would show test money as paid.
P24_SANDBOX = env_bool("P24_SANDBOX", False)
P24_API_URL = env_str("P24_API_URL", "").strip()  # another address (a test server); empty: P24's
if PAYMENT_PROVIDER == "przelewy24" and not (P24_MERCHANT_ID and P24_CRC and P24_API_KEY):
    raise ImproperlyConfigured(
        "PAYMENT_PROVIDER=przelewy24 needs P24_MERCHANT_ID, P24_CRC and P24_API_KEY."
    )
# Where links in e-mails point, e.g. https://ebok.example.pl (no trailing slash).
SITE_URL = env_str("SITE_URL", "").rstrip("/")

# The office's door (/admin/, docs/security.md). Staff sign in with a second factor, an
# authenticator app's code (TOTP); only a development machine may do without it.
STAFF_TWO_FACTOR = env_bool("STAFF_TWO_FACTOR", True)
if not STAFF_TWO_FACTOR and not DEBUG:
    raise ImproperlyConfigured("STAFF_TWO_FACTOR may be turned off only with DEBUG=1.")
# Empty: the admin answers from anywhere; else only clients in these networks, 404 elsewhere.
ADMIN_ALLOWED_NETWORKS = env_networks("ADMIN_ALLOWED_NETWORKS")
# django-otp: code guesses are counted by our own throttle, like passwords, so the devices'
# own back-off (a second, differently behaving limit) is off.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = f"e-BOK {UTILITY_NAME}"

LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", LOG_LEVELS, "INFO")},
}
