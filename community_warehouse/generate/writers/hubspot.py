"""HubSpot, as Fivetran's HubSpot connector lands it: `hubspot/contact.csv`, `hubspot/company.csv`.

Column names follow the Fivetran schema (https://fivetran.com/docs/connectors/applications/hubspot):
`id`, `_fivetran_synced`, `_fivetran_deleted` (contacts) or `is_deleted` (companies), and one
`property_<name>` column per HubSpot property. Real-world mess is deliberate: addresses typed with
stray spaces or capitals, people with two contacts (work and personal address), role mailboxes
(`info@`), contacts without a company association, deleted records, and an older copy of some rows
from a previous sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, to_hubspot_ts, unique_numbers, write_csv
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000
LIFECYCLE = ("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer")
SOURCES = (
    "ORGANIC_SEARCH",
    "DIRECT_TRAFFIC",
    "SOCIAL_MEDIA",
    "REFERRALS",
    "PAID_SEARCH",
    "EMAIL_MARKETING",
    "OFFLINE",
)


@dataclass
class HubspotResult:
    identities: pd.DataFrame
    contacts: int
    companies: int


def write_hubspot(world: World, raw: Path, progress: Progress) -> HubspotResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "hubspot")
    people = world.people
    n = len(people)
    window_start = epoch_us(world.month_starts[0])
    window_end = epoch_us(world.month_starts[-1]) + 30 * DAY_US
    synced_base = window_end + DAY_US

    has_company = people.company_index.to_numpy() > 0
    is_member = people.is_member.to_numpy()
    p_crm = np.where(is_member, np.where(has_company, 0.55, 0.25), 0.9)
    in_crm = (rng.random(n) < p_crm) & ~people.is_staff.to_numpy()
    cp = people[in_crm].reset_index(drop=True)
    k = len(cp)
    cp_company = cp.company_index.to_numpy()
    cp_has_company = cp_company > 0

    use_work = cp_has_company & (rng.random(k) < 0.85)
    email = np.where(use_work, cp.work_email, cp.personal_email)
    mailbox = np.where(use_work, "work", "personal")

    # A second contact for 3 % of people who have both addresses: the CRM never merged them.
    dup = cp_has_company & (rng.random(k) < 0.03)
    dup_email = np.where(use_work, cp.personal_email, cp.work_email)[dup]
    dup_mailbox = np.where(use_work, "personal", "work")[dup]

    person_rows = np.concatenate([np.arange(k), np.flatnonzero(dup)])
    contacts = pd.DataFrame(
        {
            "person_row": person_rows,
            "email_clean": np.concatenate([email, dup_email]),
            "mailbox": np.concatenate([mailbox, dup_mailbox]),
        }
    )
    m = len(contacts)
    src = cp.iloc[person_rows].reset_index(drop=True)

    # Role mailboxes at some companies: a contact that is nobody in particular.
    crm_companies = np.unique(cp_company[cp_has_company])
    role_co = crm_companies[rng.random(len(crm_companies)) < 0.12]
    companies = world.companies.set_index("company_index")
    role_local = np.array(vocab.ROLE_LOCAL_PARTS[:3])[rng.integers(0, 3, len(role_co))]
    role_email = [f"{a}@{d}" for a, d in zip(role_local, companies.domain.reindex(role_co), strict=True)]

    # Typing mess: stray spaces and capitals, as people enter addresses in forms and by hand.
    u = rng.random(m)
    written = pd.Series(contacts.email_clean)
    written = pd.Series(np.where(u < 0.04, " " + written + " ", written))
    written = pd.Series(np.where((u >= 0.04) & (u < 0.12), written.str.title(), written))

    join_month = np.clip(src.join_month.to_numpy(), 0, None)
    joined_us = np.array([epoch_us(world.month_starts[j]) for j in range(cfg.months)])[join_month]
    offset = rng.normal(0, 60, m) * DAY_US
    created = np.where(
        src.is_member.to_numpy(),
        joined_us + offset,
        window_start + rng.random(m) * (window_end - window_start),
    )
    created = np.clip(created, window_start - 365 * DAY_US, window_end - DAY_US).astype(np.int64)

    company_ids = pd.Series(
        unique_numbers(rng, len(companies), 1_000_000_000, 9_999_999_999), index=companies.index
    )
    associated = np.where(
        (src.company_index.to_numpy() > 0) & (rng.random(m) > 0.05),
        company_ids.reindex(src.company_index.clip(lower=0)).to_numpy().astype(str),
        "",
    )
    company_text = np.where(
        src.company_index.to_numpy() > 0,
        companies.name.reindex(src.company_index.clip(lower=0)).to_numpy(),
        "",
    )
    company_text = np.where(rng.random(m) < 0.1, "", company_text)

    n_role = len(role_email)
    all_ids = unique_numbers(rng, m + n_role, 10_000_000, 999_999_999)
    stage = rng.choice(len(LIFECYCLE), m + n_role, p=[0.25, 0.35, 0.15, 0.1, 0.05, 0.1])
    source = rng.choice(len(SOURCES), m + n_role)
    frame = pd.DataFrame(
        {
            "id": all_ids,
            "_fivetran_deleted": np.where(rng.random(m + n_role) < 0.01, "true", "false"),
            "_fivetran_synced": to_hubspot_ts(synced_base + rng.integers(0, 3 * DAY_US, m + n_role)),
            "property_email": np.concatenate([written.to_numpy(), role_email]),
            "property_firstname": np.concatenate([src.display_first_name.to_numpy(), [""] * n_role]),
            "property_lastname": np.concatenate([src.last_name.to_numpy(), [""] * n_role]),
            "property_company": np.concatenate([company_text, companies.name.reindex(role_co).to_numpy()]),
            "property_jobtitle": np.concatenate(
                [np.where(rng.random(m) < 0.7, src.job_title.to_numpy(), ""), [""] * n_role]
            ),
            "property_country": np.concatenate(
                [np.where(rng.random(m) < 0.6, src.country.to_numpy(), ""), [""] * n_role]
            ),
            "property_associatedcompanyid": np.concatenate(
                [associated, company_ids.reindex(role_co).to_numpy().astype(str)]
            ),
            "property_lifecyclestage": np.array(LIFECYCLE)[stage],
            "property_hs_analytics_source": np.array(SOURCES)[source],
            "property_createdate": to_hubspot_ts(
                np.concatenate(
                    [
                        created,
                        window_start + (rng.random(n_role) * (window_end - window_start)).astype(np.int64),
                    ]
                )
            ),
        }
    )
    # An older copy of 2 % of rows, from a sync two months earlier (latest sync must win downstream).
    stale = frame.iloc[np.flatnonzero(rng.random(len(frame)) < 0.02)].copy()
    stale["_fivetran_synced"] = to_hubspot_ts(
        np.full(len(stale), window_end - 60 * DAY_US) + rng.integers(0, DAY_US, len(stale))
    )
    stale["property_jobtitle"] = np.where(
        stale.property_jobtitle != "", "Former " + stale.property_jobtitle, ""
    )
    stale["property_lifecyclestage"] = "subscriber"
    contact_csv = pd.concat([frame, stale]).sort_values(["id", "_fivetran_synced"], kind="stable")
    write_csv(contact_csv, raw / "hubspot" / "contact.csv")

    # Companies: every company with a contact, plus some with none yet.
    in_hubspot = np.union1d(
        crm_companies, companies.index[(rng.random(len(companies)) < 0.1) & (companies.index > 0)]
    )
    co = companies.reindex(in_hubspot)
    c = len(co)
    domain = co.domain.to_numpy().astype(object)
    v = rng.random(c)
    domain = np.where(v < 0.05, "www." + domain, domain)
    domain = np.where((v >= 0.05) & (v < 0.08), "", domain)
    company_csv = pd.DataFrame(
        {
            "id": company_ids.reindex(in_hubspot).to_numpy(),
            "is_deleted": np.where(rng.random(c) < 0.01, "true", "false"),
            "_fivetran_synced": to_hubspot_ts(synced_base + rng.integers(0, 3 * DAY_US, c)),
            "property_name": co.name.to_numpy(),
            "property_domain": domain,
            "property_website": np.where(domain != "", "https://" + co.domain.to_numpy().astype(object), ""),
            "property_industry": co.industry.to_numpy(),
            "property_country": co.country.to_numpy(),
            "property_numberofemployees": co.employees.to_numpy(),
            "property_annualrevenue": (co.employees.to_numpy() * rng.uniform(80_000, 250_000, c))
            .round(-3)
            .astype(np.int64),
            "property_createdate": to_hubspot_ts(
                (window_start - co.founded_days_before_window.to_numpy() * DAY_US // 4).astype(np.int64)
            ),
        }
    ).sort_values("id")
    write_csv(company_csv, raw / "hubspot" / "company.csv")
    progress.step(f"hubspot: {len(contact_csv):,} contact rows, {len(company_csv):,} companies")

    identities = pd.DataFrame(
        {
            "source": "hubspot",
            "entity": "contact",
            "identifier": all_ids.astype(str),
            "person_id": np.concatenate([src.person_id.to_numpy(), [""] * n_role]),
            "kind": ["person"] * m + ["role"] * n_role,
            "email_written": frame.property_email.to_numpy(),
            "mailbox": np.concatenate([contacts.mailbox.to_numpy(), ["role"] * n_role]),
        }
    )
    return HubspotResult(identities=identities, contacts=len(frame), companies=c)
