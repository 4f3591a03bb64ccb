"""Staging reads the real layouts in shared/fixtures/ as they are (issue: sources and staging).

The Fivetran fixtures are the Fivetran dbt packages' own seeds, named `<prefix><table>_data.csv`;
they are copied unchanged under the names the connector gives the tables. Values asserted below were
read from those files by hand.
"""

from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import pytest

from helpers import FIXTURES, only_sources, run_dbt

pytestmark = pytest.mark.dbt

FIVETRAN = {
    "hubspot": {
        "contact": "contact_data.csv",
        "company": "company_data.csv",
        "deal": "deal_data.csv",
        "deal_company": "deal_company_data.csv",
        "deal_contact": "deal_contact_data.csv",
        "deal_pipeline": "deal_pipeline_data.csv",
        "deal_pipeline_stage": "deal_pipeline_stage_data.csv",
        "contact_form_submission": "contact_form_submission_data.csv",
        "email_campaign": "email_campaign_data.csv",
        "email_event": "email_event_data.csv",
    },
    "salesforce": {
        "account": "sf_account_data.csv",
        "contact": "sf_contact_data.csv",
        "lead": "sf_lead_data.csv",
        "opportunity": "sf_opportunity_data.csv",
        "opportunity_history": "sf_opportunity_history_data.csv",
        "user": "sf_user_data.csv",
    },
    "zendesk": {
        "organization": "organization_data.csv",
        "user": "user_data.csv",
        "ticket": "ticket_data.csv",
        "ticket_comment": "ticket_comment_data.csv",
    },
    "github": {
        table: f"github_{table}_data.csv"
        for table in [
            "user",
            "repository",
            "issue",
            "pull_request",
            "issue_comment",
            "pull_request_review",
            "issue_label",
            "label",
            "issue_merged",
        ]
    },
    "linkedin_ads": {
        "campaign_history": "linkedin_campaign_history_data.csv",
        "ad_analytics_by_campaign": "linkedin_ad_analytics_by_campaign_data.csv",
    },
    "google_ads": {"campaign_history": "campaign_history_data.csv", "campaign_stats": "campaign_stats_data.csv"},
}
FIXTURE_FOLDER = {"linkedin_ads": "linkedin"}
# Discourse REST API responses, placed where the layout expects each kind.
DISCOURSE = {
    "user_list.json": "users/user_list.json",
    "topic.json": "topics/57.json",
    "categories.json": "categories.json",
}


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layouts")
    raw = tmp / "raw"
    for source, tables in FIVETRAN.items():
        (raw / source).mkdir(parents=True)
        for table, fixture in tables.items():
            folder = FIXTURE_FOLDER.get(source, source)
            shutil.copy(FIXTURES / "fivetran" / folder / fixture, raw / source / f"{table}.csv")
    shutil.copytree(FIXTURES / "slack_export", raw / "slack")
    for fixture, target in DISCOURSE.items():
        (raw / "discourse" / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "discourse_api" / fixture, raw / "discourse" / target)
    result = run_dbt(["build"], raw, tmp / "work", vars_=only_sources("slack", "discourse", *FIVETRAN)).ok()
    return result.db


def counts(db, *models):
    with duckdb.connect(str(db), read_only=True) as con:
        return {m: con.execute(f"select count(*) from staging.{m}").fetchone()[0] for m in models}


