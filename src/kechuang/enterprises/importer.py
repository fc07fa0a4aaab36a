"""Importing enterprises, annual figures and IP from the platform's .xlsx template, as one transaction.

Every row is checked before anything is written; each bad cell is reported with its sheet, row
number, column and reason. A file with any bad row changes nothing, unless the user asks for the good
rows only — then the bad rows (and the rows that hang on a rejected enterprise) are left out and
reported. Existing enterprises are matched by credit code and updated; figures by (enterprise, year);
IP by (enterprise, type, number). Reads use openpyxl's read-only mode; writes are bulk statements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any
from zipfile import BadZipFile

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from kechuang.core import search_index
from kechuang.core.actors import actor_of
from kechuang.core.audit import refuse
from kechuang.core.models import AuditEntry, Organisation, Region, User
from kechuang.core.permissions import Action, OrgRef, decide
from kechuang.core.roles import OrgKind
from kechuang.core.uscc import InvalidUSCC, normalise_uscc, validate_uscc
from kechuang.enterprises.assessment import assess_profiles
from kechuang.enterprises.models import AnnualFigures, EnterpriseProfile, IpItem
from kechuang.enterprises.permissions import may_import
from kechuang.enterprises.sheets import FIGURES, IP, SHEETS, Column, Sheet, column_names
from kechuang.enterprises.validation import Problem, validate_figures, validate_profile
from kechuang.i18n import gettext_noop

PROFILE_COLUMNS = ("founded_on", "industry_code", "main_field", "main_product", "contact_name", "contact_phone",
                   "contact_email")


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int
    column: str
    message: str


@dataclass
class Row:
    sheet: Sheet
    number: int
    values: dict[str, Any]
    errors: list[RowError] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)

    def problem(self, p: Problem) -> None:
        """Report a validation problem unless its cell was already reported as unreadable."""
        if p.field not in self.unreadable:
            self.error(p.field, _(p.template) % p.params)

    def error(self, column_code: str, message: str) -> None:
        column = next((c for c in self.sheet.columns if c.code == column_code), None)
        label = str(column.label) if column else column_code
        self.errors.append(RowError(str(self.sheet.title), self.number, label, message))


@dataclass
class ImportReport:
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False
    rows: int = 0
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    @property
    def bad_rows(self) -> int:
        return len({(e.sheet, e.row) for e in self.errors})


class ImportFileError(ValueError):
    """The file is not a workbook of the template at all (wrong format, no known sheet)."""


def _cell(column: Column, raw: Any, row: Row) -> Any:
    """Convert one cell to its typed value, or report why it cannot be read."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if column.required:
            row.error(column.code, _("This column is required."))
        return None
    try:
        if column.kind == "text":
            return str(raw).strip() if not isinstance(raw, float) else str(int(raw))
        if column.kind == "int":
            value = Decimal(str(raw).strip())
            if value != value.to_integral_value():
                raise InvalidOperation
            return int(value)
        if column.kind == "money":
            return Decimal(str(raw).strip().replace(",", "")).quantize(Decimal("0.01"))
        if column.kind == "date":
            if isinstance(raw, dt.datetime):
                return raw.date()
            if isinstance(raw, dt.date):
                return raw
            return dt.date.fromisoformat(str(raw).strip())
        if column.kind == "bool":
            return str(raw).strip().lower() in {"1", "true", "yes", "y", "是", "√"}
        return _choice(column, raw)
    except (InvalidOperation, ValueError):
        row.unreadable.add(column.code)
        row.error(column.code, _("%(value)s cannot be read as a %(kind)s.") % {
            "value": raw, "kind": _(KIND_LABELS[column.kind])})
        return None


KIND_LABELS = {"text": gettext_noop("text"), "int": gettext_noop("whole number"),
               "money": gettext_noop("amount in yuan"), "date": gettext_noop("date (YYYY-MM-DD)"),
               "bool": gettext_noop("yes/no"), "choice": gettext_noop("value from the list")}


def _choice(column: Column, raw: Any) -> str:
    text = str(raw).strip().lower()
    for code, label in column.choices:
        if text in {code.lower(), str(label).lower(), _(str(label)).lower()}:
            return code
    raise ValueError(text)


