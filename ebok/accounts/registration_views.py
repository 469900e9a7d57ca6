"""Self-registration pages and the public terms of service; the rules are in registration.py."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from ebok.accounts import throttle
from ebok.accounts.consents import current_terms
from ebok.accounts.forms import RegistrationForm
from ebok.accounts.registration import register


@never_cache
def register_view(request):
    if request.user.is_authenticated and request.user.customer_id:
        return redirect("portal:info")
    terms = current_terms()
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = register(form.application(), terms=terms, request=request)
        if not wait:
            return redirect("accounts:register_sent")
        form.add_error(None, throttle.throttled_message(wait))
    return render(request, "accounts/register.html", {"form": form, "terms": terms})


def register_sent_view(request):
    return render(request, "accounts/register_sent.html")


def terms_view(request):
    """The general terms of service in force, for anyone: they are accepted before logging in."""
    document = current_terms()
    if document is None or not document.file:
        raise Http404("No terms of service are published.")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The terms of service file is missing.") from missing
    return FileResponse(handle, filename=document.file.name.rsplit("/", 1)[-1])
