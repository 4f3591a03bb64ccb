"""Stripe, as exported from the Stripe Dashboard: `billing/customers.csv`, `billing/subscriptions.csv`.

Stripe's own export headers ("Created (UTC)", "Customer ID", "Amount", …), amounts in major units,
dates as `YYYY-MM-DD HH:MM`, metadata as `<key> (metadata)` columns — here the sign-up survey's
`heard_about_us (metadata)`. Files written with CRLF line endings, as the dashboard does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.commerce import Commerce
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, text_replace
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000
BASE62 = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))


@dataclass
class BillingResult:
    identities: pd.DataFrame
    customers: int
    subscriptions: int


def stripe_ids(rng: np.random.Generator, prefix: str, count: int) -> np.ndarray:
    chars = BASE62[rng.integers(0, 62, (count, 14))]
    body = pd.Series(np.ascontiguousarray(chars).view("<U14").ravel())
    ids = (prefix + body).to_numpy()
    if len(set(ids)) != len(ids):  # 62^14 makes this astronomically unlikely; never silently collide
        raise RuntimeError("duplicate Stripe id drawn")
    return ids


def _minute(us: np.ndarray) -> np.ndarray:
    text = np.datetime_as_string(np.asarray(us, dtype=np.int64).astype("datetime64[us]"), unit="m")
    return text_replace(text, "T", " ")


def write_billing(world: World, commerce: Commerce, raw: Path, progress: Progress) -> BillingResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "billing")
    out = raw / "billing"
    out.mkdir(parents=True, exist_ok=True)
    window_end = epoch_us(world.month_starts[-1]) + 31 * DAY_US
    people = world.people.set_index("person_index")
    companies = world.companies.set_index("company_index")
    subs = commerce.subscriptions

    # One customer per paying company (sales) or per person (self-serve).
    key = np.where(subs.source == "sales", "c" + subs.company_index.astype(str), "p" + subs.person_index.astype(str))
    subs = subs.assign(customer_key=key)
    first = subs.sort_values("start_us").drop_duplicates("customer_key")
    n = len(first)
    customer_ids = pd.Series(stripe_ids(rng, "cus_", n), index=first.customer_key.to_numpy())
    payer = people.reindex(first.person_index)
    work = payer.work_email.fillna("").to_numpy()
    personal = payer.personal_email.fillna("").to_numpy()
    email = np.where(
        (first.source == "sales").to_numpy() & (work != ""),
        work,
        np.where(rng.random(n) < 0.5, personal, np.where(work != "", work, personal)),
    )
    is_sales = (first.source == "sales").to_numpy()
    name = np.where(
        is_sales,
        companies.name.reindex(first.company_index.clip(lower=0)).fillna("").to_numpy(),
        (payer.display_first_name + " " + payer.last_name).fillna("").to_numpy(),
    )
    customers = pd.DataFrame(
        {
            "id": customer_ids.to_numpy(),
            "Description": np.where(is_sales, name, ""),
            "Email": email,
            "Name": name,
            "Phone": "",
            "Created (UTC)": _minute(first.start_us.to_numpy() - rng.integers(0, 3 * DAY_US, n)),
            "Currency": "usd",
            "Delinquent": np.where(rng.random(n) < 0.03, "true", "false"),
            "Balance": "0.00",
            "Business Vat ID": "",
            "Tax Exempt": "none",
            "heard_about_us (metadata)": first.heard_about_us.to_numpy(),
        }
    )
    customers.to_csv(out / "customers.csv", index=False, lineterminator="\r\n")

    s = len(subs)
    sub_ids = stripe_ids(rng, "sub_", s)
    cust = customer_ids.reindex(subs.customer_key).to_numpy()
    start = subs.start_us.to_numpy()
    ended = subs.ended_us.to_numpy()
    canceled = ended >= 0
    period = np.where(subs.interval == "year", 365, 30) * DAY_US
    periods_done = np.where(canceled, (ended - start) // period, (window_end - start) // period)
    current_start = start + periods_done * period
    past_due = ~canceled & (rng.random(s) < 0.02)
    status = np.where(canceled, "canceled", np.where(past_due, "past_due", "active"))
    desc = customers.set_index("id")
    subscriptions = pd.DataFrame(
        {
            "id": sub_ids,
            "Customer ID": cust,
            "Customer Description": desc.Description.reindex(cust).to_numpy(),
            "Customer Email": desc.Email.reindex(cust).to_numpy(),
            "Plan": subs.plan.to_numpy(),
            "Product": "Quarry Cloud",
            "Quantity": subs.quantity.to_numpy(),
            "Interval": subs.interval.to_numpy(),
            "Amount": [f"{a:.2f}" for a in subs.unit_amount_usd.to_numpy()],
            "Currency": "usd",
            "Status": status,
            "Created (UTC)": _minute(start),
            "Start (UTC)": _minute(start),
            "Current Period Start (UTC)": _minute(current_start),
            "Current Period End (UTC)": _minute(current_start + period),
            "Trial Start (UTC)": "",
            "Trial End (UTC)": "",
            "Canceled At (UTC)": np.where(canceled, _minute(np.maximum(ended - 7 * DAY_US, start)), ""),
            "Cancel At Period End": "false",
            "Ended At (UTC)": np.where(canceled, _minute(np.maximum(ended, 0)), ""),
            "Application Fee Percent": "",
            "Coupon": np.where(rng.random(s) < 0.05, "COMMUNITY20", ""),
            "Tax Percent": "",
        }
    ).sort_values(["Created (UTC)", "id"])
    subscriptions.to_csv(out / "subscriptions.csv", index=False, lineterminator="\r\n")
    progress.step(f"billing: {n:,} customers, {s:,} subscriptions")
    identities = pd.DataFrame(
        {
            "source": "billing",
            "entity": "customer",
            "identifier": customer_ids.to_numpy(),
            "person_id": payer.person_id.to_numpy(),
            "kind": "person",
            "email_written": email,
            "mailbox": np.where(email == work, "work", "personal"),
        }
    )
    return BillingResult(identities=identities, customers=n, subscriptions=s)
