"""The JavaScript engine: values, the member gate, scopes, parser, compiler, runtime, built-ins.

Rule: imports nothing of kview but ``renderer.errors``. It knows no React, no HTML and no
Kustomer: what the layers above need from a render (hooks, host globals) they hang on the
``Runtime`` themselves. Semantics are JavaScript's, checked against Node and test262.
"""
