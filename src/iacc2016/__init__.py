"""Tidy data and shared helpers for the Alibaba-IACC 2016 notebook collection."""

__version__ = "0.1.0"
