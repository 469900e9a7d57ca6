from datetime import timedelta

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ebok.notifications.models import Notice


class NoticeInline(admin.TabularInline):
    """On the customer's page: what was sent them in the last months, failures included."""

    model = Notice
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["created_at", "event", "channel", "recipient", "subject", "status", "attempts"]
    readonly_fields = fields
    ordering = ["-created_at", "-id"]
    verbose_name_plural = _("notices sent")

    def get_queryset(self, request):
        since = timezone.now() - timedelta(days=365)
        return super().get_queryset(request).filter(created_at__gte=since)


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "customer", "event", "channel", "status", "attempts", "sent_at"]
    list_filter = ["status", "event", "channel"]
    search_fields = ["customer__number", "recipient"]
    list_select_related = ["customer"]
    raw_id_fields = ["customer"]
    show_full_result_count = False
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Notice._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Try the selected failed notices again"), permissions=["change"])
    def retry(self, request, queryset):
        count = queryset.filter(status__in=[Notice.Status.FAILED, Notice.Status.SENDING]).update(
            status=Notice.Status.PENDING, attempts=0, queued_at=None, next_attempt_at=None
        )
        self.message_user(request, _("Queued again: %(count)d.") % {"count": count})
