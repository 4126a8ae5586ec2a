"""HTML to blocks with lxml: structure kept, boilerplate set aside, scripts never read."""

from __future__ import annotations

from typing import Any

import regex
from lxml import etree

from .builder import TextBuilder, clean_inline

#: Elements whose content is never text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "select", "option", "textarea", "input", "button", "audio", "video",
    "source", "track", "map", "link", "meta", "picture", "img", "datalist", "base", "param",
})
#: Elements that are page furniture rather than content.
BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "form", "dialog", "menu"})
HEADING_TAGS = {**{f"h{i}": i for i in range(1, 7)}, "summary": 4}
LIST_ITEM_TAGS = frozenset({"li", "dt", "dd"})
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "center", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "header", "hr", "html", "main", "ol", "p", "section",
    "ul", "caption", "legend", "tr", "td", "th", "tbody", "thead", "tfoot", "table", "pre",
    "hgroup", "search",
})
#: class/id tokens of boilerplate containers.
BOILERPLATE_CLASS = regex.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|cookies?|consent|gdpr|"
    r"adverts?|advertisement|ads?|adsense|adslot|sponsor(?:ed)?|promo(?:tion)?s?|affiliates?|"
    r"disclosure|disclaimer-ad|related|recommended|newsletter|subscribe|subscription|signup|"
    r"share|sharing|social|breadcrumbs?|comments?|popup|modal|toolbar|masthead|skip-link|"
    r"pagination|author-bio|outbrain|taboola|partner-offers?|offers?|upsell|cta)(?:$|[\s_-])",
    regex.I,
)
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_NEVER_BOILERPLATE = frozenset({"html", "body", "main", "article"})
_DIGITISH = regex.compile(r"[\d$€£¥₹]")


def make_parser() -> etree.HTMLParser:
    """An HTML parser that never touches the network and keeps no comments.

    Plain ``etree`` elements (not ``lxml.html``'s) spare a Python class lookup per element.
    """
    return etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True,
        compact=True, default_doctype=False, collect_ids=False, huge_tree=False,
    )


_PARSER = make_parser()


