"""``kview snapshot``: pictures of rendered views in a real browser, compared with baselines.

``shots`` (what a run photographs) › ``run`` (skip the unchanged, take, judge, write; ``accept``)
over ``capture`` (one Chromium, pages swapping views; ``chromium`` says which and how),
``compare`` (identical bytes, else pixelmatch under ``tolerance``), ``store`` (baselines, digests,
results) and ``report`` (the HTML report). See docs/SNAPSHOTS.md.

Rule: like ``project``, nothing here imports ``web``, ``cli`` or ``project``: it is given shots
(name, digest, a way to make the HTML) and reads no app folder itself. Playwright, numpy, Pillow
and pixelmatch are the optional ``snapshot`` extra, imported only where a shot is taken or compared.
"""
