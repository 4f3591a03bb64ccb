"""The commercial side of the world: opportunities, deals won and lost, subscriptions, churn.

Companies whose people belong to the community behave differently, and by known amounts (the injected
effects, written to `_truth/manifest.json`): they open opportunities more often, win more of them,
close faster, churn less and file fewer support tickets. Marts and tests check the direction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000

EFFECTS = {
    "opportunity_rate_per_company_month": 0.012,
    "opportunity_rate_multiplier_member_company": 2.0,
    "win_rate_non_member_company": 0.20,
    "win_rate_member_company": 0.34,
    "sales_cycle_days_median": 75,
    "sales_cycle_multiplier_member_company": 0.75,
    "monthly_churn_hazard_non_member_company": 0.035,
    "monthly_churn_hazard_member_company": 0.018,
    "self_serve_signup_share_member": 0.06,
    "self_serve_signup_share_non_member": 0.025,
    "salesforce_min_employees": 150,
    "ticket_rate_multiplier_member_company": 0.65,
}

# What people answer to "how did you hear about us?", by the channel that really brought them,
# typed the way people type: case, spaces, emoji, other languages.
HEARD_ABOUT_US = {
    "community": [
        "Slack community",
        "slack",
        "The community!",
        "Discord",
        "forum",
        "a meetup",
        "Community Slack 🙌",
        "from the community forum",
        "comunidad",
        "Meetup in Berlin",
    ],
    "referral": ["a friend", "Colleague", "word of mouth", "my coworker told me", "Friend recommended"],
    "organic_search": ["Google", "google search", "searching online", "Bing"],
    "paid_search": ["Google ad", "an ad on google"],
    "paid_social": ["LinkedIn", "linkedin ad", "Saw an ad on LinkedIn"],
    "social": ["Twitter", "X / twitter", "tweet", "YouTube"],
    "email": ["newsletter", "Email", "your newsletter"],
    "events": ["conference", "Conference talk", "webinar"],
    "unknown": ["", "-", "n/a", "don't remember", "?"],
}


@dataclass
class Commerce:
    deals: pd.DataFrame
    subscriptions: pd.DataFrame
    member_since: np.ndarray
    """Per company index: first month a member from the company joined the community (-1: never)."""
    effects: dict = field(default_factory=lambda: dict(EFFECTS))


def company_member_since(world: World) -> np.ndarray:
    people = world.people
    members = people[people.is_member & ~people.is_staff & (people.company_index > 0)]
    first = members.groupby("company_index").join_month.min()
    out = np.full(len(world.companies), -1, dtype=np.int64)
    out[first.index.to_numpy()] = first.to_numpy()
    return out


def heard_about_us(rng: np.random.Generator, channel: np.ndarray) -> np.ndarray:
    answers = np.empty(len(channel), dtype=object)
    for name, options in HEARD_ABOUT_US.items():
        mask = channel == name
        answers[mask] = np.array(options, dtype=object)[rng.integers(0, len(options), mask.sum())]
    return answers


def simulate_commerce(world: World) -> Commerce:
    cfg = world.config
    rng = rng_for(cfg.seed, "commerce")
    months = cfg.months
    starts = np.array([epoch_us(d) for d in world.month_starts], dtype=np.int64)
    window_end = starts[-1] + 31 * DAY_US
    member_since = company_member_since(world)

    companies = world.companies
    people = world.people
    staffed = np.zeros(len(companies), bool)
    staffed[people.company_index[people.company_index > 0].unique()] = True
    eligible = (~companies.is_internal.to_numpy()) & staffed
    size = np.clip((companies.employees.to_numpy() / 100.0) ** 0.3, 0.5, 3.0)

    # Opportunities: one draw per company and month.
    is_member_month = (member_since[:, None] >= 0) & (member_since[:, None] <= np.arange(months)[None, :])
    rate = (
        EFFECTS["opportunity_rate_per_company_month"]
        * size[:, None]
        * np.where(is_member_month, EFFECTS["opportunity_rate_multiplier_member_company"], 1.0)
    )
    draw = (rng.random((len(companies), months)) < rate) & eligible[:, None]
    company, month = np.nonzero(draw)
    member_company = is_member_month[company, month]
    created = starts[month] + (rng.random(len(company)) * 28 * DAY_US).astype(np.int64)
    cycle_days = rng.lognormal(np.log(EFFECTS["sales_cycle_days_median"]), 0.45, len(company)) * np.where(
        member_company, EFFECTS["sales_cycle_multiplier_member_company"], 1.0
    )
    closed = created + (cycle_days * DAY_US).astype(np.int64)
    win_p = np.where(member_company, EFFECTS["win_rate_member_company"], EFFECTS["win_rate_non_member_company"])
    won = rng.random(len(company)) < win_p
    outcome = np.where(closed > window_end, "open", np.where(won, "won", "lost"))
    employees = companies.employees.to_numpy()[company]
    amount = np.round(rng.lognormal(np.log(8_000 * (employees / 50.0) ** 0.4), 0.6), -2)
    crm = np.where(employees >= EFFECTS["salesforce_min_employees"], "salesforce", "hubspot")

    # Primary contact: a person at the company, members first (they are who sales talks to).
    by_company = people[people.company_index > 0].assign(pref=lambda d: (~d.is_member).astype(int))
    by_company = by_company.assign(r=rng.random(len(by_company))).sort_values(["company_index", "pref", "r"])
    first_person = by_company.groupby("company_index").person_index.first()
    contact = first_person.reindex(company).fillna(-1).to_numpy().astype(np.int64)

    deals = pd.DataFrame(
        {
            "deal_index": np.arange(len(company)),
            "company_index": company,
            "crm": crm,
            "created_us": created,
            "closed_us": np.where(outcome == "open", -1, closed),
            "outcome": outcome,
            "amount_usd": amount,
            "contact_person_index": contact,
            "is_member_company": member_company,
            "is_expansion": pd.Series(company).duplicated().to_numpy(),
        }
    )

    # Subscriptions from won deals, then self-serve sign-ups by individuals.
    won_deals = deals[deals.outcome == "won"]
    annual = won_deals.amount_usd.to_numpy() >= 15_000
    sales_subs = pd.DataFrame(
        {
            "company_index": won_deals.company_index.to_numpy(),
            "person_index": won_deals.contact_person_index.to_numpy(),
            "start_us": won_deals.closed_us.to_numpy(),
            "interval": np.where(annual, "year", "month"),
            "unit_amount_usd": np.where(annual, won_deals.amount_usd, np.round(won_deals.amount_usd / 12, 0)),
            "quantity": 1,
            "plan": np.where(annual, "Enterprise (annual)", "Business (monthly)"),
            "source": "sales",
            "is_member_company": won_deals.is_member_company.to_numpy(),
        }
    )
    individuals = people[~people.is_staff]
    p_signup = np.where(
        individuals.is_member,
        EFFECTS["self_serve_signup_share_member"],
        EFFECTS["self_serve_signup_share_non_member"],
    )
    signs = individuals[rng.random(len(individuals)) < p_signup]
    signup_month = np.maximum(signs.join_month.to_numpy(), 0) + rng.integers(0, 4, len(signs))
    keep = signup_month < months
    signs, signup_month = signs[keep], signup_month[keep]
    team = rng.random(len(signs)) < 0.3
    self_subs = pd.DataFrame(
        {
            "company_index": signs.company_index.to_numpy(),
            "person_index": signs.person_index.to_numpy(),
            "start_us": starts[signup_month] + (rng.random(len(signs)) * 28 * DAY_US).astype(np.int64),
            "interval": "month",
            "unit_amount_usd": np.where(team, 199.0, 49.0),
            "quantity": np.where(team, rng.integers(2, 8, len(signs)), 1),
            "plan": np.where(team, "Team (monthly)", "Starter (monthly)"),
            "source": "self_serve",
            "is_member_company": signs.is_member.to_numpy(),
        }
    )
    subs = pd.concat([sales_subs, self_subs], ignore_index=True)
    hazard = np.where(
        subs.is_member_company,
        EFFECTS["monthly_churn_hazard_member_company"],
        EFFECTS["monthly_churn_hazard_non_member_company"],
    )
    lifetime_months = rng.geometric(hazard)
    ended = subs.start_us.to_numpy() + (lifetime_months * 30.4 * DAY_US).astype(np.int64)
    subs["ended_us"] = np.where(ended < window_end, ended, -1)
    subs["subscription_index"] = np.arange(len(subs))

    # What the buyer answers on sign-up: the truth of how they came, typed their way.
    channel = np.where(
        subs.is_member_company & (rng.random(len(subs)) < 0.55),
        "community",
        rng.choice(
            [
                "referral",
                "organic_search",
                "paid_search",
                "paid_social",
                "social",
                "email",
                "events",
                "unknown",
            ],
            len(subs),
            p=[0.18, 0.25, 0.12, 0.1, 0.07, 0.08, 0.05, 0.15],
        ),
    )
    subs["true_channel"] = channel
    subs["heard_about_us"] = heard_about_us(rng, channel)
    return Commerce(deals=deals, subscriptions=subs, member_since=member_since)
