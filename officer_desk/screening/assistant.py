"""The procedure assistant: a citizen's question (Vietnamese with or without diacritics, or English) -> procedures.

Offline lexical retrieval over the catalogue: BM25 over diacritic-folded syllables and syllable bigrams
(Vietnamese words are mostly two syllables: "khai sinh", "tạm trú"), with the procedure's name and the
citizens' keywords weighted above its documents and conditions. Everyday words ("sổ đỏ", "hộ khẩu",
"photo công chứng") are expanded to catalogue vocabulary from ``resources/assistant/synonyms.yaml``.

An English question is answered from a separate English index (the procedures' English names and document
names, and ``resources/assistant/english.yaml``), chosen by the question's language, so "do" never folds into
"độ"/"đỏ". Question phrases ("mất bao lâu", "làm sao") are removed before matching; words that are question
words only in some contexts ("mất", "con", "làm", "thẻ") count when the catalogue uses them in a phrase of the
question ("mất năng lực", "thẻ căn cước"). Below a calibrated confidence nothing is answered: the procedure is
not in this desk's catalogue and the citizen is sent to the counter.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from officer_desk.catalogue import Catalogue, Procedure, fee_text, processing_text
from officer_desk.config import DeskConfig
from officer_desk.i18n import both, current_language
from officer_desk.paths import resource
from officer_desk.text import fold
from officer_desk.vocabulary import Channel

K1 = 1.2
B = 0.75
# Words of the question that say what is asked, not which procedure ("cần gì", "bao lâu").
STOPWORDS = frozenset(
    "a ah ai bao bi cac can cau cho chi co cua da dang de den di duoc em gi giup ha hay hoi khi khong "
    "la le luc ma may minh muon nao nay neu nhe nhieu nhu nhung o oi phai ra roi sao sau se thi "
    "thu to toi tu va vay ve voi vui xin tien lau phi gio o dau bac chu anh chi ong ba".split()
)
# Question words only in some contexts: kept when the catalogue uses them in a phrase of the question
# ("mất năng lực hành vi", "thẻ căn cước", "con nuôi"), dropped otherwise ("mất bao lâu", "làm gì").
SOFT_STOPWORDS = frozenset({"mat", "con", "lam", "the"})
# Whole question phrases removed before matching (folded, longest first).
QUESTION_PHRASES = tuple(sorted((
    "mat bao lau", "mat bao nhieu", "het bao nhieu", "bao nhieu tien", "bao nhieu ngay", "co mat phi khong",
    "co mat tien khong", "mat phi", "mat tien", "lam sao", "lam the nao", "nhu the nao", "the nao", "lam gi",
    "phai lam gi", "can lam gi", "lam o dau", "o dau", "can gi", "can nhung gi", "co duoc khong",
    "duoc khong", "co phai", "thi sao",
), key=len, reverse=True))
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


def strip_question_phrases(text: str) -> str:
    """The folded question without its question phrases ("mất bao lâu", "làm sao"…)."""
    folded = " " + " ".join(syllables(text)) + " "
    for phrase in QUESTION_PHRASES:
        folded = folded.replace(f" {phrase} ", " . ")
    return folded


def query_terms(text: str, vocabulary: Mapping[str, float]) -> list[str]:
    """Terms of a question: soft question words count only inside a phrase the catalogue knows."""
    out: list[str] = []
    for chunk in strip_question_phrases(text).split("."):
        words = chunk.split()
        bigrams = [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
        for index, word in enumerate(words):
            if word in STOPWORDS:
                continue
            if word in SOFT_STOPWORDS:
                around = bigrams[max(index - 1, 0):index + 1]
                if not any(b in vocabulary for b in around):
                    continue
            out.append(word)
        out.extend(b for b in bigrams if not all(w in STOPWORDS | SOFT_STOPWORDS for w in b.split("_")))
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
    language: str = "vi"
    confidence: float = 1.0

    def as_json(self, config: DeskConfig | None = None, language: str | None = None) -> dict[str, Any]:
        """The contract's answer object (exactly its keys; the key condition is ``key_condition``); an English
        question is answered in English whatever the UI's language."""
        language = self.answer_language(language)
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


    def answer_language(self, language: str | None = None) -> str:
        return language or ("en" if self.language == "en" else current_language())

    def key_condition(self, language: str | None = None) -> str:
        """The one condition the citizen must know (free only within 60 days…), in the answer's language."""
        return key_condition(self.procedure, self.answer_language(language))