def _read_sheet(ws, sheet: Sheet) -> Iterator[Row]:
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        for column in sheet.columns:
            if title is not None and str(title).strip().lower() in column_names(column):
                positions[column.code] = index
    missing = [str(c.label) for c in sheet.columns if c.required and c.code not in positions]
    if missing:
        row = Row(sheet, 1, {})
        row.errors.append(RowError(str(sheet.title), 1, ", ".join(missing), _("Required column missing.")))
        yield row
        return
    for number, cells in enumerate(rows, start=2):
        if not any(c is not None and str(c).strip() for c in cells):
            continue
        row = Row(sheet, number, {})
        for column in sheet.columns:
            at = positions.get(column.code)
            raw = cells[at] if at is not None and at < len(cells) else None
            row.values[column.code] = _cell(column, raw, row)
        yield row


def read_workbook(file: IO[bytes]) -> dict[str, list[Row]]:
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFileError(_("The file is not an .xlsx workbook.")) from exc
    found: dict[str, list[Row]] = {}
    try:
        for ws in wb.worksheets:
            sheet = next((s for s in SHEETS if ws.title.strip().lower() in s.names()), None)
            if sheet is not None:
                found[sheet.code] = list(_read_sheet(ws, sheet))
    finally:
        wb.close()
    if not found:
        raise ImportFileError(_("No sheet of the template was found: download the template and fill it in."))
    return found


class _Checker:
    """Checks that need the whole file or the database: credit codes, regions, duplicates, permission."""

    def __init__(self, actor: User, sheets: dict[str, list[Row]]) -> None:
        self.actor = actor_of(actor)
        self.today = timezone.localdate()
        self.sheets = sheets
        codes = {normalise_uscc(r.values["uscc"]) for rows in sheets.values() for r in rows
                 if r.values.get("uscc")}
        self.orgs = _orgs_by_uscc(codes)
        self.regions = set(Region.objects.values_list("code", flat=True))

    def run(self) -> None:
        accepted = self._enterprises()
        self._dependants(FIGURES, ("year",), accepted, lambda r: validate_figures(r.values, today=self.today))
        self._dependants(IP, ("kind", "number"), accepted, self._ip_problems)

    def _uscc(self, row: Row) -> str | None:
        raw = row.values.get("uscc")
        if raw is None:
            return None
        code = normalise_uscc(raw)
        try:
            validate_uscc(code)
        except InvalidUSCC as exc:
            row.error("uscc", _(exc.template) % exc.params)
            return None
        row.values["uscc"] = code
        return code

    def _enterprises(self) -> dict[str, bool]:
        """Credit codes of the enterprise rows, each mapped to whether its row is good."""
        seen: dict[str, int] = {}
        accepted: dict[str, bool] = {}
        for row in self.sheets.get("enterprises", []):
            code = self._uscc(row)
            region = row.values.get("region_code")
            if region is not None and region not in self.regions:
                row.error("region_code", _("Unknown region code %(code)s: use a 6-digit code of GB/T 2260.")
                          % {"code": region})
            for p in validate_profile(row.values, today=self.today):
                row.problem(p)
            if code is not None:
                if code in seen:
                    row.error("uscc", _("Duplicate enterprise: the same credit code is on row %(row)s.")
                              % {"row": seen[code]})
                seen.setdefault(code, row.number)
                self._permission(row, code, region)
                accepted[code] = accepted.get(code, True) and not row.errors
        return accepted

    def _permission(self, row: Row, code: str, region: str | None) -> None:
        org = self.orgs.get(code)
        if org is not None and org.kind != OrgKind.ENTERPRISE:
            row.error("uscc", _("The credit code %(code)s belongs to an organisation that is not an enterprise.")
                      % {"code": code})
            return
        ref = (OrgRef(org.pk, OrgKind.ENTERPRISE, org.region_id) if org
               else OrgRef(None, OrgKind.ENTERPRISE, region))
        decision = decide(self.actor, Action.EDIT if org else Action.CREATE, ref)
        if not decision.allowed:
            row.error("uscc", _(decision.reason))
        elif org is not None and region and region != org.region_id:
            moved = decide(self.actor, Action.EDIT, OrgRef(org.pk, OrgKind.ENTERPRISE, region))
            if not moved.allowed:
                row.error("region_code", _(moved.reason))

    def _dependants(self, sheet: Sheet, keys: tuple[str, ...], accepted: dict[str, bool], problems) -> None:
        seen: dict[tuple, int] = {}
        for row in self.sheets.get(sheet.code, []):
            code = self._uscc(row)
            for p in problems(row):
                row.problem(p)
            if code is None:
                continue
            if code in accepted:
                if not accepted[code]:
                    row.error("uscc", _("The enterprise's own row is rejected, so this row is too."))
            else:
                org = self.orgs.get(code)
                if org is None or not hasattr(org, "enterprise_profile"):
                    row.error("uscc", _("No enterprise with the credit code %(code)s in the registry or in this "
                                        "file.") % {"code": code})
                else:
                    ref = OrgRef(org.pk, OrgKind.ENTERPRISE, org.region_id)
                    decision = decide(self.actor, Action.EDIT, ref)
                    if not decision.allowed:
                        row.error("uscc", _(decision.reason))
            key = (code, *(row.values.get(k) for k in keys))
            if None not in key:
                if key in seen:
                    row.error(keys[0], _("Duplicate row: the same entry is on row %(row)s.") % {"row": seen[key]})
                seen.setdefault(key, row.number)

    def _ip_problems(self, row: Row) -> list[Problem]:
        granted, expires = row.values.get("granted_on"), row.values.get("expires_on")
        found = []
        if granted and granted > self.today:
            found.append(Problem("granted_on", gettext_noop("The grant date is in the future.")))
        if granted and expires and expires <= granted:
            found.append(Problem("expires_on", gettext_noop("The expiry date must come after the grant date.")))
        return found


