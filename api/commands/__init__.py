"""The `frontdoor` console script's commands, one module each (see api/cli.py)."""
