"""The take-back race driven over the sandbox's admin endpoint (real HTTP, as for a sandbox in another process):
hold the Outbox worker at a step of a delivery (core/pauses.py), let it go on, and count where a message is."""

from __future__ import annotations

import httpx

#: What a take-back arriving at each step of the delivery ends in, when its id names the Outbox copy.
OUTCOME = {"before_claim": "taken back", "claimed": "sent", "delivered": "sent"}


def admin(sb, **request) -> dict:
    """One request to the admin endpoint: a POST of ``request``, or a GET when it is empty."""
    if not request:
        r = httpx.get(sb.admin_url, headers=sb.admin_headers(), trust_env=False, timeout=10)
    else:
        r = httpx.post(sb.admin_url, headers=sb.admin_headers(), json=request, trust_env=False, timeout=40)
    assert r.status_code == 200, r.text
    return r.json()


def hold_delivery_at(sb, step: str, seconds: float = 3600) -> None:
    """Arm a pause at ``step``, move the clock ``seconds`` on (past the message's time), and wait on the pause's
    event until the worker is held there."""
    admin(sb, pause_delivery=step)
    state = admin(sb, advance_clock=seconds, wait_paused=step)
    assert state["delivery"]["paused_at"] == step, state  # the fault fired: the delivery waits at that step


def resume_and_settle(sb) -> None:
    """Let the held delivery go on, then move the clock a day on: whatever is still due would go out now."""
    assert admin(sb, resume_delivery=True)["delivery"]["armed"] == []
    assert sb.outbox.wait_idle(10)
    admin(sb, advance_clock=24 * 3600)
    assert sb.outbox.wait_idle(10)


def where(sb, subject: str, sender: str = "alice@example.com", recipient: str = "bob@example.com") -> dict:
    """How many copies of ``subject`` each place holds: the recipient's Inbox, the sender's Outbox, Sent Items,
    Drafts and Deleted Items."""
    alice, bob = sb.mailbox(sender), sb.mailbox(recipient)
    places = {"bob inbox": bob.items("inbox"), "outbox": alice.items("outbox"), "sent": alice.items("sentitems"),
              "drafts": alice.items("drafts"), "deleted": alice.items("deleteditems")}
    return {name: sum(1 for it in rows if it["subject"] == subject) for name, rows in places.items()}
