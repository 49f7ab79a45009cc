"""The Qt window: the only package that imports PySide6."""

from officer_desk.ui.qtcompat import pin_singletons_if_needed

pin_singletons_if_needed()
