"""An action's parameters as Graph reads them from its JSON body: by name, whatever the case.

Graph's CSDL names an action's parameters in PascalCase (``sendMail(Message, SaveToSentItems)``, ``move(DestinationId)``,
``createReply(Message, Comment)``); its documentation writes them in camelCase (``message``, ``saveToSentItems``), and
the service takes either: Microsoft's own SDKs send the CSDL's spelling (msgraph-sdk-python's ``SendMailPostRequestBody``
writes ``"Message"``, ``"SaveToSentItems"``), and the documentation's samples the other. A parameter the action does not
have is refused as Graph refuses it (RequestBodyRead, "… is not a valid parameter for the operation …"), and so is one
given twice in two spellings. Instance annotations (``@odata.type``) are not parameters.
"""

from __future__ import annotations

from .errors import bad_request


def action_params(doc, operation: str, names: tuple[str, ...]) -> dict:
    """``doc``'s parameters of ``operation`` (names in the documentation's camelCase): name -> value, for those
    given."""
    if not isinstance(doc, dict):
        raise bad_request("The request body must be a JSON object.", "RequestBodyRead")
    by_lower = {name.lower(): name for name in names}
    found: dict = {}
    for key, value in doc.items():
        if "@odata." in key or key.startswith("@"):
            continue
        name = by_lower.get(key.lower())
        if name is None:
            raise bad_request(f"The parameter '{key}' in the request payload is not a valid parameter for the "
                              f"operation '{operation}'.", "RequestBodyRead")
        if name in found:
            raise bad_request(f"The parameter '{name}' is specified more than once in the request payload.",
                              "RequestBodyRead")
        found[name] = value
    return found
