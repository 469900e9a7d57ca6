from django.conf import settings
from django.http import Http404

from ebok.core.middleware import client_address, in_networks


class OfficeNetworkMiddleware:
    """With ADMIN_ALLOWED_NETWORKS set, the admin does not exist outside those networks.

    A 404 rather than a 403: from elsewhere the office's door, login form included, is not
    there to be found or guessed at. The address is the throttle's (TRUSTED_PROXY_COUNT).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        networks = settings.ADMIN_ALLOWED_NETWORKS
        if not networks or "admin" not in request.resolver_match.app_names:
            return None
        if not in_networks(client_address(request), networks):
            raise Http404
        return None
