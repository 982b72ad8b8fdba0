"""The browser globals a template sees (``window``, ``document``, storage, ``fetch``…), preview-safe.

Rule: imports ``renderer.js`` (and ``renderer.html`` for sanitizing); nothing here reaches the
network, the real clock or the machine. Kustomer's globals are one layer up.
"""
