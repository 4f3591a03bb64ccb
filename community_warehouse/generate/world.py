"""The people and companies behind every export, and when they are active in the community.

Every writer renders a view of this one world, so identities overlap across sources the way they do
in a real company: the same person is a Slack user with a personal address and a HubSpot contact with
a work address; colleagues share a company domain; some addresses are role mailboxes; staff and bots
are mixed in. Everything is vectorised with numpy: one draw per column, never a Python loop per person.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.config import GeneratorConfig, rng_for


@dataclass(frozen=True)
class Campaign:
    name: str
    month_index: int
    activity_multiplier: float
    return_multiplier: float


@dataclass
class World:
    config: GeneratorConfig
    companies: pd.DataFrame
    people: pd.DataFrame
    active: np.ndarray
    """bool[person, month]: the person is engaged with the community that month (members only)."""
    campaigns: tuple[Campaign, ...]

    @property
    def month_starts(self) -> list[date]:
        return self.config.month_starts


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _dedupe_local_parts(emails: pd.Series) -> pd.Series:
    """Second and later holders of the same address get a number: jane.doe@x, jane.doe2@x, …

    Repeated until unique, because a numbered address can collide with one that had the number already.
    """
    while emails.duplicated().any():
        seen = emails.groupby(emails, sort=False).cumcount().to_numpy()
        parts = emails.str.partition("@")
        suffix = np.where(seen > 0, (seen + 1).astype(str), "")
        emails = parts[0] + suffix + "@" + parts[2]
    return emails


def build_companies(config: GeneratorConfig) -> pd.DataFrame:
    rng = rng_for(config.seed, "companies")
    n = max(12, round(config.members / 8))
    a, b, t = len(vocab.COMPANY_ADJECTIVES), len(vocab.COMPANY_NOUNS), len(vocab.TLDS)
    combos = rng.permutation(a * b)[np.arange(n - 1) % (a * b)]
    repeat = np.arange(n - 1) // (a * b)
    adj = np.array(vocab.COMPANY_ADJECTIVES)[combos // b]
    noun = np.array(vocab.COMPANY_NOUNS)[combos % b]
    tld = np.array(vocab.TLDS)[rng.integers(0, t, n - 1)]
    rep = np.where(repeat > 0, (repeat + 1).astype(str), "")
    names = np.char.add(np.char.add(np.char.add(adj, " "), noun), np.where(repeat > 0, np.char.add(" ", rep), ""))
    domains = np.char.add(np.char.add(np.char.add(np.char.lower(adj), np.char.lower(noun)), rep), np.char.add(".", tld))
    country_idx = rng.choice(len(vocab.COUNTRIES), n - 1, p=_country_weights())
    employees = np.maximum(2, rng.lognormal(4.0, 1.6, n - 1)).round().astype(int)
    created = rng.integers(0, 365 * 8, n - 1)
    df = pd.DataFrame(
        {
            "company_index": np.arange(1, n),
            "name": names,
            "domain": domains,
            "industry": np.array(vocab.INDUSTRIES)[rng.integers(0, len(vocab.INDUSTRIES), n - 1)],
            "country": [vocab.COUNTRIES[i][0] for i in country_idx],
            "timezone": [vocab.COUNTRIES[i][1] for i in country_idx],
            "employees": employees,
            "email_pattern": rng.integers(0, 4, n - 1),
            "is_internal": False,
            "founded_days_before_window": created,
        }
    )
    internal = pd.DataFrame(
        [
            {
                "company_index": 0,
                "name": vocab.INTERNAL_COMPANY_NAME,
                "domain": vocab.INTERNAL_DOMAIN,
                "industry": "Software",
                "country": "United States",
                "timezone": "America/New_York",
                "employees": 180,
                "email_pattern": 0,
                "is_internal": True,
                "founded_days_before_window": 2000,
            }
        ]
    )
    return pd.concat([internal, df], ignore_index=True)


def _country_weights() -> np.ndarray:
    w = np.array([c[2] for c in vocab.COUNTRIES], dtype=float)
    return w / w.sum()


def build_people(config: GeneratorConfig, companies: pd.DataFrame) -> pd.DataFrame:
    """Community members first, then prospects who only exist in the CRM (and, later, on the web)."""
    rng = rng_for(config.seed, "people")
    n_members = config.members
    n = n_members + n_members // 2
    is_member = np.arange(n) < n_members
    n_staff = max(3, round(0.01 * n_members))
    staff_idx = rng.choice(n_members, n_staff, replace=False)
    is_staff = np.zeros(n, bool)
    is_staff[staff_idx] = True

    # Company: a heavy-tailed number of colleagues per company; 22 % of people have none we know of.
    external = companies[~companies.is_internal]
    weights = external.employees.values.astype(float) ** 0.8
    company = external.company_index.values[rng.choice(len(external), n, p=weights / weights.sum())]
    employed = rng.random(n) < 0.78
    company = np.where(employed, company, -1)
    company = np.where(is_staff, 0, company)

    first_i = rng.integers(0, len(vocab.FIRST_NAMES), n)
    last_i = rng.integers(0, len(vocab.LAST_NAMES), n)
    first = np.array(vocab.FIRST_NAMES)[first_i]
    last = np.array(vocab.LAST_NAMES)[last_i]
    display_first = np.array([vocab.ACCENTED.get(f, f) for f in vocab.FIRST_NAMES])[first_i]
    f_ascii = np.char.lower(first)
    l_ascii = np.char.lower(last)

    comp = companies.set_index("company_index")
    has_company = company >= 0
    pattern = np.where(has_company, comp.email_pattern.reindex(company).fillna(0).values, 0).astype(int)
    domain = np.where(has_company, comp.domain.reindex(company).fillna("").values, "")
    local_options = np.stack(
        [
            np.char.add(np.char.add(f_ascii, "."), l_ascii),
            np.char.add(np.char.array(f_ascii).astype("U1"), l_ascii),
            np.char.add(f_ascii, np.char.array(l_ascii).astype("U1")),
            f_ascii,
        ]
    )
    work_local = local_options[pattern, np.arange(n)]
    work_email = pd.Series(np.where(has_company, np.char.add(np.char.add(work_local, "@"), domain), ""))
    work_email[has_company] = _dedupe_local_parts(work_email[has_company])

    free = np.array(vocab.FREE_MAIL_DOMAINS)[rng.integers(0, len(vocab.FREE_MAIL_DOMAINS), n)]
    number = np.where(rng.random(n) < 0.5, rng.integers(1, 99, n).astype(str), "")
    sep = np.array([".", "", "_"])[rng.integers(0, 3, n)]
    personal_local = np.char.add(np.char.add(np.char.add(f_ascii, sep), l_ascii), number)
    personal_email = _dedupe_local_parts(pd.Series(np.char.add(np.char.add(personal_local, "@"), free)))

    own_country = rng.random(n) < 0.8
    random_country = rng.choice(len(vocab.COUNTRIES), n, p=_country_weights())
    country = np.where(
        has_company & own_country,
        comp.country.reindex(company).values,
        np.array([c[0] for c in vocab.COUNTRIES])[random_country],
    )
    timezone = np.where(
        has_company & own_country,
        comp.timezone.reindex(company).values,
        np.array([c[1] for c in vocab.COUNTRIES])[random_country],
    )

    # Engagement: heavy-tailed activity rates; a third of members lurk and never post.
    months = config.months
    join_weights = 1.0 + 2.0 * np.arange(months) / max(1, months - 1)
    join_weights[0] *= 3.0  # the community existed before the export window opened
    join_month = rng.choice(months, n, p=join_weights / join_weights.sum())
    propensity = rng.lognormal(0.3, 1.1, n)
    propensity = np.where(is_staff, propensity * 3 + 2, propensity)
    lurker = (rng.random(n) < 0.32) & ~is_staff
    propensity = np.where(lurker | ~is_member, 0.0, propensity)
    p_stay = np.clip(0.45 + 0.12 * np.log1p(3 * propensity), 0.3, 0.95)
    p_return = rng.choice([0.0, 0.05, 0.15, 0.3], n, p=[0.3, 0.3, 0.25, 0.15])
    p_stay = np.where(is_staff, 0.98, p_stay)

    return pd.DataFrame(
        {
            "person_index": np.arange(n),
            "person_id": [f"P{i:07d}" for i in range(1, n + 1)],
            "first_name": first,
            "display_first_name": display_first,
            "last_name": last,
            "company_index": company,
            "work_email": work_email.values,
            "personal_email": personal_email.values,
            "country": country,
            "timezone": timezone,
            "job_title": np.array(vocab.JOB_TITLES)[rng.integers(0, len(vocab.JOB_TITLES), n)],
            "is_member": is_member,
            "is_staff": is_staff,
            "is_lurker": lurker & is_member,
            "join_month": np.where(is_member, join_month, -1),
            "propensity": propensity,
            "p_stay": p_stay,
            "p_return": p_return,
        }
    )


def plan_job_changes(config: GeneratorConfig, people: pd.DataFrame, companies: pd.DataFrame) -> None:
    """Some members change employer inside the window: before `job_change_month` they worked at
    `previous_company_index` with `previous_work_email`; from that month on, at `company_index` with
    `work_email`. Their own stream of draws, so every other column and file stays as it was."""
    rng = rng_for(config.seed, "people", "jobs")
    n = len(people)
    people["previous_company_index"] = -1
    people["previous_work_email"] = ""
    people["job_change_month"] = -1
    if config.months < 4:
        return
    external = companies[~companies.is_internal]
    current = people.company_index.to_numpy()
    previous = external.company_index.to_numpy()[rng.integers(0, len(external), n)]
    moves = (
        (current > 0)
        & people.is_member.to_numpy()
        & ~people.is_staff.to_numpy()
        & (previous != current)
        & (rng.random(n) < 0.04)
    )
    month = rng.integers(max(1, config.months // 4), max(2, (3 * config.months) // 4), n)
    comp = companies.set_index("company_index")
    first = people.first_name.str.lower().to_numpy().astype(str)
    last = people.last_name.str.lower().to_numpy().astype(str)
    local = np.stack(
        [
            np.char.add(np.char.add(first, "."), last),
            np.char.add(np.char.array(first).astype("U1"), last),
            np.char.add(first, np.char.array(last).astype("U1")),
            first,
        ]
    )[comp.email_pattern.reindex(previous).to_numpy().astype(int), np.arange(n)]
    address = pd.Series(np.char.add(np.char.add(local, "@"), comp.domain.reindex(previous).to_numpy().astype(str)))
    # Numbered after everyone's current address, so no current address changes.
    current_addresses = people.work_email[people.work_email != ""]
    deduped = _dedupe_local_parts(pd.concat([current_addresses, address[moves]], ignore_index=True))
    people.loc[moves, "previous_work_email"] = deduped.iloc[len(current_addresses) :].to_numpy()
    people.loc[moves, "previous_company_index"] = previous[moves]
    people.loc[moves, "job_change_month"] = month[moves]


def build_campaigns(config: GeneratorConfig) -> tuple[Campaign, ...]:
    """One community summit two-thirds into the window lifts activity and brings lapsed members back."""
    if config.months < 3:
        return ()
    return (Campaign("Community Summit", (2 * config.months) // 3, 1.6, 3.0),)


def simulate_activity(config: GeneratorConfig, people: pd.DataFrame, campaigns: tuple[Campaign, ...]) -> np.ndarray:
    """A two-state (engaged / lapsed) chain per member, advanced one month at a time for everyone at once."""
    rng = rng_for(config.seed, "engagement")
    n, months = len(people), config.months
    join = people.join_month.values
    p_stay = people.p_stay.values
    p_return = people.p_return.values
    boost = np.ones(months)
    for c in campaigns:
        boost[c.month_index] = c.return_multiplier
    active = np.zeros((n, months), dtype=bool)
    for m in range(months):
        u = rng.random(n)
        previous = active[:, m - 1] if m else np.zeros(n, bool)
        stays = previous & (u < p_stay)
        returns = ~previous & (join < m) & (join >= 0) & (u < np.minimum(1.0, p_return * boost[m]))
        active[:, m] = (join == m) | stays | returns
    return active


def build_world(config: GeneratorConfig) -> World:
    companies = build_companies(config)
    people = build_people(config, companies)
    # The address a person gives community tools, most of the time (see community.community_email):
    # people reuse one mailbox for sign-ups, which is what lets an e-mail match find them again.
    mailbox_rng = rng_for(config.seed, "people", "mailbox")
    people["prefers_work_email"] = (people.work_email.to_numpy() != "") & (mailbox_rng.random(len(people)) < 0.55)
    plan_job_changes(config, people, companies)
    campaigns = build_campaigns(config)
    active = simulate_activity(config, people, campaigns)
    return World(config=config, companies=companies, people=people, active=active, campaigns=campaigns)
