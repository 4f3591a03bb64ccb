"""Identity resolution against the generator's ground truth (overall and per planted trap), the review
queue, dated affiliations, and member-id stability when data is added."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

from community_warehouse.identity_quality import measure, measure_affiliations, measure_traps, truth_identities
from helpers import copy_warehouse, run_dbt


def test_identity_resolution_meets_the_bar(demo_db, demo_raw):
    quality = measure(demo_db, demo_raw / "_truth")
    assert quality.identifiers > 5_000, "the demo should evaluate thousands of accounts"
    assert quality.precision >= 0.995, quality
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
def with_and_without_discord(demo_db, demo_raw, tmp_path_factory):
    """The identity graph without Discord, built here, and with it: the demo warehouse, which is the same
    exports with every source on (building it again would give the same tables)."""
    work = tmp_path_factory.mktemp("stability")
    select = ["build", "--select", "+int_identity__member_map", "--exclude-resource-type", "test", "unit_test"]
    before = run_dbt(select, demo_raw, work / "before", vars_={"using_discord": False}).ok().db
    after = demo_db
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


def test_trap_classes_meet_the_bar(demo_db, demo_raw):
    """Precision and recall within every class of planted trap. Raw recall counts every true pair; a
    GitHub noreply sign-up removes the forum account's only address, so some of its pairs have no
    evidence at all — for that class the bar is on the pairs the evidence connects (all must merge)."""
    traps = {t.trap: t for t in measure_traps(demo_db, demo_raw / "_truth")}
    assert set(traps) == {"shared_assistant", "household", "github_noreply", "job_change"}, traps
    for trap in traps.values():
        assert trap.identifiers >= 10, trap
        assert trap.precision >= 0.995, trap
        assert trap.linkable_recall >= 0.95, trap
        if trap.trap != "github_noreply":
            assert trap.recall >= 0.95, trap
    assert traps["github_noreply"].linkable_recall == 1.0, traps["github_noreply"]


def test_review_queue_lists_every_planted_shared_address(demo_db, demo_raw):
    planted = pd.read_csv(demo_raw / "_truth" / "shared_addresses.csv", dtype=str)
    assert len(planted) >= 8 and set(planted.trap) == {"shared_assistant", "household"}
    with duckdb.connect(str(demo_db), read_only=True) as con:
        queued = con.execute(
            "select identifier_id_a, identifier_id_b, review_reason, is_merged, confidence "
            "from marts.identity__merge_review "
            "where review_reason in ('shared_identifier_withheld', 'conflicting_claim_dropped')"
        ).df()
    for address, typed_onto in zip(planted.address, planted.typed_onto, strict=True):
        rows = queued[queued.identifier_id_b == f"email:{address}"]
        assert len(rows), f"{address} is not in the review queue"
        # Every record the address was typed onto is listed, none merged through it.
        for record in typed_onto.split(";"):
            assert record in set(rows.identifier_id_a), (address, record)
        assert not rows.is_merged.any()
        assert (rows.confidence < 0.5).all() or (rows.review_reason == "shared_identifier_withheld").all()


def test_github_noreply_links_the_login_and_is_never_primary(demo_db, demo_raw):
    truth = truth_identities(demo_raw / "_truth")
    noreply = truth[truth.mailbox == "github_noreply"]
    github = truth[truth.identifier_id.str.startswith("github_user:")][["person", "identifier_id"]]
    pairs = noreply.merge(github, on="person", suffixes=("", "_github"))
    assert len(pairs) >= 10 and pairs.email_written.str.match(r"^([0-9]+\+)?[^@+]+@users\.noreply\.github\.com$").all()
    assert (~pairs.email_written.str.contains(r"\+")).any(), "the pre-2017 form (no numeric id) is planted too"
    with duckdb.connect(str(demo_db), read_only=True) as con:
        member_of = dict(
            con.execute("select identifier_id, member_id from intermediate.int_identity__member_map").fetchall()
        )
        primary_noreply = con.execute(
            "select count(*) from marts.dim_members where primary_email like '%@users.noreply.github.com'"
        ).fetchone()[0]
        noreply_members = con.execute(
            "select count(distinct member_id) from intermediate.int_identity__member_map "
            "where identifier_type = 'email' and identifier_value like '%@users.noreply.github.com'"
        ).fetchone()[0]
    for forum, gh in zip(pairs.identifier_id, pairs.identifier_id_github, strict=True):
        assert member_of[forum] == member_of[gh], (forum, gh)
    assert noreply_members >= 10 and primary_noreply == 0


def test_dated_affiliations_credit_the_account_at_the_time(demo_db, demo_raw):
    """Job changers' activities are credited to the employer of the day more often than to today's
    account (the baseline); both figures are printed by identity_quality."""
    quality = measure_affiliations(demo_db, demo_raw / "_truth")
    assert quality.activities > 200
    assert quality.dated_correct > quality.current_correct, quality
    with duckdb.connect(str(demo_db), read_only=True) as con:
        overlaps, currents = con.execute(
            """
            select
                (select count(*) from intermediate.int_crm__member_affiliations as a
                 join intermediate.int_crm__member_affiliations as b
                   on a.member_id = b.member_id and a.account_id < b.account_id
                  and coalesce(a.valid_from, timestamp '1900-01-01') < coalesce(b.valid_to, timestamp '2999-01-01')
                  and coalesce(b.valid_from, timestamp '1900-01-01') < coalesce(a.valid_to, timestamp '2999-01-01')),
                (select count(*) - count(distinct member_id) from intermediate.int_crm__member_affiliations
                 where is_current)
            """
        ).fetchone()
        history = con.execute(
            "select count(distinct member_id) from intermediate.int_crm__member_affiliations where not is_current"
        ).fetchone()[0]
    assert overlaps == 0 and currents == 0
    assert history >= 10


def test_community_marts_count_only_people_with_activity(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        crm_only, members, active_non_staff, in_member_months = con.execute(
            """
            select
                count(*) filter (where not is_community_member),
                count(*),
                count(*) filter (where is_community_member and not is_staff),
                (select count(distinct member_id) from intermediate.int_community__member_months
                 where platform = 'all')
            from marts.dim_members
            """
        ).fetchone()
        too_many = con.execute(
            "select count(*) from marts.dim_accounts as a where community_member_count > ("
            "  select count(*) from marts.dim_members as m"
            "  where m.account_id = a.account_id and m.is_community_member and not m.is_staff)"
        ).fetchone()[0]
    assert crm_only > 100 and crm_only < members
    assert active_non_staff == in_member_months
    assert too_many == 0


def test_a_split_line_from_the_queue_undoes_a_merge(demo_db, demo_raw, tmp_path):
    """Append a weak merge's reject line to identity_splits.csv and rebuild: the two sides are apart, and
    no identifier or activity is lost."""
    with duckdb.connect(str(demo_db), read_only=True) as con:
        a, b, reject_line = con.execute(
            "select identifier_id_a, identifier_id_b, reject_line from marts.identity__merge_review "
            "where review_reason = 'weak_claim_merge' and is_merged and identifier_id_a like 'hubspot_contact:%' "
            "and identifier_id_b like 'email:%' order by confidence, review_id limit 1"
        ).fetchone()
        before = con.execute(
            "select (select count(*) from intermediate.int_identity__member_map),"
            " (select count(*) from marts.fct_activities),"
            " (select count(distinct member_id) from intermediate.int_identity__member_map)"
        ).fetchone()
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw, ignore=shutil.ignore_patterns("_truth"))
    splits = raw / "config" / "identity_splits.csv"
    splits.write_text(splits.read_text().rstrip("\n") + "\n" + reject_line + "\n")
    # As a user refreshes after editing the file: on the warehouse already built, only what the split file
    # feeds, up to the two relations read here (the other sources' raw tables are kept as they are).
    work = copy_warehouse(demo_db, tmp_path / "work")
    db = (
        run_dbt(
            [
                "build",
                "--select",
                "stg_config__identity_splits+,+fct_activities",
                "stg_config__identity_splits+,+identity__merge_review",
                "--exclude",
                "test_type:data",
                "test_type:unit",
            ],
            raw,
            work,
        )
        .ok()
        .db
    )
    with duckdb.connect(str(db), read_only=True) as con:
        after = con.execute(
            "select (select count(*) from intermediate.int_identity__member_map),"
            " (select count(*) from marts.fct_activities),"
            " (select count(distinct member_id) from intermediate.int_identity__member_map)"
        ).fetchone()
        member_of = dict(
            con.execute(
                "select identifier_id, member_id from intermediate.int_identity__member_map "
                f"where identifier_id in ('{a}', '{b}')"
            ).fetchall()
        )
        status = con.execute(
            "select review_status from marts.identity__merge_review where reject_line = ?", [reject_line]
        ).fetchone()
    assert after[0] == before[0] and after[1] == before[1]
    assert after[2] >= before[2] + 1
    assert member_of[a] != member_of[b]
    assert status == ("rejected",)
