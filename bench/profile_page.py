"""Where one page's time goes: cProfile of one request through Django's test client, on a
database that `make bench-web` built (docs/performance.md shows the output).

    .venv/bin/python bench/profile_page.py                        # invoices of 001234, 1k
    .venv/bin/python bench/profile_page.py --database ebok_bench_100k --page payments
    .venv/bin/python bench/profile_page.py --timings 50       # p50 of every page, no profiler

Production's settings (DEBUG off, the Redis cache); the customer is logged in and the page
requested once before the measured request, so that neither the login nor a first request's
imports and connections are counted. Prints the functions by cumulative time and by their
own time.
"""

import argparse
import cProfile
import os
import pstats
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="ebok_bench_1k")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--customer", default="001234")
    parser.add_argument(
        "--page", default="invoices", help="a portal URL name (invoice, meter: the newest)"
    )
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument(
        "--requests", type=int, default=1, help="profile so many requests together (default 1)"
    )
    parser.add_argument(
        "--timings",
        type=int,
        metavar="N",
        help="no profile: time N requests of every customer page, print p50 and queries",
    )
    args = parser.parse_args()
    url = urlunsplit(urlsplit(args.postgres)._replace(path=f"/{args.database}"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "ebok.settings",
            "DATABASE_URL": url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
            "CACHE_KEY_PREFIX": f"bench-profile-{secrets.token_hex(4)}",
            "DEBUG": "",
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "testserver",
        }
    )
    import django

    django.setup()
    from django.test import Client

    from ebok.customers.models import Customer

    customer = Customer.objects.get(number=args.customer)
    client = Client()
    client.force_login(customer.account)
    if args.timings:
        try:
            print_timings(client, customer, args)
        finally:
            client.logout()
        return
    path = page_path(customer, args.page)
    if args.page == "login":
        client = Client()  # the login page as the anonymous visitor sees it
    try:
        assert client.get(path).status_code == 200, path  # noqa: S101 - a check of the setup
        profile = cProfile.Profile()
        for _ in range(args.requests):
            response = profile.runcall(client.get, path)
            assert response.status_code == 200, path  # noqa: S101
    finally:
        client.logout()  # the session leaves the cache and the database
    print(
        f"{args.database}: GET {path} as {args.customer} ({len(response.content):,} bytes), "
        f"{args.requests} request(s)\n"
    )
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    # The cumulative list starts with the layers every request passes through; the functions'
    # own time shows what the work is.
    stats.sort_stats("tottime").print_stats(args.top)


def page_path(customer, page: str) -> str:
    from django.urls import reverse

    from ebok.customers.models import Meter

    if page == "login":
        return reverse("accounts:login")
    if page in ("invoice", "invoice_pdf"):
        return reverse(f"portal:{page}", args=[customer.invoices.order_by("-issued_on")[0].pk])
    if page in ("meter", "meter_reading"):
        meter = Meter.objects.filter(
            service_point__customer=customer, removed_on__isnull=True
        ).order_by("pk")[0]
        return reverse(f"portal:{page}", args=[meter.pk])
    return reverse(f"portal:{page}")


def print_timings(client, customer, args) -> None:
    """Each page's p50, CPU time, function calls and queries, one connection: a before/after
    table."""
    import statistics
    import time

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # The anonymous login page first: the budgets are ratios to it.
    pages = ["login", "info", "invoices", "payments", "meters", "documents", "overview"]
    pages += ["invoice", "meter", "meter_reading", "invoice_pdf", "numbers"]
    anonymous = Client()
    print(f"{args.database}: {args.timings} requests a page as {customer.number}, one at a time")
    # On a shared machine the wall clock mostly measures the others' load; the app's own CPU
    # time (this process, not PostgreSQL's) moves less from run to run, its minimum less
    # still; the Python function calls of one request (counted by the profiler) not at all.
    print(
        f"{'page':<12}{'p50 ms':>8}{'CPU ms':>8}{'CPU min':>8}{'x login':>8}"
        f"{'calls':>8}{'x login':>8}{'queries':>9}"
    )
    login_cpu = login_calls = None
    for page in pages:
        path = page_path(customer, page)
        browser = anonymous if page == "login" else client
        assert browser.get(path).status_code == 200, path  # noqa: S101 - a check of the setup
        with CaptureQueriesContext(connection) as captured:
            browser.get(path)
        queries = len(captured)  # counted now: the next requests empty the log
        profile = cProfile.Profile()
        profile.runcall(browser.get, path)
        calls = pstats.Stats(profile).total_calls
        times, cpu = [], []
        for _ in range(args.timings):
            started, started_cpu = time.perf_counter(), time.process_time()
            browser.get(path)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        login_cpu, login_calls = login_cpu or statistics.median(cpu), login_calls or calls
        print(
            f"{page:<12}{statistics.median(times):>8.1f}{statistics.median(cpu):>8.1f}"
            f"{min(cpu):>8.1f}{statistics.median(cpu) / login_cpu:>8.1f}"
            f"{calls:>8}{calls / login_calls:>8.1f}{queries:>9}"
        )


if __name__ == "__main__":
    main()
