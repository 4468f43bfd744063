"""Self-signed certificate for --tls (uses `cryptography`, already a dependency of exchangelib)."""

from __future__ import annotations

import datetime as _dt
import hashlib
import ipaddress
import os


#: each listener's certificate has a subject of its own: they are self-signed, so each is its own issuer, and a
#: client that trusts several from one CA bundle (most do) finds the issuer by its subject: two with one subject,
#: and TLS fails on one of the two origins
LISTENER = "Dispatch sandbox (EWS and Graph)"
AUTHORITY = "Dispatch sandbox sign-in authority"
AUTODISCOVER = "Dispatch sandbox Autodiscover"


def make_self_signed(directory: str, host: str = "127.0.0.1", names: tuple[str, ...] = (),
                     stem: str = "sandbox", common_name: str = LISTENER) -> tuple[str, str, str]:
    """Write <stem>-cert.pem + <stem>-key.pem into directory; return (cert path, key path, sha256 hex of the DER
    cert). ``names``: more DNS names the certificate is for (the Autodiscover host names, autodiscover.py);
    ``common_name``: its subject, one per listener (:data:`LISTENER`, :data:`AUTHORITY`, :data:`AUTODISCOVER`)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    alt = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
           x509.IPAddress(ipaddress.ip_address("::1"))]
    try:
        ip = ipaddress.ip_address(host)
        if all(getattr(a, "value", None) != ip for a in alt):
            alt.append(x509.IPAddress(ip))
    except ValueError:
        if host and host != "localhost":
            alt.append(x509.DNSName(host))
    alt.extend(x509.DNSName(n) for n in names if n not in (host, "localhost"))
    now = _dt.datetime.now(_dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    os.makedirs(directory, exist_ok=True)
    cert_path = os.path.join(directory, f"{stem}-cert.pem")
    key_path = os.path.join(directory, f"{stem}-key.pem")
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    return cert_path, key_path, fingerprint(cert_path)


def fingerprint(cert_path: str) -> str:
    import ssl

    with open(cert_path, encoding="ascii") as f:
        der = ssl.PEM_cert_to_DER_cert(f.read())
    return hashlib.sha256(der).hexdigest()
