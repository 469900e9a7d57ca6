"""The public pages: anyone may read them, logged in or not."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from ebok.content.models import PrivacyPolicy
from ebok.core.context_processors import absolute_url
from ebok.public import accessibility, privacy
from ebok.public.cookies import documented_cookies


def contact_view(request):
    return render(request, "public/contact.html")


def accessibility_view(request):
    context = {"a11y": accessibility.declaration(), "site_url": absolute_url(request, "/")}
    return render(request, "public/accessibility.html", context)


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


def cookies_view(request):
    return render(request, "public/cookies.html", {"cookies": documented_cookies()})
