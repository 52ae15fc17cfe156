"""What `plan` and `eligible` print: their views and their words, apart from the rest of the renderer so
that a command that looks things up never loads them (docs/performance.md)."""

from certfind import costs
from certfind import eligibility as eligibility_module
from certfind import plan as plans
from certfind.eligibility import Result, Verdict
from certfind.model import Entry, Money, cents_to_number
from certfind.plan import Event, Plan
from certfind.render.streams import write_csv, write_json, write_plain
from certfind.render.views import View
from certfind.render.words import renewal_text
from certfind.trust import trust_banner


def held_text(p: Plan) -> str:
    span = f"{p.years} year{'s' if p.years != 1 else ''}"
    return f"{span}, {p.earned.isoformat()} to {p.until.isoformat()}, at {plans.pricing(p.member)} prices"


def _fee_part(e: Event) -> str:
    if e.kind == "earned":
        return "no up-front fee listed" if e.fee is None else f"up front {plans.money_text(e.fee)}"
    return "no fee listed" if e.fee is None else f"fee {plans.money_text(e.fee)}"


def plan_fields(p: Plan) -> list[tuple[str, str]]:
    """The plan as (label, value) lines: what it covers, then one line per date, then the total."""
    out = [("certification", p.cert.label), ("id", p.cert.id)]
    if p.cert.unreal:
        out.append(("warning", trust_banner(p.cert)[0]))
    out.append(("held", held_text(p)))
    out.append(("renewal", renewal_text(p.cert)))
    if p.note:
        out.append(("note", p.note))
    for e in p.events:
        what = "earned" if e.kind == "earned" else plans.event_text(e)
        out.append((e.when.isoformat(), f"{what}; {_fee_part(e)}; total so far {plans.money_text(e.total, 'unknown')}"))
    out.append(("total", plans.money_text(p.total, "unknown")))
    return out


def left_out_text(result: Result, *, listed: bool) -> str:
    """What `eligible` did not check, said on stderr in every format; "" when it checked everything."""
    parts = []
    if count := len(result.not_recorded):
        which = "credential has" if count == 1 else "credentials have"
        how = "listed last" if listed else "list them with --all"
        parts.append(f"{count} {which} no recorded requirements and were not checked ({how})")
    if result.unreal:
        parts.append(f"{result.unreal} that no one awards (not found, or discontinued) are left out")
    return "; ".join(parts)


NEARLY_TEXT = "Nearly: the closest route misses one condition, or only hours or years of which at least half are there."


def missing_text(v: Verdict) -> str:
    return "; ".join(m.text for m in v.missing)


# --- plan --------------------------------------------------------------------------------------


def _money_cells(money: Money | None) -> list[object]:
    if money is None:
        return ["", "", ""]
    complete = "true" if money.complete else "false"
    return [cents_to_number(money.min_cents), cents_to_number(money.max_cents), complete]


class Planned(View):
    """Holding one credential over the years: each due date, what it asks, the running total."""

    def __init__(self, p: Plan) -> None:
        self.p = p

    def json(self) -> None:
        write_json(plans.to_json(self.p))

    def csv(self) -> None:
        p = self.p
        head = ["date", "kind", "label", "requirement", "fee_min", "fee_max", "fee_complete"]
        head += ["total_min", "total_max", "total_complete", "currency"]
        currency = p.cert.currency
        body = [
            [e.when.isoformat(), e.kind, e.label, e.requirement, *_money_cells(e.fee), *_money_cells(e.total), currency]
            for e in p.events
        ]
        write_csv([head, *body])

    def plain(self) -> None:
        write_plain(plan_fields(self.p))

    def table(self) -> None:
        from certfind.render import tables  # noqa: PLC0415 - Rich loads only for table output

        tables.planned(self.p)


# --- eligible ----------------------------------------------------------------------------------


def _why(v: Verdict) -> list[object]:
    """What a verdict lacks, and its route's note."""
    return [missing_text(v), v.route.note]


class Eligibility(View):
    """What a profile meets, nearly meets, and with `listed` what was not checked; each with its cost."""

    def __init__(self, result: Result, *, listed: bool = False) -> None:
        self.result, self.listed = result, listed
        self.groups = [("eligible", result.eligible), ("nearly", result.nearly)]

    def _lines(self) -> list[list[object]]:
        """group, id, name, issuer, verification, up front, missing, note."""

        def line(group: str, entry: Entry, why: list[object]) -> list[object]:
            c = entry.cert
            return [group, c.id, c.label, c.issued_by, c.verification.status, costs.format_money(entry.upfront), *why]

        rows = [line(group, v.entry, _why(v)) for group, verdicts in self.groups for v in verdicts]
        if self.listed:
            rows += [line("not-recorded", e, ["", ""]) for e in self.result.not_recorded]
        return rows

    def json(self) -> None:
        write_json(eligibility_module.to_json(self.result, listed=self.listed))

    def csv(self) -> None:
        write_csv([["group", "id", "name", "issuer", "verification", "upfront", "missing", "note"], *self._lines()])

    def plain(self) -> None:
        write_plain(self._lines())

    def table(self) -> None:
        from certfind.render import tables  # noqa: PLC0415 - Rich loads only for table output

        tables.eligibility(self.result, self.listed)
