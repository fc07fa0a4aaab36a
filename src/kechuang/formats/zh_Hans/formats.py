"""Date formats the project reads and writes, whatever the language.

ISO first, so a date field without a widget of its own still renders a value ``<input type="date">``
accepts; the locale's own spellings are still read.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
