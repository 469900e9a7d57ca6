from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from ebok.customers.models import normalize_customer_number


class CustomerNumberBackend(ModelBackend):
    """Customers log in with their customer number; staff accounts cannot log in this way."""

    def authenticate(self, request, customer_number=None, password=None, **kwargs):
        number = normalize_customer_number(customer_number)
        if not number or password is None:
            return None
        User = get_user_model()
        user = (
            User.objects.select_related("customer")
            .filter(customer__number=number, is_staff=False)
            .first()
        )
        if user is None:
            # Hash anyway so that an unknown number takes as long as a wrong password.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        # Every request of a logged-in customer needs the customer too: one query for both.
        User = get_user_model()
        user = User.objects.select_related("customer").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
