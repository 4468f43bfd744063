"""Schema is law: every SOAP body that crosses the wire in a test is validated against Microsoft's
EWS schema, vendored in tests/resources/ews-schema/ (built once per session).

The sandbox calls ``WireValidator.observe(direction, body)`` for every request it reads and every
response it writes (``Sandbox.default_wire_observer``, chained before any observer a test adds). A sandbox
in another process writes its bodies to the directory named by ``DISPATCH_SANDBOX_WIRE_DUMP``, and
``collect()`` validates them here. Exempt, and counted as skipped: a body the sandbox marks injected (a
fault a test asked for: HTML page, truncated XML) and a request body a test registered with
``expect_broken()`` (that one exchange only; it must occur and must really be invalid). Anything else that
is not a valid SOAP envelope fails the test, as does an error inside the check.

What is checked, per envelope:
- the first child of soap:Body against messages.xsd (the operation or its response);
- every soap:Header child in the EWS types namespace against its global element declaration in
  types.xsd (``t:ServerVersionInfo``, ``t:RequestServerVersion``, ``t:TimeZoneContext``...); a header
  element in that namespace the schema does not declare is a failure;
- a response that is not a soap:Fault must carry ``t:ServerVersionInfo`` (Exchange always sends it);
- a soap:Fault needs faultcode and faultstring; when its ``detail`` is EWS's (errors namespace), it must
  hold exactly one ``e:ResponseCode`` whose value is in ``m:ResponseCodeType`` and an ``e:Message``, and
  ``t:MessageXml`` may only hold what Exchange puts there: ``t:Value Name="..."`` (e.g.
  BackOffMilliseconds) or ErrorSchemaValidation's ``t:LineNumber``/``t:LinePosition``/``t:Violation``.
"""

from __future__ import annotations

import base64
import binascii
import io
import os
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
T_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
M_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
E_NS = "http://schemas.microsoft.com/exchange/services/2006/errors"

_MESSAGE_XML = {"Value", "LineNumber", "LinePosition", "Violation"}

_HERE = Path(__file__).resolve().parent
RESOURCES = _HERE / "resources"
#: Microsoft's EWS schema (messages.xsd, types.xsd, ...). Every reader (the wire validator, the sandbox's
#: ``schema_dir`` in test_protocol.py, the CLI sandbox's ``--schema-dir`` in test_cli.py) uses this one
#: setting. Default: the copy in this repository; ``EWS_SCHEMA_DIR`` may point elsewhere.
SCHEMA_DIR = Path(os.environ.get("EWS_SCHEMA_DIR") or RESOURCES / "ews-schema").resolve()
#: Request bodies exchangelib 5.6.0 sent, one file per composer flow (see its PROVENANCE.md).
CAPTURES_DIR = RESOURCES / "ews-captures"


def load_schema():
    import xmlschema

    # validation="lax" relaxes only the building of the schema *document*: Microsoft's types.xsd breaks
    # the Unique Particle Attribution rule (a few time-zone content models), so a strict build refuses
    # it. Validating instances stays strict: is_valid()/iter_errors() still reject unknown or missing
    # elements and values outside an enumeration.
    return xmlschema.XMLSchema10(str(SCHEMA_DIR / "messages.xsd"), validation="lax")


_DOCTYPE = re.compile(rb"\s*(<\?xml[^>]*\?>)?(\s|<!--.*?-->)*<!DOCTYPE", re.S)
# xs:base64Binary: attachments, MIME, ExportItems' and UploadItems' Data, a user configuration's XmlData/BinaryData,
# by (grandparent, parent, element), None for any: the schema declares t:Data and t:Content elsewhere with other
# types (an insight value's xs:string Data, in an element also named t:Item; an InsightContent), which must not be
# judged as base64. t:MimeContent is declared once.
_BASE64_PATHS = (
    (None, None, f"{{{T_NS}}}MimeContent"),
    (None, f"{{{T_NS}}}FileAttachment", f"{{{T_NS}}}Content"),
    (f"{{{M_NS}}}Items", f"{{{T_NS}}}Item", f"{{{T_NS}}}Data"),
    (None, f"{{{M_NS}}}ExportItemsResponseMessage", f"{{{M_NS}}}Data"),
    (None, f"{{{M_NS}}}UserConfiguration", f"{{{T_NS}}}XmlData"),
    (None, f"{{{M_NS}}}UserConfiguration", f"{{{T_NS}}}BinaryData"),
)
_BIG = 64 * 1024


