"""Counting the IP items each rule set may use on a date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from .model import Acquisition, IpClass, IpItem


class IpCount(NamedTuple):
    class_i: int
    class_ii: int
    self_developed: bool  # at least one counted item was developed by the enterprise itself

    @property
    def total(self) -> int:
        return self.class_i + self.class_ii


def count_ip(items: Iterable[IpItem], on: date) -> tuple[IpCount, IpCount]:
    """Valid Class I / Class II items on ``on`` as (HTE count, tech-SME count); trademarks never count.

    For HTE a Class II item already used in an earlier application is left out (工作指引 二(三):
    按Ⅱ类评价的知识产权在申请高新技术企业时，仅限使用一次); the tech-SME rules have no such limit.
    """
    class_i = class_ii = used_ii = 0
    own_hte = own_sme = False
    for item in items:
        ip_class = item.kind.ip_class
        if ip_class is None or not item.valid_on(on):
            continue
        own = item.acquisition is Acquisition.SELF_DEVELOPED
        own_sme = own_sme or own
        if ip_class is IpClass.CLASS_I:
            class_i += 1
        else:
            class_ii += 1
            if item.used_in_hte:
                used_ii += 1
                continue
        own_hte = own_hte or own
    return IpCount(class_i, class_ii - used_ii, own_hte), IpCount(class_i, class_ii, own_sme)
