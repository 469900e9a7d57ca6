"""The public pages: anyone may read them, logged in or not."""

from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from ebok.accounts import numbers
from ebok.content.models import PrivacyPolicy
from ebok.core.context_processors import absolute_url
from ebok.public import accessibility, privacy
from ebok.public.cookies import documented_cookies


def keeps_the_account_bar(view):
    """A logged-in customer who opens one of these pages from the footer keeps the header's
    greeting, number and "Wyloguj" (base.html shows them for request.customer); nobody is
    turned away, and no customer data but the number in use is read."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_staff:
            membership = numbers.in_use(request)
            if membership is not None:
                request.membership, request.customer = membership, membership.customer
        return view(request, *args, **kwargs)

    return wrapper


@keeps_the_account_bar
def contact_view(request):
    return render(request, "public/contact.html")


@keeps_the_account_bar
def accessibility_view(request):
    context = {"a11y": accessibility.declaration(), "site_url": absolute_url(request, "/")}
    return render(request, "public/accessibility.html", context)


@keeps_the_account_bar
def privacy_view(request, version=None):
    """The version in force, or an earlier one asked for by number (what was once shown)."""
    in_force = PrivacyPolicy.in_force()
    published = PrivacyPolicy.objects.filter(effective_from__lte=timezone.now())
    if version is None:
        policy = in_force
    else:
        policy = published.filter(version=version).first()
        if policy is None:
            raise Http404
    language = get_language()
    text = policy.text_for(language) if policy else privacy.default_text(language)
    return render(
        request,
        "public/privacy.html",
        {
            "policy": policy,
            "in_force": in_force,
            "body": privacy.to_html(text),
            "versions": published,
        },
    )


@keeps_the_account_bar
def cookies_view(request):
    return render(request, "public/cookies.html", {"cookies": documented_cookies()})