def _shrink_base64(elem) -> list[str]:
    """Speed: xmlschema decodes xs:base64Binary in pure Python (~9 s for a 10 MB attachment). Check big
    base64 values with binascii instead (same rule: whitespace allowed, strict alphabet and padding) and
    hand the schema a short valid stand-in, so structure and every other value are still validated."""
    problems = []
    parents = {child: parent for parent in elem.iter() for child in parent}
    for el in elem.iter():
        if el.text and len(el.text) > _BIG and _is_base64_place(el, parents):
            try:
                base64.b64decode("".join(el.text.split()), validate=True)
            except (binascii.Error, ValueError) as e:
                problems.append(f"{el.tag}: not base64 ({e})")
            el.text = "AAAA"
    return problems


def _is_base64_place(el, parents: dict) -> bool:
    parent = parents.get(el)
    grandparent = parents.get(parent) if parent is not None else None
    tags = (getattr(grandparent, "tag", None), getattr(parent, "tag", None), el.tag)
    return any(all(want is None or want == got for want, got in zip(path, tags)) for path in _BASE64_PATHS)


@dataclass
class WireValidator:
    schema: object
    checked: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _codes: frozenset | None = None
    _broken: dict = field(default_factory=dict)  # request body -> exemptions left (expect_broken)

    @property
    def response_codes(self) -> frozenset:
        """The values of messages.xsd's ``ResponseCodeType`` enumeration."""
        if self._codes is None:
            self._codes = frozenset(self.schema.maps.types[f"{{{M_NS}}}ResponseCodeType"].enumeration)
        return self._codes

    @staticmethod
    def envelope(raw: bytes):
        try:
            env = ET.fromstring(raw)
        except ET.ParseError:
            return None
        return env if env.tag == f"{{{SOAP_NS}}}Envelope" else None

    def expect_broken(self, raw: bytes) -> bytes:
        """Exempt exactly this one request body, which a test sends schema-invalid on purpose (its answer
        is still checked). The body must then cross the wire and must really be invalid; both are
        checked, so an exemption can neither outlive its exchange nor hide a valid body."""
        with self.lock:
            self._broken[raw] = self._broken.get(raw, 0) + 1
        return raw

    def observe(self, direction: str, raw: bytes, *, injected: bool = False) -> None:
        """Validate one body. Only a deliberately broken (injected, or ``expect_broken``) or empty body is
        skipped; a body that is not a SOAP envelope fails, and so does an error inside this check (never
        swallowed)."""
        if injected or not raw:
            with self.lock:
                self.skipped += 1
            return
        with self.lock:
            exempt = direction == "request" and self._broken.get(raw, 0) > 0
            if exempt:
                self._broken[raw] -= 1
        try:
            problems = self.problems(direction, raw)
        except Exception as exc:  # noqa: BLE001 - recorded as a failure of the test, not lost in a log
            problems = [f"the validator itself failed: {type(exc).__name__}: {exc}"]
        with self.lock:
            if exempt:
                self.skipped += 1
                if not problems:
                    self.failures.append((direction, "marked deliberately broken, but schema-valid", raw[:3000]))
                return
            self.checked += 1
            if problems:
                self.failures.append((direction, problems[0], raw[:3000]))

    def collect(self, directory: Path) -> int:
        """Validate the bodies a sandbox in another process wrote to ``directory`` (app/sandbox/wiredump.py),
        in the order written, and remove them. Returns how many were read."""
        files = sorted((p for p in directory.glob("*.xml")), key=lambda p: tuple(p.stem.split("-")[:2]))
        for path in files:
            _pid, _seq, direction, *rest = path.stem.split("-")
            self.observe(direction, path.read_bytes(), injected=rest == ["injected"])
            path.unlink()
        return len(files)

    def problems(self, direction: str, raw: bytes) -> list[str]:
        if _DOCTYPE.match(raw):
            return ["a document type declaration (SOAP 1.1 forbids a DTD in a message)"]
        over = _over_the_limits(raw) if direction == "request" else None
        if over:  # refused unread by the sandbox, and beyond what the schema library checks in useful time
            return [over]
        env = self.envelope(raw)
        if env is None:
            return ["not a SOAP envelope (and not a deliberately injected body)"]
        problems = []
        body = env.find(f"{{{SOAP_NS}}}Body")
        elem = body[0] if body is not None and len(body) else None
        is_fault = elem is not None and elem.tag == f"{{{SOAP_NS}}}Fault"
        if elem is None:
            problems.append("SOAP envelope without a body element")
        elif is_fault:
            # soap:Fault is SOAP's own element, not EWS's; check its EWS detail instead.
            problems.extend(self.fault_problems(elem))
        else:
            problems.extend(_shrink_base64(elem))
            # The body's own prefixes, for QName values such as xsi:type="t:AlternateIdType" (ConvertId)
            prefixes = dict(p for _, p in ET.iterparse(io.BytesIO(raw), events=("start-ns",)))
            problems.extend(str(e.reason)[:500] for e in self.schema.iter_errors(elem, namespaces=prefixes))
        problems.extend(self.header_problems(env.find(f"{{{SOAP_NS}}}Header"), direction, is_fault or elem is None))
        return problems

    def header_problems(self, header, direction: str, is_fault: bool) -> list[str]:
        problems, seen = [], set()
        for child in header if header is not None else ():
            if not child.tag.startswith(f"{{{T_NS}}}"):
                continue  # WS-Addressing or other SOAP extensions: not EWS's to define
            seen.add(child.tag)
            decl = self.schema.maps.elements.get(child.tag)
            if decl is None:
                problems.append(f"soap:Header: {child.tag} is not a global element of types.xsd")
                continue
            problems.extend(f"soap:Header {child.tag}: {str(e.reason)[:400]}" for e in decl.iter_errors(child))
        if direction == "response" and not is_fault and f"{{{T_NS}}}ServerVersionInfo" not in seen:
            problems.append("response without t:ServerVersionInfo in soap:Header")
        return problems

    def fault_problems(self, fault) -> list[str]:
        names = [c.tag for c in fault]
        if "faultcode" not in names or "faultstring" not in names:
            return ["soap:Fault without faultcode/faultstring"]
        detail = fault.find("detail")
        if detail is None or not any(c.tag.startswith(f"{{{E_NS}}}") for c in detail):
            return []  # not an EWS fault detail (e.g. a bare SOAP fault from a proxy)
        problems = []
        codes = detail.findall(f"{{{E_NS}}}ResponseCode")
        if len(codes) != 1:
            problems.append(f"soap:Fault detail has {len(codes)} e:ResponseCode elements, not 1")
        elif (codes[0].text or "").strip() not in self.response_codes:
            problems.append(f"soap:Fault detail e:ResponseCode {codes[0].text!r} is not in ResponseCodeType")
        if detail.find(f"{{{E_NS}}}Message") is None:
            problems.append("soap:Fault detail without e:Message")
        for mx in detail.findall(f"{{{T_NS}}}MessageXml"):
            for v in mx:
                name = v.tag.rpartition("}")[2] if v.tag.startswith(f"{{{T_NS}}}") else v.tag
                if name not in _MESSAGE_XML or (name == "Value" and not v.get("Name")):
                    problems.append(f"soap:Fault detail t:MessageXml holds {v.tag} (Exchange sends "
                                    "t:Value Name=..., or t:LineNumber/LinePosition/Violation)")
        return problems

    def reset(self):
        """Hand back (and forget) the failures so far, including exemptions whose body never came."""
        with self.lock:
            failures, self.failures = self.failures, []
            unused = [raw for raw, n in self._broken.items() for _ in range(n)]
            self._broken = {}
        return failures + [("request", "marked deliberately broken, but never sent", raw[:3000]) for raw in unused]


def _over_the_limits(raw: bytes) -> str | None:
    """Why ``raw`` is beyond the structural limits a request must keep (app/sandbox/ews/soap.py: elements,
    attributes on one element), counted in one streaming pass; None when within them or not XML. (Depth is
    left to the schema check, which fails on a document too deep for it.)"""
    from app.sandbox.ews import soap

    elements = 0
    try:
        for _event, el in ET.iterparse(io.BytesIO(raw), events=("start",)):
            elements += 1
            if elements > soap.MAX_ELEMENTS or len(el.attrib) > soap.MAX_ATTRIBUTES:
                return (f"over the request limits ({soap.MAX_ELEMENTS} elements, {soap.MAX_ATTRIBUTES} attributes "
                        "on one element)")
    except ET.ParseError:
        return None
    return None
