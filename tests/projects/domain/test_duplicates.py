import pytest

from kechuang.projects.domain.duplicates import DuplicateIndex, fold, normalise, shingles

ORIGINAL = (
    "基于深度学习的茶叶病虫害智能识别系统研究。"
    "本项目针对茶园病虫害识别依赖人工经验、效率低的问题，构建覆盖主要病虫害的图像数据集，"
    "研发轻量化识别模型并部署于移动终端，实现田间实时识别与防治建议推送。"
    "项目目标：识别准确率达到百分之九十五以上，示范推广茶园面积一万亩。"
)
# The same application resubmitted: new title word, one clause reworded, punctuation and spaces changed.
RESUBMITTED = (
    "基于深度学习的茶园病虫害智能识别系统研究 "
    "本项目针对茶园病虫害识别依赖人工经验、效率低的问题, 构建覆盖主要病虫害的图像数据集, "
    "研发轻量化识别模型并部署于手机终端, 实现田间实时识别与防治建议推送. "
    "项目目标: 识别准确率达到百分之九十五以上, 示范推广茶园面积一万亩."
)
UNRELATED = (
    "新能源汽车动力电池梯次利用关键技术。"
    "研究退役电池健康状态快速评估方法，开发储能系统集成与安全管理平台，"
    "在工业园区建设示范工程，形成可复制的商业模式。"
)


@pytest.fixture
def index():
    idx = DuplicateIndex()
    idx.add("A-2023-001", ORIGINAL)
    idx.add("A-2023-002", UNRELATED)
    return idx


def test_normalise_keeps_letters_and_digits_with_original_positions():
    norm, positions = normalise("ＡＩ 茶，园2")
    assert norm == "ai茶园2"
    assert positions == [0, 1, 3, 5, 6]
    assert fold("ＡＩ 茶，园2") == norm


def test_shingles_are_character_trigrams():
    assert len(shingles("茶叶茶叶")) == 2  # 茶叶茶, 叶茶叶
    assert len(shingles("茶叶")) == 1  # a text shorter than n is one shingle
    assert shingles("") == set()


def test_near_duplicate_is_found_with_its_passages(index):
    matches = index.query(RESUBMITTED, threshold=0.7)
    assert [m.id for m in matches] == ["A-2023-001"]
    match = matches[0]
    assert 0.7 <= match.similarity < 1.0
    assert match.similarity == match.jaccard
    longest = max(match.passages, key=lambda p: p.query_end - p.query_start)
    # Passages index the original texts, so the UI can highlight them side by side.
    assert RESUBMITTED[longest.query_start:longest.query_end] == longest.query_text
    assert ORIGINAL[longest.other_start:longest.other_end] == longest.other_text
    assert "构建覆盖主要病虫害的图像数据集" in longest.query_text
    assert fold(longest.query_text) == fold(longest.other_text)


def test_identical_text_scores_one(index):
    matches = index.query(ORIGINAL, threshold=0.95)
    assert [(m.id, m.similarity) for m in matches] == [("A-2023-001", 1.0)]


def test_dissimilar_text_is_not_found(index):
    other = "高分子材料阻燃改性技术及其在轨道交通内饰中的应用，开展配方设计与燃烧性能测试。"
    assert index.query(other, threshold=0.3) == []


def test_excerpt_is_found_by_containment_not_by_jaccard(index):
    excerpt = ORIGINAL[:80]  # a new application lifting the first part of an earlier one
    assert index.query(excerpt, threshold=0.7) == []  # Jaccard is diluted by what the excerpt left out
    # Containment is the share of the query's shingles found in the earlier text: an excerpt scores 1.
    found = index.query(excerpt, threshold=0.9, measure="containment")
    assert [m.id for m in found] == ["A-2023-001"]
    assert found[0].containment == 1.0


def test_exclude_id_skips_the_application_itself(index):
    assert index.query(ORIGINAL, threshold=0.9, exclude_id="A-2023-001") == []


def test_prefix_filter_finds_every_match_above_threshold():
    # Many documents share common text; only the near-copies must come back, and all of them.
    idx = DuplicateIndex()
    common = "本项目围绕产业需求开展关键技术攻关并进行示范应用。"
    for i in range(200):
        idx.add(f"x{i}", common + f"第{i}号课题研究内容各不相同" + chr(0x4E00 + i) * 3)
    idx.add("copy-1", ORIGINAL)
    idx.add("copy-2", ORIGINAL + "。")
    found = {m.id for m in idx.query(RESUBMITTED, threshold=0.6)}
    assert found == {"copy-1", "copy-2"}


def test_duplicate_ids_and_bad_threshold_are_refused(index):
    with pytest.raises(ValueError, match="already indexed"):
        index.add("A-2023-001", "x")
    with pytest.raises(ValueError, match="threshold"):
        index.query("x", threshold=0)
