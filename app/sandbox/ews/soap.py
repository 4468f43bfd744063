"""SOAP 1.1 envelope handling for the sandbox: namespaces, element helpers, faults, value formats."""

from __future__ import annotations

import base64
import binascii
import io
import re

from lxml import etree

from ..core import clock
from ..core.errors import MailboxError
from ..core.model import XS_INT

S_NS = "http://schemas.xmlsoap.org/soap/envelope/"
M_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
E_NS = "http://schemas.microsoft.com/exchange/services/2006/errors"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"s": S_NS, "m": M_NS, "t": T_NS}

SERVER_VERSION = {
    "MajorVersion": "15",
    "MinorVersion": "1",
    "MajorBuildNumber": "2507",
    "MinorBuildNumber": "6",
    "Version": "V2016_10_10",
}
# ExchangeVersionType enumeration (types.xsd)
EXCHANGE_VERSIONS = (
    "Exchange2007", "Exchange2007_SP1", "Exchange2009", "Exchange2010", "Exchange2010_SP1",
    "Exchange2010_SP2", "Exchange2012", "Exchange2013", "Exchange2013_SP1", "Exchange2015",
    "Exchange2016", "V2015_10_05", "V2016_01_06", "V2016_04_13", "V2016_07_13", "V2016_10_10",
)

#: Structural limits of a request, enforced while it is parsed (parse_envelope), so that no request builds
#: more than a bounded tree, and nothing downstream (the schema check, the restriction compiler) meets more.
#: Exchange runs EWS on WCF, whose reader quotas exist for exactly this ("The complexity constraints protect
#: against a class of denial of service (DOS) attacks that attempt to use message complexity to tie up
#: endpoint processing resources", learn.microsoft.com, WebMessageEncodingBindingElement.ReaderQuotas); the
#: numbers Exchange configures are not published, so these are the sandbox's, each far above what a client
#: sends (exchangelib's largest requests: 100 items a batch; a message to 1,000 recipients is about 3,000
#: elements). Beyond one: ErrorSchemaValidation, as for any request the server will not read.
#: Deepest element nesting a request may have (s:Envelope is depth 1). EWS requests are shallow (an UpdateItem
#: recipient is at depth ~11); a deeper document is refused before any code walks it recursively (restriction
#: compiler, schema validation). libxml2 alone would accept up to 2048 levels with huge_tree.
MAX_DEPTH = 256
#: Elements in one request: the schema library's check of a list of invalid siblings costs time quadratic in
#: their number (150,000 took minutes), and every element costs memory until the answer is sent.
MAX_ELEMENTS = 10_000
#: Attributes (namespace declarations not counted) on one element: EWS's elements have at most a handful; the
#: schema library's report of undeclared attributes costs time quadratic in their number (20,000: 39 s).
MAX_ATTRIBUTES = 64
_XS_INTEGER = re.compile(r"[+-]?0*[0-9]{1,19}")
_XS_SPACE = re.compile(r"[ \t\r\n]+")  # XML whitespace only (str.split() would also drop U+00A0 and more)


def m(tag: str) -> str:
    return f"{{{M_NS}}}{tag}"


def t(tag: str) -> str:
    return f"{{{T_NS}}}{tag}"


def local(el) -> str:
    return etree.QName(el).localname


def ns(el) -> str:
    return etree.QName(el).namespace or ""


def sub(parent, tag: str, text=None, **attrs):
    el = etree.SubElement(parent, tag)
    for k, v in attrs.items():
        if v is not None:
            el.set(k, v)
    if text is not None:
        el.text = text
    return el


