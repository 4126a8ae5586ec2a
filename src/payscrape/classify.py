"""Stage 3 — classify: page type (market_report | career_guide | other).

A scikit-learn logistic regression over the words and word pairs of the title, headings and
text (binary, L2-normalised) plus structural features (pay-figure density, tables, step lists,
job-posting cues). The model is stored as plain JSON (its vocabulary and weights, no pickle)
and trained deterministically by :func:`train` / ``payscrape train-classifier``. Prediction
needs only numpy: scikit-learn and scipy are imported when training.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import regex

from .document import Document
from .errors import ModelError
from .records import PageRecord

if TYPE_CHECKING:
    from scipy import sparse

CLASSES: tuple[str, ...] = ("market_report", "career_guide", "other")
MODEL_VERSION = 2
#: Words and word pairs seen in fewer training pages than this are left out of the model.
MIN_DF = 2
_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}'+#.-]*[\p{L}\p{N}+#]|[\p{L}]")

#: Cue patterns (lower-case: they run on lower-cased text), compiled together in ``_ALL_CUES``.
_CUES: dict[str, str] = {
    "how_to": r"\bhow (?:to|do i|can i) (?:become|get (?:into|started)|start)\b|\bbecom(?:e|ing) an?\b",
    "steps": r"^(?:step\s*\d+|\d{1,2}[.)]\s)",
    "duties": r"\b(?:what does an?|duties|responsibilities|day in the life|job description|"
              r"work environment|working conditions)\b",
    "education": r"\b(?:education|degree|diploma|certificat\w+|training|qualifications?|"
                 r"licen[cs]\w+|apprenticeship)\b",
    "salary_head": r"\b(?:salary|salaries|pay|wages?|compensation|earn\w*|percentile|median|average)\b",
    "posting": r"\b(?:apply now|apply today|job type|full-time|part-time|posted|"
               r"about the role|about us|what you'll do|we offer|benefits include|"
               r"requirements|qualifications|equal opportunity|how to apply)\b",
    "course": r"\b(?:enrol\w*|tuition|curriculum|syllabus|modules?|admission|"
              r"course fee|programme fee|intake|semester|credits?)\b",
    "news": r"\b(?:announced|reported|said on|told|according to a statement|funding round|"
            r"layoffs?|shares|quarter|acquisition|ceo)\b",
    "report": r"\b(?:data points|salaries reported|percentile|median|sample|survey|"
              r"market (?:overview|intelligence|data)|compensation (?:data|report|trends)|"
              r"based on \d)\b",
}
#: All cues in one pattern, run over lower-cased text: one pass counts every cue. Every cue
#: starts a word, so the scan only tries word starts (stdlib ``re``, ~4x faster than ``regex``
#: with ``I`` here).
_ALL_CUES = re.compile(
    r"(?:(?<!\w)(?=\w)|^)(?:" + "|".join(f"(?P<{k}>{rx})" for k, rx in _CUES.items()) + ")",
    re.MULTILINE,
)


def _cues(text: str) -> list[str]:
    return [m.lastgroup for m in _ALL_CUES.finditer(text.lower())]  # type: ignore[misc]


STRUCT_NAMES: tuple[str, ...] = (
    "log_chars", "money_per_kchar", "log_money", "share_heading_salary", "bands", "data_points",
    "table_share", "list_share", "heading_share", *(f"cue_{k}" for k in _CUES),
    *(f"head_{k}" for k in _CUES), "title_salary", "title_howto",
)


def _tokens(text: str, prefix: str = "") -> list[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    grams = [prefix + w for w in words]
    grams.extend(f"{prefix}{a}_{b}" for a, b in zip(words, words[1:]))
    return grams


def text_features(document: Document) -> set[str]:
    """The distinct word and word-pair features of a page (title ``t:``, headings ``h:``, text)."""
    heads = " ".join(document.block_text(b) for b in document.blocks if b.kind == "heading")
    feats = set(_tokens(document.title or "", "t:"))
    feats.update(_tokens(heads, "h:"))
    feats.update(_tokens(document.text[:20000]))
    return feats


def structural(document: Document, record: PageRecord) -> list[float]:
    """The structural feature vector (see ``STRUCT_NAMES``)."""
    text = document.text
    n_blocks = max(1, len(document.blocks))
    kinds = [b.kind for b in document.blocks]
    heads = [set(_cues(document.block_text(b))) for b in document.blocks if b.kind == "heading"]
    chars = max(1, len(text))
    if document.title:
        title = set(_cues(document.title))
    else:
        title = heads[0] if heads else set()
    feats = [
        math.log1p(chars) / 10,
        min(5.0, 1000 * len(record.salaries) / chars),
        math.log1p(len(record.salaries)),
        sum(1 for h in heads if "salary_head" in h) / max(1, len(heads)),
        math.log1p(len(record.experience_bands)),
        1.0 if record.data_points else 0.0,
        kinds.count("table_row") / n_blocks,
        kinds.count("list_item") / n_blocks,
        kinds.count("heading") / n_blocks,
    ]
    counts = dict.fromkeys(_CUES, 0)
    for name in _cues(text[:50000]):
        counts[name] += 1
    feats += [math.log1p(counts[k]) / 3 for k in _CUES]
    feats += [min(1.0, sum(1 for h in heads if k in h) / 3) for k in _CUES]
    feats += [1.0 if "salary_head" in title else 0.0, 1.0 if "how_to" in title else 0.0]
    return feats


@dataclass
class PageTypeModel:
    """Weights of a trained page-type model (plain arrays, JSON-serialisable)."""

    classes: tuple[str, ...]
    vocabulary: tuple[str, ...]  # text features with a weight
    text_weights: np.ndarray  # (len(vocabulary), n_classes)
    struct_mean: np.ndarray
    struct_scale: np.ndarray
    struct_weights: np.ndarray  # (n_struct, n_classes)
    intercept: np.ndarray
    temperature: float = 1.0
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.vocabulary)}

    def _text_part(self, document: Document) -> np.ndarray:
        feats = text_features(document)
        index = self._index
        rows = [i for f in feats if (i := index.get(f)) is not None]
        if not rows:
            return np.zeros(len(self.classes))
        # binary features, L2-normalised over all of the page's features
        return self.text_weights[rows].sum(axis=0) / math.sqrt(len(feats))

    def decision(self, documents: Sequence[Document], records: Sequence[PageRecord]) -> np.ndarray:
        text_part = np.array([self._text_part(d) for d in documents]).reshape(-1, len(self.classes))
        x_struct = np.array([structural(d, r) for d, r in zip(documents, records)])
        z = (x_struct - self.struct_mean) / self.struct_scale
        return text_part + z @ self.struct_weights + self.intercept

    def predict_proba(self, documents: Sequence[Document], records: Sequence[PageRecord]
                      ) -> np.ndarray:
        logits = self.decision(documents, records) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, document: Document, record: PageRecord) -> tuple[str, float]:
        """``(page_type, probability)`` for one page."""
        p = self.predict_proba([document], [record])[0]
        i = int(np.argmax(p))
        return self.classes[i], float(p[i])

    def top_features(self, label: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` text features that weigh most for ``label`` against the other classes."""
        k = self.classes.index(label)
        w = self.text_weights
        margin = w[:, k] - np.delete(w, k, axis=1).max(axis=1)
        order = np.argsort(-margin, kind="stable")[:n]
        return [(self.vocabulary[i], round(float(margin[i]), 4)) for i in order]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "payscrape-page-type", "version": MODEL_VERSION,
            "classes": list(self.classes), "struct_names": list(STRUCT_NAMES),
            "vocabulary": list(self.vocabulary),
            "text_weights": np.round(self.text_weights, 5).tolist(),
            "struct_mean": np.round(self.struct_mean, 8).tolist(),
            "struct_scale": np.round(self.struct_scale, 8).tolist(),
            "struct_weights": np.round(self.struct_weights, 6).tolist(),
            "intercept": np.round(self.intercept, 6).tolist(),
            "temperature": round(self.temperature, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageTypeModel:
        if data.get("format") != "payscrape-page-type" or data.get("version") != MODEL_VERSION:
            raise ModelError("not a payscrape page-type model of a supported version")
        if data.get("struct_names") != list(STRUCT_NAMES):
            raise ModelError("model features do not match this payscrape version")
        n_classes = len(data["classes"])
        if len(data["vocabulary"]) != len(data["text_weights"]):
            raise ModelError("model vocabulary and weights differ in length")
        return cls(
            classes=tuple(data["classes"]),
            vocabulary=tuple(str(f) for f in data["vocabulary"]),
            text_weights=np.asarray(data["text_weights"], dtype=float).reshape(-1, n_classes),
            struct_mean=np.asarray(data["struct_mean"], dtype=float),
            struct_scale=np.asarray(data["struct_scale"], dtype=float),
            struct_weights=np.asarray(data["struct_weights"], dtype=float).reshape(-1, n_classes),
            intercept=np.asarray(data["intercept"], dtype=float),
            temperature=float(data.get("temperature", 1.0)),
        )

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), separators=(",", ":")), encoding="utf-8")


