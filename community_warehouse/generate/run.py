"""Generate every selected source's export, then the ground truth beside them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.commerce import simulate_commerce
from community_warehouse.generate.config import ALL_SOURCES, GENERATOR_VERSION, GeneratorConfig
from community_warehouse.generate.io import write_csv
from community_warehouse.generate.marketing import plan_web
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.traps import affiliations_truth, plant_traps
from community_warehouse.generate.world import build_world
from community_warehouse.generate.writers.ads import write_ads
from community_warehouse.generate.writers.billing import write_billing
from community_warehouse.generate.writers.config import write_config
from community_warehouse.generate.writers.costs import write_costs
from community_warehouse.generate.writers.discord import write_discord
from community_warehouse.generate.writers.discourse import write_discourse
from community_warehouse.generate.writers.events import write_events
from community_warehouse.generate.writers.github import write_github
from community_warehouse.generate.writers.hubspot import write_hubspot
from community_warehouse.generate.writers.salesforce import write_salesforce
from community_warehouse.generate.writers.slack import write_slack
from community_warehouse.generate.writers.social_x import write_x
from community_warehouse.generate.writers.web import write_web
from community_warehouse.generate.writers.zendesk import write_zendesk

SOURCES = ALL_SOURCES
TRUTH_DIR = "_truth"
CONFIG_DIR = "config"  # the demo community's configuration (writers/config.py)
MARKER = Path(TRUTH_DIR) / "manifest.json"


class OutputNotEmpty(Exception):
    pass


def prepare_output(out: Path, sources: tuple[str, ...], force: bool) -> None:
    """Refuse to write into a folder of real exports; clear what a previous generator run left."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
        raise OutputNotEmpty(
            f"{out} is not empty and was not written by this generator (no {MARKER}). "
            "Choose an empty folder, or pass --force to overwrite the generated sources in it."
        )
    for name in (*sources, CONFIG_DIR, TRUTH_DIR):
        target = out / name
        if target.exists():
            shutil.rmtree(target)
    out.mkdir(parents=True, exist_ok=True)


