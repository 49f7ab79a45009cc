"""One place for each rule about a value people declare: phone, tax code, personal ID, provinces, dates.

Plain functions over strings, no database and no Qt: the screening engine, the intake form, the CCCD QR
reader and the case search all import these, so they cannot disagree.
"""
