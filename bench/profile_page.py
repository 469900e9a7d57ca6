"""Where one page's time goes: cProfile of one request through Django's test client, on a
database that `make bench-web` built (docs/performance.md shows the output).

    .venv/bin/python bench/profile_page.py                        # invoices of 001234, 1k
    .venv/bin/python bench/profile_page.py --database ebok_bench_100k --page payments

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
    parser.add_argument("--page", default="invoices", help="a portal URL name without arguments")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument(
        "--requests", type=int, default=1, help="profile so many requests together (default 1)"
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
    from django.urls import reverse

    from ebok.customers.models import Customer

    client = Client()
    client.force_login(Customer.objects.get(number=args.customer).account)
    path = reverse(f"portal:{args.page}")
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


if __name__ == "__main__":
    main()