def load_model(path: str | Path | None = None) -> PageTypeModel:
    """Load a model JSON (the shipped model when ``path`` is ``None``)."""
    try:
        if path is None:
            raw = (resources.files("payscrape") / "data" / "page_type_model.json").read_text("utf-8")
        else:
            raw = Path(path).read_text("utf-8")
        return PageTypeModel.from_json(json.loads(raw))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot load page-type model {path or '(shipped)'}: {exc}") from exc


@lru_cache(maxsize=8)
def cached_model(path: str | None = None) -> PageTypeModel:
    """A model loaded once per path."""
    return load_model(path)


#: Regularisation and the weight of structural features against the words; chosen
#: by grouped cross-validation on the fixtures (structure helps, but must not dominate).
DEFAULT_C = 30.0
STRUCT_WEIGHT = 0.03


def _text_matrix(features: Sequence[set[str]], vocabulary: Sequence[str]) -> sparse.csr_matrix:
    from scipy import sparse

    index = {f: i for i, f in enumerate(vocabulary)}
    indptr, cols, vals = [0], [], []
    for feats in features:
        row = sorted(i for f in feats if (i := index.get(f)) is not None)
        cols.extend(row)
        vals.extend([1.0 / math.sqrt(len(feats))] * len(row))
        indptr.append(len(cols))
    return sparse.csr_matrix((vals, cols, indptr), shape=(len(features), len(vocabulary)))


