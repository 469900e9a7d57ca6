"""A local SMSAPI.pl for the tests: its published REST endpoint for sending SMS, as the
maintained client (smsapi-client) speaks it.

POST /sms.do with `Authorization: Bearer <token>` and form fields `to` (numbers with the
country code, comma-separated), `message`, `from`, `format=json`, and optionally `encoding`,
`max_parts`, `nounicode`, `idx` and `check_idx`. The answer is JSON: on success
{"count": n, "list": [{"id", "points", "number", "date_sent", "submitted_number", "status":
"QUEUE", "error": null, "idx", "parts"}]}; on an error {"error": <code>, "message": ...} with
SMSAPI's codes (11 message too long or with special characters under nounicode, 12 more parts
than max_parts, 13 no valid number, 53 idx already used under check_idx, 101 authorization
failed, 201 internal error).

Counting parts follows GSM 03.38: 160 characters in one part, 153 in each of several; the
extension characters (^{}\\[~]|€) take two; any other character outside the GSM alphabet makes
the message Unicode (UCS-2), 70 characters in one part and 67 in each of several.

It listens on 127.0.0.1 only, on a free port, for the time of its `with` block. `errors` is a
list of error codes the next requests are answered with, one each; `delay` holds every answer
back that many seconds (a gateway that does not answer in time).
"""

import json
import math
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from ebok.testing_servers import free_port

TOKEN = "token-of-the-test-account"  # noqa: S105 - the local server's own, not a secret
GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = set("^{}\\[~]|€\f")
MESSAGES = {
    11: "Message too long or there is no message or parameter nounicode is set and special "
    "characters (including Polish characters) are used",
    12: "Message has more parts than defined in max_parts parameter",
    13: "No valid phone numbers",
    53: "Not unique idx, message with the same idx was already sent and check_idx was set",
    101: "Authorization failed",
    201: "System internal error",
}


def parts_of(message: str) -> tuple[int, bool]:
    """How many parts the message is sent in, and whether it is Unicode."""
    if all(c in GSM_BASIC or c in GSM_EXTENSION for c in message):
        septets = sum(2 if c in GSM_EXTENSION else 1 for c in message)
        return (1 if septets <= 160 else math.ceil(septets / 153)), False
    return (1 if len(message) <= 70 else math.ceil(len(message) / 67)), True


class SmsApiServer:
    def __init__(self, token=TOKEN):
        self.token = token
        self.port = free_port()
        self.sent = []  # what was accepted: dicts of number, message, sender, parts, idx
        self.requests = []  # every request's form fields, refused ones too
        self.errors = []  # error codes to answer the next requests with, one each
        self.delay = 0.0
        self._ids = iter(range(1, 10**9))
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def settings(self) -> dict:
        """What a deployment would set to use this server (ebok/settings.py)."""
        return {
            "SMS_BACKEND": "smsapi",
            "SMSAPI_TOKEN": self.token,
            "SMSAPI_URL": self.url,
            "SMSAPI_SENDER": "PWiK",
        }

    def __enter__(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet in test output
                pass

            def do_POST(self):
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handle(self, handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        form = {k: v[-1] for k, v in parse_qs(handler.rfile.read(length).decode()).items()}
        time.sleep(self.delay)
        if handler.path != "/sms.do" or form.get("format") != "json":
            return self._answer(handler, 404, {"error": 404, "message": "Not found"})
        with self._lock:
            self.requests.append(form)
            answer = self._send(handler.headers.get("Authorization", ""), form)
        self._answer(handler, 200, answer)

    def _send(self, authorization: str, form: dict) -> dict:
        if authorization != f"Bearer {self.token}":
            return _error(101)
        if self.errors:
            return _error(self.errors.pop(0))
        message = form.get("message", "")
        numbers = [n.strip() for n in form.get("to", "").split(",") if n.strip()]
        valid = [n for n in numbers if re.fullmatch(r"\d{9,15}", n)]
        if not valid:
            return _error(13)
        parts, unicode = parts_of(message)
        if not message or (unicode and form.get("nounicode") == "1"):
            return _error(11)
        if form.get("max_parts") and parts > int(form["max_parts"]):
            return _error(12)
        idx = form.get("idx")
        if idx and form.get("check_idx") == "1" and any(s["idx"] == idx for s in self.sent):
            return _error(53)
        listed = []
        for number in valid:
            sent = {"number": number, "message": message, "sender": form.get("from", "")}
            self.sent.append({**sent, "parts": parts, "idx": idx})
            listed.append(
                {
                    "id": f"{next(self._ids):020d}",
                    "points": round(0.16 * parts, 2),
                    "number": number,
                    "date_sent": int(time.time()),
                    "submitted_number": number,
                    "status": "QUEUE",
                    "error": None,
                    "idx": idx,
                    "parts": parts,
                }
            )
        return {"count": len(listed), "list": listed}

    @staticmethod
    def _answer(handler, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass


def _error(code: int) -> dict:
    return {"error": code, "message": MESSAGES.get(code, "Error")}
