"""The staff groups Operator and Administrator (ebok/backoffice/roles.py).

Permissions of apps migrated later are granted by the post_migrate hook and by
`manage.py setup_roles`, which run the same function.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from ebok.backoffice.roles import setup_roles

    setup_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("accounts", "0003_user_session_generation_and_account_permission"),
        ("audit", "0003_backoffice_event_kinds"),
        ("billing", "0001_initial"),
        ("content", "0002_document_file_pdf_only"),
        ("customers", "0002_customer_bank_account_customer_external_id_and_more"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
