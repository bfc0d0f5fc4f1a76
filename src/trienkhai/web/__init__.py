"""The trienkhai web system: a Django project whose apps are sub-packages, one per capability.

Settings live in :mod:`trienkhai.web.settings`; ``manage.py`` at the repository root points there.
"""
