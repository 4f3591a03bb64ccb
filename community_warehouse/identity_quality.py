"""How well identity resolution matches the generator's ground truth.

`python -m community_warehouse.identity_quality --db community_warehouse.duckdb --truth data/demo/_truth`
prints pairwise precision and recall of "same person" decisions and account-match precision.

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


@dataclass
class IdentityQuality:
    identifiers: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    members_with_account: int
    correct_accounts: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
