"""Receipts and notices of the one-stop counter: templates, PDF rendering, signed QR payload, verification.

Entry points for the case layer: ``officer_desk.receipts.issue`` (issue_receipt_pdf, issue_notice_pdf,
issue_document), ``officer_desk.receipts.render`` (render_document, signature_box),
``officer_desk.receipts.qr`` (QrKeyring, make_payload, verify_payload) and
``officer_desk.receipts.verify_receipt`` (verify_receipt_arg).
"""