def _fit(features: Sequence[set[str]], x_struct: np.ndarray, y: np.ndarray,
         classes: tuple[str, ...], c: float, seed: int) -> PageTypeModel:
    from collections import Counter

    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    df = Counter(f for feats in features for f in feats)
    vocabulary = tuple(sorted(f for f, n in df.items() if n >= MIN_DF))
    x_text = _text_matrix(features, vocabulary)
    mean = x_struct.mean(axis=0)
    scale = x_struct.std(axis=0)
    scale[scale == 0] = 1.0
    scale = scale / STRUCT_WEIGHT
    z = (x_struct - mean) / scale
    x = sparse.hstack([x_text, sparse.csr_matrix(z)]).tocsr()
    clf = LogisticRegression(C=c, max_iter=10000, random_state=seed)
    clf.fit(x, y)
    coef = clf.coef_.T
    intercept = clf.intercept_
    if len(classes) == 2:  # binary: expand to two columns
        coef = np.hstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    n_text = len(vocabulary)
    text_w = coef[:n_text]
    keep = np.abs(text_w).max(axis=1) > 1e-6
    return PageTypeModel(
        classes=classes, vocabulary=tuple(f for f, k in zip(vocabulary, keep) if k),
        text_weights=text_w[keep],
        struct_mean=mean, struct_scale=scale, struct_weights=coef[n_text:],
        intercept=np.asarray(intercept, dtype=float),
    )


def _temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises log loss on held-out logits."""
    best_t, best = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.25), np.log(20.0), 120)):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(y)), y].mean()
        if loss < best:
            best_t, best = float(t), float(loss)
    return best_t


def train(documents: Sequence[Document], records: Sequence[PageRecord], labels: Sequence[str],
          *, groups: Sequence[str] | None = None, c: float = DEFAULT_C, seed: int = 0
          ) -> PageTypeModel:
    """Fit a model deterministically (fixed seed, lbfgs).

    With ``groups`` (site templates), probabilities are calibrated by a softmax temperature
    fitted on grouped out-of-fold predictions.
    """
    classes = tuple(c_ for c_ in CLASSES if c_ in set(labels)) or CLASSES
    if len(classes) < 2:
        raise ValueError("training needs pages of at least two page types")
    y = np.array([classes.index(label) for label in labels])
    features = [text_features(d) for d in documents]
    x_struct = np.array([structural(d, r) for d, r in zip(documents, records)])
    model = _fit(features, x_struct, y, classes, c, seed)
    if groups is not None and len(set(groups)) >= 3:
        from sklearn.model_selection import GroupKFold

        logits = np.zeros((len(y), len(classes)))
        for tr, te in GroupKFold(n_splits=min(5, len(set(groups)))).split(y, y, list(groups)):
            if len(set(y[tr])) < len(classes):
                continue
            fold = _fit([features[i] for i in tr], x_struct[tr], y[tr], classes, c, seed)
            logits[te] = fold.decision([documents[i] for i in te], [records[i] for i in te])
        model.temperature = _temperature(logits, y)
    return model


def classify(document: Document, record: PageRecord, model: PageTypeModel | None = None
             ) -> tuple[str, float]:
    """Page type and its probability under ``model`` (the shipped model by default)."""
    label, p = (model or cached_model(None)).predict(document, record)
    return label, round(p, 4)
