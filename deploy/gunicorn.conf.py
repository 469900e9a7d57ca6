"""gunicorn's settings for one eBOK app server: the same in production
(deploy/systemd/ebok-app@.service), in the test of this layout and in `make bench-web`. The
address comes on the command line (`--bind 127.0.0.1:8001`), the rest from here.
"""

import os

# Sync workers: nginx in front reads slow clients' requests and takes the responses off the
# worker at once, so a worker is busy only while Django works. Two per core is a start.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2)
# A request that takes longer than this is a bug or a stuck database: the worker is replaced.
timeout = 30
# On SIGTERM (systemctl stop) the server stops listening at once and lets the requests in hand
# finish for up to this long; nginx meanwhile sends new requests to the other app servers.
graceful_timeout = 20
# Only nginx on this machine may say that a request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1,::1"
# nginx logs every request (with the app server that answered); gunicorn logs its errors only.
accesslog = None
errorlog = "-"
# gunicorn's control socket (gunicornc) sits at one path per user, which two app servers on one
# machine would share; systemctl stops, starts and reloads them instead.
control_socket_disable = True
