from django.db import migrations


class Migration(migrations.Migration):
    """Messages already taken are recorded as integration.CaseMessageExport rows (copied by
    integration/0003), the same way as every pull; the column goes after the copy."""

    dependencies = [
        ("cases", "0003_message_acknowledged_at"),
        ("integration", "0003_case_message_export"),
    ]

    operations = [
        migrations.RemoveField(model_name="message", name="acknowledged_at"),
    ]
