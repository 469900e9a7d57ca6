"""Memberships: which login may reach which customer number, as the billing system knows it.

A record names the customer number to reach and the member: another customer, whose own login
(accounts.services.account_for, created without a password if missing) gets the access. Every
grant, change of role and withdrawal goes through ebok/accounts/memberships.py, so it is
audited (with the API token's name) and told to the number's e-mail on file, like the office's.

The API changes and withdraws only the memberships it pushed (those with an external_id). A
login's access that the office or the customer gave in eBOK is theirs: a record naming the same
login and number is refused rather than taking it over, so a later withdrawal by the billing
system can never remove it. A number's own login always owns it and is never pushed.
"""

from django.contrib.auth import get_user_model

from ebok.accounts import memberships
from ebok.accounts.models import Membership
from ebok.accounts.services import account_for
from ebok.customers.models import Customer
from ebok.integration.services.records import CUSTOMER
from ebok.integration.services.sections import Reference, Section

MEMBER = Reference("member_customer_external_id", "customers", Customer, "customer")


class Memberships(Section):
    name = "memberships"
    model = Membership
    references = (CUSTOMER, MEMBER)

    def rows(self):
        # The login and number a membership had, for the notices when a record moves it.
        return Membership.objects.select_related("user", "customer")

    def check_more(self):
        self.before = {
            key: (row.customer, row.user, row.role) for key, row in self.existing.items()
        }
        pks = self.batch.pks[Customer]  # customers in eBOK; new ones have no memberships yet
        held = {
            (customer_id, member_id): external_id
            for customer_id, member_id, external_id in Membership.objects.filter(
                customer_id__in={pks.get(item.customer_external_id) for item in self.items},
                user__customer_id__in={
                    pks.get(item.member_customer_external_id) for item in self.items
                },
            ).values_list("customer_id", "user__customer_id", "external_id")
        }
        seen: dict[tuple, int] = {}
        for index, item in enumerate(self.items):
            customer, member = item.customer_external_id, item.member_customer_external_id
            in_ebok = (pks.get(customer), pks.get(member))
            if customer == member:
                message = (
                    "A customer number's own login always owns it; only other customers' "
                    "logins are pushed."
                )
            elif (customer, member) in seen:
                message = (
                    f"The same customer and member are given at index {seen[customer, member]}."
                )
            elif in_ebok in held and held[in_ebok] is None:
                message = (
                    f"The login of customer {member!r} already reaches customer {customer!r} by "
                    "access given in eBOK (by the customer office or the customer); the API does "
                    "not change it, the customer office does."
                )
            elif in_ebok in held and held[in_ebok] != item.external_id:
                message = (
                    f"The login of customer {member!r} already reaches customer {customer!r} "
                    f"through external_id {held[in_ebok]!r}."
                )
            else:
                message = None
            seen.setdefault((customer, member), index)
            if message:
                self.batch.error(self.name, index, "member_customer_external_id", message)

    def write(self):
        self.logins = self.member_logins()
        return super().write()

    def member_logins(self) -> dict:
        """The own login of each member's customer number (by its pk), created where missing."""
        wanted = {self.resolve(MEMBER, item) for item in self.items}
        User = get_user_model()
        logins = {user.customer_id: user for user in User.objects.filter(customer_id__in=wanted)}
        for customer in Customer.objects.filter(pk__in=wanted - set(logins)):
            logins[customer.pk] = account_for(customer)
        return logins

    def values(self, item):
        return {
            "external_id": item.external_id,
            "customer_id": self.resolve(CUSTOMER, item),
            "user_id": self.logins[self.resolve(MEMBER, item)].pk,
            "role": item.role,
        }

    def after_write(self):
        """Audit and tell each number's owner what changed; nothing for unchanged records."""
        written = [(item, row) for item, row, state in self.written if state != "unchanged"]
        customers = Customer.objects.in_bulk({row.customer_id for _, row in written})
        users = {user.pk: user for user in self.logins.values()}
        told = {
            "request": self.batch.request,
            "api_token": getattr(self.batch.request, "auth", None),
        }
        for item, row in written:
            row.customer, row.user = customers[row.customer_id], users[row.user_id]
            if item.external_id not in self.before:
                memberships.granted(row, **told)
                continue
            customer, user, role = self.before[item.external_id]
            if (customer, user) == (row.customer, row.user):
                memberships.changed(row, **told)
            else:
                # Moved to another number or login: one loses the access, the other gains it.
                memberships.revoked(Membership(customer=customer, user=user, role=role), **told)
                memberships.granted(row, **told)
