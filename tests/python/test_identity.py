"""Identity resolution against the generator's ground truth, and member-id stability when data is added."""

from __future__ import annotations

import duckdb
import pytest

from community_warehouse.identity_quality import measure, truth_identities
from helpers import run_dbt


def test_identity_resolution_meets_the_bar(demo_db, demo_raw):
    quality = measure(demo_db, demo_raw / "_truth")
    assert quality.identifiers > 5_000, "the demo should evaluate thousands of accounts"
    assert quality.precision >= 0.99, quality
    assert quality.recall >= 0.95, quality
    assert quality.account_precision >= 0.98, quality
    assert quality.members_with_account > 1_000, quality


def test_address_variants_merge(demo_db, demo_raw):
    """Accounts of one person whose addresses differ only in case, spaces or a plus-tag are one member."""
    truth = truth_identities(demo_raw / "_truth")
    truth = truth[truth.person.str.startswith("P") & (truth.email_written != "")]
    truth = truth.assign(
        normalized=truth.email_written.str.strip().str.lower().str.replace(r"\+[^@]*@", "@", regex=True)
    )
    variant = truth.email_written != truth.normalized
    assert variant.sum() > 100, "the demo plants case, space and plus-tag variants"
    with duckdb.connect(str(demo_db), read_only=True) as con:
        members = con.execute("select identifier_id, member_id from intermediate.int_identity__member_map").df()
    joined = truth.merge(members, on="identifier_id")
    # Every (person, normalized address) group with a written variant sits in exactly one member.
    groups = joined.groupby(["person", "normalized"])
    with_variant = groups.filter(lambda g: (g.email_written != g.normalized).any() and len(g) > 1)
    assert len(with_variant) > 50
    assert (with_variant.groupby(["person", "normalized"]).member_id.nunique() == 1).all()


def test_role_addresses_and_shared_devices_link_nobody(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        role_edges, roles = con.execute(
            "select count(edges.rule), count(distinct ids.identifier_id) "
            "from intermediate.int_identity__identifiers as ids "
            "left join intermediate.int_identity__edges as edges "
            "  on ids.identifier_id in (edges.identifier_id_a, edges.identifier_id_b) "
            "where ids.is_role_address"
        ).fetchone()
        shared = con.execute(
            "select identifier_value from intermediate.int_identity__claims "
            "where identifier_type = 'web_anonymous_id' group by 1 having count(distinct stated_value) > 1"
        ).fetchall()
        shared_edges = con.execute(
            "select count(*) from intermediate.int_identity__edges where identifier_id_a like 'web_anonymous_id:%' "
            "and substr(identifier_id_a, 18) in (select identifier_value from intermediate.int_identity__claims "
            "  where identifier_type = 'web_anonymous_id' group by 1 having count(distinct stated_value) > 1)"
        ).fetchone()[0]
    assert roles > 10 and role_edges == 0
    assert len(shared) > 5 and shared_edges == 0


@pytest.fixture(scope="module")
def with_and_without_discord(demo_raw, tmp_path_factory):
    work = tmp_path_factory.mktemp("stability")
    select = ["build", "--select", "+int_identity__member_map", "--exclude", "test_type:data"]
    before = run_dbt(select, demo_raw, work / "before", vars_={"using_discord": False}).ok().db
    after = run_dbt(select, demo_raw, work / "after").ok().db
    query = (
        "select map.identifier_id, map.member_id, map.founding_identifier_id, ids.first_seen_at "
        "from intermediate.int_identity__member_map as map "
        "join intermediate.int_identity__identifiers as ids using (identifier_id)"
    )
    with duckdb.connect(str(before), read_only=True) as con:
        b = con.execute(query).df()
    with duckdb.connect(str(after), read_only=True) as con:
        a = con.execute(query).df()
    return b, a


def test_member_ids_survive_an_added_source(with_and_without_discord):
    before, after = with_and_without_discord
    discord_types = ("discord_user:", "discord_username:")
    touched = set(after[after.identifier_id.str.startswith(discord_types)].member_id)
    both = before.merge(after, on="identifier_id", suffixes=("_before", "_after"))
    untouched = both[~both.member_id_after.isin(touched)]
    assert len(untouched) > 1_000
    # Members the new source did not join keep their ids.
    assert (untouched.member_id_before == untouched.member_id_after).all()

    # Members it merged keep the id of the oldest member among them, unless a Discord account is older
    # still (then it founds the member).
    merged = both[both.member_id_after.isin(touched)]
    assert merged.member_id_after.nunique() > 20
    founders = before.groupby("member_id").agg(
        first_seen_at=("first_seen_at", "min"), founding_identifier_id=("founding_identifier_id", "first")
    )
    for member_after, group in merged.groupby("member_id_after"):
        founder_after = after.loc[after.member_id == member_after, "founding_identifier_id"].iloc[0]
        if founder_after.startswith(discord_types):
            continue
        candidates = founders.loc[group.member_id_before.unique()]
        oldest = candidates.sort_values(["first_seen_at", "founding_identifier_id"]).index[0]
        assert member_after == oldest, (member_after, candidates)
