"""Times written into an audit event's free-text detail, shown in the office's time zone.

Every time the office shows is Warsaw time (TIME_ZONE); a detail is text, so Django does not
convert the moments written into it: "valid until 2026-12-02 09:00 UTC" (ebok/accounts), an
ISO moment with its offset ("2026-11-25T09:00:00+00:00"). These are shown as Warsaw time;
dates alone and times without a zone are left as written.
"""

import re
from datetime import datetime

from django.utils import timezone

_MOMENT = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
    r"(?:(?P<offset>Z|[+-]\d{2}:?\d{2})|(?P<utc> UTC\b))"
)


def _in_local_time(match: re.Match) -> str:
    offset = match["offset"]
    if match["utc"] or offset == "Z":
        offset = "+00:00"
    elif ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    moment = datetime.fromisoformat(f"{match['date']}T{match['time']}{offset}")
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def in_local_time(text: str) -> str:
    """The text with each moment that names its zone written in the current time zone."""
    return _MOMENT.sub(_in_local_time, text)
