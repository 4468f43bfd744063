"""The Graph bodies the CSDL does not describe, written from the specifications they follow: collection
pages (OData JSON format), Graph's error body (OData's error object as Graph spells it: ``innerError``;
the CSDL has no ``microsoft.graph.ODataErrors`` namespace) and JSON batching's envelopes
(https://learn.microsoft.com/graph/json-batching: at most 20 requests, ``dependsOn``, bodies inline as
JSON or base64). Used by tests/graph_schema.py; inner bodies of a batch are checked by tests/graph_wire.py."""

from __future__ import annotations


def collection(items: dict) -> dict:
    """A collection page: ``{"@odata.context"?, "value": [...], "@odata.nextLink"?, "@odata.count"?}``."""
    return {"type": "object", "required": ["value"], "additionalProperties": False,
            "properties": {"@odata.context": {"type": "string"}, "@odata.nextLink": {"type": "string"},
                           "@odata.deltaLink": {"type": "string"}, "@odata.count": {"type": "integer", "minimum": 0},
                           "value": {"type": "array", "items": items}}}


_STRINGS = {"type": "object", "additionalProperties": {"type": "string"}}
#: Graph's error body (OData JSON format's error object, as Graph spells it: ``innerError``).
ERROR = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["code", "message"], "additionalProperties": False,
        "properties": {
            "code": {"type": "string", "minLength": 1}, "message": {"type": "string"},
            "target": {"type": "string"},
            "details": {"type": "array", "items": {
                "type": "object", "required": ["code", "message"], "additionalProperties": False,
                "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                               "target": {"type": "string"}}}},
            "innerError": {"type": "object", "properties": {
                "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"},
                "request-id": {"type": "string"}, "client-request-id": {"type": "string"},
                "code": {"type": "string"}}}}}},
}
_METHOD = {"type": "string", "pattern": "(?i)^(?:GET|POST|PATCH|PUT|DELETE)$"}
#: JSON batching (https://learn.microsoft.com/graph/json-batching): at most 20 requests.
BATCH_REQUEST = {
    "type": "object", "required": ["requests"], "additionalProperties": False,
    "properties": {"requests": {"type": "array", "minItems": 1, "maxItems": 20, "items": {
        "type": "object", "required": ["id", "method", "url"], "additionalProperties": False,
        "properties": {"id": {"type": "string", "minLength": 1}, "method": _METHOD,
                       "url": {"type": "string", "pattern": r"^/?[^/:]+(?:/|$|\?)"},
                       "headers": _STRINGS, "body": {"type": ["object", "array", "string"]},
                       "dependsOn": {"type": "array", "items": {"type": "string"}}}}}},
}
BATCH_RESPONSE = {
    "type": "object", "required": ["responses"], "additionalProperties": False,
    "properties": {"@odata.nextLink": {"type": "string"}, "responses": {"type": "array", "items": {
        "type": "object", "required": ["id", "status"], "additionalProperties": False,
        "properties": {"id": {"type": "string"}, "status": {"type": "integer", "minimum": 100, "maximum": 599},
                       "headers": _STRINGS, "body": {"type": ["object", "array", "string"]}}}}},
}
