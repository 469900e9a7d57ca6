"""The office's side of cases: the queue, a case's page with its actions, the case types.

Operators hold cases.view_case and cases.change_case: they see the queue, assign, answer,
note and move cases on. Case types and answer templates are changed only by administrators
(ebok/backoffice/roles.py). A customer's filing is evidence: no field of it is edited here and
no case is deleted. Every action is a POST to its own URL, audited (ebok/cases/services.py).
"""

import datetime as dt

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ebok.cases import services
from ebok.cases.models import AnswerTemplate, Attachment, Case, CaseType
from ebok.cases.office import AnswerForm, AssignForm, NoteForm, StatusForm, template_text

# A case due within this many days is flagged in the queue, before it is overdue.
DUE_SOON_DAYS = 3


class DeadlineFilter(admin.SimpleListFilter):
    title = gettext_lazy("answer deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            ("overdue", gettext_lazy("overdue")),
            ("soon", gettext_lazy("due within 3 days")),
            ("later", gettext_lazy("later")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = today + dt.timedelta(days=DUE_SOON_DAYS)
        open_cases = queryset.exclude(status=Case.Status.CLOSED)
        if self.value() == "overdue":
            return open_cases.filter(due_on__lt=today)
        if self.value() == "soon":
            return open_cases.filter(due_on__gte=today, due_on__lte=soon)
        if self.value() == "later":
            return open_cases.filter(due_on__gt=soon)
        return queryset


class OpenFilter(admin.SimpleListFilter):
    """Open cases by default: the queue is what is left to do."""

    title = gettext_lazy("open or closed")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("all", gettext_lazy("all")), ("closed", gettext_lazy("closed only"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("open"),
        }
        yield from list(super().choices(changelist))[1:]

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        if self.value() == "closed":
            return queryset.filter(status=Case.Status.CLOSED)
        return queryset.exclude(status=Case.Status.CLOSED)


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["number", "customer", "type", "subject", "status", "assignee", "deadline"]
    list_filter = [OpenFilter, "type", "status", "assignee", DeadlineFilter]
    list_select_related = ["customer", "type", "assignee"]
    search_fields = ["number", "customer__number", "subject"]
    ordering = ["due_on", "id"]
    change_form_template = "admin/cases/case/change_form.html"
    readonly_fields = [
        "number",
        "customer",
        "type",
        "subject",
        "status",
        "assignee",
        "created_at",
        "due_on",
        "closed_at",
        "filed_by",
        "invoice",
        "reading",
        "bank_account",
        "contract_matter",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("answer due"), ordering="due_on")
    def deadline(self, case):
        if not case.is_open:
            return "—"
        days = case.days_left()
        if days < 0:
            return format_html(
                '<strong class="case-overdue">{} ({})</strong>', case.due_on, _("overdue")
            )
        if days <= DUE_SOON_DAYS:
            return format_html(
                '<strong class="case-due-soon">{} ({})</strong>', case.due_on, _("due soon")
            )
        return case.due_on

    # Titles of our own: Django's "Wybierz %s do zmiany" would read "Wybierz sprawa".
    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": _("Case queue"), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        case = self.get_object(request, unquote(object_id))
        if case is not None:
            extra_context = {
                **(extra_context or {}),
                **self._case_context(request, case),
                "title": _("Case %(number)s") % {"number": case.number},
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _case_context(self, request, case) -> dict:
        answer_initial = {"body": template_text(request.GET.get("template")), "status": case.status}
        return {
            "case": case,
            "can_act": self.has_change_permission(request, case),
            "entries": case.messages.select_related("author").prefetch_related("attachments"),
            "changes": case.status_changes.select_related("by"),
            "assign_form": AssignForm(initial={"assignee": case.assignee}),
            "answer_form": AnswerForm(initial=answer_initial),
            "note_form": NoteForm(),
            "status_form": StatusForm(initial={"status": case.status}),
            "answer_templates": AnswerTemplate.objects.all(),
            "action_urls": {
                name: reverse(f"admin:cases_case_{name}", args=[case.pk])
                for name in ("assign", "answer", "note", "status")
            },
        }

    def get_urls(self):
        views = {
            "assign": self.assign_view,
            "answer": self.answer_view,
            "note": self.note_view,
            "status": self.status_view,
        }
        custom = [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(view),
                name=f"cases_case_{name}",
            )
            for name, view in views.items()
        ]
        attachment = path(
            "<path:object_id>/attachments/<int:attachment_pk>/",
            self.admin_site.admin_view(self.attachment_view),
            name="cases_case_attachment",
        )
        return [*custom, attachment, *super().get_urls()]

    def attachment_view(self, request, object_id, attachment_pk):
        case = self.get_object(request, unquote(object_id))
        if case is None:
            raise Http404
        if not self.has_view_or_change_permission(request, case):
            raise PermissionDenied
        attachment = get_object_or_404(Attachment, message__case=case, pk=attachment_pk)
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.name,
            content_type=attachment.content_type,
        )

    def _case_for_action(self, request, object_id):
        case = self.get_object(request, unquote(object_id))
        if case is None:
            raise Http404
        if not self.has_change_permission(request, case):
            raise PermissionDenied
        return case

    def _act(self, request, object_id, form_class, act):
        """Check, run act(case, cleaned_data) and go back to the case; errors are shown there."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        case = self._case_for_action(request, object_id)
        form = form_class(request.POST, request.FILES)
        if not form.is_valid():
            # The form again, with what was typed and what is wrong; nothing was saved.
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Case %(number)s") % {"number": case.number},
                "case": case,
                "form": form,
                "files_dropped": bool(request.FILES),
            }
            return TemplateResponse(request, "admin/cases/case/action.html", context)
        messages.success(request, act(case, form.cleaned_data))
        return HttpResponseRedirect(reverse("admin:cases_case_change", args=[case.pk]))

    def assign_view(self, request, object_id):
        def act(case, data):
            services.assign(request, case, data["assignee"])
            return _("The case has been assigned.")

        return self._act(request, object_id, AssignForm, act)

    def answer_view(self, request, object_id):
        def act(case, data):
            services.answer(request, case, data["body"], data["attachments"], data["status"])
            return _("The answer has been sent to the customer.")

        return self._act(request, object_id, AnswerForm, act)

    def note_view(self, request, object_id):
        def act(case, data):
            services.add_note(request, case, data["body"])
            return _("The note has been added.")

        return self._act(request, object_id, NoteForm, act)

    def status_view(self, request, object_id):
        def act(case, data):
            services.change_status(request, case, data["status"])
            return _("The status has been changed.")

        return self._act(request, object_id, StatusForm, act)


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    list_display = ["name_pl", "name_en", "asks", "attachments_allowed", "answer_days", "active"]
    list_editable = []
    ordering = ["position", "id"]

    def has_delete_permission(self, request, obj=None):
        # A type in use keeps its cases' history: turn it off ("offered to customers") instead.
        if obj is not None and obj.cases.exists():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin):
    list_display = ["title"]
