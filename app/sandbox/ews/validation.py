"""Every EWS request is checked against Microsoft's schema before it is served, as Exchange does.

Exchange refuses a request that breaks messages.xsd/types.xsd with the soap:Fault ``ErrorSchemaValidation``
(soap.schema_error), naming the line and position of the offending node. A client bug, such as an HTML body
sent unescaped (``<t:Body BodyType="HTML"><p>..</p></t:Body>``: types.xsd makes BodyType text-only), is
therefore refused instead of served with an empty body.

Cost: the schema is compiled once per directory and reused; the already parsed lxml tree is validated in
place (no re-serialising). xmlschema decodes xs:base64Binary in pure Python (about a second per MB), so a
large attachment's base64 is checked with binascii while a short stand-in takes its place for the schema;
structure and every other value are still validated. The exact position is only worked out for a refused
request (a second, expat pass over the raw bytes), so a valid request pays nothing for it.
"""

from __future__ import annotations

import binascii
import contextlib
import os
import re
import threading
import xml.parsers.expat

from lxml import etree

from .soap import M_NS, T_NS, schema_error

#: The schema shipped with the sandbox (schema/PROVENANCE.md).
BUNDLED_SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema")

_SCHEMAS: dict[str, object] = {}
_LOCK = threading.Lock()
#: Where the schema's base64 values are, by (grandparent, parent, element), None for any: the names alone would
#: not do, as the schema declares some of them more than once with other types (t:Data is also an insight value's
#: xs:string, in an element that is also named t:Item, and an EncryptedDataContainerType; t:Content is also an
#: InsightContent), and a big xs:string must not be judged as base64. t:MimeContent is declared once (a string
#: EWS fills with base64), so any one is. UploadItems' t:Item is the only t:Item inside an m:Items with a t:Data.
_BASE64_PATHS = (
    (None, None, f"{{{T_NS}}}MimeContent"),
    (None, f"{{{T_NS}}}FileAttachment", f"{{{T_NS}}}Content"),
    (f"{{{M_NS}}}Items", f"{{{T_NS}}}Item", f"{{{T_NS}}}Data"),
    (None, f"{{{M_NS}}}ExportItemsResponseMessage", f"{{{M_NS}}}Data"),
    (None, f"{{{M_NS}}}UserConfiguration", f"{{{T_NS}}}XmlData"),
    (None, f"{{{M_NS}}}UserConfiguration", f"{{{T_NS}}}BinaryData"),
)
_BASE64_TAGS = tuple({path[2] for path in _BASE64_PATHS})
_BIG = 64 * 1024
_SPACE = re.compile(r"[ \t\r\n]+")  # XML whitespace only
_VERSION_HEADER = f"{{{T_NS}}}RequestServerVersion"
_VIOLATION_CHARS = 400


def default_dir() -> str | None:
    """The bundled schema directory when requests can be validated against it here, else None: the
    schema library (xmlschema) is a development and test dependency, which Dispatch's installed package (its
    self-test runs this sandbox) does not ship, nor these files."""
    if not os.path.exists(os.path.join(BUNDLED_SCHEMA_DIR, "messages.xsd")):
        return None
    try:
        import xmlschema  # noqa: F401
    except ImportError:
        return None
    return BUNDLED_SCHEMA_DIR


def warm(schema_dir: str) -> None:
    """Compile ``schema_dir``'s schema in the background (a few seconds, once per process), so that the
    first request does not wait for all of it."""
    if schema_dir not in _SCHEMAS:
        threading.Thread(target=compiled, args=(schema_dir,), name="ews-schema", daemon=True).start()


def compiled(schema_dir: str):
    """messages.xsd in ``schema_dir``, compiled once per process."""
    with _LOCK:
        if schema_dir not in _SCHEMAS:
            import xmlschema

            # validation="lax" relaxes only the building of the schema *document*: Microsoft's types.xsd
            # breaks the Unique Particle Attribution rule (a few time-zone content models), so a strict
            # build (and libxml2's) refuses it. Instances are still validated strictly.
            _SCHEMAS[schema_dir] = xmlschema.XMLSchema10(os.path.join(schema_dir, "messages.xsd"),
                                                         validation="lax")
        return _SCHEMAS[schema_dir]


def validate(schema_dir: str, raw: bytes, header, req) -> None:
    """Raise ErrorSchemaValidation (with line and position in ``raw``) unless the operation ``req`` and
    every soap:Header child in the EWS types namespace are valid."""
    schema = compiled(schema_dir)
    parts = [(schema, req)] + [(_declaration(schema, c), c) for c in (header if header is not None else ())
                               if _in_types_ns(c)]
    for decl, part in parts:
        err = _undeclared(part) if decl is None else _first_error(decl, part)
        if err is not None:
            reason, node = err
            line, position = _position(raw, req.getroottree().getroot(), node)
            raise schema_error(reason[:_VIOLATION_CHARS], line, position)


def _in_types_ns(el) -> bool:
    """A header EWS defines, other than t:RequestServerVersion: its Version is checked by soap.py's
    requested_version, which answers an unknown one with ErrorInvalidServerVersion (the code Microsoft
    documents for "the requested server version is invalid")."""
    return isinstance(el.tag, str) and el.tag.startswith(f"{{{T_NS}}}") and el.tag != _VERSION_HEADER


def _declaration(schema, header_child):
    """The global element of types.xsd that a soap:Header child must match (None: not declared)."""
    return schema.maps.elements.get(header_child.tag)


