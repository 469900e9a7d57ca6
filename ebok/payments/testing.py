"""A local Przelewy24 for the tests: the documented REST API v1 (register, verify), the gateway
page the customer is sent to, and signed notifications to the shop's urlStatus, as P24's
sandbox behaves. It listens on 127.0.0.1 only, on a free port, and stops when its `with` block
ends, or by itself after `lifetime` seconds should a test never end it.
"""

import base64
import html
import itertools
import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ebok.payments.providers.przelewy24 import NOTIFICATION_SIGN, REGISTER_SIGN, VERIFY_SIGN, sign
from ebok.testing_servers import free_port

MERCHANT_ID = 123456
CRC = "0123456789abcdef"
API_KEY = "report-key-of-the-test-shop"


class Przelewy24Server:
    def __init__(self, merchant_id=MERCHANT_ID, crc=CRC, api_key=API_KEY, lifetime=300.0):
        self.merchant_id = merchant_id
        self.crc = crc
        self.api_key = api_key
        self.lifetime = lifetime
        self.port = free_port()
        self.transactions = {}  # token -> the registered body, plus orderId and paid
        self.verified = []  # verify requests that succeeded
        self.delay = 0.0  # seconds every API answer waits: a slow or hung provider
        self._order_ids = itertools.count(300000001)
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings(self) -> dict:
        """What a deployment would set to use this server (ebok/settings.py)."""
        return {
            "PAYMENT_PROVIDER": "przelewy24",
            "P24_MERCHANT_ID": self.merchant_id,
            "P24_POS_ID": self.merchant_id,
            "P24_CRC": self.crc,
            "P24_API_KEY": self.api_key,
            "P24_API_URL": self.url,
        }

    def __enter__(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet in test output
                pass

            def do_POST(self):
                server._handle(self, "POST")

            def do_PUT(self):
                server._handle(self, "PUT")

            def do_GET(self):
                server._handle(self, "GET")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.timer = threading.Timer(self.lifetime, self.httpd.shutdown)
        self.timer.daemon = True
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()

    # What P24 would send

    def notification(self, token, **changes) -> dict:
        """The signed notification P24 sends for a paid transaction; `changes` alter fields
        before signing (a notification about another amount, signed correctly)."""
        registered = self.transactions[token]
        body = {
            "merchantId": registered["merchantId"],
            "posId": registered["posId"],
            "sessionId": registered["sessionId"],
            "amount": registered["amount"],
            "originAmount": registered["amount"],
            "currency": registered["currency"],
            "orderId": registered["orderId"],
            "methodId": 181,  # BLIK
            "statement": f"p24-{registered['orderId']}",
            **changes,
        }
        body["sign"] = sign(body, NOTIFICATION_SIGN, self.crc)
        return body

    def pay(self, token, notify=True) -> dict:
        """The customer pays at the gateway: P24 assigns an order id and notifies the shop."""
        with self._lock:
            registered = self.transactions[token]
            registered.setdefault("orderId", next(self._order_ids))
            registered["paid"] = True
        body = self.notification(token)
        if notify:
            request = urllib.request.Request(  # noqa: S310 (the shop's urlStatus, local)
                registered["urlStatus"],
                data=json.dumps(body).encode(),
                method="POST",
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                answer.read()
        return body

    def token_of(self, session_id) -> str:
        return next(t for t, body in self.transactions.items() if body["sessionId"] == session_id)

    # The HTTP side

    def _handle(self, handler, method):
        path = handler.path.split("?")[0]
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        if path.startswith("/api/"):
            time.sleep(self.delay)
            if not self._authorised(handler):
                return self._json(handler, 401, {"error": "Incorrect authentication", "code": 401})
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                return self._json(handler, 400, {"error": "Invalid JSON", "code": 400})
            if method == "POST" and path == "/api/v1/transaction/register":
                return self._register(handler, body)
            if method == "PUT" and path == "/api/v1/transaction/verify":
                return self._verify(handler, body)
        elif path.startswith("/trnRequest/"):
            token = path.removeprefix("/trnRequest/").removesuffix("/pay")
            if token in self.transactions:
                if method == "GET":
                    return self._gateway_page(handler, token)
                if method == "POST" and path.endswith("/pay"):
                    self.pay(token)
                    return self._redirect(handler, self.transactions[token]["urlReturn"])
        return self._json(handler, 404, {"error": "Not found", "code": 404})

    def _authorised(self, handler) -> bool:
        expected = base64.b64encode(f"{self.merchant_id}:{self.api_key}".encode()).decode()
        return handler.headers.get("Authorization") == f"Basic {expected}"

    def _register(self, handler, body):
        required = ("merchantId", "posId", "sessionId", "amount", "currency", "description")
        required += ("email", "country", "language", "urlReturn", "sign")
        if any(field not in body for field in required):
            return self._json(handler, 400, {"error": "Missing fields", "code": 400})
        if body["sign"] != sign(body, REGISTER_SIGN, self.crc):
            return self._json(handler, 400, {"error": "Incorrect CRC value", "code": 400})
        token = f"T{len(self.transactions) + 1:04d}{body['sessionId'].replace('-', '')[:20]}"
        with self._lock:
            self.transactions[token] = dict(body)
        return self._json(handler, 200, {"data": {"token": token}, "responseCode": 0})

    def _verify(self, handler, body):
        registered = next(
            (t for t in self.transactions.values() if t["sessionId"] == body.get("sessionId")),
            None,
        )
        good = (
            registered is not None
            and registered.get("paid")
            and body.get("sign") == sign(body, VERIFY_SIGN, self.crc)
            and body.get("orderId") == registered["orderId"]
            and body.get("amount") == registered["amount"]
            and body.get("currency") == registered["currency"]
        )
        if not good:
            return self._json(handler, 400, {"error": "Transaction not found", "code": 400})
        self.verified.append(body)
        return self._json(handler, 200, {"data": {"status": "success"}, "responseCode": 0})

    def _gateway_page(self, handler, token):
        registered = self.transactions[token]
        amount = f"{registered['amount'] / 100:.2f}".replace(".", ",")
        page = f"""<!doctype html><html lang="pl"><head><meta charset="utf-8">
<title>Przelewy24 (test)</title></head><body><main>
<h1>Przelewy24</h1><p>{html.escape(registered["description"])}</p>
<p>Kwota: <strong>{amount} PLN</strong></p>
<form method="post" action="/trnRequest/{token}/pay">
<button type="submit">Zapłać BLIK</button></form>
<p><a href="{html.escape(registered["urlReturn"])}">Anuluj i wróć</a></p>
</main></body></html>"""
        data = page.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    @staticmethod
    def _redirect(handler, location):
        handler.send_response(303)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    @staticmethod
    def _json(handler, status, body):
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
