from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from ebok.core.admin import EvidenceAdmin
from ebok.integration import tokens
from ebok.integration.models import ApiCall, ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made here or by `manage.py create_api_token`; the token is shown once."""

    list_display = ["name", "created_at", "created_by", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name"]
    list_select_related = ["created_by"]
    fields = ["name", "created_at", "created_by", "last_used_at", "revoked_at"]
    readonly_fields = ["created_at", "created_by", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        return self.fields if obj else ["name"]

    def has_delete_permission(self, request, obj=None):
        # A token is revoked, not deleted, so that the calls it made keep their author.
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            # On the object of this request only: the admin class is shared by all requests.
            obj.new_token = tokens.new_token()
            obj.secret_hash = tokens.token_hash(obj.new_token)
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        # Shown once on this page and never stored in clear text, so not put in a message.
        context = {
            **self.admin_site.each_context(request),
            "title": _("New API token"),
            "api_token": obj,
            "token": obj.new_token,
            "opts": self.model._meta,
        }
        template = "admin/integration/apitoken/token_created.html"
        response = TemplateResponse(request, template, context)
        add_never_cache_headers(response)
        return response

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        count = tokens.revoke(queryset)
        self.message_user(request, _("Tokens revoked: %(count)d.") % {"count": count})


@admin.register(ApiCall)
class ApiCallAdmin(EvidenceAdmin):
    list_display = [
        "created_at",
        "token",
        "method",
        "path",
        "status",
        "duration_ms",
        "record_count",
        "ip_address",
    ]
    list_filter = ["status", "method", "token", "created_at"]
    search_fields = ["path", "ip_address"]
    date_hierarchy = "created_at"
    list_select_related = ["token"]
    show_full_result_count = False
