"""Does the organisation's directory know a recipient? ``dispatch-mail send`` and ``sendmail`` ask it behind the
account's door (app/core/scripts/desk.py), before anything is journaled or sent, so that a typing mistake is
refused rather than sent. No Qt; the directory is asked through the account's own client (``search_directory``:
Exchange's ResolveNames on EWS; ``/me/people``, ``/users`` and ``/groups`` on Microsoft Graph), as Check Names does
in Outlook
(learn.microsoft.com/exchange/client-developer/web-service-reference/resolvenames-operation: one match, or
ErrorNameResolutionMultipleResults with the candidates, or ErrorNameResolutionNoResults).

- **A name** (a ``--to``, ``--cc`` or ``--bcc`` value with no ``@``, e.g. ``--to Carol``): the one entry the
  directory has for it is the recipient, and what it became is said on standard error; several (none of them
  named exactly so) or none: 65 with the candidates. A name cannot be queued unresolved, so when the directory
  cannot be asked it is refused: 69 (the server unreachable, or no answer in time), 77 (the sign-in refused).
- **An address in one of the organisation's own domains** (the account's, and those of the mailboxes it sends
  from): the directory must know exactly that address; else 65 with the entries it has for the address's local
  part. ``--no-check`` sends it without asking. When the directory cannot be asked, the address goes as it would
  have before this check (queued when the server is away: an address, unlike a name, can wait), and standard
  error says it was not checked.
- **Any other address** goes as before.

Every look-up of one message runs together, within the command's wait but at least :data:`CHECK_FLOOR` seconds
(``--no-wait`` included: a server that answers takes milliseconds).
"""

from __future__ import annotations

import asyncio
import re
from typing import Awaitable, Callable, Iterable

from app.core.scripts.door_protocol import Options
from app.core.scripts.exits import EX_DATAERR, EX_NOPERM, EX_UNAVAILABLE, CommandError
from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.models import ErrorKind, Recipient
from app.domain.validation import printable
from app.mail.errors import DirectoryNotGranted, MailError

# the seconds the directory has at least to answer one message's look-ups, whatever the command's wait
CHECK_FLOOR = 5.0
# the candidates a refusal lists at most (the directory may hold hundreds of "Sales ...")
MOST_SHOWN = 10
# look-ups sent to the server at once (a message to 500 colleagues is not 500 requests at the same moment)
AT_ONCE = 4
# what separates the words of an address's local part (carl.unknown -> carl)
_WORDS = re.compile(r"[._+\-]+")

LookUp = Callable[[str], Awaitable[list[Recipient]]]


async def entries_for(client, text: str) -> tuple[DirectoryPage, DirectoryNotGranted | None]:
    """The first page of an account's client's ``search_directory`` for ``text``; where the organisation has not
    granted the address book (DirectoryNotGranted: Graph's ``/users`` refused), the people its ``resolve_names``
    finds instead (Graph's ``/me/people``, which the sign-in's People.Read allows: the people the user works with and
    the directory's, by relevance), with that refusal."""
    try:
        return await client.search_directory(text), None
    except DirectoryNotGranted as exc:
        found = await client.resolve_names(text)
        return DirectoryPage(tuple(DirectoryEntry(name=r.name, email=r.email) for r in found)), exc


def directory_of(client) -> LookUp:
    """The look-up of an account's client (:func:`entries_for`), as recipients."""
    async def look_up(text: str) -> list[Recipient]:
        page, _withheld = await entries_for(client, text)
        return [e.recipient() for e in page.entries]
    return look_up


class Unasked(Exception):
    """The directory could not be asked: ``code`` (69 or 77) and ``why``, in words."""

    def __init__(self, code: int, why: str):
        super().__init__(why)
        self.code, self.why = code, why


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def org_domains(account_email: str, principals: Iterable) -> frozenset[str]:
    """The organisation's own domains as the account knows them: its address's, and those of the mailboxes it sends
    from (``principals``: anything with an ``email``)."""
    found = {domain_of(account_email), *(domain_of(p.email) for p in principals)}
    return frozenset(d for d in found if d)


def is_name(value: str) -> bool:
    """A recipient option's value that is a name to look up, not an address (it holds no ``@`` nor ``<``)."""
    return bool(value.strip()) and "@" not in value and "<" not in value


def chosen(text: str, found: list[Recipient]) -> Recipient | None:
    """The one entry ``text`` names: the only one found, else the only one named exactly so (its whole display
    name, its address or its address's local part, any case: "carl" is Carl, not Carla); None when ambiguous."""
    if len(found) == 1:
        return found[0]
    wanted = text.strip().casefold()
    exact = [r for r in found if wanted in (r.name.strip().casefold(), r.email.casefold(),
                                            r.email.partition("@")[0].casefold())]
    return exact[0] if len(exact) == 1 else None


