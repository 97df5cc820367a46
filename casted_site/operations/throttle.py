"""Throttling by visitor for the forms that try a secret or send mail, beside django-axes (which throttles the admin
login): a page's shared password and the admin's password reset. The visitor is the client address as django-axes
reads it (django-ipware, through the trusted proxies the settings name), so there is one rule for who a visitor is."""

import functools

from axes.helpers import get_client_ip_address

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string


def throttled(name, limit, seconds):
    """Wrap a view: a visitor's POSTs to it beyond `limit` within `seconds` of their first get a 429 page in their
    language, with Retry-After, and never reach the view."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                # The count starts with a visitor's first attempt and lasts `seconds` (not a window on the clock,
                # which would let a visitor try twice the limit across its edge). Not keyed by the page cache's
                # generation: a publish must not reset it.
                key = f"throttle:{name}:address={get_client_ip_address(request)}"
                cache.add(key, 0, timeout=seconds)
                try:
                    count = cache.incr(key)
                except ValueError:  # a cache that keeps nothing (production without REDIS_URL): nothing counted
                    count = 0
                if count > limit:
                    return too_many_attempts(request, retry_after=seconds)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def too_many_attempts(request, retry_after):
    response = HttpResponse(render_to_string("429.html", request=request), status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
