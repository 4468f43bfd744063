"""The Microsoft Graph front end of the sandbox: v1.0 REST/JSON over the same mailbox core as EWS.

Requests under ``/v1.0`` (``me`` or ``users/{id or address}``) are authenticated with the sign-in
authority's bearer tokens (app/sandbox/authority), parsed here into core calls, and answered in Graph's
JSON with Graph's error shape. endpoint.py is the request path (server.py hands it a request; batch.py
serves a $batch through it); routes.py the table of endpoints."""
