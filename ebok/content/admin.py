from django.contrib import admin

from ebok.content.models import Announcement, Document


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "published_from", "published_until"]
    search_fields = ["title", "body"]
    date_hierarchy = "date"


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "kind", "customer", "published_from", "published_until"]
    list_filter = ["kind"]
    search_fields = ["title", "customer__number", "customer__name"]
    list_select_related = ["customer"]
    raw_id_fields = ["customer"]
