"""ESTree → Python closures, once per template version.

One class per node family, each extending the one below it (engine262's parser shape):
expressions ← operators ← classes ← statements. ``Compiler`` is the last of the chain.
"""
