"""The two staff roles, as Django groups: "Operator" and "Administrator".

`setup_roles()` makes both groups hold exactly the permissions below. It runs from the data
migration ebok/backoffice/migrations/0001_roles.py, after every `migrate` (post_migrate, so
permissions of apps added later, such as the integration API's, are picked up) and on demand
with `manage.py setup_roles`. Permissions added to these groups by hand are taken away again;
a different mix belongs in another group. docs/backoffice.md explains the roles.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

OPERATOR = "Operator"
ADMINISTRATOR = "Administrator"

MANAGE_ACCOUNT = ("accounts", "manage_customer_account")

# The customer office's daily work: customers and their points, meters and readings, the
# accounts' actions, announcements and documents, cases; the billing data and the logs to read.
OPERATOR_PERMISSIONS = {
    "customers": {
        "customer": ["view", "add", "change"],
        # Service points and meters are the billing system's (ebok/core/admin.py).
        "servicepoint": ["view"],
        "meter": ["view"],
        "reading": ["view", "add", "change"],
        # The list of flagged self-readings; "change" accepts or rejects them.
        "readingtoreview": ["view", "change"],
        "readingwindow": ["view"],
        "leakwarning": ["view"],
    },
    "content": {
        "announcement": ["view", "add", "change", "delete"],
        "document": ["view", "add", "change", "delete"],
    },
    "billing": {"invoice": ["view"], "invoiceline": ["view"], "payment": ["view"]},
    "accounts": {"consent": ["view"], "membership": ["view", "add", "change", "delete"]},
    "audit": {"auditevent": ["view"]},
    # Notices sent and failed, on the customer's page; "change" to queue failed ones again.
    "notifications": {"notice": ["view", "change"]},
    # Operators handle cases; only administrators configure case types and answer templates.
    "cases": {
        "case": ["view", "change"],
        "casetype": ["view"],
        "answertemplate": ["view"],
    },
}


def operator_codenames() -> list[tuple[str, str]]:
    """(app label, codename) of every permission an operator holds."""
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in OPERATOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    return [*codenames, MANAGE_ACCOUNT]


def _create_all_permissions(apps, using) -> None:
    """Django creates permissions after migrate; a data migration needs them now."""
    for app_config in apps.get_app_configs():
        # A migration's historical app has no models module, and Django would skip it.
        if not hasattr(app_config, "models_module"):
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)


def setup_roles(apps=global_apps, using=DEFAULT_DB_ALIAS) -> list[str]:
    """Create or update both groups; returns the operator's permissions that do not exist."""
    _create_all_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using).select_related("content_type")
    by_key = {(p.content_type.app_label, p.codename): p for p in permissions}

    wanted = operator_codenames()
    operator, _ = Group.objects.using(using).get_or_create(name=OPERATOR)
    operator.permissions.set([by_key[key] for key in wanted if key in by_key])

    # Everything there is, including what apps installed later (integration tokens) bring.
    administrator, _ = Group.objects.using(using).get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(by_key.values())
    return [
        f"{app_label}.{codename}"
        for app_label, codename in wanted
        if (app_label, codename) not in by_key
    ]
