"""payscrape: typed, evidence-carrying salary records from scraped salary and career pages."""

from .api import extract, extract_document, extract_file
from .classify import PageTypeModel, load_model, train
from .config import Config
from .document import Block, Document, Explanation
from .errors import (
    DecodeFailure,
    EmptyInput,
    InputTooLarge,
    InternalError,
    ModelError,
    NotAPage,
    PageTimeout,
    PayscrapeError,
    ReaderError,
)
from .frames import from_jsonl, to_frames
from .normalise import normalise
from .records import (
    Certification,
    ErrorInfo,
    ExperienceBand,
    LocationPremium,
    Mention,
    PageRecord,
    Salary,
    SeniorityShare,
    Skill,
    YearsRange,
)
from .render import render

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Certification",
    "Config",
    "DecodeFailure",
    "Document",
    "EmptyInput",
    "ErrorInfo",
    "ExperienceBand",
    "Explanation",
    "InputTooLarge",
    "InternalError",
    "LocationPremium",
    "Mention",
    "ModelError",
    "NotAPage",
    "PageRecord",
    "PageTimeout",
    "PageTypeModel",
    "PayscrapeError",
    "ReaderError",
    "Salary",
    "SeniorityShare",
    "Skill",
    "YearsRange",
    "__version__",
    "extract",
    "extract_document",
    "extract_file",
    "from_jsonl",
    "load_model",
    "normalise",
    "render",
    "to_frames",
    "train",
]
