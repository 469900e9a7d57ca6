"""Records as the billing system sends them, with defaults that make a valid batch."""

import base64

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def customer(external_id="K-1", number="001234", **extra):
    return {
        "external_id": external_id,
        "number": number,
        "name": "Jan Węgrowski",
        "postal_code": "07-100",
        "city": "Węgrów",
        "street": "ul. Wyszyńskiego 1",
        "email": "jan@example.pl",
        **extra,
    }


def service_point(external_id="PP-1", customer="K-1", **extra):
    return {
        "external_id": external_id,
        "customer_external_id": customer,
        "code": f"P-{external_id}",
        "postal_code": "07-100",
        "city": "Węgrów",
        "street": "ul. Wyszyńskiego 1",
        **extra,
    }


def meter(external_id="M-1", service_point="PP-1", **extra):
    return {
        "external_id": external_id,
        "service_point_external_id": service_point,
        "serial_number": f"WM-{external_id}",
        "installed_on": "2015-01-01",
        **extra,
    }


def reading(external_id="R-1", meter="M-1", **extra):
    return {
        "external_id": external_id,
        "meter_external_id": meter,
        "read_on": "2026-10-15",
        "value": "123.450",
        "source": "reader",
        **extra,
    }


def charge(service_point="PP-1", **extra):
    return {
        "service_point_external_id": service_point,
        "description": "Woda",
        "period_start": "2026-09-01",
        "period_end": "2026-10-31",
        "quantity": "9.500",
        "unit": "m³",
        "unit_net_price": "10.5263",
        "vat_rate": "8.00",
        "net": "100.00",
        "vat": "8.00",
        "gross": "108.00",
        **extra,
    }


def invoice(external_id="F-1", customer="K-1", number="FV/2026/11/000001", **extra):
    return {
        "external_id": external_id,
        "customer_external_id": customer,
        "number": number,
        "issued_on": "2026-11-01",
        "period_start": "2026-09-01",
        "period_end": "2026-10-31",
        "due_on": "2026-11-15",
        "net": "100.00",
        "vat": "8.00",
        "gross": "108.00",
        "charges": [charge()],
        **extra,
    }


def payment(external_id="W-1", customer="K-1", **extra):
    return {
        "external_id": external_id,
        "customer_external_id": customer,
        "paid_on": "2026-11-10",
        "amount": "40.00",
        "title": "Woda i ścieki, klient 001234",
        **extra,
    }


def document(external_id="D-1", customer="K-1", content=PDF, **extra):
    return {
        "external_id": external_id,
        "customer_external_id": customer,
        "kind": "letter",
        "title": "Zawiadomienie o zmianie taryfy",
        "date": "2026-11-01",
        "filename": "zawiadomienie.pdf",
        "content_base64": base64.b64encode(content).decode(),
        **extra,
    }


def everything():
    """One customer with a point, a meter, a reading, an invoice and a payment: a mixed batch."""
    return {
        "customers": [customer()],
        "service_points": [service_point()],
        "meters": [meter()],
        "readings": [reading()],
        "invoices": [invoice()],
        "payments": [payment()],
    }


def membership(external_id="Z-1", customer="K-1", member="K-2", role="viewer"):
    return {
        "external_id": external_id,
        "customer_external_id": customer,
        "member_customer_external_id": member,
        "role": role,
    }
