"""The main window's panels: the queue (status tabs, filters, search, table) and the selected case."""
