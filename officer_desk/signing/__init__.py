"""Digital signatures: keystores (PKCS#12, PKCS#11), PAdES signing, verification and the trust store.

Nothing here imports Qt. PINs and passwords are asked through :class:`keystore.PinPort`; the command
line answers it from ``--pin-file`` or the terminal. Source files of this package stay
ASCII: Vietnamese texts are written with ``\\u`` escapes and translated through ``officer_desk.i18n``.
"""

from __future__ import annotations
