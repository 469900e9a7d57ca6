"""Work the customers' forms leave to the background, so that a request costs the same whether
or not the customer exists (docs/security.md, "Enumeration")."""

from django.utils import translation
from django_tasks import task

from ebok.core.origin import Origin


@task()
def complete_registration(
    *, invoice_id, customer_number, email, e_invoice, terms_id, origin: dict
) -> None:
    from ebok.accounts import registration

    origin = Origin(**origin)
    with translation.override(origin.language):
        registration.complete(
            invoice_id=invoice_id,
            customer_number=customer_number,
            email=email,
            e_invoice=e_invoice,
            terms_id=terms_id,
            origin=origin,
        )


@task()
def send_password_reset_link(*, customer_number: str, origin: dict) -> None:
    from ebok.accounts import services

    origin = Origin(**origin)
    with translation.override(origin.language):
        services.send_password_reset_link(customer_number, origin=origin)


@task()
def complete_access_request(*, invoice_id, user_id, customer_number, origin: dict) -> None:
    from ebok.accounts import memberships

    origin = Origin(**origin)
    with translation.override(origin.language):
        memberships.complete_access_request(
            invoice_id=invoice_id, user_id=user_id, customer_number=customer_number, origin=origin
        )


@task()
def build_data_export(*, export_id: int) -> None:
    from ebok.accounts import export

    export.build(export_id)
