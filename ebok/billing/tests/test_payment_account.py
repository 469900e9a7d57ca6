import pytest
from django.core.exceptions import ImproperlyConfigured
from schwifty import IBAN

from ebok.billing.accounts import derived_account, format_nrb, is_valid_nrb, payment_account

pytestmark = pytest.mark.django_db


def test_account_is_derived_from_the_bank_code_and_customer_number(settings):
    settings.PAYMENT_BANK_CODE = "10204027"
    nrb = derived_account("001234")
    assert nrb == "67102040270000000000001234"
    assert IBAN("PL" + nrb).bank_code == "10204027"


def test_prefix_goes_between_bank_code_and_number(settings):
    settings.PAYMENT_BANK_CODE = "10204027"
    settings.PAYMENT_ACCOUNT_PREFIX = "5500"
    nrb = derived_account("001234")
    assert nrb[2:].startswith("102040275500")
    assert nrb.endswith("000000001234")
    assert is_valid_nrb(nrb)


def test_every_derived_account_has_valid_check_digits(settings):
    settings.PAYMENT_BANK_CODE = "10204027"
    assert all(is_valid_nrb(derived_account(f"{n:06d}")) for n in range(0, 100_000, 7919))


def test_no_bank_code_means_no_derived_account(settings):
    settings.PAYMENT_BANK_CODE = ""
    assert derived_account("001234") == ""


def test_a_wrong_bank_code_is_a_configuration_error(settings):
    settings.PAYMENT_BANK_CODE = "123"
    with pytest.raises(ImproperlyConfigured):
        derived_account("001234")


def test_billing_systems_account_wins(customer, settings):
    settings.PAYMENT_BANK_CODE = "10204027"
    customer.bank_account = "61109010140000071219812874"
    assert payment_account(customer) == "61109010140000071219812874"


def test_account_is_shown_in_groups_of_four():
    assert format_nrb("67102040270000000000001234") == "67 1020 4027 0000 0000 0000 1234"
    assert format_nrb("") == ""


def test_a_mistyped_account_is_not_valid():
    assert not is_valid_nrb("67102040270000000000001235")
