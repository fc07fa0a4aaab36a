"""Counting the IP items a rule set may use on a date."""

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


def count_ip(items: Iterable[IpItem], on: date, *, for_hte: bool) -> IpCount:
    """Valid Class I / Class II items on ``on``; trademarks never count.

    For HTE a Class II item already used in an earlier application is left out (工作指引 二(三):
    按Ⅱ类评价的知识产权在申请高新技术企业时，仅限使用一次).
    """
    class_i = class_ii = 0
    self_developed = False
    for item in items:
        ip_class = item.kind.ip_class
        if ip_class is None or not item.valid_on(on):
            continue
        if ip_class is IpClass.CLASS_I:
            class_i += 1
        elif for_hte and item.used_in_hte:
            continue
        else:
            class_ii += 1
        self_developed = self_developed or item.acquisition is Acquisition.SELF_DEVELOPED
    return IpCount(class_i, class_ii, self_developed)
