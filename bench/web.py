"""Pages under load: requests/s, p50 and p99 of every customer page and of the login page.

    make bench-web                                   # 1,000 and 100,000 customers
    .venv/bin/python bench/web.py --customers 1000 --seconds 5 --connections 16

For each size: a PostgreSQL database ebok_bench_1k (ebok_bench_100k, ...) on the server of
--postgres, made with demo_data (5 years of history) unless it already holds that many demo
customers, so it is built once and reused; passwords for the first --logins customers; one app
server as production runs it (deploy/gunicorn.conf.py, DEBUG off, a SECRET_KEY made for the
run, the Redis cache, 2 workers); those customers logged in over HTTP and every page checked
once for each; then wrk (Debian's package wrk) on each page for --seconds with --connections,
the customers' session cookies in turn. The throughput of each page is also given as a ratio
to the login page's, measured again just before each page (the machine's speed drifts from
minute to minute; the ratio of two runs of the same minute moves less), and the CPU time a
request of the app server, PostgreSQL and Redis while wrk ran (Linux's /proc). Prints a table
and writes it to var/bench/web.json, by size (a run replaces the sizes it measured).
"""

import argparse
import datetime as dt
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ebok.testing_servers import ROOT, AppServer, Browser

YEARS = 5
# The anonymous login page first: the other pages' throughput is given as a ratio to its.
PAGES = [
    "login",
    "info",
    "invoices",
    "payments",
    "meters",
    "documents",
    "overview",
    "invoice",
    "meter",
    "meter_reading",
    "invoice_pdf",
    "numbers",
]
WRK_SCRIPT = """-- Made by bench/web.py: the requests of the logged-in customers, in turn.
local plan = {%(plan)s}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  n = id * 7  -- each thread starts at another customer
  not_200 = 0
end

function request()
  n = n %% #plan + 1
  local path, cookie = plan[n][1], plan[n][2]
  if cookie == "" then return wrk.format("GET", path) end
  return wrk.format("GET", path, {["Cookie"] = cookie})
end

function response(status, headers, body)
  -- A lost session answers 302 to the login page, which wrk counts as a success.
  if status ~= 200 then not_200 = not_200 + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("not_200") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, ' ..
    '"socket_errors": %%d, "not_200": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, total))
end
"""


def size_name(customers: int) -> str:
    return f"{customers // 1000}k" if customers % 1000 == 0 else str(customers)


def database_url(server: str, name: str) -> str:
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def ensure_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(database_url(server, "postgres"), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            print(f"creating database {name}")
            admin.execute(f'CREATE DATABASE "{name}"')


def prepare(customers: int, logins: int) -> None:
    """In a process of its own, on DATABASE_URL: migrate, make the demo data unless there,
    give the first customers passwords and print, as JSON, each one's pages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ebok.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import reverse

    from ebok.billing.models import Invoice
    from ebok.customers.demo.people import customer_numbers
    from ebok.customers.demo.run import generate
    from ebok.customers.models import Customer, Meter
    from ebok.testing import PASSWORD, make_account

    call_command("migrate", verbosity=0)
    present = Customer.objects.filter(external_id__startswith="demo:").count()
    if present != customers:
        print(f"demo data: {customers:,} customers x {YEARS} years", file=sys.stderr)
        generate(customers=customers, years=YEARS, progress=lambda m: print(m, file=sys.stderr))
    pages = {}
    for customer in Customer.objects.filter(number__in=customer_numbers(logins)):
        make_account(customer, PASSWORD)
        invoice = Invoice.objects.filter(customer=customer).order_by("-issued_on").first()
        # A meter that takes readings: a removed one's form page is a notice.
        meter = (
            Meter.objects.filter(service_point__customer=customer, removed_on__isnull=True)
            .order_by("pk")
            .first()
        )
        if invoice is None or meter is None:
            continue
        ids = {"invoice": [invoice.pk], "invoice_pdf": [invoice.pk]}
        ids |= {"meter": [meter.pk], "meter_reading": [meter.pk]}
        pages[customer.number] = {
            page: reverse(f"portal:{page}", args=ids.get(page, []))
            if page != "login"
            else reverse("accounts:login")
            for page in PAGES
        }
    print(json.dumps({"password": PASSWORD, "pages": pages}))


def cpu_seconds(app_pid: int) -> dict:
    """CPU time used so far (user and system, Linux's /proc) by each process of the app server
    (its master and workers), PostgreSQL and Redis: {pid: (part, seconds)}."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        pid, parent = int(entry.name), int(fields[1])
        part = (
            "app"
            if app_pid in (pid, parent)
            else "postgres"
            if name.startswith("postgres")
            else "redis"
            if name.startswith("redis-server")
            else None
        )
        if part:
            used[pid] = (part, (int(fields[11]) + int(fields[12])) / tick)
    return used


def cpu_ms_per_request(before: dict, after: dict, requests: int) -> dict:
    """Each part's CPU milliseconds a request between two cpu_seconds() (a process that ended
    in between, such as a PostgreSQL backend whose connection was recycled, is left out)."""
    spent = {"app": 0.0, "postgres": 0.0, "redis": 0.0}
    for pid, (part, seconds) in after.items():
        spent[part] += seconds - before.get(pid, (part, 0.0))[1]
    return {part: round(total * 1000 / max(requests, 1), 2) for part, total in spent.items()}


def run_wrk(plan: list[tuple[str, str]], port: int, app_pid: int, args) -> dict:
    lua = ", ".join(f"{{{json.dumps(path)}, {json.dumps(cookie)}}}" for path, cookie in plan)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"plan": lua})
    try:
        command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.seconds}s"]
        command += ["--timeout", "10s", "-s", script.name, f"http://127.0.0.1:{port}"]
        before = cpu_seconds(app_pid)
        output = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
        after = cpu_seconds(app_pid)
        output = output.stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    seconds = result["duration_us"] / 1e6
    return {
        "requests": result["requests"],
        "requests_per_second": round(result["requests"] / seconds, 1),
        "p50_ms": round(result["p50_us"] / 1000, 1),
        "p99_ms": round(result["p99_us"] / 1000, 1),
        "socket_errors": result["socket_errors"],
        "not_200": result["not_200"],
        # CPU milliseconds a request, of the app server, PostgreSQL and Redis on this machine.
        "cpu_ms": cpu_ms_per_request(before, after, result["requests"]),
    }


