"""kechuang (科创): a platform for a regional science & technology bureau."""

__version__ = "0.1.0"