def key_condition(procedure: Procedure, language: str = "vi") -> str:
    """The one condition a citizen must know before coming (free only within 60 days…); "" when none."""
    if language == "en" and procedure.key_condition_en:
        return procedure.key_condition_en
    return procedure.key_condition_vi or (procedure.conditions_vi[0] if procedure.conditions_vi else "")


def _in(language: str, message: str, **values: Any) -> str:
    vi, en = both(message, **values)
    return en if language == "en" else vi


def checklist_text(procedure: Procedure, language: str = "vi", config: DeskConfig | None = None) -> str:
    """The printable checklist of a procedure: what to bring, how long, what it costs, the key condition."""
    english = language == "en"
    lines = [procedure.name(language), f"({procedure.code})", "", _in(language, "Giấy tờ cần mang:")]
    for document in procedure.documents:
        name = document.name_en if english and document.name_en else document.name_vi
        suffix = f" × {document.quantity}" if document.quantity > 1 else ""
        if not document.required:
            condition = document.condition_vi or _in(language, "khi thuộc trường hợp này")
            suffix += " — " + _in(language, "chỉ khi: {condition}", condition=condition)
        lines.append(f"  [ ] {name}{suffix}")
    lines.append("")
    lines.append(_in(language, "Thời hạn giải quyết: {time}", time=processing_text(procedure)))
    fee = procedure.fee_for(Channel.IN_PERSON, config.fees if config is not None else None)
    lines.append(_in(language, "Lệ phí: {fee}", fee=fee_text(procedure) if fee is None or fee == procedure.fee_vnd
                     else f"{fee:,}đ".replace(",", ".")))
    condition = key_condition(procedure, language)
    if condition:
        lines.append(_in(language, "Điều kiện cần biết: {condition}", condition=condition))
    if procedure.code_confidence == "low":
        lines.append(_in(language, "Lưu ý: thông tin thủ tục đang chờ đối chiếu văn bản; hỏi lại cán bộ tại quầy."))
    return "\n".join(lines)


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


