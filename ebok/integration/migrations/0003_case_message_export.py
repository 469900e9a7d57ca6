import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def copy_acknowledgements(apps, schema_editor):
    """Every message acknowledged so far gets its export row, with the time it was taken, so
    the pull does not hand it out again (the token that took it was not recorded)."""
    Message = apps.get_model("cases", "Message")
    CaseMessageExport = apps.get_model("integration", "CaseMessageExport")
    db = schema_editor.connection.alias
    taken = Message.objects.using(db).filter(acknowledged_at__isnull=False)
    rows = (
        CaseMessageExport(message_id=pk, acknowledged_at=at)
        for pk, at in taken.values_list("pk", "acknowledged_at").iterator()
    )
    CaseMessageExport.objects.using(db).bulk_create(rows, batch_size=1000)


def copy_back(apps, schema_editor):
    Message = apps.get_model("cases", "Message")
    CaseMessageExport = apps.get_model("integration", "CaseMessageExport")
    db = schema_editor.connection.alias
    for export in CaseMessageExport.objects.using(db).iterator():
        Message.objects.using(db).filter(pk=export.message_id).update(
            acknowledged_at=export.acknowledged_at
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_message_acknowledged_at"),
        ("integration", "0002_account_change_export"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseMessageExport",
            fields=[
                (
                    "acknowledged_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="acknowledged"
                    ),
                ),
                (
                    "message",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="export",
                        serialize=False,
                        to="cases.message",
                        verbose_name="message",
                    ),
                ),
                (
                    "token",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="integration.apitoken",
                        verbose_name="API token",
                    ),
                ),
            ],
            options={
                "verbose_name": "case message taken by the billing system",
                "verbose_name_plural": "case messages taken by the billing system",
            },
        ),
        migrations.RunPython(copy_acknowledgements, copy_back),
    ]
