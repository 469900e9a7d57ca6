from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect


def customer_required(view):
    """For the customer's pages: logged in as a customer, with a password of their own.

    Sets request.customer, the one way views reach the customer's data. While the password is
    a temporary one, every such page leads to the change form.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or user.customer_id is None:
            return redirect_to_login(request.get_full_path())
        if user.has_temporary_password:
            return redirect("accounts:password_change")
        request.customer = user.customer
        return view(request, *args, **kwargs)

    return wrapper


def customer_login_required(view):
    """Like customer_required, but also for a customer who still has a temporary password."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or user.customer_id is None:
            return redirect_to_login(request.get_full_path())
        request.customer = user.customer
        return view(request, *args, **kwargs)

    return wrapper
