"""Microsoft's own Graph SDK for Python (msgraph-sdk) on a sandbox served over HTTPS, through its public API only:
kiota's ``BaseBearerTokenAuthenticationProvider`` with an ``AccessTokenProvider`` that asks MSAL for the token
(signed in once through the sandbox's authority, auth code + PKCE, then MSAL's silent path, as an app does), an
``httpx.AsyncClient`` that trusts the sandbox's certificate, the SDK's default middleware on it
(``GraphClientFactory``), a ``GraphRequestAdapter`` whose base URL is the sandbox's Graph root."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
import msal
from kiota_abstractions.authentication import (
    AccessTokenProvider,
    AllowedHostsValidator,
    BaseBearerTokenAuthenticationProvider,
)
from kiota_http.middleware.options import UrlReplaceHandlerOption
from msgraph import GraphRequestAdapter, GraphServiceClient
from msgraph_core import GraphClientFactory

from tests.authority.helpers import REDIRECT, browser, msal_app, redirect_params, sign_in
from tests.helpers.graph_clients import PASSWORDS, WIRE_SCOPES

#: The SDK addresses /me as /users/me-token-to-replace and has its URL-replace middleware write /me back: the
#: option GraphRequestAdapter gives that middleware when it builds its own client, given here to ours.
ME_REPLACED = {UrlReplaceHandlerOption.get_key(): UrlReplaceHandlerOption(
    enabled=True, replacement_pairs={"/users/me-token-to-replace": "/me"})}


@dataclass
class SignedIn:
    """An MSAL public client app with one account signed in through the sandbox's authority."""
    app: msal.PublicClientApplication
    account: dict
    scopes: tuple[str, ...]


def sign_in_with_msal(sb, address: str, scopes=WIRE_SCOPES) -> SignedIn:
    app = msal_app(sb.authority)
    flow = app.initiate_auth_code_flow(list(scopes), redirect_uri=REDIRECT)
    with browser(sb.authority) as b:
        answer = sign_in(b, flow["auth_uri"], address, PASSWORDS[address])
    result = app.acquire_token_by_auth_code_flow(flow, redirect_params(answer))
    assert "access_token" in result, result
    [account] = app.get_accounts(username=address)
    return SignedIn(app, account, tuple(scopes))


class MsalTokens(AccessTokenProvider):
    """The token for each of the SDK's requests, from MSAL's silent path (its cache, or a refresh at the
    authority), for the sandbox's Graph host over HTTPS only, as the SDK's Azure provider allows."""

    def __init__(self, signed_in: SignedIn, graph_url: str):
        self.signed_in = signed_in
        self.origin = urlsplit(graph_url).netloc
        self.hosts = AllowedHostsValidator([urlsplit(graph_url).hostname])
        self.asked = 0

    async def get_authorization_token(self, uri: str, additional_authentication_context: dict | None = None) -> str:
        where = urlsplit(uri)
        if where.scheme != "https" or where.netloc != self.origin or not self.hosts.is_url_host_valid(uri):
            raise ValueError(f"no token for {uri}: only https to the sandbox's Graph")
        s = self.signed_in
        result = await asyncio.to_thread(s.app.acquire_token_silent, list(s.scopes), account=s.account)
        assert result and "access_token" in result, result
        self.asked += 1
        return result["access_token"]

    def get_allowed_hosts_validator(self) -> AllowedHostsValidator:
        return self.hosts


@contextlib.asynccontextmanager
async def graph_service_client(sb, tokens: MsalTokens):
    """A GraphServiceClient on ``sb``'s Graph (served over TLS: ``sb.cert_path`` is the one certificate trusted)."""
    trust = ssl.create_default_context(cafile=sb.cert_path)
    async with httpx.AsyncClient(verify=trust, trust_env=False, timeout=20) as http:
        client = GraphClientFactory.create_with_default_middleware(client=http, options=ME_REPLACED)
        adapter = GraphRequestAdapter(BaseBearerTokenAuthenticationProvider(tokens), client)
        adapter.base_url = sb.graph_url
        yield GraphServiceClient(request_adapter=adapter)
