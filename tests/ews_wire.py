"""Schema is law: every SOAP body that crosses the wire in a test is validated against Microsoft's
EWS schema in ../shared/ews-schema/ (built once per session).

The sandbox calls ``WireValidator.observe(direction, body)`` for every request it reads and every
response it writes (its ``wire_observer`` hook). Bodies that are not SOAP (HTML error pages, injected
truncated XML) are recorded as skipped, not validated: they are deliberately not EWS.
"""

from __future__ import annotations

import os
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"

_HERE = Path(__file__).resolve().parent
SCHEMA_DIR = Path(os.environ.get("EWS_SCHEMA_DIR", _HERE.parent.parent / "shared" / "ews-schema"))


def load_schema():
    import xmlschema

    return xmlschema.XMLSchema10(str(SCHEMA_DIR / "messages.xsd"), validation="lax")


@dataclass
class WireValidator:
    schema: object
    checked: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def body_element(self, raw: bytes):
        try:
            env = ET.fromstring(raw)
        except ET.ParseError:
            return None
        if env.tag != f"{{{SOAP_NS}}}Envelope":
            return None
        body = env.find(f"{{{SOAP_NS}}}Body")
        if body is None or len(body) == 0:
            return "empty"
        return body[0]

    def observe(self, direction: str, raw: bytes, *, injected: bool = False) -> None:
        elem = self.body_element(raw) if raw else None
        with self.lock:
            if injected or elem is None:
                self.skipped += 1
                return
            if isinstance(elem, str):
                self.failures.append((direction, "SOAP envelope without a body element", raw[:2000]))
                return
            if elem.tag == f"{{{SOAP_NS}}}Fault":
                # soap:Fault is SOAP's own element, not EWS's; check its EWS detail instead.
                self.checked += 1
                self._check_fault(direction, elem, raw)
                return
            errors = list(self.schema.iter_errors(elem))
            self.checked += 1
            if errors:
                self.failures.append((direction, str(errors[0].reason)[:500], raw[:3000]))

    def _check_fault(self, direction, fault, raw):
        names = [c.tag for c in fault]
        if "faultcode" not in names or "faultstring" not in names:
            self.failures.append((direction, "soap:Fault without faultcode/faultstring", raw[:2000]))

    def reset(self):
        with self.lock:
            failures, self.failures = self.failures, []
        return failures
