"""How well identity resolution matches the generator's ground truth.

`python -m community_warehouse.identity_quality --db community_warehouse.duckdb --truth data/demo/_truth`
prints pairwise precision and recall of "same person" decisions, recall of the pairs the evidence can
connect at all (linkable_pairs), account-match precision, and the same per trap class the generator
planted (shared assistant addresses, household addresses, GitHub noreply sign-ups, job changes).

Pairwise: every two account identifiers (Slack user, HubSpot contact, …) of one true person is a true
pair; every two in one member is a predicted pair. Role mailboxes and bots count as people of their own,
so merging one with a person costs precision. An identifier the truth gives to several people (a web
browser two people shared) has no single answer and is left out.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

# The generator's (source, entity) → the warehouse's identifier type.
IDENTIFIER_TYPES = {
    ("slack", "user"): "slack_user",
    ("discord", "user"): "discord_user",
    ("discourse", "user"): "discourse_user",
    ("github", "user"): "github_user",
    ("social", "x_user"): "x_user",
    ("events", "guest"): "event_guest",
    ("web", "anonymous_id"): "web_anonymous_id",
    ("hubspot", "contact"): "hubspot_contact",
    ("salesforce", "contact"): "salesforce_contact",
    ("salesforce", "lead"): "salesforce_lead",
    ("zendesk", "user"): "zendesk_user",
    ("billing", "customer"): "billing_customer",
}


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class _PairScores:
    """Pairwise precision and recall from pair counts (1.0 when there is nothing to count)."""

    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return _share(self.correct_pairs, self.predicted_pairs)

    @property
    def recall(self) -> float:
        return _share(self.correct_pairs, self.true_pairs)


@dataclass
class IdentityQuality(_PairScores):
    identifiers: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    members_with_account: int
    correct_accounts: int

    @property
    def account_precision(self) -> float:
        return self.correct_accounts / self.members_with_account if self.members_with_account else 1.0


def _pairs(group_sizes: pd.Series) -> int:
    return int((group_sizes * (group_sizes - 1) // 2).sum())


def truth_identities(truth: Path) -> pd.DataFrame:
    """One row per unambiguous account identifier: identifier_id and the true person (or role/bot)."""
    t = pd.read_csv(truth / "identities.csv", dtype=str, keep_default_na=False)
    t["identifier_id"] = [
        f"{IDENTIFIER_TYPES[(s, e)]}:{i}" for s, e, i in zip(t.source, t.entity, t.identifier, strict=True)
    ]
    t["person"] = t.person_id.where(t.kind == "person", t.kind + ":" + t.identifier_id)
    owners = t.groupby("identifier_id").person.nunique()
    return t[t.identifier_id.isin(owners[owners == 1].index)].drop_duplicates("identifier_id")


def linkable_pairs(db: Path, truth: Path) -> pd.DataFrame:
    """The true pairs any resolver could find from the evidence: two accounts of one person joined by a
    chain of that person's own claims (an account and an identifier its record states) or curated links.
    A pair whose only connection runs through someone else's records (or through nothing) is not
    linkable. Returns identifier_id_a < identifier_id_b."""
    t = truth_identities(truth)
    person_of = dict(zip(t.identifier_id, t.person, strict=True))
    with duckdb.connect(str(db), read_only=True) as con:
        claims = con.execute(
            "select distinct concat(identifier_type, ':', identifier_value), concat(stated_type, ':', stated_value) "
            "from intermediate.int_identity__claims where stated_value is not null"
        ).fetchall()
    # The curated links the build read: the exports folder's config/identity_links.csv, beside _truth/.
    links_file = truth.parent / "config" / "identity_links.csv"
    links: list[tuple[str, str]] = []
    if links_file.exists():
        curated = pd.read_csv(links_file, dtype=str, keep_default_na=False)
        links = [
            (
                f"{r.identifier_type_a}:{r.identifier_value_a.strip()}",
                f"{r.identifier_type_b}:{r.identifier_value_b.strip()}",
            )
            for r in curated.itertuples()
        ]
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for account, stated in claims:
        person = person_of.get(account)
        if person is not None:
            parent[find((person, account))] = find((person, stated))
    for a, b in links:
        for person in {person_of.get(a), person_of.get(b)} - {None}:
            parent[find((person, a))] = find((person, b))
    frame = t[["identifier_id", "person"]].copy()
    frame["component"] = [str(find((p, i))) for i, p in zip(frame.identifier_id, frame.person, strict=True)]
    pairs = frame.merge(frame, on=["person", "component"], suffixes=("_a", "_b"))
    pairs = pairs[pairs.identifier_id_a < pairs.identifier_id_b]
    return pairs[["identifier_id_a", "identifier_id_b", "person"]].reset_index(drop=True)


@dataclass
class TrapQuality(_PairScores):
    trap: str
    identifiers: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    linkable_pairs: int
    linked_pairs: int

    @property
    def linkable_recall(self) -> float:
        return self.linked_pairs / self.linkable_pairs if self.linkable_pairs else 1.0


def measure_traps(db: Path, truth: Path) -> list[TrapQuality]:
    """Pairwise precision and recall restricted to pairs with at least one identifier the generator
    planted a trap on (truth column `trap`: shared_assistant, household, github_noreply, job_change)."""
    t = truth_identities(truth)
    if "trap" not in t:
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        members = con.execute(
            "select identifier_id, member_id from intermediate.int_identity__member_map where is_account"
        ).df()
    joined = t.merge(members, on="identifier_id", how="inner")[["identifier_id", "person", "member_id", "trap"]]
    linkable = linkable_pairs(db, truth)
    with duckdb.connect() as con:
        con.register("j", joined)
        con.register("linkable", linkable)
        rows = con.execute(
            """
            with pairs as (
                select a.trap as trap_a, b.trap as trap_b,
                       a.person = b.person as same_person, a.member_id = b.member_id as same_member,
                       l.person is not null as is_linkable
                from j as a join j as b
                  on a.identifier_id < b.identifier_id
                 and (a.person = b.person or a.member_id = b.member_id)
                left join linkable as l
                  on l.identifier_id_a = a.identifier_id and l.identifier_id_b = b.identifier_id
                where a.trap <> '' or b.trap <> ''
            ),
            per_trap as (
                select trap_a as trap, same_person, same_member, is_linkable from pairs where trap_a <> ''
                union all
                select trap_b, same_person, same_member, is_linkable from pairs
                where trap_b <> '' and trap_b <> trap_a
            )
            select trap,
                   count(*) filter (where same_person) as true_pairs,
                   count(*) filter (where same_member) as predicted_pairs,
                   count(*) filter (where same_person and same_member) as correct_pairs,
                   count(*) filter (where same_person and is_linkable) as linkable_pairs,
                   count(*) filter (where same_person and is_linkable and same_member) as linked_pairs
            from per_trap group by 1 order by 1
            """
        ).fetchall()
        sizes = dict(con.execute("select trap, count(*) from j where trap <> '' group by 1").fetchall())
    return [TrapQuality(trap, int(sizes.get(trap, 0)), *(int(v) for v in rest)) for trap, *rest in rows]


def measure(db: Path, truth: Path) -> IdentityQuality:
    t = truth_identities(truth)
    with duckdb.connect(str(db), read_only=True) as con:
        members = con.execute(
            "select identifier_id, member_id from intermediate.int_identity__member_map where is_account"
        ).df()
        accounts = con.execute(
            "select m.member_id, a.account_domain, a.account_name "
            "from intermediate.int_crm__member_accounts as m "
            "join intermediate.int_crm__accounts as a using (account_id)"
        ).df()
    joined = t.merge(members, on="identifier_id", how="inner")
    correct = _pairs(joined.groupby(["person", "member_id"]).size())
    predicted = _pairs(joined.groupby("member_id").size())
    true = _pairs(joined.groupby("person").size())

    # Account matches: the member's true person (people only) → their company's domain.
    people = pd.read_csv(truth / "people.csv", dtype=str, keep_default_na=False)
    companies = pd.read_csv(truth / "companies.csv", dtype=str, keep_default_na=False)
    persons = joined[joined.person.str.startswith("P")]
    person_of_member = persons.groupby("member_id").person.agg(lambda s: s.value_counts().index[0])
    accounts["person_id"] = accounts.member_id.map(person_of_member)
    accounts = accounts[accounts.person_id.notna()]
    true_company = people.set_index("person_id").company_index.map(companies.set_index("company_index").domain)
    accounts["true_domain"] = accounts.person_id.map(true_company)
    ok = accounts.account_domain.fillna("") == accounts.true_domain.fillna("-")
    return IdentityQuality(
        identifiers=len(joined),
        true_pairs=true,
        predicted_pairs=predicted,
        correct_pairs=correct,
        members_with_account=len(accounts),
        correct_accounts=int(ok.sum()),
    )


@dataclass
class AffiliationQuality:
    activities: int
    dated_correct: int
    current_correct: int

    @property
    def dated_accuracy(self) -> float:
        return self.dated_correct / self.activities if self.activities else 1.0

    @property
    def current_accuracy(self) -> float:
        return self.current_correct / self.activities if self.activities else 1.0


def measure_affiliations(db: Path, truth: Path) -> AffiliationQuality:
    """For the activities of people who changed jobs (truth affiliations.csv): how often the account
    credited at the time of the activity (int_crm__member_affiliations) is their employer at that time,
    beside the baseline of crediting today's account (int_crm__member_accounts)."""
    t = truth_identities(truth)
    affiliations = pd.read_csv(truth / "affiliations.csv", dtype=str, keep_default_na=False)
    movers = set(affiliations.person_id[affiliations.valid_to != ""])
    with duckdb.connect(str(db), read_only=True) as con:
        members = con.execute(
            "select identifier_id, member_id from intermediate.int_identity__member_map where is_account"
        ).df()
        joined = t.merge(members, on="identifier_id")
        person_of_member = (
            joined[joined.person.isin(movers)]
            .groupby("member_id")
            .person.agg(lambda s: s.value_counts().index[0])
            .reset_index()
        )
        con.register("person_of_member", person_of_member)
        con.register("truth_affiliations", affiliations)
        row = con.execute(
            """
            with acts as (
                select activities.activity_id, activities.member_id, activities.occurred_at, pm.person
                from marts.fct_activities as activities
                inner join person_of_member as pm using (member_id)
            ),
            truth as (
                select acts.*, ta.domain as true_domain
                from acts
                left join truth_affiliations as ta
                  on ta.person_id = acts.person
                 and (ta.valid_from = '' or acts.occurred_at >= cast(ta.valid_from as timestamp))
                 and (ta.valid_to = '' or acts.occurred_at < cast(ta.valid_to as timestamp))
            ),
            dated as (
                select truth.activity_id, accounts.account_domain
                from truth
                left join intermediate.int_crm__member_affiliations as periods
                  on periods.member_id = truth.member_id
                 and (periods.valid_from is null or truth.occurred_at >= periods.valid_from)
                 and (periods.valid_to is null or truth.occurred_at < periods.valid_to)
                left join intermediate.int_crm__accounts as accounts using (account_id)
            ),
            today as (
                select truth.activity_id, accounts.account_domain
                from truth
                left join intermediate.int_crm__member_accounts as current_account using (member_id)
                left join intermediate.int_crm__accounts as accounts using (account_id)
            )
            select
                count(*),
                count(*) filter (where dated.account_domain = truth.true_domain),
                count(*) filter (where today.account_domain = truth.true_domain)
            from truth
            left join dated using (activity_id)
            left join today using (activity_id)
            """
        ).fetchone()
    return AffiliationQuality(int(row[0]), int(row[1]), int(row[2]))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m community_warehouse.identity_quality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", type=Path, default=Path("community_warehouse.duckdb"))
    p.add_argument("--truth", type=Path, default=Path("data/demo/_truth"))
    args = p.parse_args(argv)
    q = measure(args.db, args.truth)
    print(f"identifiers evaluated   {q.identifiers:,}")
    print(f"pairwise precision      {q.precision:.4f}  ({q.correct_pairs:,} of {q.predicted_pairs:,} merged pairs)")
    print(f"pairwise recall         {q.recall:.4f}  ({q.correct_pairs:,} of {q.true_pairs:,} true pairs)")
    print(f"account precision       {q.account_precision:.4f}  ({q.correct_accounts:,} of {q.members_with_account:,})")
    linkable = linkable_pairs(args.db, args.truth)
    with duckdb.connect(str(args.db), read_only=True) as con:
        member_of = dict(
            con.execute(
                "select identifier_id, member_id from intermediate.int_identity__member_map where is_account"
            ).fetchall()
        )
    linked = sum(
        1
        for a, b in zip(linkable.identifier_id_a, linkable.identifier_id_b, strict=True)
        if a in member_of and member_of[a] == member_of.get(b)
    )
    share = linked / len(linkable) if len(linkable) else 1.0
    print(f"recall of linkable      {share:.4f}  ({linked:,} of {len(linkable):,} pairs the evidence connects)")
    aff = measure_affiliations(args.db, args.truth)
    print(
        f"job changers' activities {aff.activities:,}: account at the time right {aff.dated_accuracy:.4f}"
        f" ({aff.dated_correct:,}); today's account right {aff.current_accuracy:.4f} ({aff.current_correct:,})"
    )
    for trap in measure_traps(args.db, args.truth):
        print(
            f"trap {trap.trap:<18} precision {trap.precision:.4f} ({trap.correct_pairs:,}/{trap.predicted_pairs:,})"
            f"  recall {trap.recall:.4f} ({trap.correct_pairs:,}/{trap.true_pairs:,})"
            f"  of linkable {trap.linkable_recall:.4f} ({trap.linked_pairs:,}/{trap.linkable_pairs:,})"
            f"  identifiers {trap.identifiers:,}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
