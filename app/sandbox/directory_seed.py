"""A small, realistic organisation for the address book: ``Sandbox(users=DIRECTORY_USERS)`` or
``python -m app.sandbox --directory``. The default users (sandbox.DEFAULT_USERS, whose sign-ins and rights the
rest of the suite relies on) with titles, departments and offices, more people (a Carl beside Carol), two
rooms, the shared desk, the users' own contacts, and groups: Sales contains Sales EMEA (nested), Everyone
has 500 generated members (paging), The Board takes mail only from Dave (restricted)."""

from __future__ import annotations

DOMAIN = "example.com"
LARGE_GROUP_SIZE = 500


def _person(local: str, name: str, title: str, department: str, office: str, phone: str, **more) -> dict:
    return {"email": f"{local}@{DOMAIN}", "name": name, "password": f"{local.split('.')[0]}-sandbox-pw",
            "title": title, "department": department, "office": office, "phone": phone,
            "company": "Example Ltd", **more}


PEOPLE = [
    _person("alice", "Alice Anderson", "Account Manager", "Sales", "London 2.14", "+44 20 7946 0101",
            contacts=[{"email": "carla.customer@contoso.invalid", "name": "Carla Customer",
                       "company": "Contoso", "title": "Buyer", "phone": "+33 1 70 36 00 00"}]),
    _person("bob", "Bob Brown", "Engineer", "Engineering", "Paris 1.02", "+33 1 70 36 01 02"),
    _person("carol", "Carol Clark", "Head of Finance", "Finance", "London 3.01", "+44 20 7946 0301",
            mobile="+44 7700 900301"),
    _person("dave", "Dave Davis", "Chief Executive", "Management", "London 4.01", "+44 20 7946 0401"),
    _person("ali.baba", "Ali Baba", "Sales Representative", "Sales EMEA", "Berlin 0.12", "+49 30 901820 12"),
    _person("carl", "Carl Carlsen", "Sales Representative", "Sales EMEA", "Berlin 0.14", "+49 30 901820 14"),
    _person("erin", "Erin Evans", "Support Lead", "Support", "Paris 1.10", "+33 1 70 36 01 10"),
    _person("frank", "Frank Fischer", "Engineer", "Engineering", "Berlin 1.05", "+49 30 901820 05"),
    _person("grace", "Grace Green", "Lawyer", "Legal", "London 3.12", "+44 20 7946 0312"),
    _person("heidi", "Heidi Huber", "Office Manager", "Facilities", "Berlin 0.01", "+49 30 901820 01"),
    _person("ivan", "Ivan Ivanov", "Sales Director", "Sales", "Paris 2.01", "+33 1 70 36 02 01"),
    _person("judy", "Judy Jones", "Recruiter", "People", "London 2.20", "+44 20 7946 0220"),
]
SHARED = [
    {"email": f"desk@{DOMAIN}", "name": "Shared Desk", "password": "desk-sandbox-pw", "kind": "shared",
     "department": "Support", "full_access": [f"alice@{DOMAIN}", f"bob@{DOMAIN}"], "send_as": [f"alice@{DOMAIN}"],
     "send_on_behalf": [f"bob@{DOMAIN}"]},
]
ROOMS = [
    {"email": f"room.thames@{DOMAIN}", "name": "Thames Room", "password": "room-sandbox-pw", "kind": "room",
     "office": "London 4.10", "phone": "+44 20 7946 0410"},
    {"email": f"room.spree@{DOMAIN}", "name": "Spree Room", "password": "room-sandbox-pw", "kind": "room",
     "office": "Berlin 2.02"},
]
STAFF = [{"email": f"staff{n:03d}@{DOMAIN}", "name": f"Staff Member {n:03d}", "password": "staff-sandbox-pw",
          "title": "Associate", "department": "Operations", "office": "Remote"} for n in range(1, LARGE_GROUP_SIZE + 1)]
GROUPS = [
    {"email": f"sales@{DOMAIN}", "name": "Sales", "members": [f"alice@{DOMAIN}", f"ivan@{DOMAIN}",
                                                               f"sales.emea@{DOMAIN}"]},
    {"email": f"sales.emea@{DOMAIN}", "name": "Sales EMEA", "members": [f"ali.baba@{DOMAIN}", f"carl@{DOMAIN}"]},
    {"email": f"everyone@{DOMAIN}", "name": "Everyone", "members": [s["email"] for s in STAFF]},
    {"email": f"board@{DOMAIN}", "name": "The Board", "members": [f"dave@{DOMAIN}", f"carol@{DOMAIN}"],
     "accept_from": [f"dave@{DOMAIN}"]},
]
DIRECTORY_USERS = [*PEOPLE, *SHARED, *ROOMS, *STAFF, *GROUPS]
