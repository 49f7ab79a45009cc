"""The procedure assistant: a citizen's question in Vietnamese (with or without diacritics) -> procedures.

Offline lexical retrieval over the catalogue: BM25 over diacritic-folded syllables and syllable bigrams
(Vietnamese words are mostly two syllables: "khai sinh", "tạm trú"), with the procedure's name and the
citizens' keywords weighted above its documents and conditions. Everyday words ("sổ đỏ", "hộ khẩu",
"photo công chứng") are expanded to catalogue vocabulary from ``resources/assistant/synonyms.yaml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from officer_desk.catalogue import Catalogue, Procedure, fee_text, processing_text
from officer_desk.config import DeskConfig
from officer_desk.i18n import current_language
from officer_desk.paths import resource
from officer_desk.text import fold
from officer_desk.vocabulary import Channel

K1 = 1.2
B = 0.75
# Words of the question that say what is asked, not which procedure ("cần gì", "mất bao lâu").
STOPWORDS = frozenset(
    "a ah ai bao bi cac can cau cho chi co con cua da dang de den di duoc em gi giup ha hay hoi khi khong "
    "la lam le luc ma may minh muon nao nay neu nhe nhieu nhu nhung o oi phai ra roi sao sau se thi the "
    "thu to toi tu va vay ve voi vui xin tien mat lau phi gio o dau bac chu anh chi ong ba".split()
)
# Passage kinds and their weight in the procedure's bag of words.
FIELD_WEIGHTS = {"name": 3, "keyword": 3, "field": 1, "result": 1, "document": 1, "condition": 1}
_TOKEN_RE = re.compile(r"[a-z0-9]+")


def syllables(text: str) -> list[str]:
    return _TOKEN_RE.findall(fold(text).replace("đ", "d"))


def terms(text: str) -> list[str]:
    """Index terms: content syllables and adjacent-syllable bigrams (over the text as written)."""
    words = syllables(text)
    out = [w for w in words if w not in STOPWORDS]
    out.extend(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)
               if not (a in STOPWORDS and b in STOPWORDS))
    return out


@dataclass(frozen=True)
class Passage:
    kind: str
    text: str
    terms: frozenset[str]


@dataclass(frozen=True)
class Answer:
    procedure: Procedure
    score: float
    passage: str

    def as_json(self, config: DeskConfig | None = None, language: str | None = None) -> dict[str, Any]:
        language = language or current_language()
        procedure = self.procedure
        fee = procedure.fee_for(Channel.IN_PERSON, config.fees if config is not None else None)
        return {
            "procedure_code": procedure.code,
            "name": procedure.name(language),
            "score": round(self.score, 3),
            "documents": [d.name_en if language == "en" and d.name_en else d.name_vi for d in procedure.documents],
            "processing_time": processing_text(procedure),
            "fee_vnd": fee,
            "passage": self.passage,
        }


@lru_cache(maxsize=1)
def load_synonyms() -> tuple[tuple[tuple[str, ...], str], ...]:
    path = resource("assistant", "synonyms.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return ()
    entries = []
    for item in data:
        if not isinstance(item, dict):
            continue
        phrases = tuple(" ".join(syllables(str(p))) for p in item.get("phrases") or [])
        expand = str(item.get("expand") or "")
        if phrases and expand:
            entries.append((phrases, expand))
    return tuple(entries)


def expand_question(question: str) -> str:
    """The question plus the catalogue words its everyday phrases stand for."""
    folded = " " + " ".join(syllables(question)) + " "
    extra = [expand for phrases, expand in load_synonyms() if any(f" {p} " in folded for p in phrases)]
    return question if not extra else question + " . " + " . ".join(extra)


class ProcedureIndex:
    """BM25 over the catalogue's procedures (one bag of weighted terms each) with their passages."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.procedures: list[Procedure] = list(catalogue)
        self.passages: list[list[Passage]] = []
        self.bags: list[Counter[str]] = []
        for procedure in self.procedures:
            passages = self._passages(procedure)
            bag: Counter[str] = Counter()
            for passage in passages:
                weight = FIELD_WEIGHTS[passage.kind]
                for term in terms(passage.text):
                    bag[term] += weight
            self.passages.append(passages)
            self.bags.append(bag)
        self.lengths = [sum(bag.values()) for bag in self.bags]
        self.average = sum(self.lengths) / max(len(self.lengths), 1)
        document_frequency: Counter[str] = Counter()
        for bag in self.bags:
            document_frequency.update(bag.keys())
        n = len(self.bags)
        self.idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}

    @staticmethod
    def _passages(procedure: Procedure) -> list[Passage]:
        items: list[tuple[str, str]] = [("name", procedure.name_vi)]
        items += [("keyword", k) for k in procedure.keywords]
        items.append(("field", procedure.field_vi))
        if procedure.result_vi:
            items.append(("result", procedure.result_vi))
        items += [("document", d.name_vi) for d in procedure.documents]
        items += [("condition", c) for c in procedure.conditions_vi]
        return [Passage(kind, text, frozenset(terms(text))) for kind, text in items if text]

    def search(self, question: str, top: int = 3) -> list[Answer]:
        query_terms = terms(expand_question(question))
        if not query_terms or top <= 0:
            return []
        counts = Counter(query_terms)
        original = set(terms(question))
        scored: list[tuple[float, int]] = []
        for index, bag in enumerate(self.bags):
            score = 0.0
            norm = K1 * (1 - B + B * self.lengths[index] / self.average)
            for term, query_count in counts.items():
                tf = bag.get(term, 0)
                if not tf:
                    continue
                score += self.idf[term] * tf * (K1 + 1) / (tf + norm) * (1 + 0.5 * (query_count - 1))
            if score > 0:
                scored.append((score, index))
        scored.sort(key=lambda item: (-item[0], self.procedures[item[1]].code))
        answers = []
        for score, index in scored[:top]:
            answers.append(Answer(self.procedures[index], score, self._best_passage(index, set(counts), original)))
        return answers

    def _best_passage(self, index: int, query: set[str], original: set[str]) -> str:
        def overlap(passage: Passage) -> tuple[float, int]:
            shared = passage.terms & query
            direct = passage.terms & original
            value = sum(self.idf.get(t, 0.0) for t in shared) + sum(self.idf.get(t, 0.0) for t in direct)
            return value, FIELD_WEIGHTS[passage.kind]

        best = max(self.passages[index], key=overlap)
        return best.text


_index_cache: dict[int, tuple[Catalogue, ProcedureIndex]] = {}


def index_for(catalogue: Catalogue) -> ProcedureIndex:
    cached = _index_cache.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    index = ProcedureIndex(catalogue)
    _index_cache.clear()
    _index_cache[id(catalogue)] = (catalogue, index)
    return index


def ask(question: str, catalogue: Catalogue, top: int = 3) -> list[Answer]:
    """The best matching procedures for a citizen's question, best first (empty when nothing matches)."""
    return index_for(catalogue).search(question, top)


__all__ = ["Answer", "ProcedureIndex", "ask", "expand_question", "fee_text", "terms"]