def generate(config: GeneratorConfig, progress: Progress | None = None, force: bool = False) -> dict:
    progress = progress or Progress(enabled=False)
    unknown = set(config.sources) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown source(s) {sorted(unknown)}; choose from {', '.join(SOURCES)}")
    out = Path(config.out)
    prepare_output(out, config.sources, force)

    progress.step(f"world: {config.members:,} members over {config.months} months (seed {config.seed})")
    world = build_world(config)
    commerce = simulate_commerce(world)
    progress.step(
        f"world: {len(world.people):,} people, {len(world.companies):,} companies, "
        f"{len(commerce.deals):,} deals, {len(commerce.subscriptions):,} subscriptions"
    )

    identities: list[pd.DataFrame] = []
    counts: dict[str, int] = {}
    if "slack" in config.sources:
        slack = write_slack(world, out, progress)
        identities.append(slack.identities)
        counts |= {
            "slack_users": len(slack.identities),
            "slack_messages": slack.messages,
            "slack_reactions": slack.reactions,
            "slack_day_files": slack.files,
        }
    if "discord" in config.sources:
        discord = write_discord(world, out, progress)
        identities.append(discord.identities)
        counts |= {"discord_messages": discord.messages, "discord_files": discord.files}
    if "discourse" in config.sources:
        discourse = write_discourse(world, out, progress)
        identities.append(discourse.identities)
        counts |= {"discourse_topics": discourse.topics, "discourse_posts": discourse.posts}
    if "github" in config.sources:
        github = write_github(world, out, progress)
        identities.append(github.identities)
        counts["github_issues"] = github.issues
    if "social" in config.sources:
        x = write_x(world, out, progress)
        identities.append(x.identities)
        counts["x_tweets"] = x.tweets
    if "hubspot" in config.sources:
        hubspot = write_hubspot(world, commerce, out, progress)
        identities.append(hubspot.identities)
        counts |= {
            "hubspot_contacts": hubspot.contacts,
            "hubspot_companies": hubspot.companies,
            "hubspot_deals": hubspot.deals,
            "hubspot_email_events": hubspot.email_events,
        }
    if "salesforce" in config.sources:
        salesforce = write_salesforce(world, commerce, out, progress)
        identities.append(salesforce.identities)
        counts |= {
            "salesforce_accounts": salesforce.accounts,
            "salesforce_opportunities": salesforce.opportunities,
        }
    if "zendesk" in config.sources:
        zendesk = write_zendesk(world, commerce, out, progress)
        identities.append(zendesk.identities)
        counts["zendesk_tickets"] = zendesk.tickets
    if "billing" in config.sources:
        billing = write_billing(world, commerce, out, progress)
        identities.append(billing.identities)
        counts |= {"billing_customers": billing.customers, "billing_subscriptions": billing.subscriptions}
    if "costs" in config.sources:
        counts["cost_rows"] = write_costs(world, out, progress)
    if {"web", "google_ads", "linkedin_ads"} & set(config.sources):
        plan = plan_web(world)
        if "web" in config.sources:
            web = write_web(world, plan, out, progress)
            identities.append(web.identities)
            counts |= {"web_page_views": web.pages, "web_identifies": web.identifies}
        ads = write_ads(world, plan, out, progress, "google_ads" in config.sources, "linkedin_ads" in config.sources)
        counts |= {"google_ads_rows": ads.google_rows, "linkedin_ads_rows": ads.linkedin_rows}
    if "events" in config.sources:
        events = write_events(world, out, progress)
        identities.append(events.identities)
        counts |= {"events": events.events, "event_registrations": events.registrations}
    counts["config_files"] = write_config(world, out, progress)

    progress.step("truth: people, companies, identities")
    truth = out / TRUTH_DIR
    people = world.people.copy()
    people["join_month"] = [config.month_starts[j].strftime("%Y-%m") if j >= 0 else "" for j in people.join_month]
    people["job_change_month"] = [
        config.month_starts[j].strftime("%Y-%m") if j >= 0 else "" for j in people.job_change_month
    ]
    write_csv(
        people[
            [
                "person_id",
                "first_name",
                "last_name",
                "company_index",
                "is_member",
                "is_staff",
                "is_lurker",
                "work_email",
                "personal_email",
                "country",
                "timezone",
                "join_month",
                "previous_company_index",
                "job_change_month",
            ]
        ],
        truth / "people.csv",
    )
    write_csv(
        world.companies[["company_index", "name", "domain", "industry", "country", "employees", "is_internal"]],
        truth / "companies.csv",
    )
    if identities:
        planted = plant_traps(world, out, pd.concat(identities, ignore_index=True))
        write_csv(planted.identities, truth / "identities.csv")
        write_csv(planted.addresses, truth / "shared_addresses.csv")
        counts["planted_shared_addresses"] = len(planted.addresses)
    write_csv(affiliations_truth(world), truth / "affiliations.csv")
    write_csv(commerce.deals, truth / "deals.csv")
    write_csv(commerce.subscriptions, truth / "subscriptions.csv")
    manifest = {
        "note": "Ground truth for tests. dbt models never read this folder.",
        "generator_version": GENERATOR_VERSION,
        "arguments": {
            "seed": config.seed,
            "members": config.members,
            "months": config.months,
            "end_month": config.end_month.strftime("%Y-%m"),
            "sources": list(config.sources),
        },
        "window": {
            "first_month": config.month_starts[0].isoformat(),
            "last_month": config.month_starts[-1].isoformat(),
        },
        "effects": {
            "campaigns": [
                {
                    "name": c.name,
                    "month": config.month_starts[c.month_index].strftime("%Y-%m"),
                    "activity_multiplier": c.activity_multiplier,
                    "return_multiplier": c.return_multiplier,
                }
                for c in world.campaigns
            ],
            "internal_domain": "quarrylabs.io",
            "texts": {
                "note": (
                    "Slack: a reply shares its thread's topic; top-level statements in a campaign month praise the"
                    " campaign (share campaign_statement_share), elsewhere a share are complaints. So sentiment"
                    " during a campaign is above the periods before and after it, and the campaign term trends."
                ),
                "topic_of_phrase": vocab.TOPIC_OF_PHRASE,
                "campaign_statements": list(vocab.CAMPAIGN_STATEMENTS),
                "complaint_statements": list(vocab.COMPLAINT_STATEMENTS),
                "campaign_statement_share": vocab.CAMPAIGN_STATEMENT_SHARE,
                "complaint_statement_share": vocab.COMPLAINT_STATEMENT_SHARE,
                "sentiment_shift_during_vs_pre": "+",
                "sentiment_shift_during_vs_post": "+",
                "trending_term_in_campaign_month": "summit",
            },
            "commerce": commerce.effects,
        },
        "counts": counts,
    }
    (truth / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    progress.step("done")
    return manifest