def _undeclared(el):
    name = etree.QName(el)
    return (f"The element '{name.localname}' in namespace '{name.namespace}' is not declared in the schema.",
            el)


def _first_error(schema, part):
    """(reason, offending element of ``part``'s tree) of the first violation, or None. ``schema``: the
    compiled schema, or a header element's declaration."""
    with _small_base64(part) as bad:
        if bad:
            return bad[0]
        # the request's own prefixes, for QName values such as xsi:type="t:AlternateIdType" (ConvertId)
        prefixes = {k: v for k, v in part.nsmap.items() if k}
        for err in schema.iter_errors(part, namespaces=prefixes):
            elem = err.elem if etree.iselement(getattr(err, "elem", None)) else None
            if elem is None:
                return str(err.reason or err.message), part
            return _violation(elem, str(err.reason or err.message), getattr(err, "index", None))
    return None


@contextlib.contextmanager
def _small_base64(part):
    """While the schema looks at ``part``: each big base64 value checked here and replaced by a short valid
    stand-in (put back afterwards; the tree is this request's alone). Yields the (reason, element) of any
    that is not base64."""
    swapped, bad = [], []
    for el in part.iter(*_BASE64_TAGS):
        text = el.text
        if text is None or len(text) <= _BIG or not _is_base64_place(el):
            continue
        if not _is_base64(text):
            bad.append((f"The '{etree.QName(el).localname}' element is invalid - The value is invalid according "
                        "to its datatype 'http://www.w3.org/2001/XMLSchema:base64Binary'.", el))
        swapped.append((el, text))
        el.text = "AAAA"
    try:
        yield bad
    finally:
        for el, text in swapped:
            el.text = text


def _is_base64_place(el) -> bool:
    parent = el.getparent()
    grandparent = parent.getparent() if parent is not None else None
    tags = (grandparent.tag if grandparent is not None else None, parent.tag if parent is not None else None, el.tag)
    return any(all(want is None or want == got for want, got in zip(path, tags)) for path in _BASE64_PATHS)


def _is_base64(text: str) -> bool:
    """xs:base64Binary's lexical rule, in C: the alphabet with whitespace anywhere and correct padding."""
    for candidate in (text, None):  # as sent (clients send it unbroken), else without its whitespace
        if candidate is None:
            candidate = "".join(_SPACE.split(text))
        try:
            binascii.a2b_base64(candidate, strict_mode=True)
            return True
        except (binascii.Error, ValueError):
            continue
    return False


def _violation(elem, reason: str, index: int | None = None):
    """(Violation text, node it is about), worded as .NET's validator words it where the sandbox knows how;
    otherwise xmlschema's reason after the element's name (docs/sandbox.md: the wording differs). ``index``:
    the child xmlschema's children check stopped at (it reports the parent; .NET the child itself)."""
    name = etree.QName(elem)
    children = list(elem.iterchildren(etree.Element))
    if index is not None and 0 <= index < len(children) and "nexpected child" in reason:
        child = etree.QName(children[index])
        return (f"The element '{name.localname}' in namespace '{name.namespace}' has invalid child element "
                f"'{child.localname}' in namespace '{child.namespace or ''}'.", children[index])
    first = next(elem.iterchildren(etree.Element), None)
    if first is not None and "simple content" in reason:  # e.g. an unescaped HTML body: at its first child
        child = etree.QName(first)
        return (f"The element '{name.localname}' in namespace '{name.namespace}' cannot contain child element "
                f"'{child.localname}' in namespace '{child.namespace or ''}' because the parent element's "
                "content model is text only.", first)
    return f"The element '{name.localname}' in namespace '{name.namespace}' is invalid - {reason}", elem


def _with_small_base64(part):
    """``part`` itself, or a copy whose big base64 values are replaced by a valid stand-in once checked;
    and the (reason, element) of any that is not base64."""
    big = [el for el in part.iter(*_BASE64_TAGS) if el.text and len(el.text) > _BIG]
    if not big:
        return part, []
    bad = []
    for el in big:
        try:
            base64.b64decode("".join(el.text.split()), validate=True)
        except (binascii.Error, ValueError):
            bad.append((f"The '{etree.QName(el).localname}' element is invalid - The value is invalid "
                        "according to its datatype 'http://www.w3.org/2001/XMLSchema:base64Binary'.", el))
    clone = copy.deepcopy(part)
    for el in clone.iter(*_BASE64_TAGS):
        if el.text and len(el.text) > _BIG:
            el.text = "AAAA"
    return clone, bad


def _elements(root) -> list:
    return list(root.iter(etree.Element))


def _position(raw: bytes, envelope, node) -> tuple[int, int]:
    """Line and position of ``node``'s start tag in ``raw``, as .NET's XmlReader reports an element (1-based
    line; position of the first character of its name, 1-based), or (0, 0) when it cannot be found."""
    try:
        index = _elements(envelope).index(node)
    except ValueError:
        return 0, 0
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    seen, found = [0], []

    def start(_name, _attrs):
        if seen[0] == index:
            found.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 2))  # 0-based '<' -> name
            raise _Found()
        seen[0] += 1

    parser.StartElementHandler = start
    try:
        parser.Parse(raw, True)
    except (_Found, xml.parsers.expat.ExpatError):
        pass
    return found[0] if found else (0, 0)


class _Found(Exception):
    pass


__all__ = ["BUNDLED_SCHEMA_DIR", "compiled", "default_dir", "validate", "warm"]
