import pytest

# The utility's contact as a water company in Węgrów would give it.
CONTACT = {
    "UTILITY_NAME": "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie",
    "UTILITY_ADDRESS": "ul. Przemysłowa 8, 07-100 Węgrów",
    "UTILITY_PHONE": "25 792 20 41",
    "UTILITY_EMAIL": "bok@pwik.wegrow.pl",
    "UTILITY_WEBSITE": "https://pwik.wegrow.pl",
    "UTILITY_OFFICE_HOURS": "pon.-pt. 7:00-15:00",
    "UTILITY_CUSTOMER_OFFICE_HOURS": "pon. 8:00-17:00, wt.-pt. 7:30-15:30",
    "UTILITY_EMERGENCY_PHONE": "994",
}


@pytest.fixture
def contact(settings):
    for name, value in CONTACT.items():
        setattr(settings, name, value)
    return CONTACT
