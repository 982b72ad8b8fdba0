"""Errors of the app model, in renderer's ``KViewError`` hierarchy so every edge shows them alike.

``AppLoadError``: the app folder or an app definition has the wrong shape, or one of its files
cannot be read (located at that file). ``FileError``: an input of one view (mock data, request
mocks, a component) cannot be read. Invalid JSON in any of these files is a located
``MockDataError``, as the renderer raises for data it cannot use.
"""

from __future__ import annotations

from renderer.errors import KViewError


class AppLoadError(KViewError):
    """The app cannot be read: not an app definition, a record that is not an object, a file
    that cannot be read."""


class DuplicateViewError(AppLoadError):
    """Two views share a name (the message names both places); ``kview check`` reports these
    with its own located ``duplicate`` rule, so it knows them apart from other load errors."""


class FileError(KViewError):
    """An input file of a view exists but cannot be read (permissions, not UTF-8)."""
