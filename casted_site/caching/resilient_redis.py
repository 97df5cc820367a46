"""Django's Redis cache, made to degrade instead of fail: while Redis is down or slow, every read is a miss and every
write is dropped, so the site serves uncached pages rather than a 500 (Django's RedisCache raises
redis.exceptions.ConnectionError on every call and has no setting to ignore it). Short socket timeouts (settings)
keep a Redis that hangs from holding a worker. /healthz asks `is_reachable()`."""

import logging
import time

from redis.exceptions import RedisError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def _or(self, fallback, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except RedisError as error:
            now = time.monotonic()
            if now - ResilientRedisCache._last_warning > WARN_EVERY_SECONDS:  # once a minute, not once a call
                ResilientRedisCache._last_warning = now
                logger.warning("Redis is unavailable, pages are served uncached: %s", error)
            return fallback

    def is_reachable(self):
        try:
            super().has_key("healthz")  # Django's own call, which raises while Redis is down
        except RedisError:
            return False
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._or({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # What a counter reads while Redis is down: nothing counted (the throttles let visitors through).
        return self._or(0, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._or(None, super().delete_many, keys, version)

    def clear(self):
        return self._or(False, super().clear)
