"""Notices: what the portal told a customer, by which channel, and whether it arrived.

A Notice is written *before* anything is sent, and its (customer, event, occasion, channel) is
unique: whatever runs twice (the daily job on two machines, a job re-run after a kill) writes
the same row again, which the database refuses, so nothing is sent twice. Delivery then claims
the row by a conditional UPDATE (pending -> sending), which only one worker can win.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("SMS")


class Notice(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", pgettext_lazy("notice status", "failed")

    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    event = models.CharField(_("event"), max_length=40)
    # What makes this notice one of a kind for the event: "invoice-123", "2026-12-03", ...
    occasion = models.CharField(_("occasion"), max_length=80)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # What the message needs to be rendered at delivery (ids and dates, JSON).
    data = models.JSONField(_("details"), default=dict, blank=True)
    recipient = models.CharField(_("recipient"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    # Set when a delivery task was queued for the notice; the job queues again only what has
    # waited far longer than that (a task lost with a killed worker).
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "event", "occasion", "channel"], name="notice_once"
            )
        ]
        indexes = [models.Index(fields=["status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.event} {self.occasion} {self.channel}"

    @property
    def event_label(self) -> str:
        from ebok.notifications.events import EVENTS

        event = EVENTS.get(self.event)
        return str(event.label) if event else self.event


class Preference(models.Model):
    """A customer's choice for one event and channel; without a row, the event's default holds."""

    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="notice_preferences",
    )
    event = models.CharField(_("event"), max_length=40)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    enabled = models.BooleanField(_("on"))
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "event", "channel"], name="one_preference_per_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} {self.event} {self.channel} {self.enabled}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Recipient(models.Model):
    """How to speak to a customer: the language of their notices and their calendar feed."""

    customer = models.OneToOneField(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="notice_recipient",
    )
    language = models.CharField(
        _("language"), max_length=5, choices=[("pl", "polski"), ("en", "English")], default="pl"
    )
    # The calendar feed's secret: a new one revokes the old address.
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return str(self.customer_id)


def recipient_of(customer) -> Recipient:
    recipient, _created = Recipient.objects.get_or_create(customer=customer)
    return recipient
