import shutil
import subprocess

from django.conf import settings
from django.core.management import call_command


def statistics(po_file) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr


def test_polish_catalogue_translates_every_text_in_the_code(tmp_path, monkeypatch):
    """Extract the texts afresh into a copy of the catalogue: nothing may be left untranslated."""
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale")
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=["pl"],
        no_location=True,
        ignore_patterns=[".venv", "var", "node_modules"],
        verbosity=0,
    )
    report = statistics(tmp_path / "locale" / "pl" / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in report, report
    assert "fuzzy" not in report, report
    assert "translated message" in report
