"""Packaged reference data for the core app (read with importlib.resources)."""
