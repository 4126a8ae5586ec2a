"""Stage 3 — classify: page type (market_report | career_guide | other).

A scikit-learn logistic regression over hashed words of the title, headings and text plus
structural features (pay-figure density, tables, step lists, job-posting cues). The model
is stored as plain JSON (weights of the features it uses, no pickle) and trained
deterministically by :func:`train` / ``payscrape train-classifier``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import regex
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from .document import Document
from .errors import ModelError
from .records import PageRecord

CLASSES: tuple[str, ...] = ("market_report", "career_guide", "other")
MODEL_VERSION = 1
N_FEATURES = 2 ** 18
_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}'+#.-]*[\p{L}\p{N}+#]|[\p{L}]")

_CUES: dict[str, regex.Pattern[str]] = {
    name: regex.compile(rx, regex.I | regex.V1) for name, rx in {
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
    }.items()
}
#: All cues in one pattern: one pass over the text counts every cue.
_ALL_CUES = re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in _CUES.items()),
                      re.I | re.M)  # stdlib re: markedly faster on this plain alternation
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


def _analyzer(payload: str) -> list[str]:
    title, _, rest = payload.partition("\x1e")
    heads, _, body = rest.partition("\x1e")
    return _tokens(title, "t:") + _tokens(heads, "h:") + _tokens(body)


_VECTORIZER = HashingVectorizer(
    n_features=N_FEATURES, analyzer=_analyzer, alternate_sign=False, binary=True, norm="l2",
)


def _payload(document: Document) -> str:
    heads = " ".join(document.block_text(b) for b in document.blocks if b.kind == "heading")
    return f"{document.title or ''}\x1e{heads}\x1e{document.text[:20000]}"


def structural(document: Document, record: PageRecord) -> list[float]:
    """The structural feature vector (see ``STRUCT_NAMES``)."""
    text = document.text
    n_blocks = max(1, len(document.blocks))
    kinds = [b.kind for b in document.blocks]
    heads = [document.block_text(b) for b in document.blocks if b.kind == "heading"]
    salary_heads = sum(1 for h in heads if _CUES["salary_head"].search(h))
    chars = max(1, len(text))
    title = document.title or (heads[0] if heads else "")
    feats = [
        math.log1p(chars) / 10,
        min(5.0, 1000 * len(record.salaries) / chars),
        math.log1p(len(record.salaries)),
        salary_heads / max(1, len(heads)),
        math.log1p(len(record.experience_bands)),
        1.0 if record.data_points else 0.0,
        kinds.count("table_row") / n_blocks,
        kinds.count("list_item") / n_blocks,
        kinds.count("heading") / n_blocks,
    ]
    counts = dict.fromkeys(_CUES, 0)
    for m in _ALL_CUES.finditer(text, 0, 50000):
        counts[m.lastgroup] += 1  # type: ignore[index]
    feats += [math.log1p(counts[k]) / 3 for k in _CUES]
    head_hits = dict.fromkeys(_CUES, 0)
    for h in heads:
        for name in {m.lastgroup for m in _ALL_CUES.finditer(h)}:
            head_hits[name] += 1  # type: ignore[index]
    feats += [min(1.0, head_hits[k] / 3) for k in _CUES]
    feats += [1.0 if _CUES["salary_head"].search(title) else 0.0,
              1.0 if _CUES["how_to"].search(title) else 0.0]
    return feats


@dataclass
class PageTypeModel:
    """Weights of a trained page-type model (plain arrays, JSON-serialisable)."""

    classes: tuple[str, ...]
    columns: np.ndarray  # hashed feature columns with non-zero weight
    text_weights: np.ndarray  # (len(columns), n_classes)
    struct_mean: np.ndarray
    struct_scale: np.ndarray
    struct_weights: np.ndarray  # (n_struct, n_classes)
    intercept: np.ndarray
    temperature: float = 1.0

    def __post_init__(self) -> None:
        w = sparse.csr_matrix(
            (np.ones(len(self.columns)), (self.columns, np.arange(len(self.columns)))),
            shape=(N_FEATURES, len(self.columns)),
        )
        self._select = w

    def decision(self, documents: Sequence[Document], records: Sequence[PageRecord]) -> np.ndarray:
        x_text = _VECTORIZER.transform([_payload(d) for d in documents])
        text_part = (x_text @ self._select) @ self.text_weights
        x_struct = np.array([structural(d, r) for d, r in zip(documents, records)])
        z = (x_struct - self.struct_mean) / self.struct_scale
        return np.asarray(text_part) + z @ self.struct_weights + self.intercept

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

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "payscrape-page-type", "version": MODEL_VERSION,
            "classes": list(self.classes), "n_features": N_FEATURES,
            "struct_names": list(STRUCT_NAMES),
            "columns": self.columns.tolist(),
            "text_weights": np.round(self.text_weights, 6).tolist(),
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
        if data.get("n_features") != N_FEATURES or data.get("struct_names") != list(STRUCT_NAMES):
            raise ModelError("model features do not match this payscrape version")
        n_classes = len(data["classes"])
        return cls(
            classes=tuple(data["classes"]),
            columns=np.asarray(data["columns"], dtype=np.int64),
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
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load page-type model {path or '(shipped)'}: {exc}") from exc


@lru_cache(maxsize=8)
def cached_model(path: str | None = None) -> PageTypeModel:
    """A model loaded once per path."""
    return load_model(path)


#: Regularisation and the weight of structural features against the hashed words; chosen
#: by grouped cross-validation on the fixtures (structure helps, but must not dominate).
DEFAULT_C = 30.0
STRUCT_WEIGHT = 0.03


def _fit(x_text: sparse.csr_matrix, x_struct: np.ndarray, y: np.ndarray, classes: tuple[str, ...],
         c: float, seed: int) -> PageTypeModel:
    from sklearn.linear_model import LogisticRegression

    used = np.unique(x_text.nonzero()[1])
    mean = x_struct.mean(axis=0)
    scale = x_struct.std(axis=0)
    scale[scale == 0] = 1.0
    scale = scale / STRUCT_WEIGHT
    z = (x_struct - mean) / scale
    x = sparse.hstack([x_text.tocsc()[:, used], sparse.csr_matrix(z)]).tocsr()
    clf = LogisticRegression(C=c, max_iter=10000, random_state=seed)
    clf.fit(x, y)
    coef = clf.coef_.T
    intercept = clf.intercept_
    if len(classes) == 2:  # binary: expand to two columns
        coef = np.hstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    n_text = len(used)
    text_w = coef[:n_text]
    keep = np.abs(text_w).max(axis=1) > 1e-6
    return PageTypeModel(
        classes=classes, columns=used[keep].astype(np.int64), text_weights=text_w[keep],
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
    x_text = _VECTORIZER.transform([_payload(d) for d in documents]).tocsr()
    x_struct = np.array([structural(d, r) for d, r in zip(documents, records)])
    model = _fit(x_text, x_struct, y, classes, c, seed)
    if groups is not None and len(set(groups)) >= 3:
        from sklearn.model_selection import GroupKFold

        logits = np.zeros((len(y), len(classes)))
        for tr, te in GroupKFold(n_splits=min(5, len(set(groups)))).split(y, y, list(groups)):
            if len(set(y[tr])) < len(classes):
                continue
            fold = _fit(x_text[tr], x_struct[tr], y[tr], classes, c, seed)
            logits[te] = fold.decision([documents[i] for i in te], [records[i] for i in te])
        model.temperature = _temperature(logits, y)
    return model


def classify(document: Document, record: PageRecord, model: PageTypeModel | None = None
             ) -> tuple[str, float]:
    """Page type and its probability under ``model`` (the shipped model by default)."""
    label, p = (model or cached_model(None)).predict(document, record)
    return label, round(p, 4)
