"""Chinese search, the Django part: the registry of what is indexed, index upkeep and look-up.

Each app registers the records it makes searchable (``register(SearchKind(...))`` from its ``ready()``):
a kind name, the model, the text of a record, its URL and the records a user may see. Services call
``index_objects`` after they create or change such a record; ``kechuang search_reindex`` rebuilds all.

Look-up is two steps so that SQLite and PostgreSQL give the same answer: the database finds the
candidates holding every query term (FTS5 ``MATCH`` / the GIN index with ``@@``), restricted to the
records the user may see; then ``kechuang.core.search.rank`` scores them with BM25 from the stored
corpus statistics (``SearchTermStat``), ties broken by id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Case, F, IntegerField, QuerySet, When

from kechuang.core import search
from kechuang.core.models import SearchDocument, SearchTermStat, User

# Results a list search shows at most (a page of a list is 20–50 rows; nobody pages past this).
RESULT_LIMIT = 200
# Candidates scored at most per tier. Past this the shortest documents are kept: with every term present
# once, BM25 rises as the document gets shorter, so they are the ones that would rank first anyway.
CANDIDATE_LIMIT = 5000
_BATCH = 2000


@dataclass(frozen=True)
class SearchKind:
    """What an app indexes: ``text`` gives the searchable text of one record (with ``select_related`` in
    ``queryset`` so indexing many costs one query), ``visible`` the records a user may see."""

    kind: str
    queryset: Callable[[], QuerySet]
    text: Callable[[models.Model], str]
    url: Callable[[models.Model], str]
    visible: Callable[[User], QuerySet]


_REGISTRY: dict[str, SearchKind] = {}


def register(kind: SearchKind) -> None:
    """Register a kind once (an app's ``ready()`` may run twice in tests; the later wins)."""
    _REGISTRY[kind.kind] = kind


def kinds() -> dict[str, SearchKind]:
    return dict(_REGISTRY)


def kind_for(model: type[models.Model]) -> SearchKind | None:
    return next((k for k in _REGISTRY.values() if k.queryset().model is model), None)


# --- index upkeep -------------------------------------------------------------------------------------

def _adjust_stats(kind: str, added: Iterable[str], removed: Iterable[str], docs: int, length: int) -> None:
    added, removed = list(added), list(removed)
    if removed:
        SearchTermStat.objects.filter(kind=kind, term__in=removed).update(df=F("df") - 1)
    if added:
        have = set(SearchTermStat.objects.filter(kind=kind, term__in=added).values_list("term", flat=True))
        SearchTermStat.objects.filter(kind=kind, term__in=have).update(df=F("df") + 1)
        SearchTermStat.objects.bulk_create(SearchTermStat(kind=kind, term=t, df=1) for t in added if t not in have)
    total, _ = SearchTermStat.objects.get_or_create(kind=kind, term="")
    SearchTermStat.objects.filter(pk=total.pk).update(df=F("df") + docs, total_length=F("total_length") + length)


def index_objects(kind: str, objects: Sequence[models.Model]) -> None:
    """(Re)index ``objects`` of ``kind`` and keep the corpus statistics in step. Called by services."""
    spec = _REGISTRY[kind]
    with transaction.atomic():
        old = {d.object_id: d for d in SearchDocument.objects.filter(kind=kind, object_id__in=[o.pk for o in objects])}
        for obj in objects:
            tokens = search.tokenize(spec.text(obj))
            doc = old.get(obj.pk)
            before = set(doc.tokens.split(" ")) - {""} if doc else set()
            after = set(tokens)
            joined = " ".join(tokens)
            if doc is None:
                SearchDocument.objects.create(kind=kind, object_id=obj.pk, tokens=joined, length=len(tokens))
                _adjust_stats(kind, after, (), 1, len(tokens))
            elif doc.tokens != joined:
                delta = len(tokens) - doc.length
                doc.tokens, doc.length = joined, len(tokens)
                doc.save(update_fields=["tokens", "length", "updated_at"])
                _adjust_stats(kind, after - before, before - after, 0, delta)


def index_object(obj: models.Model) -> None:
    """Index one record of a registered model (a no-op for models nobody registered)."""
    spec = kind_for(type(obj))
    if spec is not None:
        index_objects(spec.kind, [spec.queryset().get(pk=obj.pk)])


def unindex(kind: str, object_ids: Iterable[int]) -> None:
    """Drop records from the index (after they were deleted)."""
    with transaction.atomic():
        for doc in SearchDocument.objects.filter(kind=kind, object_id__in=list(object_ids)):
            _adjust_stats(kind, (), set(doc.tokens.split(" ")) - {""}, -1, -doc.length)
            doc.delete()


def reindex(kind: str) -> int:
    """Rebuild the index of ``kind`` from scratch in one transaction; returns the number of records."""
    spec = _REGISTRY[kind]
    df: Counter[str] = Counter()
    total = count = 0
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind).delete()
        SearchTermStat.objects.filter(kind=kind).delete()
        batch: list[SearchDocument] = []
        for obj in spec.queryset().order_by("pk").iterator(chunk_size=_BATCH):
            tokens = search.tokenize(spec.text(obj))
            df.update(set(tokens))
            total += len(tokens)
            count += 1
            batch.append(SearchDocument(kind=kind, object_id=obj.pk, tokens=" ".join(tokens), length=len(tokens)))
            if len(batch) >= _BATCH:
                SearchDocument.objects.bulk_create(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        SearchTermStat.objects.bulk_create(
            [SearchTermStat(kind=kind, term="", df=count, total_length=total)]
            + [SearchTermStat(kind=kind, term=t, df=n) for t, n in df.items()], batch_size=_BATCH)
    return count


# --- look-up ------------------------------------------------------------------------------------------

def _stats(kind: str, terms: Sequence[str]) -> search.CorpusStats:
    rows = {term: (df, total) for term, df, total in
            SearchTermStat.objects.filter(kind=kind, term__in=["", *terms]).values_list("term", "df", "total_length")}
    documents, total = rows.pop("", (0, 0))
    return search.CorpusStats(documents=documents, total_length=total, df={t: df for t, (df, _) in rows.items()})


def _candidates(kind: str, terms: Sequence[str], within: QuerySet | None, exclude: Sequence[int]
                ) -> list[tuple[int, str, int]]:
    """Documents of ``kind`` holding every term, among ``within``; the terms are letters, digits or Han
    characters only (see ``search.parse_query``), so quoting them cannot break the match syntax."""
    if connection.vendor == "postgresql":
        match = "array_to_tsvector(string_to_array(d.tokens, ' ')) @@ %s::tsquery"
        expression = " & ".join(f"'{t}'" for t in terms)
    else:
        match = "d.id IN (SELECT rowid FROM core_searchdocument_fts WHERE core_searchdocument_fts MATCH %s)"
        expression = " AND ".join(f'"{t}"' for t in terms)
    sql = f"SELECT d.object_id, d.tokens, d.length FROM core_searchdocument d WHERE d.kind = %s AND {match}"
    params: list[object] = [kind, expression]
    if within is not None:
        inner, inner_params = within.order_by().values("pk").query.sql_with_params()
        sql += f" AND d.object_id IN ({inner})"
        params.extend(inner_params)
    if exclude:
        sql += f" AND d.object_id NOT IN ({', '.join(['%s'] * len(exclude))})"
        params.extend(exclude)
    sql += " ORDER BY d.length, d.object_id LIMIT %s"
    params.append(CANDIDATE_LIMIT)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def search_ids(kind: str, text: str, *, within: QuerySet | None = None, limit: int = RESULT_LIMIT) -> list[int]:
    """Ids of the records of ``kind`` matching ``text``, best first. Records holding every bigram of the
    query come first; records holding only every character (short forms such as 宁芯) fill up after."""
    query = search.parse_query(text)
    if query.empty:
        return []
    stats = _stats(kind, query.scoring)
    found = search.rank(query.scoring, _candidates(kind, query.strict, within, ()), stats, limit)
    if len(found) < limit and query.loose != query.strict:
        more = _candidates(kind, query.loose, within, found)
        found += search.rank(query.scoring, more, stats, limit - len(found))
    return found


def filter_ranked(qs: QuerySet, kind: str, text: str, *, limit: int = RESULT_LIMIT) -> QuerySet:
    """``qs`` narrowed to the records matching ``text`` and ordered by rank (the list selectors' search)."""
    ids = search_ids(kind, text, within=qs, limit=limit)
    if not ids:
        return qs.none()
    order = Case(*[When(pk=pk, then=i) for i, pk in enumerate(ids)], output_field=IntegerField())
    return qs.filter(pk__in=ids).order_by(order)


def index_related(organisation: models.Model) -> None:
    """Re-index the records whose text holds an organisation's name (its enterprise profile)."""
    for spec in _REGISTRY.values():
        model = spec.queryset().model
        if model is not type(organisation) and any(
                f.name == "organisation" and f.one_to_one for f in model._meta.get_fields()):
            index_objects(spec.kind, list(spec.queryset().filter(organisation=organisation)))


def reindex_all() -> dict[str, int]:
    """Rebuild every registered kind (the ``search_reindex`` command; after demo data is loaded)."""
    return {kind: reindex(kind) for kind in sorted(_REGISTRY)}
