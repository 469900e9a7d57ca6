import ipaddress

from django.conf import settings

# Only our own files: no inline script or style anywhere, so none is allowed.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


def client_address(request) -> str:
    """The client's IP address: REMOTE_ADDR, or X-Forwarded-For as written by our own proxies.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it saw, so the entry that many
    places from the end is the one our outermost proxy received; anything before it is whatever
    the client chose to send.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_ip(request) -> str | None:
    """client_address as it is stored in logs: a valid IP address, or None."""
    try:
        return str(ipaddress.ip_address(client_address(request)))
    except ValueError:
        return None


def in_networks(address: str, networks) -> bool:
    """Whether the client address lies in one of the networks; an unknown one never does."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    # An IPv4 client reaching an IPv6 socket arrives as ::ffff:a.b.c.d.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in network for network in networks)
