"""Web sessions and the campaigns behind them, shared by the web (Segment) and ad writers.

Every person visits the website a few times; members more often, and often from community spaces.
Each session has a channel and the UTM parameters that channel leaves (paid search from a Google Ads
campaign, paid social from a LinkedIn campaign, e-mail from a newsletter, community from Slack,
Discord or the forum). Ad platforms report more clicks than the website tracks, as they do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, uuid_like
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000
CHANNELS = ("community", "organic_search", "paid_search", "paid_social", "email", "social", "referral", "direct")
MEMBER_MIX = (0.32, 0.18, 0.06, 0.04, 0.12, 0.05, 0.05, 0.18)
PROSPECT_MIX = (0.03, 0.33, 0.18, 0.12, 0.08, 0.04, 0.07, 0.15)

GOOGLE_CAMPAIGNS = (
    (9935249401, "Brand - Search"),
    (9935249402, "Competitors - Search"),
    (9935249403, "Data modeling - Search"),
)
LINKEDIN_CAMPAIGNS = (
    (148633801, "Community ROI ebook"),
    (148633802, "Community Summit registrations"),
)
COMMUNITY_SOURCES = ("slack", "discord", "forum")
PAGES = (
    "/",
    "/pricing",
    "/docs/getting-started",
    "/docs/connectors",
    "/blog/community-roi",
    "/blog/release-notes",
    "/customers",
    "/signup",
    "/events",
    "/community",
)


@dataclass
class WebPlan:
    sessions: pd.DataFrame
    """One row per session: person_index (-1 anonymous), anonymous_id, started_us, channel, utm_*, referrer."""
    google_campaigns: tuple
    linkedin_campaigns: tuple


def plan_web(world: World) -> WebPlan:
    cfg = world.config
    rng = rng_for(cfg.seed, "web")
    people = world.people
    n = len(people)
    months = cfg.months
    month_us = np.array([epoch_us(d) for d in world.month_starts], dtype=np.int64)
    member = people.is_member.to_numpy()

    # Devices: one per person, a second for a fifth of them.
    second = rng.random(n) < 0.2
    device_owner = np.concatenate([np.arange(n), np.flatnonzero(second)])

    per_person = rng.poisson(np.where(member, 1.3, 0.5))
    person = np.repeat(np.arange(n), per_person)
    first_month = np.clip(people.join_month.to_numpy(), 0, months - 1)
    first_month = np.where(member, np.maximum(first_month - 1, 0), rng.integers(0, months, n))
    span = months - first_month[person]
    month = first_month[person] + np.floor(rng.random(len(person)) * span).astype(np.int64)
    started = month_us[month] + (rng.random(len(person)) * 28 * DAY_US).astype(np.int64)
    mix = np.where(member[person][:, None], np.array(MEMBER_MIX)[None, :], np.array(PROSPECT_MIX)[None, :])
    channel = np.array(CHANNELS)[(rng.random(len(person))[:, None] > np.cumsum(mix, axis=1)).sum(axis=1)]

    # Anonymous traffic: people we never learn the name of.
    n_anon = max(10, n // 2)
    anon_month = rng.integers(0, months, n_anon)
    anon_channel = rng.choice(CHANNELS, n_anon, p=PROSPECT_MIX)

    # Devices are numbered: person i's first device is i, second devices follow, then anonymous visitors'.
    second_device = np.full(n, -1)
    second_device[second] = n + np.arange(second.sum())
    use_second = second[person] & (rng.random(len(person)) < 0.4)
    device = np.where(use_second, second_device[person], person)
    # A shared computer: 1 % of first devices are also used, once, by a colleague or family member.
    shared = np.flatnonzero(rng.random(n) < 0.01)
    borrowers = rng.integers(0, n, len(shared))

    n_devices = len(device_owner) + n_anon
    anonymous_ids = uuid_like(rng, n_devices)
    sessions = pd.DataFrame(
        {
            "person_index": np.concatenate([person, borrowers, np.full(n_anon, -1)]),
            "device": np.concatenate([device, shared, len(device_owner) + np.arange(n_anon)]),
            "started_us": np.concatenate(
                [
                    started,
                    month_us[rng.integers(0, months, len(shared))]
                    + (rng.random(len(shared)) * 28 * DAY_US).astype(np.int64),
                    month_us[anon_month] + (rng.random(n_anon) * 28 * DAY_US).astype(np.int64),
                ]
            ),
            "channel": np.concatenate([channel, np.full(len(shared), "direct"), anon_channel]),
        }
    )
    sessions["anonymous_id"] = anonymous_ids[sessions.device.to_numpy()]
    s = len(sessions)
    g = rng.integers(0, len(GOOGLE_CAMPAIGNS), s)
    li = rng.integers(0, len(LINKEDIN_CAMPAIGNS), s)
    cs = rng.integers(0, len(COMMUNITY_SOURCES), s)
    ch = sessions.channel.to_numpy()
    month_of = np.searchsorted(month_us, sessions.started_us.to_numpy(), side="right") - 1
    newsletter = np.array([f"newsletter-{d:%Y-%m}" for d in world.month_starts])[np.clip(month_of, 0, months - 1)]
    summit = {c.month_index for c in world.campaigns}
    community_campaign = np.where(np.isin(month_of, list(summit)), "community-summit", "community")
    sessions["utm_source"] = np.select(
        [ch == "paid_search", ch == "paid_social", ch == "email", ch == "community", ch == "social"],
        ["google", "linkedin", "hubspot", np.array(COMMUNITY_SOURCES)[cs], "twitter"],
        "",
    )
    sessions["utm_medium"] = np.select(
        [ch == "paid_search", ch == "paid_social", ch == "email", ch == "community", ch == "social"],
        ["cpc", "paid_social", "email", "community", "social"],
        "",
    )
    sessions["utm_campaign"] = np.select(
        [ch == "paid_search", ch == "paid_social", ch == "email", ch == "community"],
        [
            np.array([c[1] for c in GOOGLE_CAMPAIGNS])[g],
            np.array([c[1] for c in LINKEDIN_CAMPAIGNS])[li],
            newsletter,
            community_campaign,
        ],
        "",
    )
    sessions["campaign_id"] = np.select(
        [ch == "paid_search", ch == "paid_social"],
        [np.array([c[0] for c in GOOGLE_CAMPAIGNS])[g], np.array([c[0] for c in LINKEDIN_CAMPAIGNS])[li]],
        0,
    )
    sessions["referrer"] = np.select(
        [ch == "organic_search", ch == "referral", ch == "social", ch == "community"],
        [
            "https://www.google.com/",
            "https://blog.example-partner.com/review",
            "https://t.co/x7Qw2",
            np.where(
                cs == 0,
                "https://app.slack.com/",
                np.where(cs == 1, "https://discord.com/", "https://forum.quarrylabs.io/"),
            ),
        ],
        "",
    )
    sessions = sessions.sort_values(["started_us", "anonymous_id"], kind="stable").reset_index(drop=True)
    sessions["session_index"] = np.arange(len(sessions))
    return WebPlan(sessions=sessions, google_campaigns=GOOGLE_CAMPAIGNS, linkedin_campaigns=LINKEDIN_CAMPAIGNS)
