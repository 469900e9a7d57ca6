from functools import wraps

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect

from ebok.accounts import numbers


def customer_required(view=None, *, allow_temporary_password=False):
    """For the customer's pages: a customer login, with a password of its own.

    Sets request.membership and request.customer (the number in use), the one way views reach
    the customer's data. While the password is a temporary one, every such page leads to the
    change form, except those that allow it (the change form itself).
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated or user.is_staff:
                return redirect_to_login(request.get_full_path())
            membership = numbers.in_use(request)
            if membership is None:
                # Every number was taken away from this login: nothing left to show.
                logout(request)
                return redirect_to_login(request.get_full_path())
            if user.has_temporary_password and not allow_temporary_password:
                return redirect("accounts:password_change")
            request.membership = membership
            request.customer = membership.customer
            return view(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
