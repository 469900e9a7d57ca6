from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request) -> str:
    """The `next` address of a login form, if it stays on this site; else empty."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""
