"""Errors as the Microsoft identity platform answers them: HTTP 400 (401 for a client that failed to
authenticate) with ``{"error", "error_description": "AADSTS<code>: ...", "error_codes": [code], "timestamp",
"trace_id", "correlation_id"}`` (learn.microsoft.com/entra/identity-platform/reference-error-codes).

The messages follow Microsoft's; none of them ever quotes a secret (code, token, verifier, password)."""

from __future__ import annotations

import datetime as _dt
import uuid

# (error, AADSTS code, description) for every refusal the token and device code endpoints give
MALFORMED = ("invalid_request", 9002313, "Invalid request. Request is malformed or invalid.")
INVALID_CODE = ("invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.")
CODE_EXPIRED = ("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to "
                "inactivity. Send a new interactive authorization request for this user and resource.")
CODE_REDEEMED = ("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a "
                 "new valid code or use an existing refresh token.")
PKCE_MISMATCH = ("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the "
                 "authorization request.")
REPLY_MISMATCH = ("invalid_grant", 500112, "The reply address does not match the reply address provided when "
                  "requesting Authorization code.")
GRANT_MALFORMED = ("invalid_grant", 70000, "Provided grant is invalid or malformed.")
REFRESH_EXPIRED = ("invalid_grant", 700082, "The refresh token has expired due to inactivity.")
REFRESH_USED = ("invalid_grant", 70008, "The provided authorization code or refresh token has expired due to "
                "inactivity. Send a new interactive authorization request for this user and resource.")
NO_CONSENT = ("invalid_grant", 65001, "The user or administrator has not consented to use the application for "
              "the requested scopes. Send an interactive authorization request for this user and resource.")
PENDING = ("authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. "
           "Continue polling.")
DECLINED = ("authorization_declined", 65004, "User declined to consent to access the app.")
DEVICE_EXPIRED = ("expired_token", 70019, "Verification code expired.")
BAD_DEVICE_CODE = ("bad_verification_code", 70000, "The provided value for the input parameter 'device_code' "
                   "is not valid.")
UNKNOWN_CLIENT = ("unauthorized_client", 700016, "Application with identifier '{client}' was not found in the "
                  "directory. This can happen if the application has not been installed by the administrator "
                  "of the tenant or consented to by any user in the tenant.")
PUBLIC_WITH_SECRET = ("invalid_client", 700025, "Client is public so neither 'client_assertion' nor "
                      "'client_secret' should be presented.")
SECRET_MISSING = ("invalid_client", 7000218, "The request body must contain the following parameter: "
                  "'client_assertion' or 'client_secret'.")
SECRET_WRONG = ("invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the "
                "request is the client secret value, not the client secret ID, for a secret added to app "
                "'{client}'.")
CLIENT_MISMATCH = ("invalid_grant", 70000, "Provided grant is invalid or malformed: it was issued to another "
                   "client.")
MISSING_PARAM = ("invalid_request", 900144, "The request body must contain the following parameter: '{name}'.")
UNSUPPORTED_GRANT = ("unsupported_grant_type", 70003, "The app requested an unsupported grant type '{grant}'.")
INVALID_SCOPE = ("invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid. "
                 "The scope {scope} is not valid.")
POST_ONLY = ("invalid_request", 900561, "The endpoint only accepts POST, OPTIONS requests. Received a {verb} "
             "request.")
BAD_BODY = ("invalid_request", 90004, "The request isn't properly formatted: the body must be "
            "application/x-www-form-urlencoded.")
TENANT_NOT_FOUND = ("invalid_tenant", 90002, "Tenant '{tenant}' not found. Check to make sure you have the "
                    "correct tenant ID and are signing into the correct cloud.")

# the sign-in pages' refusals (shown on a page, or sent back to the redirect_uri)
BAD_PASSWORD = (None, 50126, "Error validating credentials due to invalid username or password.")
BAD_REDIRECT = (None, 50011, "The redirect URI '{uri}' specified in the request does not match the redirect "
                "URIs configured for the application '{client}'. The sandbox sends a sign-in response only to a "
                "loopback address (http://localhost or http://127.0.0.1, any port).")
NO_REDIRECT = (None, 900971, "No reply address provided.")
NEED_PKCE = ("invalid_request", 50147, "The sandbox requires PKCE: code_challenge (43 characters) with "
             "code_challenge_method=S256.")
BAD_RESPONSE_TYPE = ("unsupported_response_type", 70005, "The app requested an unsupported response type: "
                     "only 'code' is supported.")
BAD_RESPONSE_MODE = ("invalid_request", 70007, "The app requested an unsupported value of response_mode.")
LOGIN_REQUIRED = ("login_required", 50058, "A silent sign-in request was sent but no user is signed in: the "
                  "sandbox keeps no sign-in session (prompt=none cannot succeed).")
USER_DECLINED = ("access_denied", 65004, "User declined to consent to access the app.")
BAD_USER_CODE = (None, 70018, "Invalid verification code: the code you entered is not recognized or is no "
                 "longer valid.")
SIGN_IN_EXPIRED = (None, 50089, "Authentication failed due to flow token expired. Start the sign-in again.")


class OAuthError(Exception):
    """A refusal to answer as JSON (token, devicecode) or to show on a page / send to the redirect_uri."""

    def __init__(self, spec: tuple, status: int = 400, **fmt):
        self.error, self.code, template = spec
        self.description = template.format(**{k: _clip(v) for k, v in fmt.items()}) if fmt else template
        self.status = status
        super().__init__(f"AADSTS{self.code}: {self.description}")

    def text(self, trace_id: str, correlation_id: str, stamp: str) -> str:
        return (f"AADSTS{self.code}: {self.description}\r\nTrace ID: {trace_id}\r\n"
                f"Correlation ID: {correlation_id}\r\nTimestamp: {stamp}")

    def body(self, correlation_id: str | None = None) -> dict:
        trace_id, corr = str(uuid.uuid4()), _corr(correlation_id)
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
        return {"error": self.error or "invalid_request", "error_description": self.text(trace_id, corr, stamp),
                "error_codes": [self.code], "timestamp": stamp, "trace_id": trace_id, "correlation_id": corr}


def _corr(value: str | None) -> str:
    """The client's ``client-request-id`` when it is a GUID (MSAL sends one), a fresh one otherwise."""
    try:
        return str(uuid.UUID(value)) if value else str(uuid.uuid4())
    except ValueError:
        return str(uuid.uuid4())


def _clip(value) -> str:
    text = str(value)
    return text if len(text) <= 200 else text[:200] + "..."
