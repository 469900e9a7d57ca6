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
    # makemessages writes each text into the `locale` folder above the file it comes from, so
    # run from a copy of the project made of links: the catalogue in the repository stays as
    # it is, and the copy is the one brought up to date and checked.
    for entry in settings.BASE_DIR.iterdir():
        if entry.name not in {"locale", ".venv", "var", ".git"}:
            (tmp_path / entry.name).symlink_to(entry)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
    monkeypatch.chdir(tmp_path)
    call_command(
        "makemessages",
        locale=["pl"],
        no_location=True,
        symlinks=True,
        ignore_patterns=[".venv", "var", "node_modules"],
        verbosity=0,
    )
    report = statistics(tmp_path / "locale" / "pl" / "LC_MESSAGES" / "django.po")
    assert "untranslated" not in report, report
    assert "fuzzy" not in report, report
    assert "translated message" in report
