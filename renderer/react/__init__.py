"""React's model: elements (what JSX evaluates to), the ``React`` global, hooks and the settle loop.

Rule: imports ``renderer.js`` and nothing above it; knows no HTML and no Kustomer. Where kview
differs from React it says so in the module that differs.
"""
