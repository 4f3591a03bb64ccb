"""Community events: `events/events.csv` and one Luma guest-list export per event, `events/guests/<id>.csv`.

The events list has one row per event (id, name, start and end, format, city, cost). Each guest list
is Luma's own CSV export: `api_id,name,first_name,last_name,email,phone_number,created_at,
approval_status,checked_in_at,…` followed by the event's custom questions — "How did you hear about
us?" always, "What's your role?" on some events, in varying column order. Registrations come from
active members far more than from others; no-shows are common, online more than in person.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.commerce import heard_about_us
from community_warehouse.generate.community import community_email
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000
HOUR_US = 3_600_000_000
BASE62 = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
CITY_TIMEZONES = {
    "Berlin": "Europe/Berlin",
    "London": "Europe/London",
    "New York": "America/New_York",
    "San Francisco": "America/Los_Angeles",
    "Bangalore": "Asia/Kolkata",
    "Amsterdam": "Europe/Amsterdam",
    "Toronto": "America/Toronto",
    "São Paulo": "America/Sao_Paulo",
}
CITIES = tuple(CITY_TIMEZONES)
EXTRA_ANSWERS = ("من المجتمع", "מחבר בעבודה", "Slack 🙌", "community forum 💬", "LinkedIn 👍")
GUEST_COLUMNS = [
    "api_id",
    "name",
    "first_name",
    "last_name",
    "email",
    "phone_number",
    "created_at",
    "approval_status",
    "checked_in_at",
    "custom_source",
    "qr_code_url",
    "amount",
    "amount_tax",
    "currency",
    "coupon_code",
    "ticket_type_id",
    "ticket_name",
]
HEARD = "How did you hear about us?"
ROLE = "What's your role?"


@dataclass
class EventsResult:
    identities: pd.DataFrame
    events: int
    registrations: int


def _luma_ids(rng: np.random.Generator, prefix: str, count: int) -> np.ndarray:
    chars = BASE62[rng.integers(0, 62, (count, 15))]
    return (prefix + pd.Series(np.ascontiguousarray(chars).view("<U15").ravel())).to_numpy()


def _iso_ms(us: np.ndarray) -> np.ndarray:
    text = np.datetime_as_string(np.asarray(us, dtype=np.int64).astype("datetime64[us]"), unit="ms")
    return np.char.add(text, "Z").astype(object)


def plan_events(world: World, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    summit = {c.month_index: c.name for c in world.campaigns}
    for m, start in enumerate(world.month_starts):
        base = epoch_us(start)
        rows.append(
            (
                "webinar",
                f"Office hours: {start:%B %Y}",
                base + (14 + rng.integers(0, 7)) * DAY_US + 16 * HOUR_US,
                1,
                "online",
                "",
                0.0,
                m,
            )
        )
        if m % 2 == 0:
            city = CITIES[(m // 2) % len(CITIES)]
            rows.append(
                (
                    "meetup",
                    f"Quarry meetup {city}",
                    base + (20 + rng.integers(0, 5)) * DAY_US + 18 * HOUR_US,
                    3,
                    "in_person",
                    city,
                    float(np.round(rng.uniform(600, 2400), 2)),
                    m,
                )
            )
        if m in summit:
            rows.append(
                ("summit", summit[m], base + 10 * DAY_US + 9 * HOUR_US, 8, "in_person", "San Francisco", 45_000.0, m)
            )
    events = pd.DataFrame(rows, columns=["kind", "name", "start_us", "hours", "format", "city", "cost_usd", "month"])
    events["event_id"] = _luma_ids(rng, "evt-", len(events))
    return events


def write_events(world: World, raw: Path, progress: Progress) -> EventsResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "events")
    out = raw / "events"
    (out / "guests").mkdir(parents=True, exist_ok=True)
    events = plan_events(world, rng)
    people = world.people
    member = people.is_member.to_numpy() & ~people.is_staff.to_numpy()

    events_csv = pd.DataFrame(
        {
            "id": events.event_id,
            "name": events.name,
            "start_at": _iso_ms(events.start_us.to_numpy()),
            "end_at": _iso_ms(events.start_us.to_numpy() + events.hours.to_numpy() * HOUR_US),
            "timezone": [CITY_TIMEZONES.get(c, "UTC") for c in events.city],
            "format": events.format,
            "city": events.city,
            "cost": [f"{c:.2f}" for c in events.cost_usd],
        }
    )
    events_csv.to_csv(out / "events.csv", index=False, lineterminator="\n")

    p_member = {"webinar": 0.05, "meetup": 0.02, "summit": 0.18}
    p_other = {"webinar": 0.008, "meetup": 0.002, "summit": 0.02}
    show_member = {"online": 0.55, "in_person": 0.75}
    show_other = {"online": 0.4, "in_person": 0.6}
    identities = []
    # A few guests registered with their partner's personal address (a family mailbox): the address then
    # names two people. The curated identity_splits seed of the demo separates them.
    family_rng = rng_for(cfg.seed, "events", "family_mailbox")
    partners = people[member & ~people.prefers_work_email.to_numpy()]
    family_left = 3
    total = 0
    for _, ev in events.iterrows():
        active = world.active[:, ev.month] & member
        p = np.where(active, p_member[ev.kind], np.where(member, p_other[ev.kind] * 2, p_other[ev.kind]))
        guests = people[rng.random(len(people)) < p]
        g = len(guests)
        if g == 0:
            continue
        total += g
        email, used_work = community_email(guests, rng)
        mailbox = np.where(used_work, "work", "personal")
        # Before a job change, the work address was the old employer's.
        before_move = used_work & (guests.job_change_month.to_numpy() > ev.month)
        email = np.where(before_move, guests.previous_work_email.to_numpy(), email)
        mailbox = np.where(before_move, "previous_work", mailbox)
        if family_left and family_rng.random() < 0.25:
            i = int(family_rng.integers(0, g))
            partner = partners.iloc[int(family_rng.integers(0, len(partners)))]
            if partner.person_id != guests.person_id.iloc[i]:
                email = email.copy()
                email[i], mailbox[i] = partner.personal_email, "shared"
                family_left -= 1
        email = np.where(rng.random(g) < 0.08, pd.Series(email).str.upper().to_numpy(), email)
        is_member = member[guests.person_index.to_numpy()]
        shows = rng.random(g) < np.where(is_member, show_member[ev.format], show_other[ev.format])
        registered = ev.start_us - (rng.exponential(10, g) * DAY_US).astype(np.int64) - HOUR_US
        approval = rng.choice(["approved", "approved", "approved", "approved", "waitlist", "declined"], g)
        checked_in = np.where(
            shows & (approval == "approved"), _iso_ms(ev.start_us + rng.integers(-20, 45, g) * 60_000_000), ""
        )
        channel = np.where(
            is_member & (rng.random(g) < 0.6),
            "community",
            rng.choice(["referral", "organic_search", "paid_social", "social", "email", "unknown"], g),
        )
        answer = heard_about_us(rng, channel)
        answer = np.where(rng.random(g) < 0.03, np.array(EXTRA_ANSWERS)[rng.integers(0, len(EXTRA_ANSWERS), g)], answer)
        answer = np.where(rng.random(g) < 0.4, "", answer)
        paid = ev.kind == "summit"
        frame = pd.DataFrame(
            {
                "api_id": _luma_ids(rng, "gst-", g),
                "name": (guests.display_first_name + " " + guests.last_name).to_numpy(),
                "first_name": guests.display_first_name.to_numpy(),
                "last_name": guests.last_name.to_numpy(),
                "email": email,
                "phone_number": "",
                "created_at": _iso_ms(registered),
                "approval_status": approval,
                "checked_in_at": checked_in,
                "custom_source": "",
                "qr_code_url": "https://lu.ma/check-in/" + ev.event_id,
                "amount": "199.00" if paid else "0.00",
                "amount_tax": "0.00",
                "currency": "usd" if paid else "",
                "coupon_code": np.where(paid & (rng.random(g) < 0.1), "COMMUNITY20", ""),
                "ticket_type_id": "evtticktyp-standard",
                "ticket_name": "Standard" if paid else "Free",
                HEARD: answer,
                "_person_id": guests.person_id.to_numpy(),
                "_mailbox": mailbox,
            }
        ).sort_values("created_at")
        columns = list(GUEST_COLUMNS)
        if ev.kind != "webinar":  # in-person events ask for the role first
            frame[ROLE] = rng.choice(["Data Engineer", "Analyst", "Manager", "Student", "Other"], g)
            columns += [ROLE, HEARD]
        else:
            columns += [HEARD]
        with (out / "guests" / f"{ev.event_id}.csv").open("w", newline="", encoding="utf-8") as fh:
            frame[columns].to_csv(fh, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        identities.append(
            pd.DataFrame(
                {
                    "source": "events",
                    "entity": "guest",
                    "identifier": frame.api_id.to_numpy(),
                    "person_id": frame._person_id.to_numpy(),
                    "kind": "person",
                    "email_written": frame.email.to_numpy(),
                    "mailbox": frame._mailbox.to_numpy(),
                }
            )
        )
    progress.step(f"events: {len(events):,} events, {total:,} registrations")
    return EventsResult(
        identities=pd.concat(identities, ignore_index=True) if identities else pd.DataFrame(),
        events=len(events),
        registrations=total,
    )
