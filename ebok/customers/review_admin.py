"""The office's list of readings to review ("Odczyty do sprawdzenia") and the two decisions.

Self-readings the customer confirmed although they were far above the usual use are flagged
(ebok/customers/readings.py). Staff with the list's view permission see them; with its change
permission they accept or reject them (ebok/customers/review.py), each by a POST to its own
URL. The list opens on those still waiting; the office's start page and the customer's page
link to it.
"""

import base64

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from ebok.customers import review
from ebok.customers.models import Customer, Reading, ReadingPhoto, ReadingToReview
from ebok.customers.readings import expectation
from ebok.customers.volumes import volume


def meter_photo(reading):
    """The customer's photo sent with the reading, shown in its admin page, or a dash."""
    photo = ReadingPhoto.objects.filter(reading=reading).first()
    if photo is None:
        return "—"
    # Inline as data: (allowed by the CSP's img-src): no extra URL to guard.
    encoded = base64.b64encode(bytes(photo.content)).decode()
    return format_html(
        '<img src="data:image/jpeg;base64,{}" width="{}" height="{}" alt="{}">',
        encoded,
        photo.width,
        photo.height,
        _("The customer's photo of the meter"),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the customer sees it)"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        error_messages={"required": gettext_lazy("Write why, so the customer knows what to do.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Write why, so the customer knows what to do."))
        return reason


class DecisionFilter(admin.SimpleListFilter):
    """Those still waiting by default: the list is what is left to do."""

    title = gettext_lazy("decision")
    parameter_name = "decision"

    def lookups(self, request, model_admin):
        return [
            (Reading.Review.ACCEPTED, Reading.Review.ACCEPTED.label),
            (Reading.Review.REJECTED, Reading.Review.REJECTED.label),
            ("all", gettext_lazy("all")),
        ]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": pgettext("reading review", "waiting"),
        }
        yield from list(super().choices(changelist))[1:]

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        if self.value() in (Reading.Review.ACCEPTED, Reading.Review.REJECTED):
            return queryset.filter(review=self.value())
        return queryset.filter(review=Reading.Review.PENDING)


class CustomerFilter(admin.SimpleListFilter):
    """One customer's readings (the link on the customer's page); shown only when chosen."""

    title = gettext_lazy("customer")
    parameter_name = "customer"

    def lookups(self, request, model_admin):
        value = self.value()
        customer = Customer.objects.filter(pk=value).first() if str(value).isdigit() else None
        return [(str(customer.pk), customer.number)] if customer else []

    def queryset(self, request, queryset):
        if str(self.value()).isdigit():
            return queryset.filter(meter__service_point__customer_id=self.value())
        return queryset


@admin.register(ReadingToReview)
class ReadingToReviewAdmin(admin.ModelAdmin):
    list_display = ["read_on", "value", "meter", "customer_number", "created_at", "review"]
    list_display_links = ["read_on", "value"]
    list_filter = [DecisionFilter, CustomerFilter]
    list_select_related = ["meter__service_point__customer"]
    search_fields = ["meter__serial_number", "meter__service_point__customer__number"]
    search_help_text = gettext_lazy("Customer number or meter's serial number.")
    ordering = ["created_at", "id"]
    change_form_template = "admin/customers/readingtoreview/change_form.html"
    fields = [
        "customer_link",
        "meter",
        "read_on",
        "value",
        "usual",
        "created_at",
        "photo_image",
        "review",
        "review_reason",
        "reviewed_by",
        "reviewed_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("customer"), ordering="meter__service_point__customer")
    def customer_number(self, reading):
        return reading.meter.service_point.customer.number

    @admin.display(description=gettext_lazy("customer"))
    def customer_link(self, reading):
        customer = reading.meter.service_point.customer
        url = reverse("admin:customers_customer_change", args=[customer.pk])
        return format_html('<a href="{}">{}</a>', url, customer)

    @admin.display(description=gettext_lazy("previous reading and usual use"))
    def usual(self, reading):
        expected = expectation(reading.meter, reading.read_on)
        if expected.previous is None:
            return _("No previous reading.")
        text = _("%(value)s m³ on %(date)s") % {
            "value": volume(expected.previous.value),
            "date": date_format(expected.previous.read_on, "Y-m-d"),
        }
        usual = expected.expected_use(reading.read_on)
        if usual is not None:
            text += "; " + _("usual use since then about %(use)s m³") % {"use": volume(usual)}
        return text

    @admin.display(description=gettext_lazy("photo of the meter"))
    def photo_image(self, reading):
        return meter_photo(reading)

    # A title of our own: Django's "Wybierz %s do zmiany" would not read as Polish.
    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": _("Readings to review"), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        reading = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        if reading is not None:
            extra_context.update(self._decision_context(request, reading, RejectForm()))
        return super().change_view(request, object_id, form_url, extra_context)

    def _decision_context(self, request, reading, reject_form) -> dict:
        return {
            "title": _("Reading of %(date)s, meter %(serial)s")
            % {"date": reading.read_on.isoformat(), "serial": reading.meter.serial_number},
            "reading": reading,
            "can_decide": reading.review == Reading.Review.PENDING
            and self.has_change_permission(request, reading),
            "reject_form": reject_form,
            "accept_url": reverse("admin:customers_readingtoreview_accept", args=[reading.pk]),
            "reject_url": reverse("admin:customers_readingtoreview_reject", args=[reading.pk]),
        }

    def get_urls(self):
        custom = [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(view),
                name=f"customers_readingtoreview_{name}",
            )
            for name, view in [("accept", self.accept_view), ("reject", self.reject_view)]
        ]
        return [*custom, *super().get_urls()]

    def _reading_for_decision(self, request, object_id):
        if request.method != "POST":
            return None
        reading = self.get_object(request, unquote(object_id))
        if reading is None:
            raise Http404
        if not self.has_change_permission(request, reading):
            raise PermissionDenied
        return reading

    def _back(self, reading):
        return HttpResponseRedirect(
            reverse("admin:customers_readingtoreview_change", args=[reading.pk])
        )

    def accept_view(self, request, object_id):
        reading = self._reading_for_decision(request, object_id)
        if reading is None:
            return HttpResponseNotAllowed(["POST"])
        try:
            review.accept(request, reading)
        except review.AlreadyDecided as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The reading has been accepted."))
        return self._back(reading)

    def reject_view(self, request, object_id):
        reading = self._reading_for_decision(request, object_id)
        if reading is None:
            return HttpResponseNotAllowed(["POST"])
        form = RejectForm(request.POST)
        if not form.is_valid():
            # The page again, with what was typed and what is wrong; nothing was decided.
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                **self._decision_context(request, reading, form),
            }
            return TemplateResponse(
                request, "admin/customers/readingtoreview/reject.html", context, status=200
            )
        try:
            review.reject(request, reading, form.cleaned_data["reason"])
        except review.AlreadyDecided as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The reading has been rejected; the customer is told why."))
        return self._back(reading)
