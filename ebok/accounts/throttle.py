"""Throttling of password guesses and of forms that send e-mail, in the shared cache.

Guesses (login, registration's invoice proof, the office's login) are throttled per key: a
customer number or staff username, existing or not, and the client address. The first
`free_failures` failures cost nothing; after that each attempt waits LOGIN_THROTTLE_FIRST_WAIT,
doubling up to LOGIN_THROTTLE_MAX_WAIT. Nothing is ever locked for good, and a day without
failures forgets the count. A success clears a number's count (not an address's: one's own
account must not wash an attacker's address clean).

Check and count are one step. An attempt *reserves* itself before the password is verified:
the count is raised first (an atomic INCR), and the attempt that reaches the last free failure,
and every attempt after it, must also hold the key's single *slot*, taken with an atomic ADD.
So however many app servers, workers and threads guess at once, at most `free_failures` guesses
are verified before the first wait, and then one per wait. The caller then says how the attempt
ended: failed (the count stands, the wait starts), succeeded (a number is cleared) or released
(nothing was decided, e.g. a form error: the reservation is undone).

Waits and forgetting go by the application's clock (stored timestamps), not by the cache's
expiry, which only collects garbage; so tests can move the clock even when the cache is Redis.
When the cache cannot be reached, `Unavailable` is raised: the forms fail closed (503), never
open.
"""

import contextlib
import hashlib
import math
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

try:  # Redis is optional (REDIS_URL); its errors are what "unavailable" means there.
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is a pinned dependency
    RedisError = OSError

CACHE_ERRORS = (RedisError, OSError)
# How long a slot outlives a request that died while holding it (real seconds).
SLOT_TIMEOUT = 60


class Throttled(Exception):
    def __init__(self, seconds: int):
        super().__init__(f"throttled for {seconds} s")
        self.seconds = seconds


class Unavailable(Exception):
    """The shared cache cannot be reached: throttled forms refuse to work until it is back."""


@dataclass(frozen=True)
class Scope:
    name: str
    free_failures_setting: str
    cleared_by_success: bool

    def key(self, value: str, part: str) -> str:
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]
        return f"login-throttle:{self.name}:{digest}:{part}"

    @property
    def free_failures(self) -> int:
        return getattr(settings, self.free_failures_setting)


NUMBER = Scope("number", "LOGIN_THROTTLE_FREE_FAILURES", cleared_by_success=True)
ADDRESS = Scope("address", "LOGIN_THROTTLE_ADDRESS_FREE_FAILURES", cleared_by_success=False)
STAFF = Scope("staff", "LOGIN_THROTTLE_FREE_FAILURES", cleared_by_success=True)
# The office's second factor: code guesses per staff account (its id), once the password passed.
STAFF_CODE = Scope("staff-code", "LOGIN_THROTTLE_FREE_FAILURES", cleared_by_success=True)


def wait_after(failures: int, free_failures: int) -> int:
    """Seconds to wait after this many consecutive failures: 0, then 1 min doubling to the cap."""
    if failures < free_failures:
        return 0
    doublings = min(failures - free_failures, 16)
    return min(settings.LOGIN_THROTTLE_FIRST_WAIT * 2**doublings, settings.LOGIN_THROTTLE_MAX_WAIT)


def throttled_message(seconds: int) -> str:
    """What a refused attempt is told, on every form that counts failures."""
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many unsuccessful login attempts. Try again in %(minutes)d minute.",
        "Too many unsuccessful login attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


@dataclass
class _Ticket:
    scope: Scope
    value: str
    number: int  # this attempt's place in the count
    holds_slot: bool = False

    def key(self, part: str) -> str:
        return self.scope.key(self.value, part)


def _take(scope: Scope, value: str, now: float) -> _Ticket:
    """Reserve one attempt against one key, or raise Throttled (leaving nothing behind)."""
    memory = settings.LOGIN_THROTTLE_MEMORY
    keys = {part: scope.key(value, part) for part in ("failures", "until", "last")}
    state = cache.get_many(keys.values())
    last = state.get(keys["last"])
    if last is not None and now - last > memory:
        # A quiet day: forget, by our clock.
        cache.delete_many([keys["failures"], keys["until"], keys["last"]])
        state = {}
    until = state.get(keys["until"], 0)
    if until > now:
        raise Throttled(math.ceil(until - now))
    cache.add(keys["failures"], 0, memory)
    ticket = _Ticket(scope, value, cache.incr(keys["failures"]))
    if ticket.number < scope.free_failures:
        return ticket
    # The last free attempt and every later one go one at a time through the slot, and only
    # when the wait that the previous failure started is over.
    ticket.holds_slot = cache.add(ticket.key("slot"), ticket.number, SLOT_TIMEOUT)
    if ticket.holds_slot and cache.get(keys["until"], 0) <= now:
        return ticket
    # Refused, but its count stands: giving it back would let a later attempt of the same
    # burst draw a number below the free failures again. A burst only lengthens the wait.
    if ticket.holds_slot:
        cache.delete(ticket.key("slot"))
    until = cache.get(keys["until"], 0)
    raise Throttled(max(1, math.ceil(until - now)) if until > now else 1)


