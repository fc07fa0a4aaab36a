"""Per-language format overrides (``FORMAT_MODULE_PATH``): dates in forms are ISO in every language."""
