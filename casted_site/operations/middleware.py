"""Security headers on every answer."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Headers Django 5.2 does not send by itself: Content-Security-Policy and Permissions-Policy. A page's preview
    is shown inside the admin's editor, so it may be framed by the site itself (and nothing else)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith("/admin/")
        policy = settings.CONTENT_SECURITY_POLICY_ADMIN if is_admin else settings.CONTENT_SECURITY_POLICY
        if getattr(request, "is_preview", False):  # set by Wagtail's make_preview_request around serve_preview
            policy = policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response
