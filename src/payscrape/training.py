"""Training and cross-validating the page-type model on labelled pages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .api import extract_document, read_page_bytes
from .classify import CLASSES, PageTypeModel, train
from .document import Document
from .evaluate import golden_pairs
from .normalise import normalise
from .records import PageRecord


@dataclass(slots=True)
class Labelled:
    """Pages, their records, labels and site groups."""

    documents: list[Document] = field(default_factory=list)
    records: list[PageRecord] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CVResult:
    """Grouped cross-validation outcome."""

    accuracy: float | None = None
    confusion: list[list[int]] = field(default_factory=list)
    per_class: dict[str, tuple[float, float]] = field(default_factory=dict)
    folds: int = 0
    n: int = 0
    mistakes: list[str] = field(default_factory=list)


def load_labelled(root: str | Path) -> Labelled:
    """Every page under ``root`` whose golden file states a ``page_type``."""
    out = Labelled()
    for page, golden_path in golden_pairs(root):
        golden = json.loads(golden_path.read_text("utf-8"))
        label = golden.get("page_type")
        if label not in CLASSES:
            continue
        doc = normalise(read_page_bytes(page), url=None)
        # structural features read the record; classify with a neutral placeholder model
        rec = extract_document(doc, source=str(page), model=_NullModel())  # type: ignore[arg-type]
        out.documents.append(doc)
        out.records.append(rec)
        out.labels.append(label)
        site = (golden.get("_meta") or {}).get("site") or f"{page.parent.name}/{page.stem}"
        out.groups.append(str(site))
        out.paths.append(str(page))
    return out


class _NullModel:
    def predict(self, document: Document, record: PageRecord) -> tuple[str, float]:
        return "other", 0.0


def cross_validate(data: Labelled, folds: int = 5) -> CVResult:
    """Grouped k-fold: pages of one site template never in both train and test."""
    from sklearn.model_selection import GroupKFold

    res = CVResult(n=len(data.labels))
    k = min(folds, len(set(data.groups)))
    if k < 2:
        return res
    y = np.array(data.labels)
    pred = np.empty(len(y), dtype=object)
    for train_idx, test_idx in GroupKFold(n_splits=k).split(y, y, data.groups):
        if len(set(y[train_idx])) < 2:
            pred[test_idx] = y[train_idx][0]
            continue
        m = train([data.documents[i] for i in train_idx], [data.records[i] for i in train_idx],
                  [data.labels[i] for i in train_idx])
        probs = m.predict_proba([data.documents[i] for i in test_idx],
                                [data.records[i] for i in test_idx])
        for i, p in zip(test_idx, probs):
            pred[i] = m.classes[int(np.argmax(p))]
    res.folds = k
    res.accuracy = float(np.mean(pred == y))
    res.confusion = [[int(np.sum((y == a) & (pred == b))) for b in CLASSES] for a in CLASSES]
    for c in CLASSES:
        tp = int(np.sum((y == c) & (pred == c)))
        p_den = int(np.sum(pred == c))
        r_den = int(np.sum(y == c))
        res.per_class[c] = (tp / p_den if p_den else 0.0, tp / r_den if r_den else 0.0)
    res.mistakes = [f"{data.paths[i]}: {y[i]} → {pred[i]}" for i in range(len(y)) if pred[i] != y[i]]
    return res


def train_from_dir(root: str | Path, *, cv: bool = True) -> tuple[PageTypeModel, CVResult]:
    """Train on every labelled page under ``root``; optionally cross-validate first."""
    data = load_labelled(root)
    if len(set(data.labels)) < 2:
        raise ValueError(f"{root}: need labelled pages of at least two page types")
    result = cross_validate(data) if cv else CVResult(n=len(data.labels))
    return train(data.documents, data.records, data.labels, groups=data.groups), result


def report(res: CVResult) -> str:
    """Accuracy, per-class precision/recall and the confusion matrix."""
    if res.accuracy is None:
        return f"{res.n} labelled pages (no cross-validation)"
    lines = [f"grouped {res.folds}-fold cross-validation on {res.n} pages: "
             f"accuracy {res.accuracy:.3f}", "", f"{'class':<16}{'precision':>10}{'recall':>8}"]
    for c, (p, r) in res.per_class.items():
        lines.append(f"{c:<16}{p:>10.3f}{r:>8.3f}")
    lines += ["", "confusion (rows = truth, columns = predicted): " + ", ".join(CLASSES)]
    for c, row in zip(CLASSES, res.confusion):
        lines.append(f"{c:<16}" + "".join(f"{v:>8}" for v in row))
    if res.mistakes:
        lines += ["", "misclassified:"] + [f"  {m}" for m in res.mistakes]
    return "\n".join(lines)
