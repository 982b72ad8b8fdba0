"""Shared test set-up."""

from renderer.view import ensure_recursion_headroom

# The renderer raises the recursion limit on first use; do it before any test runs so that
# hypothesis (which checks the limit around each example) sees one stable value.
ensure_recursion_headroom()
