"""HTML serialization: a settled element tree → the markup React 19's server renderer writes.

Rule: imports ``renderer.js`` and ``renderer.react``, never the platform layers above; escaping
happens by construction (lxml), and every URL and raw-HTML rule lives in ``sanitize``.
"""
