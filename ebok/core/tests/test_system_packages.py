"""`make test` and `make demo` first check the Debian packages they need (bin/system-packages)."""

import os
import subprocess

from django.conf import settings

NOBODY = 65534


def check(*packages, path):
    """The check as a user who is not root (as root it would install what is missing)."""
    as_nobody = {"user": NOBODY, "group": NOBODY, "extra_groups": []} if os.geteuid() == 0 else {}
    # The script comes on standard input, so that nobody need not be able to read the checkout.
    with open(settings.BASE_DIR / "bin" / "system-packages", "rb") as script:
        return subprocess.run(
            ["/bin/bash", "-s", *packages],
            stdin=script,
            env={"PATH": path},
            cwd="/",
            capture_output=True,
            text=True,
            timeout=30,
            **as_nobody,
        )


def test_a_missing_package_stops_at_once_with_the_one_command_that_installs_it():
    result = check("gettext", path="/nonexistent")  # msgfmt is nowhere on this PATH

    assert result.returncode == 1
    assert result.stderr == (
        "Missing Debian packages: gettext. Install them as root, then run make again:\n"
        "  sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
        "gettext'\n"
    )


def test_packages_that_are_installed_need_nothing():
    result = check("gettext", "chromium", path=os.environ["PATH"])

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_package_without_a_check_is_an_error():
    result = check("poppler-utils", path=os.environ["PATH"])

    assert result.returncode == 2
    assert "no check for the package 'poppler-utils'" in result.stderr
