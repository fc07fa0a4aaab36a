"""Attachments: size and type checked before anything is stored.

The type is judged by the file's first bytes as well as its name, so a renamed executable is refused
even when it is called ``report.pdf``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record
from kechuang.core.models import Attachment, AuditEntry, User
from kechuang.core.permissions import Decision

AccessRule = Callable[[User, models.Model], Decision]
# Who may open the files hung on an object is the owning app's business: each app registers the rule
# for its models (label "app.model") in its AppConfig.ready(); files of unregistered owners are for admins.
ACCESS_RULES: dict[str, AccessRule] = {}


def register_attachment_access(model_label: str, rule: AccessRule) -> None:
    ACCESS_RULES[model_label.lower()] = rule


def attachment_access(user: User, owner: models.Model) -> Decision | None:
    """The owning app's answer for ``owner``'s files, or None when no rule is registered."""
    rule = ACCESS_RULES.get(owner._meta.label_lower)
    return rule(user, owner) if rule else None


@dataclass(frozen=True)
class FileType:
    extension: str
    mime: str
    magic: tuple[bytes, ...]  # accepted leading bytes; empty = text, checked for NUL bytes


ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
ALLOWED_TYPES: dict[str, FileType] = {
    t.extension: t
    for t in (
        FileType("pdf", "application/pdf", (b"%PDF-",)),
        FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
        FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
        FileType("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
        FileType("doc", "application/msword", OLE),
        FileType("xls", "application/vnd.ms-excel", OLE),
        FileType("png", "image/png", (b"\x89PNG\r\n\x1a\n",)),
        FileType("jpg", "image/jpeg", (b"\xff\xd8\xff",)),
        FileType("jpeg", "image/jpeg", (b"\xff\xd8\xff",)),
        FileType("zip", "application/zip", ZIP),
        FileType("txt", "text/plain", ()),
        FileType("csv", "text/csv", ()),
    )
}


def check_upload(name: str, head: bytes, size: int) -> FileType:
    """Return the file's type, or raise ValidationError saying what is wrong with the upload."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": name})
    if size > limit:
        raise ValidationError(
            _("The file %(name)s is %(size).1f MB; the limit is %(limit).0f MB.")
            % {"name": name, "size": size / 1048576, "limit": limit / 1048576}
        )
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = ALLOWED_TYPES.get(ext)
    if kind is None:
        raise ValidationError(
            _("Files of type .%(ext)s are not accepted. Accepted: %(allowed)s.")
            % {"ext": ext or "?", "allowed": ", ".join(sorted(ALLOWED_TYPES))}
        )
    if kind.magic and not head.startswith(kind.magic):
        raise ValidationError(
            _("The file %(name)s is not a real .%(ext)s file.") % {"name": name, "ext": ext}
        )
    if not kind.magic and b"\x00" in head:
        raise ValidationError(_("The file %(name)s is not a text file.") % {"name": name})
    return kind


@transaction.atomic
def attachment_add(*, actor: User, owner: models.Model, upload: UploadedFile) -> Attachment:
    """Store ``upload`` on ``owner`` after checking its size and type; audited."""
    head = upload.read(16)
    upload.seek(0)
    kind = check_upload(upload.name or "", head, upload.size or 0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        original_name=(upload.name or "")[:200],
        content_type_name=kind.mime,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        uploaded_by=actor,
        owner_type=ContentType.objects.get_for_model(owner),
        owner_id=str(owner.pk),
    )
    attachment.file.save(attachment.sha256, upload, save=False)
    attachment.save()
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=owner,
                 changes={"attachment": [None, attachment.original_name]})
    return attachment


def attachments_of(owner: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(owner_type=ContentType.objects.get_for_model(owner), owner_id=str(owner.pk))
