from kechuang.plans.highlight import Segment, locate

TEXT = "全年新增孵化器8家，培育创业项目700个。其他内容。"


def test_evidence_inside_the_quote_is_highlighted() -> None:
    segments = locate(TEXT, [(1, "新增孵化器8家", "全年新增孵化器8家，培育创业项目700个。")])
    assert segments == [Segment("全年"), Segment("新增孵化器8家", (1,)), Segment("，培育创业项目700个。其他内容。")]


def test_overlaps_merge_and_unfound_targets_are_skipped() -> None:
    segments = locate(TEXT, [(1, "孵化器8家", ""), (2, "8家，培育", ""), (3, "不存在", "也不存在")])
    assert [s for s in segments if s.target_ids] == [Segment("孵化器8家，培育", (1, 2))]
    assert "".join(s.text for s in segments) == TEXT
