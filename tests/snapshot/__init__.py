"""kview snapshot: comparison, baselines and the command, in real Chromium where it shoots."""
