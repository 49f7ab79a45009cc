"""Handlers of the main window's actions, one controller per area; the window only wires them."""