def _orgs_by_uscc(codes: set[str]) -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    ordered = sorted(codes)
    for start in range(0, len(ordered), 900):
        for org in (Organisation.objects.filter(uscc__in=ordered[start:start + 900])
                    .select_related("enterprise_profile")):
            found[org.uscc] = org
    return found


def import_workbook(*, actor: User, file: IO[bytes], good_rows_only: bool = False, filename: str = "") -> ImportReport:
    """Check the whole file, then write it (or its good rows) in one transaction.

    A role that may not import is refused before the file is read, and the refusal is audited.
    """
    decision = may_import(actor_of(actor))
    if not decision.allowed:
        raise refuse(actor=actor, reason=decision.reason, what="import")
    sheets = read_workbook(file)
    checker = _Checker(actor, sheets)
    checker.run()
    report = ImportReport(rows=sum(len(rows) for rows in sheets.values()))
    report.errors = [e for rows in sheets.values() for r in rows for e in r.errors]
    if report.errors and not good_rows_only:
        return report
    good = {code: [r for r in rows if not r.errors] for code, rows in sheets.items()}
    with transaction.atomic():
        _Writer(actor, checker.orgs, report, reason=_("Import of %(file)s") % {"file": filename or "xlsx"}).write(good)
    report.applied = True
    return report


