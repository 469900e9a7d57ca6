"""API tokens: 32 random bytes shown once, kept only as their SHA-256."""

import hashlib
import hmac
import secrets

from django.utils import timezone

from ebok.integration.models import ApiToken

PREFIX = "ebok_"  # makes a leaked token recognisable to secret scanners


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(name: str, *, created_by=None) -> tuple[ApiToken, str]:
    """A new token: the model (with the hash) and the token itself, which is not stored."""
    token = new_token()
    api_token = ApiToken.objects.create(
        name=name, secret_hash=token_hash(token), created_by=created_by
    )
    return api_token, token


def authenticate(token: str) -> ApiToken | None:
    """The active token with this secret, its last use noted; None for a wrong or revoked one."""
    if not token or len(token) > 200:
        return None
    digest = token_hash(token)
    api_token = ApiToken.objects.filter(secret_hash=digest).first()
    if api_token is None or not hmac.compare_digest(api_token.secret_hash, digest):
        return None
    if api_token.revoked_at is not None:
        return None
    now = timezone.now()
    ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
    api_token.last_used_at = now
    return api_token


def revoke(queryset) -> int:
    return queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