class SoapFault(Exception):
    """A request-level failure answered with soap:Fault (HTTP 500)."""

    def __init__(self, code: str, message: str, *, faultcode: str | None = None, message_xml=None, status=500,
                 detail_message: str | None = None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message  # soap:faultstring (and e:Message unless detail_message is given)
        self.detail_message = detail_message or message
        self.faultcode = faultcode or ("a:" + code)
        self.message_xml = message_xml or []  # list of (local name, text, attrs)
        self.status = status




def schema_error(text: str, line: int = 0, position: int = 0) -> SoapFault:
    """ErrorSchemaValidation as Microsoft documents it (learn.microsoft.com, EWS reference, e.g. the
    FindConversation operation's "error response" example): faultstring "The request failed schema
    validation: <violation>", e:Message "The request failed schema validation." and t:MessageXml holding
    t:LineNumber, t:LinePosition (of the offending node; 0 when there is none) and t:Violation."""
    return SoapFault(
        "ErrorSchemaValidation",
        "The request failed schema validation: " + text,
        detail_message="The request failed schema validation.",
        message_xml=[("LineNumber", str(line), {}), ("LinePosition", str(position), {}), ("Violation", text, {})],
    )


def required_children(req, tag: str) -> list:
    """The children of req's m:<tag>, which must be present and non-empty (else ErrorSchemaValidation)."""
    box = req.find(m(tag))
    if box is None or len(box) == 0:
        raise schema_error(f"The element '{local(req)}' has incomplete content: '{tag}' expected.")
    return list(box)


def parse_envelope(raw: bytes):
    """Return (header element or None, first body child). Raises SoapFault on malformed requests."""
    try:
        root = _parse_within_limits(raw)
    except etree.XMLSyntaxError as e:
        raise schema_error(f"The request is not well-formed XML ({e}).") from None
    if root.getroottree().docinfo.doctype:
        raise schema_error("DTDs are not allowed in requests.")
    if root.tag != f"{{{S_NS}}}Envelope":
        raise schema_error("The root element is not a SOAP 1.1 Envelope.")
    header = root.find(f"{{{S_NS}}}Header")
    body = root.find(f"{{{S_NS}}}Body")
    if body is None or len(body) == 0:
        raise schema_error("The SOAP Body is missing or empty.")
    if len(body) > 1:
        raise schema_error("The SOAP Body holds more than one element.")
    return header, body[0]


def _parse_within_limits(raw: bytes):
    """The request's root element, parsed by libxml2 (no entities resolved, no network) while its depth,
    element count and attributes are counted: ErrorSchemaValidation as soon as one is over its limit, so the
    tree never holds more than the limits allow (the start tag that is over MAX_ATTRIBUTES is the one
    exception: libxml2 reads it whole, which is linear in its size, itself bounded by the request size)."""
    depth = elements = 0
    events = etree.iterparse(io.BytesIO(raw), events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=True, remove_comments=True)
    for event, el in events:
        if event == "end":
            depth -= 1
            continue
        depth, elements = depth + 1, elements + 1
        if depth > MAX_DEPTH:
            raise schema_error(f"The request exceeds the maximum element depth of {MAX_DEPTH}.")
        if elements > MAX_ELEMENTS:
            raise schema_error(f"The request exceeds the maximum of {MAX_ELEMENTS} elements.")
        if len(el.attrib) > MAX_ATTRIBUTES:
            raise schema_error(f"The element '{etree.QName(el).localname[:100]}' has more than {MAX_ATTRIBUTES} "
                               "attributes.")
    return events.root


def requested_version(header) -> str:
    """Process the request's SOAP header (called once per request, after the body passed its checks): the
    RequestServerVersion it asks for, and no ExchangeImpersonation (check_impersonation)."""
    v = "Exchange2007_SP1"
    el = header.find(t("RequestServerVersion")) if header is not None else None
    if el is not None:
        v = el.get("Version")
        if v not in EXCHANGE_VERSIONS:
            # What Exchange says (exchangelib's version guess then retries with an older version).
            raise SoapFault("ErrorInvalidServerVersion", "The specified server version is invalid.")
    check_impersonation(header)
    return v


CONNECTING_SID = ("PrincipalName", "SID", "PrimarySmtpAddress", "SmtpAddress")  # ConnectingSIDType's choice


def check_impersonation(header) -> None:
    """A t:ExchangeImpersonation header is always refused: using it needs the ApplicationImpersonation role
    (the ms-Exch-EPI-Impersonation right), and no sandbox user holds it, not even to impersonate itself.
    Exchange answers ErrorImpersonationDenied as a SOAP fault (HTTP 500). A malformed header (types.xsd:
    one ConnectingSID holding exactly one non-empty PrincipalName, SID, PrimarySmtpAddress or SmtpAddress)
    is ErrorSchemaValidation."""
    if header is None:
        return
    for imp in header.iter(t("ExchangeImpersonation")):
        kids = list(imp)
        sid = kids[0] if len(kids) == 1 and kids[0].tag == t("ConnectingSID") else None
        who = list(sid) if sid is not None else []
        if len(who) != 1 or ns(who[0]) != T_NS or local(who[0]) not in CONNECTING_SID or len(who[0]) \
                or not (who[0].text or "").strip():
            raise schema_error("The element 'ExchangeImpersonation' must hold one ConnectingSID naming one "
                               "account (PrincipalName, SID, PrimarySmtpAddress or SmtpAddress).")
        raise SoapFault("ErrorImpersonationDenied",
                        "The account does not have permission to use Exchange Impersonation on this server.")


def _envelope(with_header: bool = True):
    env = etree.Element(f"{{{S_NS}}}Envelope", nsmap={"s": S_NS})
    if with_header:
        hdr = sub(env, f"{{{S_NS}}}Header")
        info = etree.SubElement(hdr, t("ServerVersionInfo"), nsmap={"h": T_NS})
        for k, v in SERVER_VERSION.items():
            info.set(k, v)
    body = sub(env, f"{{{S_NS}}}Body")
    return env, body


def response_root(op: str):
    """The m:<Op>Response element (detached); its ResponseMessages child is created by the caller."""
    return etree.Element(m(op + "Response"), nsmap={"m": M_NS, "t": T_NS})


def serialize(resp_el) -> bytes:
    env, body = _envelope()
    body.append(resp_el)
    return etree.tostring(env, xml_declaration=True, encoding="utf-8")


# Faults Exchange sends without t:ServerVersionInfo: the request was refused before it was processed (as
# captured from Exchange Online for the impersonation faults, e.g. github.com/OfficeDev/ews-managed-api/issues/223).
HEADERLESS_FAULTS = ("ErrorSchemaValidation", "ErrorImpersonationDenied", "ErrorImpersonateUserDenied")


def fault_body(f: SoapFault) -> bytes:
    env, body = _envelope(with_header=f.code not in HEADERLESS_FAULTS)
    fault = sub(body, f"{{{S_NS}}}Fault")
    code = etree.SubElement(fault, "faultcode", nsmap={"a": T_NS})
    code.text = f.faultcode
    fs = sub(fault, "faultstring", f.message)
    fs.set("{http://www.w3.org/XML/1998/namespace}lang", "en-US")
    detail = sub(fault, "detail")
    etree.SubElement(detail, f"{{{E_NS}}}ResponseCode", nsmap={"e": E_NS}).text = f.code
    etree.SubElement(detail, f"{{{E_NS}}}Message", nsmap={"e": E_NS}).text = f.detail_message
    if f.message_xml:
        mx = etree.SubElement(detail, t("MessageXml"), nsmap={"t": T_NS})
        for name, text, attrs in f.message_xml:
            sub(mx, t(name), text, **attrs)
    return etree.tostring(env, xml_declaration=True, encoding="utf-8")


def response_message(parent, op: str, code: str = "NoError", text: str | None = None, klass: str | None = None):
    """Append m:<op>ResponseMessage with ResponseClass/MessageText/ResponseCode and return it."""
    if klass is None:  # ErrorBatchProcessingStopped is a warning: the items after it were not processed (budget.py)
        klass = "Success" if code == "NoError" else "Warning" if code == "ErrorBatchProcessingStopped" else "Error"
    rm = sub(parent, m(op + "ResponseMessage"), ResponseClass=klass)
    if text is not None:
        sub(rm, m("MessageText"), text)
    sub(rm, m("ResponseCode"), code)
    if code != "NoError":
        sub(rm, m("DescriptiveLinkKey"), "0")
    return rm


# Response message types whose container element is required even in an error (messages.xsd).
REQUIRED_CONTAINER = {"CreateItem": "Items", "GetItem": "Items", "UpdateItem": "Items", "MoveItem": "Items",
                      "CopyItem": "Items", "CreateAttachment": "Attachments", "GetAttachment": "Attachments"}


def error_message(parent, op: str, err: MailboxError):
    rm = response_message(parent, op, err.code, err.text)
    if op in REQUIRED_CONTAINER:
        sub(rm, m(REQUIRED_CONTAINER[op]))
    return rm


# ---------------- value formats ----------------

def xbool(v) -> str:
    return "true" if v else "false"


def parse_bool(text: str | None, what: str = "boolean") -> bool:
    s = (text or "").strip()
    if s in ("true", "1"):
        return True
    if s in ("false", "0"):
        return False
    raise schema_error(f"The value '{s}' of {what} is invalid according to its datatype 'boolean'.")


def parse_int(text: str | None, what: str = "int") -> int:
    """An xs:int (32-bit): anything else, or out of range, is ErrorSchemaValidation."""
    s = (text or "").strip()
    value = int(s) if _XS_INTEGER.fullmatch(s) else None  # int() alone would take "1_000" or non-ASCII digits
    if value is None or not XS_INT[0] <= value <= XS_INT[1]:
        raise schema_error(f"The value '{(text or '')[:40]}' of {what} is invalid according to its datatype 'int'.")
    return value


def decode_base64(text: str | None, what: str) -> bytes:
    """An xs:base64Binary value: whitespace may separate the characters; the alphabet, the padding and the
    unused bits of the last group are strict (anything else is ErrorSchemaValidation, never decoded
    leniently into other bytes)."""
    packed = _XS_SPACE.sub("", text or "")
    try:
        data = base64.b64decode(packed, validate=True)
    except (binascii.Error, ValueError):
        data = None
    if data is None or base64.b64encode(data).decode("ascii") != packed:
        raise schema_error(f"The value of {what} is invalid according to its datatype 'base64Binary'.")
    return data




def wire_dt(stored: str) -> str:
    """Wire form: whole seconds, 'Z' (what Exchange sends)."""
    return stored[:19] + "Z"


def parse_dt(text: str | None, what: str = "dateTime") -> str:
    s = (text or "").strip()
    try:
        return clock.parse_dt(s)
    except ValueError:  # not a dateTime, or one outside years 1-9999 in UTC (fmt_dt)
        raise schema_error(f"The value '{s[:100]}' of {what} is invalid according to its datatype 'dateTime'.") \
            from None


def check_enum(value: str | None, allowed, what: str) -> str:
    if value not in allowed:
        raise schema_error(f"The value '{value}' of {what} is invalid: the Enumeration constraint failed.")
    return value
