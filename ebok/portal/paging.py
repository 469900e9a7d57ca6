from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window
from django.http import Http404

PAGE_SIZE = 12
# The list's length, read from the page's own rows (COUNT(*) OVER ()): one query for the page
# and the number of pages rather than two. A name no model field or annotation uses.
_LISTED = "paging_listed"


def page_of(request, queryset, per_page=PAGE_SIZE, count=None):
    """The requested page of a list; a page that does not exist is a 404, not the last page.

    count: the list's length when the view already knows it. Otherwise the page's query
    carries the length too, so a page costs one query (the database counts the rows it orders
    for the page anyway); an empty page asks for the length on its own, to tell page 1 of an
    empty list from a page past the end.
    """
    paginator = Paginator(queryset, per_page)
    try:
        if count is not None:
            paginator.count = count  # a cached_property: this value is used instead
            return paginator.page(request.GET.get("page") or 1)
        number = _page_number(request.GET.get("page") or 1)
        bottom = (number - 1) * per_page
        rows = list(queryset.annotate(**{_LISTED: Window(Count("*"))})[bottom : bottom + per_page])
        paginator.count = getattr(rows[0], _LISTED) if rows else queryset.count()
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    page.object_list = rows  # the rows already read, not the slice the paginator would query
    return page


def page_read_by(request, read, per_page=PAGE_SIZE):
    """The requested page of a list that read(bottom, size) gives a slice of, with the list's
    length (0 when the slice is empty: a page past the end is a 404 either way)."""
    try:
        number = _page_number(request.GET.get("page") or 1)
        rows, count = read((number - 1) * per_page, per_page)
        paginator = Paginator([], per_page)
        paginator.count = count  # a cached_property: this value is used instead
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    page.object_list = rows
    return page


def _page_number(number) -> int:
    try:
        number = int(number)
    except (TypeError, ValueError) as error:
        raise PageNotAnInteger from error
    if number < 1:
        raise EmptyPage
    return number
