"""Schema is law, for Graph too: JSON Schemas (Draft 2020-12) derived from Microsoft's published CSDL for
Graph v1.0, vendored byte for byte in tests/resources/graph-schema/ (see its PROVENANCE.md).

``load_graph_schemas()`` parses the CSDL (standard library, ~0.3 s) and returns a ``GraphSchemas``: named
validators for the mail types, the mail actions' parameters, collections, ``$batch`` envelopes and the
OData error body. tests/graph_wire.py uses them to check every Graph body that crosses the wire.

Derivation rules (from the CSDL README):
- a structured type has the properties of its whole ``BaseType`` chain (base first), structural and
  navigation (``attachments`` inline on ``POST /me/messages``); anything else is an error
  (``additionalProperties: false``) except OData's annotations: ``@odata.context``, ``.etag``, ``.type``,
  ``.id``, ``.nextLink``, ``.count`` (and OData's other control information: ``.deltaLink``, ``.readLink``,
  ``.editLink``, ``.media*``) and ``prop@odata.*``. ``message`` is ``OpenType="true"`` in the CSDL, yet
  Graph refuses a property it does not know on it, so it is closed here like every other type;
- ``Collection(T)`` is an array of T (never null itself; Nullable is about its items); ``Nullable``
  absent or ``"true"`` allows null; an action parameter with ``Nullable="false"`` is required, and its
  PascalCase CSDL name is lower camel case on the wire;
- where a type has derived types, ``@odata.type`` (``#microsoft.graph.fileAttachment``, the ``#`` optional)
  names the one the value is, and it is validated as that type; an abstract type needs it;
- enum members are matched case-insensitively (Graph takes ``"Text"``/``"HTML"``), flags enums as
  comma-separated lists;
- Edm.Binary is standard base64, checked strictly with binascii (fast for a 10 MB attachment);
  Edm.DateTimeOffset is ISO 8601 with a zone (``Z`` or ``+hh:mm``) and a real date; Edm.Date,
  Edm.TimeOfDay, Edm.Duration, Edm.Guid by their formats; integer types within their ranges; Edm.Double
  and friends a number or ``NaN``/``INF``/``-INF``. Edm.Untyped, Edm.PrimitiveType and the geo types are
  not constrained.

Not in the CSDL, written here from the specifications they follow: the OData error body (Graph's
``{"error": {"code", "message", "innerError"}}``; the CSDL has no ``microsoft.graph.ODataErrors``
namespace), collection pages and the JSON batching envelopes: tests/graph_envelopes.py.
"""

from __future__ import annotations

import binascii
import datetime as _dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tests.graph_envelopes import BATCH_REQUEST, BATCH_RESPONSE, ERROR, collection

CSDL_PATH = Path(__file__).resolve().parent / "resources" / "graph-schema" / "v1.0-Prod.csdl"
EDM = "{http://docs.oasis-open.org/odata/ns/edm}"
GRAPH = "microsoft.graph"

#: The mail types tests and routes name (structured types; their closure is derived on demand).
TYPES = ["message", "attachment", "fileAttachment", "itemAttachment", "referenceAttachment", "mailFolder",
         "recipient", "emailAddress", "itemBody", "followupFlag", "dateTimeTimeZone", "internetMessageHeader",
         "attachmentItem", "uploadSession", "convertIdResult", "person", "user", "group", "directoryObject"]
#: Actions: (name, binding parameter type, wire name of its parameters schema).
ACTIONS = [("sendMail", "graph.user"), ("send", "graph.message"), ("move", "graph.message"),
           ("createUploadSession", "Collection(graph.attachment)"), ("translateExchangeIds", "graph.user"),
           ("createReply", "graph.message"), ("createReplyAll", "graph.message"), ("createForward", "graph.message"),
           ("getMailTips", "graph.user")]

_ANNOTATIONS = ("context|etag|type|id|nextLink|count|deltaLink|readLink|editLink|"
                "mediaContentType|mediaEtag|mediaReadLink|mediaEditLink")
_PATTERN_PROPS = {
    rf"^@odata\.(?:{_ANNOTATIONS})$": {},
    r"^[A-Za-z_][A-Za-z0-9_]*@odata\.[A-Za-z]+$": {},
}
_ODATA = {"@odata.context": {"type": "string"}, "@odata.etag": {"type": "string"},
          "@odata.id": {"type": "string"}, "@odata.nextLink": {"type": "string"},
          "@odata.deltaLink": {"type": "string"}, "@odata.count": {"type": "integer", "minimum": 0}}
_INT = {"Edm.Byte": (0, 255), "Edm.SByte": (-128, 127), "Edm.Int16": (-2**15, 2**15 - 1),
        "Edm.Int32": (-2**31, 2**31 - 1), "Edm.Int64": (-2**63, 2**63 - 1)}
