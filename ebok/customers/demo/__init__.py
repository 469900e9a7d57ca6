"""Demo data: believable customers of a water utility around Węgrów, with years of history.

people.py   who the customers are: names, addresses, service points, how they pay
history.py  what happened to them: readings, invoices with charges, corrections, payments
content.py  announcements and the general documents (PDFs made with reportlab)
store.py    writing it all quickly: COPY on PostgreSQL, bulk_create elsewhere
run.py      the whole run in one transaction, as `manage.py demo_data` starts it
"""
