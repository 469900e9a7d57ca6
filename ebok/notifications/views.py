"""The customer's "Powiadomienia" page, and the links in notices that need no login."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ebok.accounts import throttle
from ebok.accounts.decorators import customer_required
from ebok.notifications import calendar, phone
from ebok.notifications.events import EVENTS, choosable
from ebok.notifications.forms import PreferencesForm, field_name
from ebok.notifications.links import read_unsubscribe_token, site_url
from ebok.notifications.models import Channel, Recipient, new_feed_token, recipient_of
from ebok.notifications.preferences import choices_of, choose

NOTICES_SHOWN_DAYS = 365


@customer_required
def preferences_view(request):
    customer = request.customer
    recipient = recipient_of(customer)
    form = PreferencesForm(
        request.POST or None, choices=choices_of(customer), language=recipient.language
    )
    if request.method == "POST" and form.is_valid():
        for event in choosable():
            for channel in event.channels:
                choose(
                    customer, event.key, channel, form.cleaned_data[field_name(event.key, channel)]
                )
        recipient.language = form.cleaned_data["language"]
        recipient.save(update_fields=["language"])
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:preferences")
    since = timezone.now() - timedelta(days=NOTICES_SHOWN_DAYS)
    context = {
        "form": form,
        "channels": Channel.choices,
        "phone_confirmed": bool(request.user.phone and request.user.phone_confirmed_at),
        "feed_url": site_url(f"/account/notifications/calendar/{recipient.feed_token}.ics"),
        "notices": customer.notices.filter(created_at__gte=since).order_by("-created_at", "-id")[
            :200
        ],
    }
    return render(request, "notifications/preferences.html", context)


@customer_required
@require_POST
def phone_code_view(request):
    """Send a confirmation code to the login's mobile phone."""
    user = request.user
    if not user.phone or user.phone_confirmed_at:
        return redirect("notifications:preferences")
    try:
        phone.send_code(user, request)
    except phone.RateExceeded:
        messages.error(request, _("Too many codes were sent. Try again in an hour."))
    except throttle.Unavailable:
        messages.error(request, _("This cannot be done at the moment. Try again in a while."))
    else:
        messages.success(request, _("A code has been sent to your mobile phone."))
    return redirect("notifications:preferences")


@customer_required
@require_POST
def phone_confirm_view(request):
    user = request.user
    code = request.POST.get("code", "")
    if not user.phone or user.phone_confirmed_at:
        return redirect("notifications:preferences")
    try:
        confirmed = phone.confirm(user, code, request)
    except throttle.Throttled as refused:
        messages.error(request, throttle.throttled_message(refused.seconds))
    except throttle.Unavailable:
        messages.error(request, _("This cannot be done at the moment. Try again in a while."))
    else:
        if confirmed:
            messages.success(request, _("Your mobile phone number has been confirmed."))
        else:
            messages.error(request, _("This code is not correct or has expired."))
    return redirect("notifications:preferences")


@customer_required
@require_POST
def new_feed_view(request):
    """A new calendar address; the old one stops working at once."""
    Recipient.objects.filter(pk=recipient_of(request.customer).pk).update(
        feed_token=new_feed_token()
    )
    messages.success(request, _("The calendar has a new address; the old one no longer works."))
    return redirect("notifications:preferences")


def feed_view(request, token):
    recipient = Recipient.objects.select_related("customer").filter(feed_token=token).first()
    if recipient is None:
        raise Http404
    response = HttpResponse(calendar.feed(recipient), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


@csrf_exempt  # RFC 8058: the mail program posts without a form of ours; the token is the proof.
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    found = read_unsubscribe_token(token)
    # Security notices carry no such link; a token naming one changes nothing.
    if found is None or found[1] not in EVENTS or EVENTS[found[1]].always:
        raise Http404
    customer_id, event_key, channel = found
    from ebok.customers.models import Customer

    customer = Customer.objects.filter(pk=customer_id).first()
    if customer is None:
        raise Http404
    event = EVENTS[event_key]
    if request.method == "POST":
        choose(customer, event_key, channel, False)
        return render(request, "notifications/unsubscribed.html", {"event": event})
    return render(request, "notifications/unsubscribe.html", {"event": event, "token": token})
