"""``python -m devserver.cli``: the ``kview`` command without its console script."""

from . import main

main(prog_name="kview")
