"""JSON Web Tokens signed RS256 with a per-run RSA key (RFC 7515/7517/7519), with ``cryptography`` only.

The key never leaves the process; its public half is published as a JWK Set (``jwks_uri``), so a client
can check the signatures the way it checks Microsoft's (``kid`` and ``x5t`` name the key)."""

from __future__ import annotations

import base64
import hashlib
import json


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not isinstance(text, str) or any(c not in _B64URL for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _int_b64(n: int) -> str:
    return b64url(n.to_bytes((n.bit_length() + 7) // 8, "big"))


class BadToken(ValueError):
    """Not a JWT this key signed (malformed, another algorithm or key, a bad signature)."""


class SigningKey:
    """A fresh 2048-bit RSA key; ``sign(claims)`` makes a compact JWS, ``verify(token)`` returns its claims."""

    def __init__(self):
        from cryptography.hazmat.primitives.asymmetric import rsa

        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        numbers = self._key.public_key().public_numbers()
        self._jwk = {"kty": "RSA", "use": "sig", "n": _int_b64(numbers.n), "e": _int_b64(numbers.e)}
        # RFC 7638 thumbprint as the key id (Microsoft's kid and x5t are one value too)
        canonical = json.dumps({k: self._jwk[k] for k in ("e", "kty", "n")}, separators=(",", ":"))
        self.kid = b64url(hashlib.sha256(canonical.encode()).digest())[:27]

    def jwks(self, issuer: str | None = None) -> dict:
        key = dict(self._jwk, kid=self.kid, x5t=self.kid)
        if issuer:
            key["issuer"] = issuer
        return {"keys": [key]}

    def sign(self, claims: dict) -> str:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        header = {"typ": "JWT", "alg": "RS256", "kid": self.kid, "x5t": self.kid}
        signing_input = ".".join(b64url(json.dumps(part, separators=(",", ":")).encode())
                                 for part in (header, claims))
        signature = self._key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{b64url(signature)}"

    def verify(self, token: str) -> dict:
        """The claims of a token this key signed; BadToken otherwise (nothing about time is checked here)."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        parts = token.split(".") if isinstance(token, str) and len(token) <= 16384 else []
        if len(parts) != 3:
            raise BadToken("JWT is not well formed")
        try:
            header = json.loads(b64url_decode(parts[0]))
            signature = b64url_decode(parts[2])
        except ValueError as e:
            raise BadToken("JWT is not well formed") from e
        if not isinstance(header, dict) or header.get("alg") != "RS256" or header.get("kid") != self.kid:
            raise BadToken("JWT was not signed with this authority's key")
        try:
            self._key.public_key().verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"),
                                          padding.PKCS1v15(), hashes.SHA256())
        except (InvalidSignature, UnicodeEncodeError) as e:
            raise BadToken("signature validation failed") from e
        try:
            claims = json.loads(b64url_decode(parts[1]))
        except ValueError as e:
            raise BadToken("JWT is not well formed") from e
        if not isinstance(claims, dict):
            raise BadToken("JWT is not well formed")
        return claims


def pkce_s256(verifier: str) -> str:
    """The S256 code_challenge of a code_verifier (RFC 7636 4.2)."""
    return b64url(hashlib.sha256(verifier.encode("ascii")).digest())
