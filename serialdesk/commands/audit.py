"""audit [--user U] [--kind K] [--from D --to D] [--limit N]: every event, unit or not (managers only)."""

from __future__ import annotations

import argparse
import json

from serialdesk.commands.context import Context
from serialdesk.commands.output import local
from serialdesk.commands.trace import _date
from serialdesk.services.dto.audit import AuditEvent


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    # Here --user filters the trail; who is acting is named before the command (serialdesk --user NAME audit)
    # or by $SERIALDESK_USER.
    options = argparse.ArgumentParser(add_help=False)
    for action in common._actions:
        if "--user" not in action.option_strings:
            options._add_action(action)
    p = sub.add_parser("audit", parents=[options],
                       help="the audit trail: units, users, products, recalls, init, backup, restore")
    p.add_argument("--user", dest="by_user", metavar="USER", help="only what this user did")
    p.add_argument("--kind", help="only events of this kind (e.g. user_added, sold, init)")
    p.add_argument("--from", dest="first", type=_date, metavar="DATE", help="first day (UTC), inclusive")
    p.add_argument("--to", dest="last", type=_date, metavar="DATE", help="last day (UTC), inclusive")
    p.add_argument("--limit", type=int, help="at most this many events (oldest first)")
    p.set_defaults(handler=run_audit)


def _line(e: AuditEvent) -> str:
    about = " ".join(x for x in (e.ref or "", f"{e.sku}:{e.serial}" if e.serial and e.sku else e.serial or "") if x)
    data = json.dumps(e.data, ensure_ascii=False, sort_keys=True) if e.data else ""
    return f"{local(e.at)}  {e.user:<12} {e.station:<12} {e.kind:<22} {about} {data}".rstrip()


def run_audit(ctx: Context) -> int:
    a = ctx.args
    events = ctx.services.audit.events(user=a.by_user, kind=a.kind, first=a.first, last=a.last, limit=a.limit)
    return ctx.emit(events, lambda: "\n".join(_line(e) for e in events) or "No events.")
