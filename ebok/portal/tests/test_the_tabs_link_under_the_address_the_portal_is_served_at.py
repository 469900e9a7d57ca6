"""The tabs' addresses are reversed once and kept: served under a path of a larger site
(SCRIPT_NAME, as a proxy passes it to the WSGI server), they lead there, and at the root they
do not. Requests go through Django's WSGI handler, which sets the prefix (the test client
does not); like the test client, it is kept from closing the test's database connection at
the start and the end of each request."""

import re

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def tab_addresses(client, script_name: str) -> list[str]:
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    environ = RequestFactory().get("/panel/", SCRIPT_NAME=script_name, HTTP_COOKIE=cookies).environ
    answer = []
    signals = [request_started, request_finished]
    for signal in signals:
        signal.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers: answer.append(status))
        body = b"".join(response)
        response.close()
    finally:
        for signal in signals:
            signal.connect(close_old_connections)
    assert answer == ["200 OK"]
    tabs = re.search(r'<ul class="tabs__list tabs__bar">(.*?)</ul>', body.decode(), re.DOTALL)
    return re.findall(r'href="([^"]+)"', tabs.group(1))


def test_the_tabs_lead_under_the_script_prefix_and_at_the_root_without_one(client, account):
    client.force_login(account)
    at_root = tab_addresses(client, "")
    assert "/panel/invoices/" in at_root
    assert tab_addresses(client, "/ebok") == [f"/ebok{address}" for address in at_root]
    assert tab_addresses(client, "") == at_root
