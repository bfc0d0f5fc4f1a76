"""WSGI entry point for production servers (gunicorn, uwsgi): ``trienkhai.web.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai.web.settings")
application = get_wsgi_application()
