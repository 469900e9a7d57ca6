"""The privacy policy: the version the utility wrote (ebok.content.PrivacyPolicy) or, until
it writes one, a default built from the settings, in Polish and English.

Its text is plain: paragraphs separated by an empty line, "# " starts a heading, "- " a list
item. Everything is escaped, so a clerk cannot put markup (or a script) on the page.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from ebok.content.models import PrivacyPolicy
from ebok.core.context_processors import utility


def default_text(language: str) -> str:
    language = "en" if language == "en" else "pl"
    context = {**utility(None), "dpo_contact": settings.PRIVACY_DPO_CONTACT}
    return render_to_string(f"public/privacy_default.{language}.txt", context).strip()


def current_texts() -> dict[str, str]:
    """Both languages of what is in force now: the start of the utility's next version."""
    policy = PrivacyPolicy.in_force()
    if policy is not None:
        return {"text_pl": policy.text_pl, "text_en": policy.text_en}
    return {"text_pl": default_text("pl"), "text_en": default_text("en")}


def to_html(text: str) -> SafeString:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    parts = []
    for block in filter(None, blocks):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if len(lines) == 1 and lines[0].startswith("# "):
            parts.append(format_html("<h2>{}</h2>", lines[0][2:].strip()))
        elif all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((line[2:].strip(),) for line in lines))
            parts.append(format_html("<ul>{}</ul>", items))
        else:
            parts.append(format_html("<p>{}</p>", " ".join(lines)))
    return mark_safe("\n".join(parts))  # noqa: S308 - every part is built by format_html