def _undo(ticket: _Ticket) -> None:
    # ValueError: a success cleared the count meanwhile, so there is nothing left to undo.
    with contextlib.suppress(ValueError):
        cache.decr(ticket.key("failures"))
    if ticket.holds_slot:
        cache.delete(ticket.key("slot"))


@dataclass
class Reservation:
    """One attempt, counted before the password is checked; end it with one of the three."""

    tickets: list[_Ticket] = field(default_factory=list)

    def failed(self) -> None:
        """The guess was wrong: the count stands and, past the free failures, the wait starts."""
        memory = settings.LOGIN_THROTTLE_MEMORY
        now = time.time()
        with _cache_errors():
            for ticket in self.tickets:
                # A free attempt starts no wait, even when a burst has raised the count past
                # the free failures meanwhile: else a free guess that ends late would shut
                # out the last free one. Past them, the count as it stands sets the wait.
                failures = ticket.number
                if failures >= ticket.scope.free_failures:
                    failures = max(failures, cache.get(ticket.key("failures"), 0))
                wait = wait_after(failures, ticket.scope.free_failures)
                cache.set(ticket.key("last"), now, memory)
                cache.touch(ticket.key("failures"), memory)
                if wait and now + wait > cache.get(ticket.key("until"), 0):
                    cache.set(ticket.key("until"), now + wait, memory)
                # Only after the wait is written may the next attempt take the slot.
                if ticket.holds_slot:
                    cache.delete(ticket.key("slot"))

    def succeeded(self) -> None:
        """The guess was right: a number (or username) is cleared; an address only released."""
        with _cache_errors():
            for ticket in self.tickets:
                if ticket.scope.cleared_by_success:
                    _clear(ticket.scope, ticket.value)
                else:
                    _undo(ticket)

    def released(self) -> None:
        """Nothing was decided (the attempt stopped before a verdict): as if it never came."""
        with _cache_errors():
            for ticket in self.tickets:
                _undo(ticket)


class _cache_errors:
    """Turns the cache's connection errors into Unavailable."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is not None and isinstance(error, CACHE_ERRORS):
            raise Unavailable(str(error)) from error
        return False


def reserve(*keys: tuple[Scope, str]) -> Reservation:
    """Reserve an attempt against every (scope, value) given, or raise Throttled/Unavailable.

    Empty values (an unknown client address) are skipped. If one key refuses, the keys already
    reserved are released, so a refused attempt counts nowhere.
    """
    now = time.time()
    reservation = Reservation()
    with _cache_errors():
        try:
            for scope, value in keys:
                if value:
                    reservation.tickets.append(_take(scope, value, now))
        except Throttled:
            reservation.released()
            raise
    return reservation


def for_login(number: str, address: str) -> Reservation:
    """The customers' forms: per customer number and per client address."""
    return reserve((NUMBER, number), (ADDRESS, address))


def _clear(scope: Scope, value: str) -> None:
    cache.delete_many([scope.key(value, part) for part in ("failures", "last", "until", "slot")])


def clear(number: str) -> None:
    """Forget a number's failures: after a new password, or when the office lifts the wait."""
    with _cache_errors():
        _clear(NUMBER, number)


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
    with _cache_errors():
        values = cache.get_many(keys.values())
    last = values.get(keys["last"])
    forgotten = last is None or now - last > settings.LOGIN_THROTTLE_MEMORY
    until = values.get(keys["until"]) or 0
    return NumberState(
        failures=0 if forgotten else values.get(keys["failures"], 0),
        seconds_to_wait=max(0, math.ceil(until - now)),
    )


def within_rate(scope_name: str, value: str, limit: int, window: int) -> bool:
    """Count one event against value in the current window (by our clock); False past limit.

    For forms that send e-mail: a few messages per customer number and address per hour.
    """
    if not value:
        return True
    slot = int(time.time() // window)
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    key = f"rate:{scope_name}:{digest}:{slot}"
    with _cache_errors():
        cache.add(key, 0, window * 2)
        return cache.incr(key) <= limit
