"""Sessions in the database with a copy in the shared cache, which may go away for a while.

Django's cached_db store reads the cache first and writes to both, but some of its cache calls
are unguarded: with Redis down every request of a logged-in customer ended in a 500. Here each
cache call that fails is logged as a warning and the database, which holds every session
anyway, answers alone; so customers keep browsing the panel while the cache is down, and the
cache is used again as soon as it answers (its client reconnects at the next call).

A change made while the cache is down (a logout, a later "last seen") misses the cache's copy,
which could be read again once the cache is back, if it kept its data. So a copy lives at most
CACHE_COPY_SECONDS: a session ended while the cache was unreachable is over everywhere that
much later at the latest. It costs one database read per active session and minute, when
SessionLifetimeMiddleware writes the session about as often anyway.
"""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

from ebok.accounts.throttle import CACHE_ERRORS

logger = logging.getLogger(__name__)

CACHE_COPY_SECONDS = 60


def _warn(action: str, error: Exception) -> None:
    logger.warning("Session cache unreachable (%s), using the database alone: %s", action, error)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except CACHE_ERRORS as error:
            _warn("read", error)
            return DatabaseStore.load(self)
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        self._copy_to_cache(data, self.get_expiry_age(expiry=stored.expire_date))
        return data

    def exists(self, session_key):
        if session_key:
            try:
                if self.cache_key_prefix + session_key in self._cache:
                    return True
            except CACHE_ERRORS as error:
                _warn("exists", error)
        return DatabaseStore.exists(self, session_key)

    def save(self, must_create=False):
        DatabaseStore.save(self, must_create)
        self._copy_to_cache(self._session, self.get_expiry_age())

    def delete(self, session_key=None):
        DatabaseStore.delete(self, session_key)
        session_key = session_key or self.session_key
        if session_key is None:
            return
        try:
            self._cache.delete(self.cache_key_prefix + session_key)
        except CACHE_ERRORS as error:
            _warn("delete", error)

    def _copy_to_cache(self, data, expiry_age: int) -> None:
        try:
            self._cache.set(self.cache_key, data, min(expiry_age, CACHE_COPY_SECONDS))
        except CACHE_ERRORS as error:
            _warn("write", error)
