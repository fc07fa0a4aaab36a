"""Writes of the projects app, one module per stage of the cycle (views, API, CLI and tasks call them)."""
