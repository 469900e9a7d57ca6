from django.db import migrations


class Migration(migrations.Migration):
    """The acknowledgements moved to integration.OnlinePaymentExport (copied there first)."""

    dependencies = [
        ("payments", "0001_initial"),
        ("integration", "0004_online_payment_export"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="onlinepaymentpart",
            name="exported_at",
        ),
    ]
