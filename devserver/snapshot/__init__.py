"""Pictures of rendered views in a real browser: ``chromium`` says which Chromium and how to
launch it (the browser tests use it; the coming ``kview snapshot`` will too).

Rule: like ``project``, nothing here imports ``web`` or ``cli``; it drives a browser and reads
no app folder itself.
"""
