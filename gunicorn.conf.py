"""gunicorn settings for the backoffice: ``.venv/bin/gunicorn -c gunicorn.conf.py``.

Every value can be changed from the environment without editing this file.

- ``workers`` (``WEB_CONCURRENCY``): processes, each with its own app, database pool and
  Redis connection. A request spends most of its time in PostgreSQL, whose wait releases
  the GIL, so 2 per core (+1) keeps the cores busy; more only adds memory and connections.
- ``threads`` (``GUNICORN_THREADS``): threads per process (the ``gthread`` worker). They
  share the process's pool while one waits on the database; a slow client (a large file
  upload, an XLSX export) holds one thread, not one process. Keep ``workers x threads`` at
  or below the connections each pool may open (SQLAlchemy: 5 + 10 overflow) times workers,
  and the total below PostgreSQL's ``max_connections``.
- Background work (provisioning orders, bulk imports) does not run here: with
  ``REDIS_URL`` set it waits in the rq queue for ``backoffice worker`` processes.
"""

import multiprocessing
import os

wsgi_app = "backoffice.wsgi:app"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request past this many seconds is stuck: its worker is replaced. A bulk import's dry
# run of the largest file allowed fits well inside.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Replace each worker after this many requests (jitter: not all at once), bounding the
# memory any slow leak could take.
max_requests = 2000
max_requests_jitter = 200
# The app writes one JSON line per request itself (backoffice.request): no access log.
accesslog = None
errorlog = "-"
# Behind a reverse proxy on the same host: trust its X-Forwarded-* headers only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
