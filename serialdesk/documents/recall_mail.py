"""Recall letters by e-mail (issue 18 §4–§5): each customer with an e-mail address gets the printed letter's text
as the body and the letter as a PDF. A line is marked contacted only once the server accepted the message (one
service call per customer, after the send: never inside a transaction). Without a mail server, .eml files."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from serialdesk.documents.mail import Attachment, MailProblem, Outbox, check_address, message, write_eml
from serialdesk.documents.recall_letters import letter_pdf, recall_letters
from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import plural
from serialdesk.services.dto import PartyView, RecallView
from serialdesk.services.shop import ShopProfileView

if TYPE_CHECKING:
    from serialdesk.labels.letters import RecallLetter

SENT, REFUSED, NOT_SENT, EML, POST = "sent", "refused", "not sent", "eml", "post"


@dataclass(frozen=True)
class MailedLetter:
    customer: str  # "Jane Smith (C-0001)"
    number: str
    to: str | None
    outcome: str  # sent | refused | not sent | eml | post
    detail: str = ""  # the server's refusal, the .eml file, a note on the record


@dataclass(frozen=True)
class MailReport:
    recall: str
    letters: tuple[MailedLetter, ...] = ()
    problem: str = ""  # the server could not be used (all not yet sent stayed unsent)
    eml_dir: str | None = None
    marked: tuple[str, ...] = field(default=())  # customer numbers marked contacted

    def count(self, outcome: str) -> int:
        return sum(1 for x in self.letters if x.outcome == outcome)

    @property
    def complete(self) -> bool:
        """Every customer with an address was e-mailed (or got an .eml) and the server never failed."""
        return not self.problem and not self.count(REFUSED) and not self.count(NOT_SENT)

    def text(self) -> str:
        lines = []
        if self.problem:
            lines.append(self.problem)
        for x in self.letters:
            if x.outcome == SENT and x.detail:
                lines.append(f"  e-mailed {x.customer} at {x.to}, but it could not be recorded: {x.detail} Mark "
                             f"it by hand (recall-track {self.recall} --contacted {x.number}).")
            elif x.outcome == SENT:
                lines.append(f"  e-mailed {x.customer} at {x.to}: marked contacted")
            elif x.outcome == REFUSED:
                lines.append(f"  NOT sent to {x.customer} at {x.to}: {x.detail}. Still to contact.")
            elif x.outcome == NOT_SENT:
                lines.append(f"  NOT sent to {x.customer} at {x.to}: the mail server could not be used. "
                             "Still to contact.")
            elif x.outcome == EML:
                lines.append(f"  {x.customer} at {x.to}: written to {x.detail} (not sent; not marked contacted)")
        post = [x.customer for x in self.letters if x.outcome == POST]
        if post:
            lines.append(f"To letter by post (no e-mail address): {', '.join(post)}")
        if self.eml_dir:
            lines.insert(0, f"No mail server is set (shop set --smtp-host …): {plural(self.count(EML), 'e-mail')} "
                            f"written as .eml files into {self.eml_dir}; nobody was marked contacted.")
        else:
            lines.insert(0, f"Recall {self.recall}: {self.count(SENT)} of "
                            f"{len(self.letters) - self.count(POST)} e-mails accepted by the mail server.")
        return "\n".join(lines)


def email_recall_letters(view: RecallView, shop: ShopProfileView, *, password: str | None,
                         mark: Callable[[PartyView, str], object], eml_dir: Path,
                         only: Callable[[PartyView], bool] = lambda p: True) -> MailReport:
    """Send (or, without a mail server, write as .eml) one letter per customer for whom ``only`` holds; ``mark``
    records a customer contacted at an address (called once per accepted message). DomainError before anything
    was sent when the shop has no address to send from."""
    if view.number is None:
        raise DomainError("Only a saved recall's letters can be e-mailed (not a preview).", code="recall_not_saved")
    if not shop.sender:
        raise DomainError("The shop has no e-mail address to send from: set one in Settings → Shop profile "
                          "(shop set --email …). Nothing was sent.", code="no_sender")
    notice, addressed = recall_letters(view, shop)
    addressed = [(p, letter) for p, letter in addressed if only(p)]
    post = [MailedLetter(_who(p), p.number, None, POST) for p, _ in addressed if check_address(p.email) is None]
    to_send = [(p, letter, to) for p, letter in addressed if (to := check_address(p.email)) is not None]
    if not to_send:
        return MailReport(view.number, tuple(post))
    from serialdesk.labels.letters import letter_subject, letter_text

    done: list[MailedLetter] = []
    marked: list[str] = []
    with tempfile.TemporaryDirectory(prefix="serialdesk-mail-") as work:

        def build(p: PartyView, letter: RecallLetter, to: str) -> EmailMessage:
            pdf = letter_pdf(notice, letter, Path(work))
            return message(shop, to, letter_subject(notice), letter_text(notice, letter),
                           (Attachment(f"recall-{view.number}-{p.number}.pdf", pdf),), to_name=p.name)

        if not shop.smtp_host:
            for p, letter, to in to_send:
                try:
                    msg = build(p, letter, to)
                except DomainError as exc:  # an address no message can carry: said for that customer only
                    done.append(MailedLetter(_who(p), p.number, to, REFUSED, exc.message.rstrip(".")))
                    continue
                path = write_eml(msg, eml_dir, f"{view.number}-{p.number}")
                done.append(MailedLetter(_who(p), p.number, to, EML, str(path)))
            return MailReport(view.number, tuple(done + post), eml_dir=str(eml_dir))
        problem = ""
        try:
            with Outbox(shop, password) as box:
                for p, letter, to in to_send:
                    try:
                        msg = build(p, letter, to)
                    except DomainError as exc:
                        done.append(MailedLetter(_who(p), p.number, to, REFUSED, exc.message.rstrip(".")))
                        continue
                    refused = box.send(msg)
                    if refused:
                        done.append(MailedLetter(_who(p), p.number, to, REFUSED, refused))
                        continue
                    note = ""
                    try:
                        mark(p, to)
                        marked.append(p.number)
                    except DomainError as exc:  # sent, but the database would not take the note of it
                        note = exc.message
                    done.append(MailedLetter(_who(p), p.number, to, SENT, note))
        except MailProblem as exc:
            problem = exc.message + (" Nothing was sent." if not done else "")
        sent = {x.number for x in done}
        done += [MailedLetter(_who(p), p.number, to, NOT_SENT) for p, _, to in to_send if p.number not in sent]
    return MailReport(view.number, tuple(done + post), problem, marked=tuple(marked))


def _who(p: PartyView) -> str:
    return f"{p.name} ({p.number})"
