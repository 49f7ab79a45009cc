"""Vietnamese phone numbers: 10-digit mobiles with a current prefix, 11-digit landlines (02x).

Written however people write them: spaces, dots, dashes, brackets, ``+84``/``84``/``0084`` for the
leading 0, and the ``+84 (0) 912 345 678`` habit of keeping the 0 after the country code.
"""

from __future__ import annotations

import re

from officer_desk.i18n import _
from officer_desk.text import digits

MOBILE_RE = re.compile(r"^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$")
LANDLINE_RE = re.compile(r"^02\d{9}$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def normalise_phone(value: str) -> str:
    """Spaces, dots, dashes and brackets removed; ``+84`` / ``84`` / ``0084`` written as ``0``."""
    number = _PHONE_SEPARATORS.sub("", value)
    if number.startswith("+84"):
        number = "0" + number[3:]
    elif number.startswith("0084"):
        number = "0" + number[4:]
    elif number.startswith("84") and len(number) in (11, 12):
        number = "0" + number[2:]
    if number.startswith("00") and len(number) in (11, 12):
        number = number[1:]  # "+84 (0) 912..." -> 00912... -> 0912...
    return number


def phone_digits(value: str) -> str:
    """The digits a phone number is stored and searched by (``0912345678`` for ``+84 912 345 678``)."""
    return digits(normalise_phone(value))


def is_valid_phone(value: str) -> bool:
    number = normalise_phone(value)
    return bool(MOBILE_RE.match(number) or LANDLINE_RE.match(number))


def phone_problem(value: str) -> str | None:
    """Why ``value`` is not a Vietnamese phone number (in the current language); None when it is one."""
    if is_valid_phone(value):
        return None
    return _("Số điện thoại không hợp lệ (di động 10 số hoặc cố định 11 số)")
