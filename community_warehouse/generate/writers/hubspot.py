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
from community_warehouse.generate.commerce import Commerce, heard_about_us
from community_warehouse.generate.community import community_email, platform
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, to_hubspot_ts, unique_numbers, uuid_like, write_csv
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
    deals: int = 0
    email_events: int = 0


def write_hubspot(world: World, commerce: Commerce, raw: Path, progress: Progress) -> HubspotResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "hubspot")
    people = world.people
    n = len(people)
    window_start = epoch_us(world.month_starts[0])
    window_end = epoch_us(world.month_starts[-1]) + 30 * DAY_US
    synced_base = window_end + DAY_US

    is_member = people.is_member.to_numpy()
    # Most members joined through the "Join the community" form, which creates a contact.
    p_crm = np.where(is_member, 0.95, 0.9)
    in_crm = (rng.random(n) < p_crm) & ~people.is_staff.to_numpy()
    cp = people[in_crm].reset_index(drop=True)
    k = len(cp)
    cp_company = cp.company_index.to_numpy()
    cp_has_company = cp_company > 0

    # Members gave the join form the address they use for the community; other contacts (marketing
    # leads, sales prospects) mostly a work address.
    _, community_work = community_email(cp, rng)
    use_work = np.where(cp.is_member.to_numpy(), community_work, cp_has_company & (rng.random(k) < 0.85))
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

    company_ids = pd.Series(unique_numbers(rng, len(companies), 1_000_000_000, 9_999_999_999), index=companies.index)
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

    # HubSpot's automatic company association also makes "companies" of free-mail domains: some
    # contacts with a personal address end up at "Gmail". Nobody works there.
    free_rng = rng_for(cfg.seed, "hubspot", "free_mail_companies")
    free_companies = pd.DataFrame(
        {"name": ["Gmail", "Yahoo"], "domain": ["gmail.com", "yahoo.com"]},
        index=pd.Index(unique_numbers(free_rng, 2, 1_000_000_000, 9_999_999_999), name="id"),
    )
    domain_of_email = pd.Series(contacts.email_clean.to_numpy()).str.partition("@")[2].to_numpy()
    for free_id, free_domain in free_companies.domain.items():
        auto = (associated == "") & (domain_of_email == free_domain) & (free_rng.random(m) < 0.3)
        associated = np.where(auto, str(free_id), associated)

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
    # The form's "How did you hear about us?" question, answered by 40 % of contacts (free text).
    heard_rng = rng_for(cfg.seed, "hubspot", "heard_about_us")
    is_member_contact = np.concatenate([src.is_member.to_numpy(), np.zeros(n_role, bool)])
    channel = np.where(
        is_member_contact & (heard_rng.random(m + n_role) < 0.5),
        "community",
        heard_rng.choice(
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
            m + n_role,
            p=[0.15, 0.3, 0.12, 0.12, 0.06, 0.08, 0.05, 0.12],
        ),
    )
    answered = heard_rng.random(m + n_role) < 0.4
    frame["property_how_did_you_hear_about_us"] = np.where(answered, heard_about_us(heard_rng, channel), "")

    # What the CRM knows beyond the main address: the other mailbox (HubSpot keeps the addresses a
    # contact also used in `hs_additional_emails`, `;`-separated), and the handles the join form asks
    # for — X in HubSpot's own `twitterhandle`, GitHub and Discord in custom properties — typed as people
    # type them (an @, a profile URL, capitals).
    link_rng = rng_for(cfg.seed, "hubspot", "links")
    other = np.where(contacts.email_clean.to_numpy() == src.work_email.to_numpy(), src.personal_email, src.work_email)
    has_other = (other != "") & (src.work_email.to_numpy() != "")
    additional = np.where(has_other & (link_rng.random(m) < 0.95), other, "")
    # A member who changed jobs: the old work address stays on the contact as an additional address.
    previous = src.previous_work_email.to_numpy().astype(object)
    additional = np.where(previous != "", np.where(additional != "", additional + ";" + previous, previous), additional)
    frame["property_hs_additional_emails"] = np.concatenate([additional, [""] * n_role])
    for column, name, url in [
        ("property_twitterhandle", "x", "https://x.com/"),
        ("property_github_username", "github", "https://github.com/"),
        ("property_discord_username", "discord", ""),
    ]:
        on = platform(world, name).people
        handle = pd.Series(on.handle.to_numpy(), index=on.person_index.to_numpy()).reindex(src.person_index)
        handle = handle.fillna("").to_numpy().astype(object)
        u = link_rng.random(m)
        typed = np.where(u < 0.15, "@" + handle, handle)
        if url:
            typed = np.where((u >= 0.15) & (u < 0.25), url + handle, typed)
        typed = np.where((u >= 0.25) & (u < 0.3), pd.Series(typed).str.title().to_numpy(), typed)
        answered = (handle != "") & (link_rng.random(m) < 0.95)
        frame[column] = np.concatenate([np.where(answered, typed, ""), [""] * n_role])

    # An older copy of 2 % of rows, from a sync two months earlier (latest sync must win downstream).
    stale = frame.iloc[np.flatnonzero(rng.random(len(frame)) < 0.02)].copy()
    stale["_fivetran_synced"] = to_hubspot_ts(
        np.full(len(stale), window_end - 60 * DAY_US) + rng.integers(0, DAY_US, len(stale))
    )
    stale["property_jobtitle"] = np.where(stale.property_jobtitle != "", "Former " + stale.property_jobtitle, "")
    stale["property_lifecyclestage"] = "subscriber"
    contact_csv = pd.concat([frame, stale]).sort_values(["id", "_fivetran_synced"], kind="stable")
    write_csv(contact_csv, raw / "hubspot" / "contact.csv")

    # Companies: every company with a contact, plus some with none yet.
    in_hubspot = np.union1d(crm_companies, companies.index[(rng.random(len(companies)) < 0.1) & (companies.index > 0)])
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
    )
    free_csv = pd.DataFrame(
        {
            "id": free_companies.index.to_numpy(),
            "is_deleted": "false",
            "_fivetran_synced": to_hubspot_ts(np.full(2, synced_base)),
            "property_name": free_companies.name.to_numpy(),
            "property_domain": free_companies.domain.to_numpy(),
            "property_website": "",
            "property_industry": "",
            "property_country": "",
            "property_numberofemployees": "",
            "property_annualrevenue": "",
            "property_createdate": to_hubspot_ts(np.full(2, window_start)),
        }
    )
    company_csv = pd.concat([company_csv, free_csv]).sort_values("id")
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
    contact_of_person = pd.Series(all_ids[:m], index=src.person_index.to_numpy())
    contact_of_person = contact_of_person[~contact_of_person.index.duplicated()]
    created_of_contact = pd.Series(frame.property_createdate.to_numpy()[:m], index=all_ids[:m])
    emails_of_contact = pd.Series(contacts.email_clean.to_numpy(), index=all_ids[:m])
    extra = _write_deals_and_marketing(
        world,
        commerce,
        raw,
        contact_of_person,
        company_ids,
        created_of_contact,
        emails_of_contact,
        channel[:m],
        progress,
    )
    return HubspotResult(identities=identities, contacts=len(frame), companies=c, **extra)


