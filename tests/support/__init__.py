"""Test support code (servers, factories)."""
