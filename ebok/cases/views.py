"""The customer's "Sprawy": their cases, a new case, a case's timeline and messages.

A case belongs to the customer number in use (request.customer, through the scope), so every
login with access to the number sees it; only an owner of the number files cases and writes in
them (docs/cases.md): a case may ask for a refund to an account or end a contract.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.cases import services
from ebok.cases.forms import NewCaseForm, ReplyForm
from ebok.cases.models import Attachment, CaseType
from ebok.cases.timeline import customer_timeline
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


def _may_write(request) -> bool:
    return request.membership.is_owner


def _writer_only(request) -> None:
    if not _may_write(request):
        raise PermissionDenied("Only an owner of the customer number files and writes cases.")


@customer_required
def case_list_view(request):
    cases = CustomerScope(request.customer).cases.select_related("type")
    context = {"page": page_of(request, cases), "may_write": _may_write(request)}
    return render(request, "cases/list.html", context)


@customer_required
def case_new_view(request):
    """ "Nowa sprawa": which kind of case; each kind has its own form."""
    _writer_only(request)
    types = CaseType.objects.filter(active=True)
    return render(request, "cases/new.html", {"types": types})


@customer_required
def case_file_view(request, code):
    _writer_only(request)
    case_type = get_object_or_404(CaseType, code=code, active=True)
    scope = CustomerScope(request.customer)
    form = NewCaseForm(case_type, scope, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        case, created = services.file_case(request, form.filing())
        if created:
            messages.success(
                request,
                _("Your case has been filed with number %(number)s.") % {"number": case.number},
            )
        return redirect("cases:case", pk=case.pk)
    if form.is_bound and request.FILES:
        # A browser never sends a file twice: the customer chooses it again.
        form.add_error(
            None, _("Nothing has been filed yet. Correct the form and choose the files again.")
        )
    return render(request, "cases/file.html", {"form": form, "case_type": case_type})


@customer_required
def case_detail_view(request, pk):
    case = get_object_or_404(
        CustomerScope(request.customer).cases.select_related("type", "invoice", "reading__meter"),
        pk=pk,
    )
    form = ReplyForm(case, request.POST or None, request.FILES or None)
    if request.method == "POST":
        _writer_only(request)
        if not case.is_open:
            raise PermissionDenied("A closed case takes no more messages.")
        if form.is_valid():
            data = form.cleaned_data
            services.customer_writes(request, case, data["body"], data.get("attachments", []))
            messages.success(request, _("Your message has been sent."))
            return redirect("cases:case", pk=case.pk)
        if request.FILES:
            form.add_error(
                None,
                _("Nothing has been sent yet. Correct the message and choose the files again."),
            )
    context = {
        "case": case,
        "timeline": customer_timeline(case),
        "form": form,
        "may_write": _may_write(request) and case.is_open,
    }
    return render(request, "cases/detail.html", context)


@customer_required
def case_attachment_view(request, pk, attachment_pk):
    """A file of a message the customer may read (never of an internal note)."""
    case = get_object_or_404(CustomerScope(request.customer).cases, pk=pk)
    attachment = get_object_or_404(
        Attachment.objects.filter(message__case=case, message__internal=False), pk=attachment_pk
    )
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
