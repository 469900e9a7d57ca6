from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from ebok.accounts import numbers
from ebok.customers.models import normalize_customer_number

# A number shared by more logins than this is shared too widely for the login form, which
# checks each one's password; the office sees such numbers in the back office.
MAX_LOGINS_PER_NUMBER = 5


class CustomerNumberBackend(ModelBackend):
    """Customers log in with their customer number; staff accounts cannot log in this way."""

    def authenticate(self, request, customer_number=None, password=None, **kwargs):
        number = normalize_customer_number(customer_number)
        if not number or password is None:
            return None
        User = get_user_model()
        # Every login that reaches the number may log in with it; the number's own login first.
        candidates = list(
            User.objects.filter(memberships__customer__number=number, is_staff=False)
            .annotate(own=Q(customer__number=number))
            .order_by("-own", "pk")[:MAX_LOGINS_PER_NUMBER]
        )
        if not candidates:
            # Hash anyway so that an unknown number takes as long as a wrong password.
            User().set_password(password)
            return None
        for user in candidates:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None

    def get_user(self, user_id):
        """The login of a session, with its memberships in the same query.

        Every panel page needs both (the number in use, the switcher): one round trip rather
        than two on each request. A login without memberships is read on its own.
        """
        memberships = numbers.load_memberships(user_id)
        if memberships:
            user = memberships[0].user
            numbers.remember_memberships(user, memberships)
        else:
            user = get_user_model().objects.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


class StaffBackend(ModelBackend):
    """The office's login (/admin/) by username; customers' accounts cannot log in this way,
    so the office's form tells nothing about a customer's password."""

    def authenticate(self, request, staff_username=None, password=None, **kwargs):
        if not staff_username or password is None:
            return None
        User = get_user_model()
        user = User.objects.filter(username=staff_username, is_staff=True).first()
        if user is None:
            # Hash anyway so that an unknown username takes as long as a wrong password.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
