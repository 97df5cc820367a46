"""Security headers on every answer."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Headers Django 5.2 does not send by itself: Content-Security-Policy and Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith("/admin/")
        policy = settings.CONTENT_SECURITY_POLICY_ADMIN if is_admin else settings.CONTENT_SECURITY_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response
