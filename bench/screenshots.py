"""Screenshots of the demo for the README: the login page and the client panel's first tab.

    .venv/bin/python bench/screenshots.py [--output docs/screenshots]

Sets up a throwaway demo of its own, configured as `make demo` is, and leaves nothing running:
a SQLite database in a temporary directory, migrated and filled by `manage.py demo_data`, a
temporary password for customer 001234, and `manage.py runserver` on a free local port.
Debian's Chromium then logs in as the guide describes, changes the password, and saves four
PNGs of the window (not the full page): login-desktop.png, login-phone.png, panel-desktop.png,
panel-phone.png.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NUMBER = "001234"
NEW_PASSWORD = "Zielona-Dolina-42"  # noqa: S105 (the throwaway demo's; long, not common)
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SERVER_START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args) -> str:
    """Run manage.py with the demo's environment; its standard output."""
    result = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args[:1])} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def wait_for(url, server):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("runserver stopped before it answered")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own local server)
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    sys.exit(f"runserver did not answer at {url} within {SERVER_START_SECONDS} s")


def take_screenshots(base_url, password, output):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # The login page, as a visitor sees it at each width.
            for name, viewport in VIEWPORTS.items():
                context = browser.new_context(base_url=base_url, locale="pl-PL", viewport=viewport)
                page = context.new_page()
                page.goto("/")
                expect(page.get_by_role("heading", name="Logowanie.")).to_be_visible()
                page.screenshot(path=output / f"login-{name}.png")
                context.close()

            # The guide's first login: the temporary password, then one of the customer's own.
            context = browser.new_context(
                base_url=base_url, locale="pl-PL", viewport=VIEWPORTS["desktop"]
            )
            page = context.new_page()
            page.goto("/")
            page.get_by_label("Użytkownik", exact=True).fill(NUMBER)
            page.get_by_label("Hasło", exact=True).fill(password)
            page.get_by_role("button", name="Zaloguj").click()
            page.get_by_label("Aktualne hasło", exact=True).fill(password)
            page.get_by_label("Nowe hasło", exact=True).fill(NEW_PASSWORD)
            page.get_by_label("Potwierdź nowe hasło", exact=True).fill(NEW_PASSWORD)
            page.get_by_role("button", name="Zmień hasło").click()
            expect(page.get_by_text("Twoje hasło zostało zmienione.")).to_be_visible()
            page.get_by_role("link", name="Przejdź do Panelu Klienta").click()

            # Informacje at each width, in the same session.
            for name, viewport in VIEWPORTS.items():
                page.set_viewport_size(viewport)
                page.goto("/panel/")
                expect(page.get_by_role("heading", name="Informacje.")).to_be_visible()
                page.screenshot(path=output / f"panel-{name}.png")
            context.close()
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    output = parser.parse_args().output.resolve()
    output.mkdir(parents=True, exist_ok=True)

    workdir = Path(tempfile.mkdtemp(prefix="ebok-screenshots-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DEBUG": "1",
        "EMAIL_BACKEND": "console",
        "PAYMENT_BANK_CODE": "10204027",
    }
    server = None
    try:
        manage(env, "migrate", "--verbosity=0")
        manage(env, "demo_data")
        password = manage(env, "issue_temporary_password", NUMBER).strip().splitlines()[-1]

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
            [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,  # the e-mail about the changed password, among others
            stderr=subprocess.DEVNULL,
        )
        wait_for(base_url + "/", server)
        take_screenshots(base_url, password, output)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)

    for path in sorted(output.glob("*.png")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
