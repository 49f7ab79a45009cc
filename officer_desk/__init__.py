"""Officer Desk: the desk application for officers at one-stop public-service counters."""

__version__ = "0.1.0"
