"""st: the ST portfolio on the command line."""

__version__ = "0.2.0"
