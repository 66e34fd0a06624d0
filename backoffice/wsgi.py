"""The WSGI application for a production server: ``gunicorn -c gunicorn.conf.py``.

Each gunicorn worker process imports this module and builds its own app (its own
database pool and Redis connection), configured from the environment (``config.py``).
"""

from backoffice import create_app

app = create_app()