_FORMATS = {"Edm.Binary": "edm-binary", "Edm.DateTimeOffset": "edm-datetimeoffset", "Edm.Date": "edm-date",
            "Edm.TimeOfDay": "edm-timeofday", "Edm.Duration": "edm-duration", "Edm.Guid": "edm-guid",
            "Edm.Stream": "edm-binary"}
_ANY = {"Edm.Untyped", "Edm.PrimitiveType"}


# ---------------- the CSDL ----------------

@dataclass
class Csdl:
    types: dict = field(default_factory=dict)    # qualified name -> EntityType/ComplexType/EnumType element
    derived: dict = field(default_factory=dict)  # qualified base name -> [qualified derived names]
    actions: dict = field(default_factory=dict)  # action name -> [Action elements]
    aliases: dict = field(default_factory=dict)  # alias -> namespace

    def qualify(self, name: str) -> str:
        ns, _, local = name.rpartition(".")
        return f"{self.aliases.get(ns, ns)}.{local}"

    def chain(self, qname: str) -> list:
        """The type and its bases, base first."""
        out = []
        while qname:
            el = self.types[qname]
            out.insert(0, el)
            base = el.get("BaseType")
            qname = self.qualify(base) if base else None
        return out

    def family(self, qname: str) -> list[str]:
        """The type and every type derived from it, transitively."""
        out, todo = [], [qname]
        while todo:
            q = todo.pop(0)
            out.append(q)
            todo.extend(self.derived.get(q, ()))
        return out

    def action(self, name: str, binding: str):
        binding = _unwrap(binding, self)
        for el in self.actions.get(name, ()):
            params = el.findall(f"{EDM}Parameter")
            if el.get("IsBound") == "true" and params and _unwrap(params[0].get("Type"), self) == binding:
                return el
        raise KeyError(f"no action {name} bound to {binding} in the CSDL")


def _unwrap(type_str: str, csdl: Csdl) -> str:
    if type_str.startswith("Collection("):
        return f"Collection({csdl.qualify(type_str[11:-1])})"
    return csdl.qualify(type_str)


def parse_csdl(path: Path = CSDL_PATH) -> Csdl:
    csdl = Csdl()
    root = ET.parse(path).getroot()
    schemas = list(root.iter(f"{EDM}Schema"))
    for s in schemas:
        if s.get("Alias"):
            csdl.aliases[s.get("Alias")] = s.get("Namespace")
    for s in schemas:
        ns = s.get("Namespace")
        for el in s:
            kind = el.tag[len(EDM):]
            if kind in ("EntityType", "ComplexType", "EnumType"):
                csdl.types[f"{ns}.{el.get('Name')}"] = el
            elif kind == "Action":
                csdl.actions.setdefault(el.get("Name"), []).append(el)
    for qname, el in csdl.types.items():
        if el.get("BaseType"):
            csdl.derived.setdefault(csdl.qualify(el.get("BaseType")), []).append(qname)
    return csdl


# ---------------- formats (jsonschema format checkers) ----------------