# Rows per file, read from the CSVs (each id appears once in these files).
EXPECTED_ROWS = {
    "stg_hubspot__contacts": 22,
    "stg_hubspot__companies": 24,
    "stg_hubspot__deals": 44,
    "stg_hubspot__deal_contacts": 11,
    "stg_hubspot__deal_pipelines": 6,
    "stg_hubspot__deal_pipeline_stages": 71,
    "stg_hubspot__form_submissions": 5,
    "stg_hubspot__email_campaigns": 100,
    "stg_hubspot__email_events": 100,
    "stg_salesforce__accounts": 10,
    "stg_salesforce__contacts": 4,
    "stg_salesforce__leads": 1,
    "stg_salesforce__opportunities": 10,
    "stg_salesforce__users": 10,
    "stg_zendesk__organizations": 10,
    "stg_zendesk__users": 10,
    "stg_zendesk__tickets": 10,
    "stg_zendesk__ticket_comments": 20,
    "stg_github__users": 17,
    "stg_github__repositories": 24,
    "stg_github__issues": 197,
    "stg_github__pull_requests": 167,
    "stg_github__issue_comments": 43,
    "stg_github__pull_request_reviews": 114,
    "stg_github__issue_labels": 46,
    "stg_github__labels": 15,
    "stg_github__merged_pull_requests": 110,
    "stg_linkedin_ads__campaign_history": 100,
    "stg_linkedin_ads__campaign_analytics": 20,
    "stg_google_ads__campaign_history": 10,
    "stg_google_ads__campaign_stats": 16,
    "stg_discourse__users": 20,
    "stg_discourse__topics": 1,
    "stg_discourse__posts": 4,
    "stg_discourse__categories": 3,
    "stg_slack__messages": 158,
}


def test_fivetran_tables_stage_every_row(fixture_build):
    assert counts(fixture_build, *EXPECTED_ROWS) == EXPECTED_ROWS


def test_known_values_from_the_fixture_files(fixture_build):
    with duckdb.connect(str(fixture_build), read_only=True) as con:

        def one(sql):
            return con.execute(sql).fetchone()

        # zendesk/ticket_data.csv, first row: 1595, created 2020-02-19 01:54:52, status deleted.
        ticket = one("select created_at, ticket_status from staging.stg_zendesk__tickets where ticket_id = 1595")
        assert ticket == (datetime(2020, 2, 19, 1, 54, 52), "deleted")
        # hubspot/company_data.csv: synced "2020-12-30 3:15:52" (a one-digit hour, as Fivetran wrote it).
        synced = one("select fivetran_synced_at from staging.stg_hubspot__companies where company_id = 2182162682")
        assert synced == (datetime(2020, 12, 30, 3, 15, 52),)
        # salesforce/sf_lead_data.csv: the one lead's e-mail, and its conversion.
        assert one("select email, is_converted from staging.stg_salesforce__leads") == ("h@gmail.com", True)
        # zendesk/user_data.csv: user 1111 is an agent.
        assert one("select email, role from staging.stg_zendesk__users where user_id = 1111") == (
            "example@email.com",
            "agent",
        )
        # hubspot/contact_form_submission_data.csv: contact "001" is contact 1, submitted 2023-11-01 10:20.
        form = one("select submitted_at, form_title from staging.stg_hubspot__form_submissions where contact_id = 1")
        assert form == (datetime(2023, 11, 1, 10, 20), "Newsletter Signup")
        # discourse_api/topic.json: post 83 written at 2013-02-04T15:26:26.278-05:00, i.e. 20:26:26.278 UTC.
        post = one("select topic_id, post_number, created_at from staging.stg_discourse__posts where post_id = 83")
        assert post == (57, 1, datetime(2013, 2, 4, 20, 26, 26, 278000))
        # discourse_api/user_list.json: user 1 is test_user, batman@gotham.com, an admin.
        assert one("select username, email, is_admin from staging.stg_discourse__users where user_id = 1") == (
            "test_user",
            "batman@gotham.com",
            True,
        )
        # google_ads/campaign_stats_data.csv: the first row's cost_micros 36150000 is 36.15 in account currency.
        spend = one(
            "select spend from staging.stg_google_ads__campaign_stats where stat_id = 'H6V7GPpMfFSGJcU3IdZ+VtmoU0s='"
        )
        assert float(spend[0]) == 36.15


def test_clean_exports_quarantine_nothing(fixture_build):
    """These files are well-formed: nothing may be rejected."""
    with duckdb.connect(str(fixture_build), read_only=True) as con:
        assert con.execute("select count(*) from staging.stg_quarantine__records").fetchone() == (0,)