def build(customers: int, args) -> tuple[str, str, str, dict]:
    """The database of this size, made unless there: its name, URL, the run's SECRET_KEY and
    the logged-in customers' pages."""
    name = f"ebok_bench_{size_name(customers)}"
    url = database_url(args.postgres, name)
    ensure_database(args.postgres, name)
    secret_key = secrets.token_urlsafe(50)
    prepared = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--prepare", str(customers), "--logins", str(args.logins)],
        env={**os.environ, "DATABASE_URL": url, "SECRET_KEY": secret_key},
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return name, url, secret_key, json.loads(prepared.stdout)


def measure(customers: int, args) -> dict:
    load_average = [round(load, 1) for load in os.getloadavg()]
    name, url, secret_key, prepared = build(customers, args)
    cache_prefix = f"bench-web-{secrets.token_hex(4)}"
    environment = {
        "DATABASE_URL": url,
        "SECRET_KEY": secret_key,
        "REDIS_URL": args.redis,
        "CACHE_KEY_PREFIX": cache_prefix,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "",
        "TASKS_BACKEND": "",
        # Plain HTTP on the loopback, without nginx: no HTTPS redirect, cookies without Secure.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "HSTS_SECONDS": "0",
    }
    pages = [page for page in PAGES if page in args.pages]
    print(f"\n{customers:,} customers x {YEARS} years ({name}), {len(prepared['pages'])} logged in")
    try:
        with AppServer(environment, workers=args.workers) as server:
            plans = log_in_and_check(server.port, prepared, pages)
            results, logins = {}, []
            for page in pages:
                if page != "login" and "login" in pages:
                    # The login page again just before each page: the machine's speed drifts
                    # between minutes, and the ratio compares two runs of the same minute.
                    logins.append(run_wrk(plans["login"], server.port, server.process.pid, args))
                results[page] = run_wrk(plans[page], server.port, server.process.pid, args)
                if page == "login":
                    logins.append(results[page])
                print(f"  {page}: {results[page]['requests_per_second']} requests/s")
    finally:
        forget_cache(args.redis, cache_prefix)
    if logins:
        results["login"]["requests_per_second_runs"] = [
            run["requests_per_second"] for run in logins
        ]
    for page, result in results.items():
        login = logins[min(pages.index(page), len(logins) - 1)] if logins else None
        result["ratio_to_login"] = (
            round(result["requests_per_second"] / login["requests_per_second"], 2)
            if login
            else None
        )
        result["login_p50_ms"] = login["p50_ms"] if login else None
    return {
        "customers": customers,
        "years": YEARS,
        "database": name,
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "cores": os.cpu_count(),
        "load_average_before": load_average,
        "connections": args.connections,
        "seconds": args.seconds,
        "workers": args.workers,
        "logged_in": len(prepared["pages"]),
        "pages": [{"page": page, "path": plans[page][0][0], **results[page]} for page in pages],
    }


def log_in_and_check(port: int, prepared: dict, pages: list[str]) -> dict:
    """Log the customers in; open every page once as each of them (a page that is not 200 with
    the customer's number on it stops the run); each page's plan of (path, cookie)."""
    plans = {page: [] for page in pages}
    for number, paths in prepared["pages"].items():
        browser = Browser(port)
        response = browser.log_in(number, prepared["password"])
        if response.status != 302 or not response.location.startswith("/panel/"):
            sys.exit(f"customer {number} could not log in: {response.status} {response.location}")
        cookie = browser.cookie_header()
        for page in pages:
            if page == "login":
                plans[page].append((paths[page], ""))
                continue
            response = browser.get(paths[page])
            shown = page == "invoice_pdf" or number in response.text
            if response.status != 200 or not shown:
                sys.exit(f"{paths[page]} as {number}: {response.status} {response.location}")
            plans[page].append((paths[page], cookie))
    return plans