_DTO = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")
_TOD = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,12})?)?$")
_DURATION = re.compile(r"^-?P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_WS = re.compile(rb"[ \t\r\n]+")


def is_base64(value) -> bool:
    """Strict standard base64 (Graph's Edm.Binary and MIME uploads), in C: alphabet, padding, length.
    Whitespace is allowed between characters, as .NET's Convert.FromBase64String (Graph's decoder) does."""
    if not isinstance(value, (str, bytes)):
        return True
    raw = value.encode("ascii", "replace") if isinstance(value, str) else value
    for attempt in (raw, None):
        if attempt is None:  # only when the plain check failed: whitespace out, once more
            attempt = _WS.sub(b"", raw)
            if attempt == raw:
                return False
        try:
            if len(attempt) % 4 == 0:
                binascii.a2b_base64(attempt, strict_mode=True)
                return True
        except binascii.Error:
            pass
    return False


def _is_dto(value) -> bool:
    if not isinstance(value, str):
        return True
    m = _DTO.match(value)
    if not m:
        return False
    day, hh, mm, ss, _frac, zone = m.groups()
    try:
        _dt.date.fromisoformat(day)
        _dt.time(int(hh), int(mm), int(ss or 0))
        if zone != "Z":
            zh, zm = int(zone[1:3]), int(zone[4:6])
            return zh <= 14 and zm < 60
    except ValueError:
        return False
    return True


def _is_date(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(_dt.date.fromisoformat(value))
    except ValueError:
        return False


def _is_tod(value) -> bool:
    m = _TOD.match(value) if isinstance(value, str) else True
    if m is True:
        return True
    return bool(m) and int(m.group(1)) < 24 and int(m.group(2)) < 60 and int(m.group(3) or 0) < 60


def _is_double(value) -> bool:
    return not isinstance(value, str) or value in ("NaN", "INF", "-INF")


def format_checker():
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, fn in {"edm-binary": is_base64, "edm-datetimeoffset": _is_dto, "edm-date": _is_date,
                     "edm-timeofday": _is_tod, "edm-double": _is_double,
                     "edm-duration": lambda v: not isinstance(v, str) or bool(_DURATION.match(v)),
                     "edm-guid": lambda v: not isinstance(v, str) or bool(_GUID.match(v))}.items():
        checker.checks(name)(fn)
    return checker


# ---------------- CSDL -> JSON Schema ----------------

def lower_camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def type_names(qname: str) -> list[str]:
    return [f"#{qname}", qname]


class Deriver:
    """Builds ``$defs`` for a set of types and everything they reach (properties, navigation properties,
    base and derived types), on demand."""

    def __init__(self, csdl: Csdl):
        self.csdl = csdl
        self.defs: dict[str, dict] = {}

    def ref(self, key: str) -> dict:
        return {"$ref": f"#/$defs/{key}"}

    def value(self, type_str: str, nullable: bool) -> dict:
        """The schema of a value of CSDL type ``type_str`` (a property's or a parameter's)."""
        if type_str.startswith("Collection("):
            return {"type": "array", "items": self.value(type_str[11:-1], nullable)}
        if type_str.startswith("Edm."):
            schema = self.primitive(type_str)
        else:  # the JSON type is stated here, beside the $ref (null or not), not in the shared definition
            key = self.structured(self.csdl.qualify(type_str), poly=True)
            schema = {"$ref": f"#/$defs/{key}", "type": "string" if "x-enum" in self.defs[key] else "object"}
        if not nullable or "type" not in schema:
            return schema
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": [*types, "null"]}

    @staticmethod
    def primitive(edm: str) -> dict:
        if edm == "Edm.String":
            return {"type": "string"}
        if edm == "Edm.Boolean":
            return {"type": "boolean"}
        if edm in _INT:
            lo, hi = _INT[edm]
            return {"type": "integer", "minimum": lo, "maximum": hi}
        if edm in ("Edm.Double", "Edm.Single", "Edm.Decimal"):
            return {"type": ["number", "string"], "format": "edm-double"}
        if edm in _FORMATS:
            return {"type": "string", "format": _FORMATS[edm]}
        if edm in _ANY or edm.startswith(("Edm.Geography", "Edm.Geometry")):
            return {}
        raise KeyError(f"Edm type {edm} has no mapping")

    def structured(self, qname: str, poly: bool = False) -> str:
        """The ``$defs`` key of type ``qname``: exactly that type, or (``poly``) any of its family chosen by
        ``@odata.type``."""
        el = self.csdl.types[qname]
        if el.tag == f"{EDM}EnumType":
            if qname not in self.defs:
                self.defs[qname] = self.enum(qname, el)
            return qname
        family = self.csdl.family(qname)
        if poly and len(family) > 1:
            key = f"{qname}~any"
            if key not in self.defs:
                self.defs[key] = {}  # placeholder: recursion through the family
                self.defs[key] = self.dispatch(qname, family)
            return key
        if qname not in self.defs:
            self.defs[qname] = {}
            self.defs[qname] = self.exact(qname)
        return qname

    def enum(self, qname: str, el) -> dict:
        members = [m.get("Name") for m in el.findall(f"{EDM}Member")]
        one = "(?:" + "|".join(re.escape(m) for m in members) + ")"
        pattern = f"(?i)^{one}(?:\\s*,\\s*{one})*$" if el.get("IsFlags") == "true" else f"(?i)^{one}$"
        return {"pattern": pattern, "x-enum": qname, "x-members": members}

    def exact(self, qname: str) -> dict:
        props = {}
        for el in self.csdl.chain(qname):
            for p in el:
                if p.tag in (f"{EDM}Property", f"{EDM}NavigationProperty"):
                    props[p.get("Name")] = self.value(p.get("Type"), p.get("Nullable", "true") != "false")
        props.update(_ODATA)
        props["@odata.type"] = {"enum": type_names(qname)}
        return {"x-type": qname, "properties": props, "patternProperties": _PATTERN_PROPS,
                "additionalProperties": False}

    def dispatch(self, qname: str, family: list[str]) -> dict:
        """Any type of the family, by ``@odata.type``: without it, ``qname`` itself (an abstract type needs
        it); else the type it names (one cheap test when it is absent, the usual case: not N ``if``s)."""
        concrete = [q for q in family if self.csdl.types[q].get("Abstract") != "true"]
        chain: dict = {}
        for q in reversed(concrete):
            chain = {"if": {"properties": {"@odata.type": {"enum": type_names(q)}}},
                     "then": self.ref(self.structured(q)), **({"else": chain} if chain else {})}
        abstract = self.csdl.types[qname].get("Abstract") == "true"
        return {"properties": {"@odata.type": {"enum": [n for q in concrete for n in type_names(q)]}},
                **({"required": ["@odata.type"]} if abstract else {}),
                "if": {"not": {"required": ["@odata.type"]}},
                "then": {} if abstract else self.ref(self.structured(qname)), "else": chain}

    def parameters(self, action) -> dict:
        """An action's body: its parameters by the CSDL's name (``Message``, as Microsoft's SDKs write them) or the
        documentation's camelCase one (``message``): Graph reads either (app/sandbox/graph/params.py)."""
        props, required = {}, []
        for p in action.findall(f"{EDM}Parameter")[1:]:  # the first is the binding parameter
            name, csdl = lower_camel(p.get("Name")), p.get("Name")
            nullable = p.get("Nullable", "true") != "false"
            props[name] = props[csdl] = self.value(p.get("Type"), nullable)
            if not nullable:
                required.append({"anyOf": [{"required": [name]}, {"required": [csdl]}]})
        return {"type": "object", "properties": props, "additionalProperties": False,
                **({"allOf": required} if required else {})}

    def returns(self, action) -> dict | None:
        rt = action.find(f"{EDM}ReturnType")
        if rt is None:
            return None
        t = rt.get("Type")
        if t.startswith("Collection("):
            return collection(self.value(t[11:-1], rt.get("Nullable", "true") != "false"))
        return {**self.ref(self.structured(self.csdl.qualify(t), poly=True)), "type": "object"}


# ---------------- the named schemas ----------------

@dataclass
class GraphSchemas:
    csdl: Csdl
    schemas: dict            # name -> JSON Schema (each with the shared $defs)
    validators: dict = field(default_factory=dict)

    def validator(self, name: str):
        v = self.validators.get(name)
        if v is None:
            from jsonschema import Draft202012Validator

            v = self.validators[name] = Draft202012Validator(self.schemas[name], format_checker=format_checker())
        return v

    def problems(self, name: str, doc) -> list[str]:
        """Every reason ``doc`` is not a valid ``name`` (deepest first), each with its JSON path."""
        errors = sorted(self.validator(name).iter_errors(doc), key=lambda e: -len(e.absolute_path))
        return [describe(e) for e in errors]


def describe(error) -> str:
    """A reason a person can act on: where, and what (the deepest error of an if/then or anyOf)."""
    while error.context:  # anyOf/if-then: the deepest reason, not "is not of type 'null'"
        error = max(error.context, key=lambda e: (len(e.absolute_path), e.validator_value != "null"))
    where = error.json_path
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "pattern" and "x-enum" in schema:
        return f"{where}: {error.instance!r} is not a member of {schema['x-enum']} {schema['x-members']}"
    if error.validator == "additionalProperties" and "x-type" in schema:
        extra = sorted(k for k in error.instance if k not in schema["properties"]
                       and not any(re.match(p, k) for p in schema["patternProperties"]))
        return f"{where}: {', '.join(map(repr, extra))} not a property of {schema['x-type']} (nor an OData annotation)"
    if error.validator == "format":
        return f"{where}: {str(error.instance)[:80]!r} is not valid {schema.get('format')}"
    return f"{where}: {error.message[:400]}"


def load_graph_schemas(path: Path = CSDL_PATH) -> GraphSchemas:
    csdl = parse_csdl(path)
    d = Deriver(csdl)
    named = {}
    for t in TYPES:
        named[t] = {**d.ref(d.structured(f"{GRAPH}.{t}", poly=True)), "type": "object"}
    for t in ("message", "mailFolder", "attachment", "convertIdResult", "person", "user", "group", "directoryObject"):
        named[f"collection.{t}"] = collection(named[t])
    for name, binding in ACTIONS:
        action = csdl.action(name, binding)
        named[f"action.{name}"] = d.parameters(action)
        ret = d.returns(action)
        if ret is not None:
            named[f"return.{name}"] = ret
    named.update({"error": ERROR, "batch.request": BATCH_REQUEST, "batch.response": BATCH_RESPONSE})
    schemas = {name: {"$schema": "https://json-schema.org/draft/2020-12/schema", **s, "$defs": d.defs}
               for name, s in named.items()}
    return GraphSchemas(csdl, schemas)