def parse_html(markup: str) -> Any:
    """Parse markup into an lxml tree (``None`` when there is nothing to parse)."""
    markup = regex.sub(r"^\s*<\?xml[^>]*>", "", markup, count=1)
    if not markup.strip():
        return None
    try:
        tree = etree.fromstring(markup, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return tree


def _tag(el: Any) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None
    return tag.lower().rpartition("}")[2]


def is_hidden(el: Any) -> bool:
    """True for elements a browser would not show."""
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return (get("type") or "").lower() == "hidden"


def is_boilerplate(el: Any, tag: str) -> bool:
    """True for navigation, footers, ads, cookie banners and the like."""
    if tag in _NEVER_BOILERPLATE:
        return False
    if tag in BOILERPLATE_TAGS:
        return True
    role = (el.get("role") or "").lower()
    if role in {"navigation", "contentinfo", "complementary", "banner", "search", "dialog"}:
        return not _has_h1(el)
    if tag == "header":
        return not _has_h1(el) and el.find(".//nav") is not None or _outside_content(el)
    names = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if names and BOILERPLATE_CLASS.search(names):
        return not _has_h1(el)
    return False


def _has_h1(el: Any) -> bool:
    return el.find(".//h1") is not None


def _outside_content(el: Any) -> bool:
    parent = el.getparent()
    return parent is not None and _tag(parent) == "body" and not _has_h1(el)


class _Walker:
    def __init__(self, builder: TextBuilder, max_depth: int, detect: bool = True) -> None:
        self.b = builder
        self.detect = detect
        self.max_depth = max_depth
        self.buf: list[str] = []
        self.kind = ["paragraph"]
        self.boilerplate: list[str] = []

    # -- inline text ---------------------------------------------------------
    def _push(self, text: str | None, boundary: bool = False) -> None:
        if not text:
            return
        if boundary and self.buf:
            # "<span>88,000</span><span>75,000</span>", "<span>Median</span><span>$68,000</span>"
            # must not run together; "$118,<wbr>000" and "<sup>.85</sup>" must stay whole
            prev = self.buf[-1]
            if prev and (prev[-1].isalnum() or prev[-1] == ")") and _DIGITISH.match(text[0]):
                self.buf.append(" ")
        self.buf.append(text)

    def flush(self) -> None:
        if self.buf:
            self.b.add(self.kind[-1], "".join(self.buf))  # type: ignore[arg-type]
            self.buf = []

    def _link_farm(self, el: Any, tag: str) -> bool:
        if tag not in _LINK_CONTAINERS or _LINKS(el) < MIN_LINKS:
            return False
        chars = _text_len(el)
        link_chars = sum(_text_len(a) for a in el.iter("a"))
        return chars > 0 and link_chars >= LINK_DENSITY * chars

    # -- walking -------------------------------------------------------------
    def walk(self, el: Any, depth: int = 0) -> None:
        tag = _tag(el)
        if tag is None or tag in SKIP_TAGS or is_hidden(el):
            self._push(el.tail, boundary=True)
            return
        if depth > self.max_depth:
            self._push(" ".join(el.itertext()), boundary=True)
            self._push(el.tail)
            return
        if self.detect and (is_boilerplate(el, tag) or self._link_farm(el, tag)):
            self.flush()
            text = _plain_text(el)
            if text:
                self.boilerplate.append(text)
            self._push(el.tail, boundary=True)
            return
        if tag in HEADING_TAGS:
            self.flush()
            self.b.add("heading", " ".join(_visible_text(el)), level=HEADING_TAGS[tag])
            self._push(el.tail)
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self._table(el)
            self._push(el.tail)
            return
        if tag == "br":
            self.buf.append("\n")
            self._push(el.tail)
            return
        if tag == "pre":
            self.flush()
            for line in "".join(_visible_text(el)).splitlines():
                self.b.add("pre", line)
            self._push(el.tail)
            return
        if tag in LIST_ITEM_TAGS or tag in BLOCK_TAGS:
            self.flush()
            inherited = "list_item" if self.kind[-1] == "list_item" else "paragraph"
            self.kind.append("list_item" if tag in LIST_ITEM_TAGS else inherited)
            self._push(el.text)
            for child in el:
                self.walk(child, depth + 1)
            self.flush()
            self.kind.pop()
            self._push(el.tail)
            return
        # inline element
        self._push(el.text, boundary=True)
        for child in el:
            self.walk(child, depth + 1)
        self._push(el.tail, boundary=True)

    def _table(self, table: Any) -> None:
        index = self.b.new_table()
        caption = table.find("caption")
        if caption is not None:
            self.b.add("paragraph", " ".join(_visible_text(caption)))
        for tr in table.iter("tr"):
            if _nearest_table(tr) is not table:
                continue
            cells = [c for c in tr if _tag(c) in {"td", "th"}]
            if not cells:
                continue
            parent = tr.getparent()
            header = all(_tag(c) == "th" for c in cells) or (
                parent is not None and _tag(parent) == "thead"
            )
            self.b.add_row([_cell_text(c) for c in cells], table=index, header=header)


def _nearest_table(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and _tag(parent) != "table":
        parent = parent.getparent()
    return parent


def _is_layout_table(table: Any) -> bool:
    for el in table.iter():
        tag = _tag(el)
        if tag in HEADING_TAGS or (tag == "table" and el is not table):
            return True
    return False


def _visible_text(el: Any) -> list[str]:
    """Text of an element, leaving out scripts, styles and hidden descendants."""
    out: list[str] = []

    def rec(node: Any, top: bool) -> None:
        tag = _tag(node)
        if tag is None or tag in SKIP_TAGS or is_hidden(node):
            if not top and node.tail:
                out.append(node.tail)
            return
        if tag == "br":
            out.append("\n")
        elif tag in BLOCK_TAGS or tag in LIST_ITEM_TAGS:
            out.append(" ")
        if node.text:
            out.append(node.text)
        for child in node:
            rec(child, False)
        if tag in BLOCK_TAGS or tag in LIST_ITEM_TAGS:
            out.append(" ")
        if not top and node.tail:
            out.append(node.tail)

    rec(el, True)
    return out


def _cell_text(cell: Any) -> str:
    """Cell text with its inner blocks (list items, paragraphs, line breaks) kept apart."""
    parts: list[str] = []
    current: list[str] = []

    def cut() -> None:
        text = clean_inline("".join(current)).replace("\n", " ")
        if text:
            parts.append(text)
        current.clear()

    def rec(node: Any, top: bool) -> None:
        tag = _tag(node)
        if tag is None or tag in SKIP_TAGS or is_hidden(node):
            if not top and node.tail:
                current.append(node.tail)
            return
        block = tag == "br" or tag in BLOCK_TAGS or tag in LIST_ITEM_TAGS
        if block and not top:
            cut()
        if node.text:
            current.append(node.text)
        for child in node:
            rec(child, False)
        if block and not top:
            cut()
        if not top and node.tail:
            current.append(node.tail)

    rec(cell, True)
    cut()
    return "; ".join(parts)


def _plain_text(el: Any) -> str:
    """All text under ``el`` (scripts and styles are already stripped), whitespace collapsed."""
    return clean_inline(" ".join(el.itertext()))


_TEXT_LEN = etree.XPath("string-length(normalize-space(.))")


def _text_len(el: Any) -> int:
    return int(_TEXT_LEN(el))


def _main_root(body: Any) -> tuple[Any, list[Any]]:
    """The element holding the main content, and the elements left outside it."""
    mains = body.xpath(".//main | .//*[@role='main']")
    articles = body.xpath(".//article")
    candidates = mains if len(mains) == 1 else articles if len(articles) == 1 else []
    if not candidates:
        return body, []
    root = candidates[0]
    total = _text_len(body)
    inside = _text_len(root)
    if total and inside / total >= 0.25:
        outside = []
        node = root
        while node is not body and node.getparent() is not None:
            parent = node.getparent()
            outside.extend(sib for sib in parent if sib is not node)
            node = parent
        return root, outside
    return body, []


def extract_title(tree: Any) -> str | None:
    """The page's ``<title>`` (else ``og:title``, else the first visible ``<h1>``)."""
    title = tree.find(".//title")
    if title is not None and title.text and title.text.strip():
        return clean_inline(title.text).replace("\n", " ")
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            content = (meta.get("content") or "").strip()
            if content:
                return clean_inline(content).replace("\n", " ")
    for h1 in tree.iter("h1"):
        if is_hidden(h1):
            continue
        text = clean_inline(" ".join(_visible_text(h1))).replace("\n", " ")
        if text:
            return text
    return None


#: Elements removed from the tree before walking: their content is never text.
STRIP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
              "embed", "canvas", "select", "textarea", "audio", "video", "datalist", "map")
#: Containers whose text is mostly link text are navigation (mega-menus, link farms).
LINK_DENSITY = 0.75
MIN_LINKS = 6
_LINKS = etree.XPath("count(.//a)")
_LINK_CONTAINERS = frozenset({"div", "ul", "ol", "section", "table", "tbody", "dl", "p", "span"})


def parse_blocks(tree: Any, builder: TextBuilder, *, max_depth: int,
                 remove_boilerplate: bool) -> list[str]:
    """Walk the tree into ``builder``; return the boilerplate texts set aside."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    etree.strip_elements(body, *STRIP_TAGS, with_tail=False)
    walker = _Walker(builder, max_depth, detect=remove_boilerplate)
    if not remove_boilerplate:
        walker.walk(body)
        walker.flush()
        return []
    root, outside = _main_root(body)
    for el in outside:
        if _tag(el) in SKIP_TAGS:
            continue
        text = _plain_text(el)
        if text:
            walker.boilerplate.append(text)
    walker.walk(root)
    walker.flush()
    return walker.boilerplate
