"""``kview audit``: find text and icons that a theme makes hard to read, and colours a template
hard-codes so that they do not follow the theme.

Each view is rendered in light and dark into the snapshot page (``snapshot.capture``, the same
page, routing and fonts as ``kview snapshot``); ``collect.js`` measures the page, ``probe`` adds
the pixels the cascade cannot tell (images, gradients), ``rules`` judges the measurements and
``report`` draws them. Like ``snapshot`` it never reads an app folder: the CLI hands it the shots
and the template files to search for a colour's line.
"""
