"""The back office has no models of its own.

This module exists because Django sends post_migrate only for apps with a models module, and
the back office keeps its roles up to date on that signal (apps.py, roles.py).
"""
