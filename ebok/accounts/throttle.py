"""Login throttling: a growing wait after repeated failures, per customer number and per address.

The state lives in the shared cache so that it holds across app servers. Nothing is ever locked
for good: the wait doubles from LOGIN_THROTTLE_FIRST_WAIT up to LOGIN_THROTTLE_MAX_WAIT, and the
count is forgotten a day after the last failure. A successful login clears the number's count
(not the address's: one's own account must not wash an attacker's address clean).
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Scope:
    name: str
    free_failures_setting: str

    def key(self, value: str, part: str) -> str:
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]
        return f"login-throttle:{self.name}:{digest}:{part}"

    @property
    def free_failures(self) -> int:
        return getattr(settings, self.free_failures_setting)


NUMBER = Scope("number", "LOGIN_THROTTLE_FREE_FAILURES")
ADDRESS = Scope("address", "LOGIN_THROTTLE_ADDRESS_FREE_FAILURES")


def wait_after(failures: int, free_failures: int) -> int:
    """Seconds to wait after this many consecutive failures: 0, then 1 min doubling to the cap."""
    if failures < free_failures:
        return 0
    doublings = min(failures - free_failures, 16)
    return min(settings.LOGIN_THROTTLE_FIRST_WAIT * 2**doublings, settings.LOGIN_THROTTLE_MAX_WAIT)


def _scopes(number: str, address: str):
    if number:
        yield NUMBER, number
    if address:
        yield ADDRESS, address


def seconds_to_wait(number: str, address: str) -> int:
    """How long until another attempt for this number from this address is allowed (0: now)."""
    now = time.time()
    keys = [scope.key(value, "until") for scope, value in _scopes(number, address)]
    untils = cache.get_many(keys).values()
    return max([math.ceil(until - now) for until in untils if until > now], default=0)


def throttled_message(seconds: int) -> str:
    """What a refused attempt is told, on every form that counts failures (login, registration)."""
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many unsuccessful login attempts. Try again in %(minutes)d minute.",
        "Too many unsuccessful login attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def record_failure(number: str, address: str) -> None:
    memory = settings.LOGIN_THROTTLE_MEMORY
    now = time.time()
    for scope, value in _scopes(number, address):
        count_key, last_key = scope.key(value, "failures"), scope.key(value, "last")
        # Forgetting goes by our clock; the cache's expiry only collects the garbage.
        if now - cache.get(last_key, now) > memory:
            cache.delete(count_key)
        cache.set(last_key, now, memory)
        cache.add(count_key, 0, memory)
        failures = cache.incr(count_key)
        cache.touch(count_key, memory)
        wait = wait_after(failures, scope.free_failures)
        if wait:
            cache.set(scope.key(value, "until"), now + wait, wait + 60)


def clear(number: str) -> None:
    """Forget a number's failures: after a successful login, or a new password."""
    cache.delete_many([NUMBER.key(number, part) for part in ("failures", "last", "until")])


@dataclass(frozen=True)
class NumberState:
    """What the throttle holds against one customer number, for the back office to show."""

    failures: int
    seconds_to_wait: int

    @property
    def throttled(self) -> bool:
        return self.seconds_to_wait > 0

    @property
    def minutes_to_wait(self) -> int:
        return math.ceil(self.seconds_to_wait / 60)


def number_state(number: str) -> NumberState:
    """The number's consecutive failures and current wait, as of now (read only)."""
    now = time.time()
    keys = {part: NUMBER.key(number, part) for part in ("failures", "last", "until")}
    values = cache.get_many(keys.values())
    last = values.get(keys["last"])
    forgotten = last is None or now - last > settings.LOGIN_THROTTLE_MEMORY
    until = values.get(keys["until"]) or 0
    return NumberState(
        failures=0 if forgotten else values.get(keys["failures"], 0),
        seconds_to_wait=max(0, math.ceil(until - now)),
    )
