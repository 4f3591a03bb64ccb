"""Salesforce, as Fivetran's Salesforce connector lands it: `salesforce/<table>.csv`.

Tables: `account`, `contact`, `lead`, `opportunity`, `opportunity_history` (Fivetran history mode:
one row per version with `_fivetran_start`, `_fivetran_end`, `_fivetran_active`) and `user` (the sales
reps). Ids are 18-character Salesforce ids with the object's key prefix (001 account, 003 contact,
00Q lead, 006 opportunity, 005 user). Sales works the larger companies; smaller ones are in HubSpot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.commerce import Commerce
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, to_hubspot_ts, unique_numbers, write_csv
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000
BASE62 = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
STAGES = ("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review")
LEAD_SOURCES = ("Web", "Community", "Partner Referral", "Webinar", "Advertisement", "Trade Show", "Other")
REPS = (
    ("Dana", "Whitfield"),
    ("Marcus", "Oyelaran"),
    ("Priya", "Raman"),
    ("Tom", "Lindqvist"),
    ("Elena", "Voss"),
)


@dataclass
class SalesforceResult:
    identities: pd.DataFrame
    accounts: int
    opportunities: int


def sf_ids(rng: np.random.Generator, prefix: str, count: int) -> np.ndarray:
    """Salesforce-shaped 18-character ids: the 3-character key prefix of the object, then 15 characters."""
    numbers = unique_numbers(rng, count, 62**9, 62**10)
    digits = np.empty((count, 10), dtype="<U1")
    rest = numbers.astype(np.int64).copy()
    for pos in range(9, -1, -1):
        digits[:, pos] = BASE62[rest % 62]
        rest //= 62
    body = pd.Series(np.ascontiguousarray(digits).view("<U10").ravel())
    return (prefix + "00000" + body).to_numpy()


def write_salesforce(world: World, commerce: Commerce, raw: Path, progress: Progress) -> SalesforceResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "salesforce")
    out = raw / "salesforce"
    window_start = epoch_us(world.month_starts[0])
    synced = epoch_us(world.month_starts[-1]) + 31 * DAY_US
    companies = world.companies.set_index("company_index")
    people = world.people

    def ts(us) -> list[str]:
        return to_hubspot_ts(np.asarray(us, dtype=np.int64))

    # Users: the sales team.
    rep_ids = sf_ids(rng, "005", len(REPS))
    write_csv(
        pd.DataFrame(
            {
                "id": rep_ids,
                "_fivetran_deleted": "false",
                "_fivetran_synced": ts(np.full(len(REPS), synced)),
                "first_name": [r[0] for r in REPS],
                "last_name": [r[1] for r in REPS],
                "name": [f"{a} {b}" for a, b in REPS],
                "email": [f"{a.lower()}.{b.lower()}@quarrylabs.io" for a, b in REPS],
                "is_active": "true",
                "title": "Account Executive",
                "company_name": "Quarry Labs",
            }
        ),
        out / "user.csv",
    )

    # Accounts: companies with a Salesforce opportunity, and half the other large companies we know people at.
    deals = commerce.deals[commerce.deals.crm == "salesforce"].reset_index(drop=True)
    large = companies.index[(companies.employees >= 150) & ~companies.is_internal].to_numpy()
    staffed = np.unique(people.company_index[people.company_index > 0])
    prospects = np.intersect1d(large, staffed)
    prospects = prospects[rng.random(len(prospects)) < 0.5]
    account_companies = np.union1d(deals.company_index.unique(), prospects)
    a = len(account_companies)
    account_ids = pd.Series(sf_ids(rng, "001", a), index=account_companies)
    co = companies.reindex(account_companies)
    customer = np.isin(account_companies, deals.company_index[deals.outcome == "won"].unique())
    account_owner = rep_ids[rng.integers(0, len(REPS), a)]
    write_csv(
        pd.DataFrame(
            {
                "id": account_ids.to_numpy(),
                "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, a)),
                "_fivetran_active": "true",
                "name": co.name.to_numpy(),
                "website": "www." + co.domain.to_numpy().astype(object),
                "industry": co.industry.to_numpy(),
                "number_of_employees": co.employees.to_numpy(),
                "annual_revenue": (co.employees.to_numpy() * 150_000).astype(np.int64),
                "billing_country": co.country.to_numpy(),
                "type": np.where(customer, "Customer", "Prospect"),
                "account_source": rng.choice(LEAD_SOURCES, a),
                "owner_id": account_owner,
                "created_date": ts(window_start - rng.integers(30, 700, a) * DAY_US),
                "is_deleted": np.where(rng.random(a) < 0.01, "true", "false"),
            }
        ),
        out / "account.csv",
    )

    # Contacts: people with a work address at an account; leads: people with a work address elsewhere.
    at_account = people[people.company_index.isin(account_companies) & (people.work_email != "")]
    at_account = at_account[rng.random(len(at_account)) < 0.6]
    c = len(at_account)
    contact_ids = sf_ids(rng, "003", c)
    join = np.clip(at_account.join_month.to_numpy(), 0, None)
    month_us = np.array([epoch_us(d) for d in world.month_starts])
    contact_created = month_us[join] + rng.integers(-60, 60, c) * DAY_US
    write_csv(
        pd.DataFrame(
            {
                "id": contact_ids,
                "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, c)),
                "account_id": account_ids.reindex(at_account.company_index).to_numpy(),
                "first_name": at_account.display_first_name.to_numpy(),
                "last_name": at_account.last_name.to_numpy(),
                "name": (at_account.display_first_name + " " + at_account.last_name).to_numpy(),
                "email": at_account.work_email.to_numpy(),
                "title": at_account.job_title.to_numpy(),
                "lead_source": rng.choice(LEAD_SOURCES, c),
                "mailing_country": at_account.country.to_numpy(),
                "owner_id": rep_ids[rng.integers(0, len(REPS), c)],
                "created_date": ts(contact_created),
                "is_deleted": np.where(rng.random(c) < 0.01, "true", "false"),
            }
        ),
        out / "contact.csv",
    )
    elsewhere = people[
        ~people.company_index.isin(account_companies) & (people.work_email != "") & (people.company_index > 0)
    ]
    leads = elsewhere[rng.random(len(elsewhere)) < 0.15]
    n_leads = len(leads)
    converted = rng.random(n_leads) < 0.2
    lead_created = month_us[np.clip(leads.join_month.to_numpy(), 0, None)] + rng.integers(0, 120, n_leads) * DAY_US
    lead_created = np.minimum(lead_created, synced - 2 * DAY_US)
    lead_ids = sf_ids(rng, "00Q", n_leads)
    write_csv(
        pd.DataFrame(
            {
                "id": lead_ids,
                "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, n_leads)),
                "first_name": leads.display_first_name.to_numpy(),
                "last_name": leads.last_name.to_numpy(),
                "name": (leads.display_first_name + " " + leads.last_name).to_numpy(),
                "email": leads.work_email.to_numpy(),
                "company": companies.name.reindex(leads.company_index).to_numpy(),
                "title": leads.job_title.to_numpy(),
                "lead_source": rng.choice(LEAD_SOURCES, n_leads, p=[0.35, 0.2, 0.1, 0.15, 0.1, 0.05, 0.05]),
                "status": np.where(
                    converted,
                    "Converted",
                    rng.choice(["Open", "Working", "Nurturing", "Unqualified"], n_leads),
                ),
                "is_converted": np.where(converted, "true", "false"),
                "converted_date": np.where(converted, ts(lead_created + 20 * DAY_US), ""),
                "country": leads.country.to_numpy(),
                "owner_id": rep_ids[rng.integers(0, len(REPS), n_leads)],
                "created_date": ts(lead_created),
                "is_deleted": "false",
            }
        ),
        out / "lead.csv",
    )

    # Opportunities, and their history (one version per stage reached).
    o = len(deals)
    opp_ids = sf_ids(rng, "006", o)
    open_stage = np.array(STAGES)[rng.integers(0, len(STAGES), o)]
    stage = np.where(deals.outcome == "won", "Closed Won", np.where(deals.outcome == "lost", "Closed Lost", open_stage))
    close_us = np.where(deals.closed_us >= 0, deals.closed_us, deals.created_us + 90 * DAY_US)
    opp_owner = account_owner[np.searchsorted(account_companies, deals.company_index.to_numpy())]
    opp = pd.DataFrame(
        {
            "id": opp_ids,
            "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, o)),
            "_fivetran_active": "true",
            "account_id": account_ids.reindex(deals.company_index).to_numpy(),
            "name": companies.name.reindex(deals.company_index).to_numpy()
            + np.where(deals.is_expansion, " - Expansion", " - New Business"),
            "amount": deals.amount_usd.to_numpy(),
            "close_date": [d[:10] + " 00:00:00" for d in ts(close_us)],
            "created_date": ts(deals.created_us),
            "stage_name": stage,
            "is_closed": np.where(deals.outcome == "open", "false", "true"),
            "is_won": np.where(deals.outcome == "won", "true", "false"),
            "probability": np.select([deals.outcome == "won", deals.outcome == "lost"], [100, 0], 40),
            "type": np.where(deals.is_expansion, "Existing Business", "New Business"),
            "lead_source": rng.choice(LEAD_SOURCES, o),
            "forecast_category": np.where(
                deals.outcome == "won", "Closed", np.where(deals.outcome == "lost", "Omitted", "Pipeline")
            ),
            "owner_id": opp_owner,
            "is_deleted": "false",
        }
    )
    write_csv(opp, out / "opportunity.csv")

    # One version per stage reached: open stages in order, then the closing stage.
    reached = np.array([STAGES.index(x) + 1 if x in STAGES else len(STAGES) + 1 for x in stage], dtype=np.int64)
    rows = np.repeat(np.arange(o), reached)
    step = np.arange(len(rows)) - np.repeat(np.cumsum(reached) - reached, reached)
    history = opp.iloc[rows].reset_index(drop=True)
    history["stage_name"] = np.where(
        step < len(STAGES), np.array((*STAGES, ""))[np.minimum(step, len(STAGES))], stage[rows]
    )
    span = (close_us[rows] - deals.created_us.to_numpy()[rows]) // (len(STAGES) + 1)
    start = deals.created_us.to_numpy()[rows] + span * step
    history["_fivetran_start"] = ts(start)
    is_last = np.append(rows[1:] != rows[:-1], True)
    history["_fivetran_end"] = np.where(is_last, "9999-12-31 23:59:59", ts(np.append(start[1:], 0) - 1_000_000))
    history["_fivetran_active"] = np.where(is_last, "true", "false")
    history["is_closed"] = np.where(is_last, history.is_closed, "false")
    history["is_won"] = np.where(is_last, history.is_won, "false")
    write_csv(history, out / "opportunity_history.csv")

    progress.step(f"salesforce: {a:,} accounts, {c:,} contacts, {n_leads:,} leads, {o:,} opportunities")
    identities = pd.DataFrame(
        {
            "source": "salesforce",
            "entity": np.concatenate([np.full(c, "contact"), np.full(n_leads, "lead")]),
            "identifier": np.concatenate([contact_ids, lead_ids]),
            "person_id": np.concatenate([at_account.person_id.to_numpy(), leads.person_id.to_numpy()]),
            "kind": "person",
            "email_written": np.concatenate([at_account.work_email.to_numpy(), leads.work_email.to_numpy()]),
            "mailbox": "work",
        }
    )
    return SalesforceResult(identities=identities, accounts=a, opportunities=o)
