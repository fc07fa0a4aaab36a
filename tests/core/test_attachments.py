from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from kechuang.core.attachments import check_upload


@pytest.mark.parametrize(("name", "head"), [("a.pdf", b"%PDF-1.7"), ("b.docx", b"PK\x03\x04rest"),
                                            ("c.txt", b"plain text"), ("d.PNG", b"\x89PNG\r\n\x1a\n")])
def test_accepted_types(name: str, head: bytes, settings) -> None:
    settings.ATTACHMENT_MAX_BYTES = 100
    assert check_upload(name, head, 10).extension == name.rsplit(".", 1)[1].lower()


@pytest.mark.parametrize(("name", "head", "size", "fragment"), [
    ("a.exe", b"MZ", 10, ".exe"),
    ("fake.pdf", b"MZ\x90\x00", 10, "not a real .pdf"),
    ("bin.txt", b"ab\x00cd", 10, "not a text file"),
    ("big.pdf", b"%PDF-", 101, "limit"),
    ("empty.pdf", b"", 0, "empty"),
    ("noext", b"abc", 3, "not accepted"),
])
def test_refused_uploads_say_why(name: str, head: bytes, size: int, fragment: str, settings) -> None:
    settings.ATTACHMENT_MAX_BYTES = 100
    with override("en"), pytest.raises(ValidationError) as info:
        check_upload(name, head, size)
    assert fragment in info.value.messages[0]
