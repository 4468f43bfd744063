"""``GET /me`` (and ``/users/{id | userPrincipalName}`` naming the signed-in user): the user, as Graph's
user-get answers it (learn.microsoft.com/graph/api/user-get).

- Without ``$select``: Graph's default properties of a user (the ones user-get's Properties section marks
  as returned by default): businessPhones, displayName, givenName, jobTitle, mail, mobilePhone,
  officeLocation, preferredLanguage, surname, userPrincipalName, id. ``@odata.context`` is
  ``$metadata#users/$entity``.
- ``$select=a,b``: exactly those properties (no implicit ``id``, as Graph answers a user), the context
  ``$metadata#users(a,b)/$entity``. Any structural property of ``microsoft.graph.user`` in the v1.0 CSDL may be
  named; the sandbox knows the directory entry of each user (address, display name, and the users file's title,
department, office, phones and company: core/directory.py), so the others are what
  Graph answers for a property with no value: null, or an empty collection. A name the user type lacks is
  refused (400), as Graph refuses it.
- Other query options are refused (400): the sandbox serves no ``$expand`` of a user's relations (manager,
  memberOf...); docs/sandbox.md lists the difference.

Permission (user-get): User.Read, or a higher one (permissions.py). givenName and surname are the first and
last word of the display name, as people.py derives them for the same directory.
"""

from __future__ import annotations

from ..authority.tokens import user_oid
from . import odata
from .errors import bad_request
from .request import Req, json_resp

DEFAULT = ("businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
           "preferredLanguage", "surname", "userPrincipalName", "id")
#: microsoft.graph.user's structural properties (v1.0 CSDL, with its base types) whose value, when the sandbox
#: has none, is an empty collection (Collection(...), Nullable="false" or not); every other one is null.
COLLECTIONS = frozenset((
    "assignedLicenses", "assignedPlans", "businessPhones", "identities", "imAddresses", "interests",
    "licenseAssignmentStates", "onPremisesProvisioningErrors", "otherMails", "pastProjects", "provisionedPlans",
    "proxyAddresses", "responsibilities", "schools", "serviceProvisioningErrors", "skills"))
SCALARS = frozenset((
    "id", "deletedDateTime", "aboutMe", "accountEnabled", "ageGroup", "authorizationInfo", "city", "companyName",
    "consentProvidedForMinor", "country", "createdDateTime", "creationType", "customSecurityAttributes",
    "department", "displayName", "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData",
    "employeeType", "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "givenName",
    "identityParentId", "isManagementRestricted", "isResourceAccount", "jobTitle", "lastPasswordChangeDateTime",
    "legalAgeGroupClassification", "mail", "mailboxSettings", "mailNickname", "mobilePhone", "mySite",
    "officeLocation", "onPremisesDistinguishedName", "onPremisesDomainName", "onPremisesExtensionAttributes",
    "onPremisesImmutableId", "onPremisesLastSyncDateTime", "onPremisesSamAccountName",
    "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "passwordPolicies",
    "passwordProfile", "postalCode", "preferredDataLocation", "preferredLanguage", "preferredName", "print",
    "securityIdentifier", "showInAddressList", "signInActivity", "signInSessionsValidFromDateTime", "state",
    "streetAddress", "surname", "usageLocation", "userPrincipalName", "userType"))
#: Non-nullable scalars with no value in the sandbox: what Graph answers for them when unset (birthday and
#: hireDate: DateTimeOffset's minimum; deviceEnrollmentLimit: 5, the limit the property's docs name as
#: the default).
UNSET = {"birthday": "0001-01-01T00:00:00Z", "hireDate": "0001-01-01T00:00:00Z", "deviceEnrollmentLimit": 5}
PROPS = COLLECTIONS | SCALARS | frozenset(UNSET)


def get(req: Req):
    odata.refuse_options(req.query, ("$select",))
    select = _select(req.query.get("$select"))
    user = req.ctx.user
    known = _known(user)
    names = select or list(DEFAULT)
    doc = {"@odata.context": _context(req, select)}
    doc.update((n, known.get(n, _unset(n))) for n in names)
    return json_resp(200, doc)


def _known(user: dict) -> dict:
    address = user["email"]
    name = user.get("name") or address
    words = name.split()
    return {"id": user_oid(address), "displayName": name, "givenName": words[0] if words else None,
            "surname": words[-1] if len(words) > 1 else None, "mail": address, "userPrincipalName": address,
            "mailNickname": address.split("@", 1)[0], "accountEnabled": True, "userType": "Member",
            "proxyAddresses": ["SMTP:" + address], "jobTitle": user.get("title"),
            "department": user.get("department"), "officeLocation": user.get("office"),
            "companyName": user.get("company"), "mobilePhone": user.get("mobile"),
            "businessPhones": [user["phone"]] if user.get("phone") else []}


def _unset(name: str):
    if name in COLLECTIONS:
        return []
    return UNSET.get(name)


def _context(req: Req, select: list[str] | None) -> str:
    return f"{req.base}/$metadata#users" + (f"({','.join(select)})" if select else "") + "/$entity"


def _select(text: str | None) -> list[str] | None:
    if text is None:
        return None
    props = list(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))
    for p in props:
        if p not in PROPS:
            # Graph's directory answers this (Microsoft's docs show no example; this is its wording as
            # clients see it): 400 Request_BadRequest naming the directory's own type
            raise bad_request(f"Could not find a property named '{p}' on type "
                              "'Microsoft.DirectoryServices.User'.", "Request_BadRequest")
    return props or None