@lru_cache(maxsize=1)
def load_elsewhere() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Procedures handled by other agencies: (Vietnamese phrases, English phrases) per entry."""
    path = resource("assistant", "elsewhere.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return ()
    return tuple((tuple(str(p) for p in item.get("vi") or []), tuple(str(p) for p in item.get("en") or []))
                 for item in data if isinstance(item, dict))


@lru_cache(maxsize=1)
def load_english_keywords() -> dict[str, tuple[str, ...]]:
    path = resource("assistant", "english.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    keywords = data.get("keywords") if isinstance(data, dict) else None
    if not isinstance(keywords, dict):
        return {}
    return {str(code): tuple(str(k) for k in (values or [])) for code, values in keywords.items()}


def expand_question(question: str) -> str:
    """The question plus the catalogue words its everyday phrases stand for."""
    folded = " " + " ".join(syllables(question)) + " "
    extra = [expand for phrases, expand in load_synonyms() if any(f" {p} " in folded for p in phrases)]
    return question if not extra else question + " . " + " . ".join(extra)


# -- English --------------------------------------------------------------------------------------------
EN_STOPWORDS = frozenset(
    "a an the and or of to for in on at by with from my our your his her their i we you he she it they me "
    "is are was were be been do does did how what which who where when why can could should would will "
    "need needs want wants get got have has had please tell about there this that these those some any "
    "much many long take takes as if not no yes so up out into its am".split()
)
_EN_RE = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    """A light English stem (plural and possessive endings): certificates -> certificate."""
    for suffix, repl in (("ies", "y"), ("'s", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def en_words(text: str) -> list[str]:
    # "re-register" is one word, not "register" (which would match birth registration as well).
    lowered = re.sub(r"\bre-(?=[a-z])", "re", text.lower()).replace("'s", "")
    return [_stem(w) for w in _EN_RE.findall(lowered)]


def en_terms(text: str) -> list[str]:
    words = en_words(text)
    out = [w for w in words if w not in EN_STOPWORDS]
    content = [w for w in words if w not in EN_STOPWORDS]
    out.extend(f"{a}_{b}" for a, b in zip(content, content[1:], strict=False))
    return out


def question_language(question: str, english_vocabulary: Mapping[str, float] | None = None,
                      vietnamese_vocabulary: Mapping[str, float] | None = None) -> str:
    """"en" for a question written in English, else "vi" (diacritics decide; then which words it uses)."""
    if any(ord(ch) > 127 and ch.isalpha() for ch in question):
        return "vi"
    words = _EN_RE.findall(question.lower())
    if not words:
        return "vi"
    english = sum(1 for w in words if w in EN_STOPWORDS or (english_vocabulary or {}).get(_stem(w)))
    vietnamese = sum(1 for w in words if w in STOPWORDS or w in SOFT_STOPWORDS
                     or (vietnamese_vocabulary or {}).get(w))
    return "en" if english > vietnamese else "vi"


# Below this confidence (the share of the question's weighted words that the best procedure's name or
# keywords explain: syllable pairs in Vietnamese, words in English) the desk says the procedure is not in
# its catalogue. Calibrated on the question sets in tests/data, below the lowest right answer of each
# language (bench/bench_assistant.py; bench/README.md).
MIN_CONFIDENCE = {"vi": 0.05, "en": 0.35}


class _Bm25:
    """BM25 over bags of weighted terms, one per procedure."""

    def __init__(self, bags: list[Counter[str]], strong: list[set[str]]) -> None:
        self.bags = bags
        self.strong = strong  # terms found in the name or keywords (they explain a question)
        self.lengths = [sum(bag.values()) for bag in bags]
        self.average = sum(self.lengths) / max(len(self.lengths), 1)
        document_frequency: Counter[str] = Counter()
        for bag in bags:
            document_frequency.update(bag.keys())
        n = len(bags)
        self.n = n
        self.idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}

    def scores(self, query: list[str]) -> list[tuple[float, int]]:
        counts = Counter(query)
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
        return scored

    def confidence(self, query: list[str], index: int, unit: str = "bigram") -> float:
        """The share of the question's weighted words that the procedure explains: a term in its name or
        keywords fully, in another passage a third. Vietnamese words are mostly two syllables, so a Vietnamese
        question is measured on its syllable pairs ("mua vé máy bay" explains nothing of "mua bán đất");
        a question of one pair or none is measured on its syllables."""
        chosen = {t for t in query if ("_" in t) == (unit == "bigram")}
        if unit == "bigram" and len(chosen) < 2:
            chosen = {t for t in query if "_" not in t}
        if not chosen:
            return 0.0
        # A term the catalogue never uses weighs like an average one (chatty questions are not penalised much).
        unknown = sum(self.idf.values()) / max(len(self.idf), 1)
        total = explained = 0.0
        for term in chosen:
            weight = self.idf.get(term, unknown)
            total += weight
            if term in self.strong[index]:
                explained += weight
            elif self.bags[index].get(term):
                explained += weight / 3
        return explained / total if total else 0.0


class ProcedureIndex:
    """BM25 over the catalogue's procedures, a Vietnamese index and an English one, with their passages."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.procedures: list[Procedure] = list(catalogue)
        self.passages: list[list[Passage]] = []
        self.en_passages: list[list[Passage]] = []
        self._elsewhere_vi: list[list[Passage]] = []
        self._elsewhere_en: list[list[Passage]] = []
        vi_bags, en_bags, vi_strong, en_strong = [], [], [], []
        english = load_english_keywords()
        elsewhere = load_elsewhere()
        for vi_phrases, en_phrases in elsewhere:
            # Other agencies' procedures compete in the index; winning means "not at this desk".
            vi = [Passage("keyword", text, frozenset(terms(text))) for text in vi_phrases]
            en = [Passage("keyword", text, frozenset(en_terms(text))) for text in en_phrases]
            self._elsewhere_vi.append(vi)
            self._elsewhere_en.append(en)
        for procedure in self.procedures:
            passages = self._passages(procedure)
            self.passages.append(passages)
            vi_bags.append(self._bag(passages))
            vi_strong.append({t for p in passages if p.kind in ("name", "keyword") for t in p.terms})
            en = self._en_passages(procedure, english.get(procedure.code, ()))
            self.en_passages.append(en)
            en_bags.append(self._bag(en))
            en_strong.append({t for p in en if p.kind in ("name", "keyword") for t in p.terms})
        for vi, en in zip(self._elsewhere_vi, self._elsewhere_en, strict=True):
            vi_bags.append(self._bag(vi))
            vi_strong.append({t for p in vi for t in p.terms})
            en_bags.append(self._bag(en))
            en_strong.append({t for p in en for t in p.terms})
        self.vi = _Bm25(vi_bags, vi_strong)
        self.en = _Bm25(en_bags, en_strong)
        # Kept for callers of the first version of this class.
        self.bags, self.idf = self.vi.bags, self.vi.idf

    @staticmethod
    def _bag(passages: list[Passage]) -> Counter[str]:
        bag: Counter[str] = Counter()
        for passage in passages:
            weight = FIELD_WEIGHTS[passage.kind]
            for term in passage.terms:
                bag[term] += weight
        return bag

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

    @staticmethod
    def _en_passages(procedure: Procedure, keywords: tuple[str, ...]) -> list[Passage]:
        items: list[tuple[str, str]] = [("name", procedure.name_en)]
        items += [("keyword", k) for k in keywords]
        items.append(("field", procedure.field_en))
        items += [("document", d.name_en) for d in procedure.documents if d.name_en]
        return [Passage(kind, text, frozenset(en_terms(text))) for kind, text in items if text]

    def language(self, question: str) -> str:
        return question_language(question, self.en.idf, self.vi.idf)

    def search(self, question: str, top: int = 3, min_confidence: float | None = None) -> list[Answer]:
        if top <= 0 or not question.strip():
            return []
        language = self.language(question)
        if language == "en":
            engine, query = self.en, en_terms(question)
            original = set(query)
        else:
            engine = self.vi
            query = query_terms(expand_question(question), engine.idf)
            original = set(query_terms(question, engine.idf))
        if not query:
            return []
        threshold = MIN_CONFIDENCE[language] if min_confidence is None else min_confidence
        scored = engine.scores(query)
        scored.sort(key=lambda item: (-item[0], item[1]))
        answers: list[Answer] = []
        for score, index in scored:
            if len(answers) >= top:
                break
            if index >= len(self.procedures):
                if not answers:
                    return []  # another agency's procedure matches best: not at this desk
                continue
            confidence = engine.confidence(query, index, "unigram" if language == "en" else "bigram")
            if not answers and confidence < threshold:
                return []  # the best match explains too little of the question: not in this catalogue
            passages = self.en_passages[index] if language == "en" else self.passages[index]
            answers.append(Answer(self.procedures[index], score,
                                  self._best_passage(engine, passages, set(query), original), language, confidence))
        return answers

    @staticmethod
    def _best_passage(engine: _Bm25, passages: list[Passage], query: set[str], original: set[str]) -> str:
        def overlap(passage: Passage) -> tuple[float, int]:
            shared = passage.terms & query
            direct = passage.terms & original
            value = sum(engine.idf.get(t, 0.0) for t in shared) + sum(engine.idf.get(t, 0.0) for t in direct)
            return value, FIELD_WEIGHTS[passage.kind]

        return max(passages, key=overlap).text


_index_cache: dict[int, tuple[Catalogue, ProcedureIndex]] = {}


def index_for(catalogue: Catalogue) -> ProcedureIndex:
    cached = _index_cache.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    index = ProcedureIndex(catalogue)
    _index_cache.clear()
    _index_cache[id(catalogue)] = (catalogue, index)
    return index


def ask(question: str, catalogue: Catalogue, top: int = 3, min_confidence: float | None = None) -> list[Answer]:
    """The best matching procedures for a citizen's question, best first; empty when nothing in this desk's
    catalogue answers it with enough confidence."""
    return index_for(catalogue).search(question, top, min_confidence)


__all__ = ["Answer", "ProcedureIndex", "ask", "checklist_text", "expand_question", "fee_text", "key_condition",
           "question_language", "terms"]
