from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

PAGE_SIZE = 12


def page_of(request, queryset, per_page=PAGE_SIZE, count=None):
    """The requested page of a list; a page that does not exist is a 404, not the last page.

    count: the list's length when the view already knows it, which saves the COUNT query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: this value is used instead
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
