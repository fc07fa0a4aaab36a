"""The pure tokeniser and BM25 of ``kechuang.core.search``."""

from __future__ import annotations

from kechuang.core import search


def test_tokens_hold_words_bigrams_and_characters() -> None:
    tokens = search.tokenize("宁波芯微电子科技有限公司")
    assert {"宁", "芯"} <= set(tokens)          # characters: short forms such as 宁芯
    assert {"波芯", "芯微"} <= set(tokens)       # bigrams: partial names across word boundaries
    assert {"宁波", "电子", "有限公司"} <= set(tokens)  # jieba words (有限公司 from the domain dictionary)


def test_domain_words_stay_whole() -> None:
    assert "集成电路" in search.tokenize("集成电路设计")
    assert "先进制造与自动化" in search.tokenize("先进制造与自动化领域")


def test_latin_and_full_width_are_normalised() -> None:
    assert search.tokenize("ＡＢＣ 5G") == ["abc", "5g"]


def test_query_terms_strict_then_loose() -> None:
    q = search.parse_query("宁波芯")
    assert q.strict == ("宁波", "波芯")
    assert q.loose == ("宁", "波", "芯")
    assert search.parse_query("芯").strict == ("芯",)


def test_operators_and_punctuation_are_not_syntax() -> None:
    assert search.parse_query("\"*()-'; ，。！").empty
    q = search.parse_query('"芯片" OR drop NEAR(*)')
    assert set(q.strict) == {"芯片", "or", "drop", "near"}
    assert all(t.isalnum() for t in q.scoring)


def test_long_query_is_cut() -> None:
    q = search.parse_query("芯" * 10_000)
    assert q.strict == ("芯芯",)


def test_bm25_prefers_rarer_terms_and_shorter_documents() -> None:
    stats = search.CorpusStats(documents=100, total_length=1000, df={"芯片": 5, "科技": 90})
    assert search.bm25(["芯片"], "芯片", 10, stats) > search.bm25(["科技"], "科技", 10, stats)
    assert search.bm25(["芯片"], "芯片", 5, stats) > search.bm25(["芯片"], "芯片", 50, stats)


def test_rank_breaks_ties_by_id() -> None:
    stats = search.CorpusStats(documents=10, total_length=20, df={"a": 2})
    assert search.rank(["a"], [(9, "a b", 2), (3, "a b", 2)], stats, 10) == [3, 9]


def test_term_frequency_counts_whole_tokens_only() -> None:
    stats = search.CorpusStats(documents=10, total_length=30, df={"芯": 3})
    assert search.bm25(["芯"], "芯片 芯 芯", 3, stats) > search.bm25(["芯"], "芯片 芯", 3, stats) > 0