def forget_cache(redis_url: str, prefix: str) -> None:
    """Delete the run's sessions and throttle records from Redis."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def commit() -> str:
    command = ["git", "rev-parse", "--short", "HEAD"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    return result.stdout.strip()


def print_table(run: dict) -> None:
    print(
        f"\n{run['customers']:,} customers x {run['years']} years, {run['connections']} "
        f"connections, {run['seconds']} s a page, {run['workers']} workers, "
        f"{run['logged_in']} customers logged in, load average before "
        f"{run['load_average_before'][0]} on {run['cores']} cores"
    )
    print(
        f"{'page':<14}{'path':<28}{'req/s':>9}{'x login':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'app cpu':>9}{'pg cpu':>9}"
    )
    for page in run["pages"]:
        ratio = "" if page["ratio_to_login"] is None else f"{page['ratio_to_login']:.2f}"
        wrong = page["not_200"] + page["socket_errors"]
        print(
            f"{page['page']:<14}{page['path'][:27]:<28}{page['requests_per_second']:>9.1f}"
            f"{ratio:>9}{page['p50_ms']:>9.1f}{page['p99_ms']:>9.1f}"
            f"{page['cpu_ms']['app']:>9.2f}{page['cpu_ms']['postgres']:>9.2f}"
            + (f"  {wrong} not 200 or failed" if wrong else "")
        )


def print_growth(sizes: dict) -> None:
    """p50 on the largest database measured against the smallest, page by page: as measured,
    and each p50 taken as a multiple of the login page's measured just before it (which takes
    out the machine's drift between the runs)."""
    if len(sizes) < 2:
        return
    runs = sorted(sizes.values(), key=lambda run: run["customers"])
    small, large = runs[0], runs[-1]
    before = {page["page"]: page for page in small["pages"]}
    print(
        f"\np50 at {large['customers']:,} customers / p50 at {small['customers']:,}"
        " (as measured; against the login page measured beside it):"
    )
    for page in large["pages"]:
        old = before.get(page["page"])
        if not old or not old["p50_ms"]:
            continue
        line = f"  {page['page']:<14}{page['p50_ms'] / old['p50_ms']:.2f}"
        if page.get("login_p50_ms") and old.get("login_p50_ms"):
            relative = (page["p50_ms"] / page["login_p50_ms"]) / (
                old["p50_ms"] / old["login_p50_ms"]
            )
            line += f"{relative:>8.2f}"
        print(line)


def print_markdown(sizes: dict) -> None:
    """The table of README's "Speed": every size side by side."""
    runs = sorted(sizes.values(), key=lambda run: run["customers"])
    header = ["page"] + [
        f"{size_name(run['customers'])} {label}"
        for run in runs
        for label in ("req/s", "x login", "p50 ms", "p99 ms")
    ]
    print("\n| " + " | ".join(header) + " |")
    print("|---" * len(header) + "|")
    by_page = [{page["page"]: page for page in run["pages"]} for run in runs]
    for name in PAGES:
        if not all(name in pages for pages in by_page):
            continue
        cells = ["`" + re.sub(r"/\d+/", "/<id>/", by_page[0][name]["path"]) + "`"]
        for pages in by_page:
            page = pages[name]
            ratio = "" if page["ratio_to_login"] is None else f"{page['ratio_to_login']:.2f}"
            cells += [f"{page['requests_per_second']:.0f}", ratio, f"{page['p50_ms']:.0f}"]
            cells.append(f"{page['p99_ms']:.0f}")
        print("| " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--seconds", type=int, default=10, help="per page (default 10)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's workers")
    parser.add_argument("--logins", type=int, default=50, help="customers logged in")
    parser.add_argument("--pages", nargs="+", default=PAGES, choices=PAGES)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="the PostgreSQL server (default: $BENCH_POSTGRES or the local one)",
    )
    parser.add_argument(
        "--redis", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "bench" / "web.json")
    parser.add_argument(
        "--build", action="store_true", help="only make the databases (if missing), measure nothing"
    )
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(args.prepare, args.logins)
        return
    if args.build:
        for customers in args.customers:
            build(customers, args)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    saved = json.loads(args.output.read_text()) if args.output.exists() else {"sizes": {}}
    for customers in args.customers:
        run = measure(customers, args)
        saved["sizes"][size_name(customers)] = run
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(saved, indent=2) + "\n")
    for customers in args.customers:
        print_table(saved["sizes"][size_name(customers)])
    print_growth(saved["sizes"])
    print_markdown(
        {size_name(customers): saved["sizes"][size_name(customers)] for customers in args.customers}
    )
    print(f"\nwritten to {args.output}")


if __name__ == "__main__":
    main()
