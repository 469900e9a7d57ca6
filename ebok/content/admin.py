from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ebok.content.models import Announcement, AnnouncementArea, Document, PrivacyPolicy
from ebok.core.admin import BillingRecordAdmin


class PublishedNowFilter(admin.SimpleListFilter):
    title = _("published now")
    parameter_name = "published_now"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.published()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.model.objects.published().values("pk"))
        return queryset


class RecipientFilter(admin.SimpleListFilter):
    title = _("for")
    parameter_name = "for"

    def lookups(self, request, model_admin):
        return [("all", _("All customers")), ("one", _("One customer"))]

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset.filter(customer__isnull=True)
        if self.value() == "one":
            return queryset.filter(customer__isnull=False)
        return queryset


class ScheduledAdmin(admin.ModelAdmin):
    """Shown to customers from published_from until published_until (empty: no end)."""

    @admin.display(description=_("published now"), boolean=True)
    def published_now(self, obj) -> bool:
        now = timezone.now()
        return obj.published_from <= now and (
            obj.published_until is None or obj.published_until > now
        )


SCHEDULE_HELP = _(
    "Shown to customers from “published from” until “published until”; empty: no end."
)


class AnnouncementAreaInline(admin.TabularInline):
    model = AnnouncementArea
    extra = 1


AUDIENCE_HELP = _(
    "For chosen customers: those with a service point in one of the areas below (a locality, "
    "or a street of it) or among the service points chosen here. The customers' panel shows "
    "only the announcements for them."
)


@admin.register(Announcement)
class AnnouncementAdmin(ScheduledAdmin):
    list_display = [
        "date",
        "title",
        "audience",
        "published_now",
        "published_from",
        "published_until",
    ]
    list_filter = [PublishedNowFilter, "audience", "send_notice"]
    inlines = [AnnouncementAreaInline]
    autocomplete_fields = ["service_points"]
    search_fields = ["title", "body"]
    date_hierarchy = "date"
    fieldsets = [
        (None, {"fields": ["title", "date", "body"]}),
        (
            _("Publication"),
            {"fields": ["published_from", "published_until"], "description": SCHEDULE_HELP},
        ),
        (
            _("For whom"),
            {
                "fields": ["audience", "service_points", "send_notice"],
                "description": AUDIENCE_HELP,
            },
        ),
    ]


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = [
            "kind",
            "title",
            "date",
            "file",
            "customer",
            "published_from",
            "published_until",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" not in self.fields:
            return  # shown read-only: a document the billing system sent
        field = self.fields["file"]
        field.help_text = _("A PDF file of at most %(limit)d MB.") % {
            "limit": settings.DOCUMENT_MAX_MB
        }
        field.widget.attrs["accept"] = "application/pdf,.pdf"


@admin.register(Document)
class DocumentAdmin(BillingRecordAdmin, ScheduledAdmin):
    """A document the billing system pushed (with its id) is read-only here; the office's own
    are published, changed and deleted as the office likes."""

    billing_owns_all = False
    form = DocumentForm
    readonly_fields = ["external_id"]
    list_display = ["date", "title", "kind", "recipient", "published_now", "published_from"]
    list_filter = ["kind", PublishedNowFilter, RecipientFilter]
    search_fields = ["title", "customer__number", "customer__name"]
    list_select_related = ["customer"]
    autocomplete_fields = ["customer"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "date", "file"]}),
        (_("For"), {"fields": ["customer"]}),
        (
            _("Publication"),
            {"fields": ["published_from", "published_until"], "description": SCHEDULE_HELP},
        ),
        (_("Billing system"), {"fields": ["external_id"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("for"), ordering="customer__number")
    def recipient(self, obj) -> str:
        return str(obj.customer) if obj.customer_id else _("All customers")


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(admin.ModelAdmin):
    """New versions only: a saved version stays as customers read it (the model says why)."""

    list_display = ["version", "effective_from", "created_at"]
    fields = ["text_pl", "text_en", "effective_from"]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False

    def get_changeform_initial_data(self, request):
        # A new version starts from the one in force (or the default), to be amended.
        from ebok.public.privacy import current_texts

        return {**super().get_changeform_initial_data(request), **current_texts()}
