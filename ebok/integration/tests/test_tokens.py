"""A bearer token is needed for every call; tokens are stored as hashes, shown once, revocable;
every call is logged."""

import hashlib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ebok.integration.models import ApiCall, ApiToken
from ebok.integration.tests import payloads
from ebok.integration.tests.conftest import ApiClient
from ebok.integration.tokens import create_token
from ebok.testing import log_in_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "header",
    [None, "Bearer ebok_wrong", "Bearer ", "Basic dXNlcjpwYXNz", "ebok_no_scheme"],
    ids=["missing", "wrong", "empty", "basic", "no-scheme"],
)
def test_a_call_without_a_valid_token_is_refused_with_401_json(client, api_token, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/submitted-readings", headers=headers)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "token" in response.json()["detail"]


def test_a_revoked_token_is_refused(client, api_token):
    model, token = api_token
    model.revoked_at = timezone.now()
    model.save()
    response = ApiClient(client, token).get("/submitted-readings")
    assert response.status_code == 401


def test_a_refused_batch_writes_nothing(client, api_token):
    response = ApiClient(client, "ebok_wrong").post(
        "/customers", {"customers": [payloads.customer()]}
    )
    assert response.status_code == 401
    from ebok.customers.models import Customer

    assert not Customer.objects.exists()


def test_only_the_hash_of_the_token_is_stored(api_token):
    model, token = api_token
    assert token.startswith("ebok_") and len(token) >= 40
    assert model.secret_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(ApiToken.objects.values_list())


def test_a_call_notes_when_the_token_was_last_used(api, api_token):
    model, _token = api_token
    assert model.last_used_at is None
    assert api.get("/submitted-readings").status_code == 200
    model.refresh_from_db()
    assert model.last_used_at is not None


def test_every_call_is_logged_with_token_status_and_record_count(client, api, api_token):
    api.post("/customers", {"customers": [payloads.customer(), payloads.customer("K-2", "2")]})
    client.get("/api/v1/submitted-readings?limit=5")
    ok, refused = ApiCall.objects.order_by("id")
    assert (ok.token, ok.method, ok.path, ok.status) == (
        api_token[0],
        "POST",
        "/api/v1/customers",
        200,
    )
    assert ok.record_count == 2
    assert ok.duration_ms >= 0
    assert ok.ip_address == "127.0.0.1"
    assert (refused.token, refused.path, refused.status) == (
        None,
        "/api/v1/submitted-readings?limit=5",
        401,
    )


def test_the_command_prints_the_token_alone_on_the_last_line(db, client):
    out = StringIO()
    call_command("create_api_token", "billing-nightly", stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    assert ApiToken.objects.get().name == "billing-nightly"
    assert ApiClient(client, token).get("/submitted-readings").status_code == 200


def test_the_admin_shows_a_new_token_once_and_keeps_only_its_hash(client, admin_user):
    log_in_staff(client, admin_user)
    response = client.post(reverse("admin:integration_apitoken_add"), {"name": "billing"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    token = page.split('<code id="api-token">')[1].split("</code>")[0]
    api_token = ApiToken.objects.get()
    assert api_token.created_by == admin_user
    assert api_token.secret_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (
        token not in client.get(reverse("admin:integration_apitoken_changelist")).content.decode()
    )
    assert ApiClient(client, token).get("/submitted-readings").status_code == 200


def test_the_admin_revokes_tokens(client, admin_user, api_token):
    model, token = api_token
    log_in_staff(client, admin_user)
    client.post(
        reverse("admin:integration_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [model.pk]},
    )
    model.refresh_from_db()
    assert model.revoked_at is not None
    assert ApiClient(client, token).get("/submitted-readings").status_code == 401


def test_staff_without_the_permission_cannot_see_or_make_tokens(client, db):
    clerk = get_user_model().objects.create_user("clerk", password="x", is_staff=True)
    log_in_staff(client, clerk)
    assert client.get(reverse("admin:integration_apitoken_changelist")).status_code == 403
    assert client.post(reverse("admin:integration_apitoken_add"), {"name": "x"}).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="add_apitoken"))
    clerk = get_user_model().objects.get(pk=clerk.pk)
    log_in_staff(client, clerk)
    assert client.post(reverse("admin:integration_apitoken_add"), {"name": "x"}).status_code == 200
    assert ApiToken.objects.filter(name="x").exists()


def test_nobody_edits_or_deletes_the_call_log(client, admin_user, api):
    api.get("/submitted-readings")
    call = ApiCall.objects.get()
    log_in_staff(client, admin_user)
    assert client.get(reverse("admin:integration_apicall_changelist")).status_code == 200
    assert client.get(reverse("admin:integration_apicall_add")).status_code == 403
    assert (
        client.get(reverse("admin:integration_apicall_delete", args=[call.pk])).status_code == 403
    )
    client.post(reverse("admin:integration_apicall_change", args=[call.pk]), {"status": 500})
    call.refresh_from_db()
    assert call.status == 200


def test_tokens_are_revoked_not_deleted(client, admin_user, api_token):
    log_in_staff(client, admin_user)
    url = reverse("admin:integration_apitoken_delete", args=[api_token[0].pk])
    assert client.get(url).status_code == 403


def test_two_tokens_are_different(db):
    assert create_token("a")[1] != create_token("b")[1]
