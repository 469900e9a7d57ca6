from django.urls import path

from ebok.portal.views import (
    access,
    documents,
    info,
    invoices,
    meter_csv,
    meters,
    numbers,
    payments,
    statement,
)

app_name = "portal"

urlpatterns = [
    path("", info.info_view, name="info"),
    path("invoices/", invoices.invoice_list_view, name="invoices"),
    path("invoices/<int:pk>/", invoices.invoice_detail_view, name="invoice"),
    path("invoices/<int:pk>/pdf/", invoices.invoice_pdf_view, name="invoice_pdf"),
    path("invoices/zip/", invoices.invoice_zip_view, name="invoices_zip"),
    path("payments/", payments.payment_list_view, name="payments"),
    path("meters/", meters.meter_list_view, name="meters"),
    path("meters/<int:pk>/", meters.meter_detail_view, name="meter"),
    path("meters/<int:pk>/reading/", meters.meter_reading_view, name="meter_reading"),
    path("meters/<int:pk>/readings.csv", meter_csv.meter_readings_csv_view, name="meter_csv"),
    path("meters/consumption.csv", meter_csv.consumption_csv_view, name="consumption_csv"),
    path("documents/", documents.document_list_view, name="documents"),
    path("documents/<int:pk>/", documents.document_download_view, name="document"),
    path("documents/statement/", statement.statement_view, name="statement"),
    path("home/", info.overview_view, name="overview"),
    path("numbers/", numbers.number_list_view, name="numbers"),
    path("numbers/add/", access.number_add_view, name="number_add"),
    path("access/", access.access_view, name="access"),
    path("access/<int:pk>/revoke/", access.access_revoke_view, name="access_revoke"),
    path(
        "access/invitations/<int:pk>/cancel/",
        access.invitation_cancel_view,
        name="invitation_cancel",
    ),
]