class DirectoryCheck:
    """One message's look-ups: ``look_up(text)`` the directory's entries for a name or an address
    (:func:`directory_of` the account's client), ``domains`` the organisation's own (:func:`org_domains`), ``patience`` the seconds all of
    them may take together."""

    def __init__(self, look_up: LookUp, domains: Iterable[str], patience: float):
        self.look_up, self.domains, self.patience = look_up, frozenset(domains), patience
        self._answers: dict[str, list[Recipient]] = {}
        self._gate = asyncio.Semaphore(AT_ONCE)

    # ------------------------------------------------------------------ names
    async def names(self, options: Options) -> tuple[Options, list[str], set[str]]:
        """``options`` with each name in To, Cc and Bcc replaced by the entry the directory has for it, the words
        saying what each became, and the addresses found so (the directory knows them: not asked again).
        :class:`CommandError` 65 for a name that names several or nobody; 69/77 when the directory cannot be
        asked."""
        fields = {"--to": options.to, "--cc": options.cc, "--bcc": options.bcc}
        wanted = [v.strip() for values in fields.values() for v in values if is_name(v)]
        if not wanted:
            return options, [], set()
        try:
            await self._ask(wanted)
        except Unasked as no:
            raise CommandError(no.code, f"“{printable(wanted[0])}” is a name, and the organisation's directory could not "
                                        f"be asked who it is ({no.why}). Nothing was sent: give the address, or try "
                                        "again.") from None
        said, known, changed = [], set(), {}
        for option, values in fields.items():
            changed[option] = tuple(self._named(option, v, said, known) if is_name(v) else v for v in values)
        options = options.changed(to=changed["--to"], cc=changed["--cc"], bcc=changed["--bcc"])
        return options, said, known

    def _named(self, option: str, value: str, said: list[str], known: set[str]) -> str:
        text = value.strip()
        found = self._answers[text]
        one = chosen(text, found)
        if one is None and not found:
            raise CommandError(EX_DATAERR, f"{option}: the organisation's directory knows nobody by the name "
                                           f"“{printable(text)}”. Nothing was sent.")
        if one is None:
            raise CommandError(EX_DATAERR, f"{option}: “{printable(text)}” names {len(found)} entries of the "
                                           f"organisation's directory; give one of their addresses (or more of the "
                                           f"name):\n{_listed(found)}\nNothing was sent.")
        said.append(f"{option}: “{printable(text)}” is {printable(one.display(), 200)}.")
        known.add(one.email.lower())
        return one.display()

    # ------------------------------------------------------------------ addresses
    async def addresses(self, people: list[tuple[str, Recipient]], known: set[str]) -> list[str]:
        """Each of ``people`` ((option, recipient)) whose address is in one of the organisation's domains and not in
        ``known`` must be one the directory knows: :class:`CommandError` 65 for the first that is not, with the
        entries the directory has like it. The words to say (on standard error) when the directory could not be
        asked: those addresses go unchecked."""
        seen, wanted = set(known), []
        for option, r in people:
            key = r.email.strip().lower()
            if key not in seen and domain_of(key) in self.domains:
                seen.add(key)
                wanted.append((option, r.email.strip()))
        if not wanted:
            return []
        try:
            await self._ask([address for _option, address in wanted])
        except Unasked as no:  # the words name no address: standard error is no place for a message's recipients
            return [f"The recipients in the organisation's own domains were not checked against its directory "
                    f"({no.why})."]
        for option, address in wanted:
            if not any(r.email.strip().lower() == address.lower() for r in self._answers[address]):
                await self._refuse(option, address)
        return []

    async def _refuse(self, option: str, address: str) -> None:
        """65 for ``address``, which the directory does not know, with what it has for the address's local part
        (or its first word: carl.unknown -> carl)."""
        local = address.rpartition("@")[0]
        tries = list(dict.fromkeys(t for t in (local, _WORDS.split(local)[0]) if t))
        found: list[Recipient] = []
        try:
            for text in tries:
                await self._ask([text])
                found = self._answers[text]
                if found:
                    break
        except Unasked:
            found = []  # refused all the same: the directory said it does not know the address itself
        like = (f" Entries like it:\n{_listed(found)}\n" if found
                else " The directory has no entry like it either. ")
        domain = domain_of(address)
        raise CommandError(EX_DATAERR, f"{option}: {printable(address)} is not in the organisation's directory "
                                       f"({domain} is one of its own domains).{like}Nothing was sent (--no-check "
                                       "sends to it without asking the directory).")

    # ------------------------------------------------------------------ the look-ups
    async def _ask(self, texts: list[str]) -> None:
        """The directory's answer for each of ``texts`` not asked yet, together, within :attr:`patience`;
        :class:`Unasked` when it cannot be had."""
        new = list(dict.fromkeys(t for t in texts if t not in self._answers))
        if not new:
            return
        try:
            answers = await asyncio.wait_for(asyncio.gather(*(self._one(t) for t in new)), self.patience)
        except asyncio.TimeoutError:
            raise Unasked(EX_UNAVAILABLE, f"the server did not answer within {self.patience:g} s") from None
        except DirectoryNotGranted as exc:
            raise Unasked(EX_NOPERM, _words(exc)) from None
        except MailError as exc:
            raise Unasked(EX_NOPERM if exc.kind == ErrorKind.AUTH else EX_UNAVAILABLE, _words(exc)) from None
        self._answers.update(zip(new, answers))

    async def _one(self, text: str) -> list[Recipient]:
        async with self._gate:
            return list(await self.look_up(text))


def _words(exc: MailError) -> str:
    return printable(str(getattr(exc, "message", "") or type(exc).__name__), 200).rstrip(".")


def _listed(found: list[Recipient]) -> str:
    lines = [f"  {printable(r.display(), 200)}" for r in found[:MOST_SHOWN]]
    if len(found) > MOST_SHOWN:
        lines.append(f"  … and {len(found) - MOST_SHOWN} more")
    return "\n".join(lines)
