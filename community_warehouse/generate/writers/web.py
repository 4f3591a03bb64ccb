"""Website analytics as Segment's warehouse integration lands it: `web/pages.csv`, `web/identifies.csv`.

Segment column names (`anonymous_id`, `user_id`, `timestamp`, `context_page_url`,
`context_page_referrer`, `context_campaign_source/medium/name`, …). Only a session's landing page
carries campaign parameters, as on a real site. `original_timestamp` is the browser's clock, with its
UTC offset; `timestamp` is Segment's corrected UTC time. Identify calls tie an anonymous browser to an
e-mail when someone fills a form or signs up — once, on a shared computer, to two different people.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.community import community_email
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import uuid_like, write_csv
from community_warehouse.generate.marketing import PAGES, WebPlan
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

SITE = "https://quarrylabs.io"
TITLES = {
    "/": "Quarry Labs",
    "/pricing": "Pricing",
    "/signup": "Sign up",
    "/events": "Events",
    "/community": "Community",
    "/customers": "Customers",
}
AGENTS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
)


@dataclass
class WebResult:
    identities: pd.DataFrame
    pages: int
    identifies: int


def _iso(us: np.ndarray) -> np.ndarray:
    text = np.datetime_as_string(np.asarray(us, dtype=np.int64).astype("datetime64[us]"), unit="ms")
    return np.char.add(text, "Z").astype(object)


def _iso_offset(us: np.ndarray, offset_hours: np.ndarray) -> np.ndarray:
    local = np.asarray(us, dtype=np.int64) + offset_hours.astype(np.int64) * 3_600_000_000
    text = np.datetime_as_string(local.astype("datetime64[us]"), unit="ms")
    sign = np.where(offset_hours < 0, "-", "+")
    hours = np.char.zfill(np.abs(offset_hours).astype(str), 2)
    return np.char.add(np.char.add(np.char.add(text, sign), hours), ":00").astype(object)


def write_web(world: World, plan: WebPlan, raw: Path, progress: Progress) -> WebResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "web", "writer")
    out = raw / "web"
    sessions = plan.sessions
    people = world.people

    # Pages: a landing page with the campaign, then a few more pages of the same visit.
    n_pages = 1 + rng.poisson(1.2, len(sessions))
    row = np.repeat(np.arange(len(sessions)), n_pages)
    step = np.arange(len(row)) - np.repeat(np.cumsum(n_pages) - n_pages, n_pages)
    gap = rng.integers(20, 240, len(row)) * 1_000_000
    offset = pd.Series(np.where(step == 0, 0, gap)).groupby(row).cumsum().to_numpy()
    ts = sessions.started_us.to_numpy()[row] + offset
    path = np.array(PAGES)[rng.integers(0, len(PAGES), len(row))]
    path = np.where(step == 0, np.array(PAGES)[rng.integers(0, 3, len(row))], path)
    landing = step == 0
    s = sessions.iloc[row]
    query = np.where(
        landing & (s.utm_source.to_numpy() != ""),
        "?utm_source="
        + s.utm_source.to_numpy()
        + "&utm_medium="
        + s.utm_medium.to_numpy()
        + "&utm_campaign="
        + pd.Series(s.utm_campaign.to_numpy()).str.replace(" ", "+").to_numpy(),
        "",
    )
    url = SITE + path + query
    previous_url = np.concatenate([[""], url[:-1]])
    referrer = np.where(landing, s.referrer.to_numpy(), previous_url)
    page_titles = {p: TITLES.get(p, p.strip("/").split("/")[-1].replace("-", " ").title()) for p in PAGES}
    title = pd.Series(path).map(page_titles).to_numpy()
    tz_offset = rng.choice([-8, -5, 0, 1, 2, 5], len(sessions))[row]
    n = len(row)
    pages = pd.DataFrame(
        {
            "id": uuid_like(rng, n),
            "anonymous_id": s.anonymous_id.to_numpy(),
            "user_id": "",
            "timestamp": _iso(ts),
            "original_timestamp": _iso_offset(ts - rng.integers(0, 900_000, n), tz_offset),
            "sent_at": _iso(ts + 150_000),
            "received_at": _iso(ts + rng.integers(200_000, 2_000_000, n)),
            "context_page_path": path,
            "context_page_referrer": referrer,
            "context_page_title": title,
            "context_page_url": url,
            "context_page_search": query,
            "context_campaign_source": np.where(landing, s.utm_source.to_numpy(), ""),
            "context_campaign_medium": np.where(landing, s.utm_medium.to_numpy(), ""),
            "context_campaign_name": np.where(landing, s.utm_campaign.to_numpy(), ""),
            "context_ip": "203.0.113." + (s.device.to_numpy() % 250 + 1).astype(str),
            "context_user_agent": np.array(AGENTS)[s.device.to_numpy() % len(AGENTS)],
            "context_library_name": "analytics.js",
            "context_library_version": "next-1.55.0",
            "path": path,
            "referrer": referrer,
            "search": query,
            "title": title,
            "url": url,
        }
    )
    write_csv(pages, out / "pages.csv")

    # Identify calls: people who filled a form or signed up, on one of their sessions.
    known = sessions[sessions.person_index >= 0]
    first = known.drop_duplicates("person_index")
    identified = first[rng.random(len(first)) < np.where(people.is_member.to_numpy()[first.person_index], 0.6, 0.4)]
    # Everyone who used a shared computer logged in on it.
    shared_devices = known.groupby("device").person_index.nunique()
    shared_sessions = known[known.device.isin(shared_devices[shared_devices > 1].index)].drop_duplicates(
        ["device", "person_index"]
    )
    ident = pd.concat([identified, shared_sessions]).drop_duplicates(["anonymous_id", "person_index"])
    who = people.iloc[ident.person_index.to_numpy()]
    work = who.work_email.to_numpy()
    email, _ = community_email(who, rng)
    email = np.where(rng.random(len(who)) < 0.1, pd.Series(email).str.title().to_numpy(), email)
    at = ident.started_us.to_numpy() + rng.integers(30, 600, len(ident)) * 1_000_000
    m = len(ident)
    identifies = pd.DataFrame(
        {
            "id": uuid_like(rng, m),
            "anonymous_id": ident.anonymous_id.to_numpy(),
            "user_id": "",
            "email": email,
            "name": (who.display_first_name + " " + who.last_name).to_numpy(),
            "timestamp": _iso(at),
            "sent_at": _iso(at + 150_000),
            "received_at": _iso(at + 600_000),
            "context_ip": "203.0.113." + (ident.device.to_numpy() % 250 + 1).astype(str),
            "context_library_name": "analytics.js",
            "context_library_version": "next-1.55.0",
        }
    ).sort_values(["timestamp", "id"])
    write_csv(identifies, out / "identifies.csv")
    progress.step(f"web: {len(sessions):,} sessions, {n:,} page views, {m:,} identify calls")
    identities = pd.DataFrame(
        {
            "source": "web",
            "entity": "anonymous_id",
            "identifier": ident.anonymous_id.to_numpy(),
            "person_id": who.person_id.to_numpy(),
            "kind": "person",
            "email_written": email,
            "mailbox": np.where(email == work, "work", "personal"),
        }
    )
    return WebResult(identities=identities, pages=n, identifies=m)