PIPELINE_STAGES = (
    # stage_id, label, probability, is_closed, closed_won
    ("appointmentscheduled", "Appointment scheduled", 0.2, False, False),
    ("qualifiedtobuy", "Qualified to buy", 0.4, False, False),
    ("presentationscheduled", "Presentation scheduled", 0.6, False, False),
    ("decisionmakerboughtin", "Decision maker bought-in", 0.8, False, False),
    ("contractsent", "Contract sent", 0.9, False, False),
    ("closedwon", "Closed won", 1.0, True, True),
    ("closedlost", "Closed lost", 0.0, True, False),
)
FORMS = ("Contact us", "Newsletter signup", "Demo request", "Webinar registration", "Ebook download")
UTM = {
    "community": "?utm_source=slack&utm_medium=community",
    "paid_search": "?utm_source=google&utm_medium=cpc",
    "paid_social": "?utm_source=linkedin&utm_medium=paid_social",
    "email": "?utm_source=hubspot&utm_medium=email",
    "social": "?utm_source=twitter&utm_medium=social",
}


def _write_deals_and_marketing(
    world,
    commerce,
    raw,
    contact_of_person,
    company_ids,
    created_of_contact,
    emails_of_contact,
    channel,
    progress,
) -> dict:
    cfg = world.config
    rng = rng_for(cfg.seed, "hubspot", "deals_and_marketing")
    portal = 4727653
    window_end = epoch_us(world.month_starts[-1]) + 30 * DAY_US
    synced = window_end + DAY_US

    stages = pd.DataFrame(PIPELINE_STAGES, columns=["stage_id", "label", "probability", "is_closed", "closed_won"])
    created_at = to_hubspot_ts(np.array([epoch_us(world.month_starts[0]) - 400 * DAY_US]))[0]
    write_csv(
        pd.DataFrame(
            {
                "pipeline_id": ["default"],
                "_fivetran_deleted": ["false"],
                "_fivetran_synced": [to_hubspot_ts(np.array([synced]))[0]],
                "active": ["true"],
                "display_order": [0],
                "label": ["Sales Pipeline"],
                "created_at": [created_at],
                "updated_at": [created_at],
            }
        ),
        raw / "hubspot" / "deal_pipeline.csv",
    )
    write_csv(
        pd.DataFrame(
            {
                "_fivetran_deleted": "false",
                "_fivetran_synced": to_hubspot_ts(np.full(len(stages), synced)),
                "active": "true",
                "closed_won": np.where(stages.closed_won, "true", "false"),
                "is_closed": np.where(stages.is_closed, "true", "false"),
                "display_order": np.arange(len(stages)),
                "probability": stages.probability,
                "stage_id": stages.stage_id,
                "label": stages.label,
                "pipeline_id": "default",
                "created_at": created_at,
                "updated_at": created_at,
            }
        ),
        raw / "hubspot" / "deal_pipeline_stage.csv",
    )

    deals = commerce.deals[commerce.deals.crm == "hubspot"].reset_index(drop=True)
    d = len(deals)
    deal_ids = unique_numbers(rng, d, 1_000_000_000, 9_999_999_999)
    open_stage = stages.stage_id.to_numpy()[rng.integers(0, 5, d)]
    stage = np.where(deals.outcome == "won", "closedwon", np.where(deals.outcome == "lost", "closedlost", open_stage))
    companies = world.companies.set_index("company_index")
    deal_frame = pd.DataFrame(
        {
            "deal_id": deal_ids,
            "_fivetran_synced": to_hubspot_ts(synced + rng.integers(0, DAY_US, d)),
            "is_deleted": np.where(rng.random(d) < 0.01, "true", "false"),
            "deal_pipeline_id": "default",
            "deal_pipeline_stage_id": stage,
            "owner_id": rng.choice([30001, 30002, 30003], d),
            "portal_id": portal,
            "property_dealname": companies.name.reindex(deals.company_index).to_numpy()
            + np.where(deals.is_expansion, " - expansion", " - new business"),
            "property_amount": deals.amount_usd.to_numpy(),
            "property_closedate": np.where(deals.closed_us >= 0, to_hubspot_ts(np.maximum(deals.closed_us, 0)), ""),
            "property_createdate": to_hubspot_ts(deals.created_us.to_numpy()),
            "property_dealstage": stage,
            "property_pipeline": "default",
        }
    )
    write_csv(deal_frame, raw / "hubspot" / "deal.csv")
    company_id = company_ids.reindex(deals.company_index).to_numpy()
    write_csv(
        pd.DataFrame({"company_id": company_id, "deal_id": deal_ids, "type_id": 5, "category": "HUBSPOT_DEFINED"}),
        raw / "hubspot" / "deal_company.csv",
    )
    contact = contact_of_person.reindex(deals.contact_person_index).to_numpy()
    has_contact = ~pd.isna(contact)
    write_csv(
        pd.DataFrame(
            {
                "contact_id": contact[has_contact].astype(np.int64),
                "deal_id": deal_ids[has_contact],
                "_fivetran_synced": to_hubspot_ts(np.full(has_contact.sum(), synced)),
                "type_id": 3,
                "category": "HUBSPOT_DEFINED",
            }
        ),
        raw / "hubspot" / "deal_contact.csv",
    )

    # Form submissions: 70 % of contacts were created by filling a form on the website.
    ids = created_of_contact.index.to_numpy()
    by_form = rng.random(len(ids)) < 0.7
    form_ids = rng.integers(0, len(FORMS), by_form.sum())
    ch = channel[by_form]
    query = np.array([UTM.get(c, "") for c in ch], dtype=object)
    pages = np.array(["/contact", "/newsletter", "/demo", "/webinars", "/ebooks/community-roi"])[form_ids]
    write_csv(
        pd.DataFrame(
            {
                "timestamp": created_of_contact.to_numpy()[by_form],
                "form_id": [f"f{i + 1:03d}-form" for i in form_ids],
                "contact_id": ids[by_form],
                "conversion_id": unique_numbers(rng, by_form.sum(), 10**8, 10**9),
                "page_id": 200 + form_ids,
                "page_url": "https://quarrylabs.io" + pages + query,
                "portal_id": portal,
                "title": np.array(FORMS)[form_ids],
                "_fivetran_synced": to_hubspot_ts(np.full(by_form.sum(), synced)),
            }
        ),
        raw / "hubspot" / "contact_form_submission.csv",
    )

    # E-mail: a monthly newsletter sent to one contact in twenty each month; opens and clicks follow.
    months = len(world.month_starts)
    campaign_ids = 75_310_000 + np.arange(months)
    write_csv(
        pd.DataFrame(
            {
                "id": campaign_ids,
                "_fivetran_synced": to_hubspot_ts(np.full(months, synced)),
                "app_id": 22924,
                "app_name": "Batch",
                "content_id": 11_809_143_000 + np.arange(months),
                "name": [f"Newsletter {m:%B %Y}" for m in world.month_starts],
                "subject": [f"What's new at Quarry Labs — {m:%B %Y}" for m in world.month_starts],
                "type": "BATCH_EMAIL",
            }
        ),
        raw / "hubspot" / "email_campaign.csv",
    )
    emails = emails_of_contact.to_numpy()
    sent_rows = []
    hour = 3_600_000_000
    for m, start in enumerate(world.month_starts):
        chosen = np.flatnonzero(rng.random(len(emails)) < 0.05)
        n = len(chosen)
        sent_at = epoch_us(start) + 5 * DAY_US + rng.integers(0, hour, n)
        delivered = rng.random(n) < 0.97
        opened = delivered & (rng.random(n) < 0.35)
        clicked = opened & (rng.random(n) < 0.18)
        opened_at = sent_at + (rng.exponential(6, n) * hour).astype(np.int64) + 60_000_000
        clicked_at = opened_at + rng.integers(5_000_000, 600_000_000, n)
        for kind, mask, at in (
            ("SENT", np.ones(n, bool), sent_at),
            ("DELIVERED", delivered, sent_at + 30_000_000),
            ("OPEN", opened, opened_at),
            ("CLICK", clicked, clicked_at),
        ):
            sent_rows.append(
                pd.DataFrame(
                    {
                        "created_us": at[mask],
                        "recipient": emails[chosen[mask]],
                        "type": kind,
                        "email_campaign_id": campaign_ids[m],
                    }
                )
            )
    events = pd.concat(sent_rows, ignore_index=True)
    n_ev = len(events)
    event_ids = uuid_like(rng, n_ev)
    write_csv(
        pd.DataFrame(
            {
                "id": event_ids,
                "_fivetran_synced": to_hubspot_ts(np.full(n_ev, synced)),
                "app_id": 22924,
                "created": to_hubspot_ts(events.created_us.to_numpy()),
                "email_campaign_id": events.email_campaign_id,
                "portal_id": portal,
                "recipient": events.recipient,
                "type": events.type,
                "filtered_event": "false",
            }
        ).sort_values(["created", "id"]),
        raw / "hubspot" / "email_event.csv",
    )
    progress.step(f"hubspot: {d:,} deals, {by_form.sum():,} form submissions, {n_ev:,} e-mail events")
    return {"deals": d, "email_events": n_ev}
