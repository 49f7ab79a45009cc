"""Code shared by the tests: builders, servers, fixtures and source walkers (no tests here).

Fixture modules (``signing``, ``cups``) are registered once as pytest plugins by ``tests/conftest.py``;
everything else is imported by name, e.g. ``from tests.helpers.screening import build, screen``.
"""
