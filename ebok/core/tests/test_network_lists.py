"""Lists of networks in settings (ADMIN_ALLOWED_NETWORKS): read strictly, and which client
addresses they hold."""

import ipaddress

import pytest
from django.core.exceptions import ImproperlyConfigured

from ebok.core.env import env_networks
from ebok.core.middleware import in_networks

NAME = "EBOK_TEST_NETWORKS"


def networks(monkeypatch, value):
    monkeypatch.setenv(NAME, value)
    return env_networks(NAME)


def test_networks_are_read_from_a_comma_separated_list(monkeypatch):
    value = " 10.0.0.0/8,192.168.1.0/24 ,, 2001:db8::/32,198.51.100.7"
    assert networks(monkeypatch, value) == [
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("192.168.1.0/24"),
        ipaddress.ip_network("2001:db8::/32"),
        ipaddress.ip_network("198.51.100.7/32"),
    ]


def test_an_empty_or_missing_value_is_no_networks(monkeypatch):
    assert networks(monkeypatch, "") == []
    assert networks(monkeypatch, " , ") == []
    monkeypatch.delenv(NAME)
    assert env_networks(NAME) == []


@pytest.mark.parametrize("value", ["10.0.0.0/33", "10.0.0", "192.168.1.7/24", "*", "any"])
def test_anything_else_is_refused_with_the_variables_name(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match=NAME):
        networks(monkeypatch, f"10.0.0.0/8,{value}")


def test_an_address_is_in_a_network_of_its_own_version_only(monkeypatch):
    office = networks(monkeypatch, "10.0.0.0/8,2001:db8::/32")
    assert in_networks("10.200.0.1", office)
    assert in_networks("2001:db8::1", office)
    assert in_networks("::ffff:10.0.0.1", office)  # IPv4 client on an IPv6 socket
    assert not in_networks("11.0.0.1", office)
    assert not in_networks("::ffff:11.0.0.1", office)
    assert not in_networks("", office)
    assert not in_networks("unknown", office)
