"""Tidy data and shared helpers for the Alibaba-IACC 2016 notebook collection."""

__version__ = "0.1.0"


def load(data_dir=None):
    """The validated tables, for exploring in a notebook or a script: `data = iacc2016.load()`,
    then `data` lists them and `data.events` is one. Starts no browser and draws nothing;
    raises DataValidationError naming file:row:column when the data is broken."""
    from . import settings
    from .data.tables import Tables

    return Tables.load(data_dir if data_dir is not None else settings.data_dir())