class _Writer:
    def __init__(self, actor: User, orgs: dict[str, Organisation], report: ImportReport, reason: str) -> None:
        self.actor, self.orgs, self.report, self.reason = actor, orgs, report, reason
        self.audit: list[AuditEntry] = []
        self.touched: set[int] = set()

    def write(self, good: dict[str, list[Row]]) -> None:
        self._enterprises(good.get("enterprises", []))
        profiles = {code: org.enterprise_profile for code, org in self.orgs.items()
                    if hasattr(org, "enterprise_profile")}
        self._figures(good.get("figures", []), profiles)
        self._ip(good.get("ip", []), profiles)
        AuditEntry.objects.bulk_create(self.audit, batch_size=1000)
        assess_profiles(self.touched, on=timezone.localdate())

    def _log(self, obj: Any, action: str, changes: dict[str, Any]) -> None:
        actor = self.actor if self.actor.pk else None
        self.audit.append(AuditEntry(
            actor=actor, actor_name=actor.get_username() if actor else "system", action=action,
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk),
            object_repr=str(obj)[:200] if not isinstance(obj, EnterpriseProfile) else obj.organisation.name[:200],
            changes=changes, reason=self.reason))

    def _count(self, kind: str, created: int, updated: int) -> None:
        self.report.created[kind] = self.report.created.get(kind, 0) + created
        self.report.updated[kind] = self.report.updated.get(kind, 0) + updated

    def _enterprises(self, rows: list[Row]) -> None:
        new_orgs = [Organisation(name=r.values["name"], kind=OrgKind.ENTERPRISE, uscc=r.values["uscc"],
                                 region_id=r.values["region_code"]) for r in rows if r.values["uscc"] not in self.orgs]
        Organisation.objects.bulk_create(new_orgs, batch_size=1000)
        new_ids = {org.pk for org in new_orgs}
        for org in new_orgs:
            self.orgs[org.uscc] = org
            self._log(org, AuditEntry.Action.CREATE, {"name": [None, org.name], "uscc": [None, org.uscc]})
        changed_orgs, new_profiles, changed_profiles = [], [], []
        for row in rows:
            org = self.orgs[row.values["uscc"]]
            if org.name != row.values["name"] or org.region_id != row.values["region_code"]:
                self._log(org, AuditEntry.Action.UPDATE, {"name": [org.name, row.values["name"]],
                                                          "region_id": [org.region_id, row.values["region_code"]]})
                org.name, org.region_id = row.values["name"], row.values["region_code"]
                changed_orgs.append(org)
            values = {c: row.values[c] if row.values[c] is not None else "" for c in PROFILE_COLUMNS}
            # A new organisation has no profile: asking the reverse relation would cost a query per row.
            profile = None if org.pk in new_ids else getattr(org, "enterprise_profile", None)
            if profile is None:
                profile = EnterpriseProfile(organisation=org, **values)
                org.enterprise_profile = profile
                new_profiles.append(profile)
            else:
                for name, value in values.items():
                    setattr(profile, name, value)
                changed_profiles.append(profile)
        Organisation.objects.bulk_update(changed_orgs, ["name", "region_id"], batch_size=1000)
        EnterpriseProfile.objects.bulk_create(new_profiles, batch_size=1000)
        EnterpriseProfile.objects.bulk_update(changed_profiles, list(PROFILE_COLUMNS), batch_size=1000)
        for profile in new_profiles:
            self._log(profile, AuditEntry.Action.CREATE, {"organisation": [None, profile.organisation_id]})
        for profile in changed_profiles:
            self._log(profile, AuditEntry.Action.UPDATE, {c: [None, str(getattr(profile, c))] for c in PROFILE_COLUMNS})
        self.touched |= {p.pk for p in new_profiles} | {p.pk for p in changed_profiles}
        search_index.index_objects("organisation", [*new_orgs, *changed_orgs])
        search_index.index_objects("enterprise", [*new_profiles, *changed_profiles])
        self._count("enterprises", len(new_profiles), len(changed_profiles))

    def _figures(self, rows: list[Row], profiles: dict[str, EnterpriseProfile]) -> None:
        columns = [c.code for c in FIGURES.columns if c.code != "uscc"]
        ids = {profiles[r.values["uscc"]].pk for r in rows}
        existing = {(f.profile_id, f.year): f for f in AnnualFigures.objects.filter(profile_id__in=ids)} if ids else {}
        new, changed = [], []
        for row in rows:
            profile = profiles[row.values["uscc"]]
            values = {c: row.values[c] for c in columns}
            for c in ("rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation", "rd_design_trials",
                      "rd_other", "rd_capitalised", "achievements_converted"):
                values[c] = values[c] or 0
            current = existing.get((profile.pk, values["year"]))
            if current is None:
                new.append(AnnualFigures(profile=profile, **values))
            else:
                for name, value in values.items():
                    setattr(current, name, value)
                changed.append(current)
            self.touched.add(profile.pk)
        AnnualFigures.objects.bulk_create(new, batch_size=1000)
        AnnualFigures.objects.bulk_update(changed, columns, batch_size=1000)
        for rows_of, action in ((new, AuditEntry.Action.CREATE), (changed, AuditEntry.Action.UPDATE)):
            for row in rows_of:
                self._log(row, action, {"year": [None, row.year], "sales_revenue": [None, str(row.sales_revenue)]})
        self._count("figures", len(new), len(changed))

    def _ip(self, rows: list[Row], profiles: dict[str, EnterpriseProfile]) -> None:
        columns = [c.code for c in IP.columns if c.code != "uscc"]
        ids = {profiles[r.values["uscc"]].pk for r in rows}
        existing = ({(i.profile_id, i.kind, i.number): i for i in IpItem.objects.filter(profile_id__in=ids)}
                    if ids else {})
        new, changed = [], []
        for row in rows:
            profile = profiles[row.values["uscc"]]
            values = {c: row.values[c] for c in columns}
            values["title"] = values["title"] or ""
            values["acquisition"] = values["acquisition"] or "self_developed"
            values["used_in_hte"] = bool(values["used_in_hte"])
            current = existing.get((profile.pk, values["kind"], values["number"]))
            if current is None:
                new.append(IpItem(profile=profile, **values))
            else:
                for name, value in values.items():
                    setattr(current, name, value)
                changed.append(current)
            self.touched.add(profile.pk)
        IpItem.objects.bulk_create(new, batch_size=1000)
        IpItem.objects.bulk_update(changed, columns, batch_size=1000)
        for item in new:
            self._log(item, AuditEntry.Action.CREATE, {"number": [None, item.number]})
        self._count("ip", len(new), len(changed))
