"""Ad platforms as Fivetran lands them: `google_ads/` and `linkedin_ads/` tables with daily spend.

Google Ads: `campaign_history` and `campaign_stats` (daily per campaign and device, cost in micros).
LinkedIn Ads: `campaign_history` and `ad_analytics_by_campaign` (daily per campaign, cost in USD and the
account currency). Clicks follow the paid sessions the website recorded, plus the clicks it never
sees (ad blockers, bounces before the page loads).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, to_hubspot_ts, write_csv
from community_warehouse.generate.marketing import WebPlan
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000


@dataclass
class AdsResult:
    google_rows: int
    linkedin_rows: int


def _daily_clicks(plan: WebPlan, campaigns: tuple, channel: str, days: np.ndarray, rng) -> pd.DataFrame:
    paid = plan.sessions[plan.sessions.channel == channel]
    day = (paid.started_us.to_numpy() // DAY_US) * DAY_US
    tracked = pd.DataFrame({"campaign_id": paid.campaign_id.to_numpy(), "day_us": day}).value_counts()
    grid = pd.MultiIndex.from_product([[c[0] for c in campaigns], days], names=["campaign_id", "day_us"])
    clicks = tracked.reindex(grid, fill_value=0).to_numpy()
    clicks = np.round(clicks * rng.uniform(1.1, 1.5, len(clicks)) + rng.poisson(0.4, len(clicks))).astype(int)
    return pd.DataFrame({"campaign_id": grid.get_level_values(0), "day_us": grid.get_level_values(1), "clicks": clicks})


def write_ads(world: World, plan: WebPlan, raw: Path, progress: Progress, google: bool, linkedin: bool) -> AdsResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "ads")
    start = epoch_us(world.month_starts[0])
    end = epoch_us(world.month_starts[-1]) + 30 * DAY_US
    days = np.arange(start, end, DAY_US)
    synced = end + DAY_US
    customer_id = 2121450128
    result = AdsResult(0, 0)

    if google:
        history = pd.DataFrame(
            {
                "id": [c[0] for c in plan.google_campaigns],
                "updated_at": [s.replace(" ", "T") + ".102" for s in to_hubspot_ts(np.full(3, start - 5 * DAY_US))],
                "name": [c[1] for c in plan.google_campaigns],
                "customer_id": customer_id,
                "advertising_channel_type": "SEARCH",
                "advertising_channel_subtype": "UNSPECIFIED",
                "start_date": f"{world.month_starts[0]:%Y-%m-%d}",
                "end_date": "2037-12-30",
                "serving_status": "SERVING",
                "status": "ENABLED",
                "tracking_url_template": "",
            }
        )
        write_csv(history, raw / "google_ads" / "campaign_history.csv")
        clicks = _daily_clicks(plan, plan.google_campaigns, "paid_search", days, rng)
        rows = clicks.loc[clicks.index.repeat(2)].reset_index(drop=True)
        mobile_share = rng.uniform(0.3, 0.6, len(clicks))
        mobile = np.round(clicks.clicks.to_numpy() * mobile_share).astype(int)
        rows["device"] = np.tile(["MOBILE", "DESKTOP"], len(clicks))
        rows["clicks"] = np.column_stack([mobile, clicks.clicks.to_numpy() - mobile]).ravel()
        n = len(rows)
        cpc = rng.uniform(1.5, 4.5, n)
        impressions = (rows.clicks * rng.uniform(15, 45, n)).round().astype(int) + rng.poisson(30, n)
        stats = pd.DataFrame(
            {
                "_fivetran_id": [
                    f"gads-{c}-{d}-{v}" for c, d, v in zip(rows.campaign_id, rows.day_us, rows.device, strict=True)
                ],
                "customer_id": customer_id,
                "date": np.datetime_as_string(rows.day_us.to_numpy().astype("datetime64[us]"), unit="D"),
                "_fivetran_synced": to_hubspot_ts(np.full(n, synced)),
                "ad_network_type": "SEARCH",
                "base_campaign": "customers/" + str(customer_id) + "/campaigns/" + rows.campaign_id.astype(str),
                "clicks": rows.clicks,
                "conversions": np.round(rows.clicks * rng.uniform(0, 0.08, n), 2),
                "conversions_value": 0,
                "cost_micros": (rows.clicks * cpc * 1_000_000).round(-4).astype(np.int64),
                "device": rows.device,
                "id": rows.campaign_id,
                "impressions": impressions,
                "interactions": rows.clicks,
                "view_through_conversions": 0,
            }
        )
        write_csv(stats, raw / "google_ads" / "campaign_stats.csv")
        result.google_rows = n

    if linkedin:
        history = pd.DataFrame(
            {
                "id": [c[0] for c in plan.linkedin_campaigns],
                "last_modified_time": to_hubspot_ts(np.full(2, start - 3 * DAY_US)),
                "account_id": 507515057,
                "campaign_group_id": 600268686,
                "created_time": to_hubspot_ts(np.full(2, start - 30 * DAY_US)),
                "name": [c[1] for c in plan.linkedin_campaigns],
                "status": "ACTIVE",
                "type": "SPONSORED_UPDATES",
                "cost_type": "CPC",
                "version_tag": 3,
            }
        )
        write_csv(history, raw / "linkedin_ads" / "campaign_history.csv")
        daily = _daily_clicks(plan, plan.linkedin_campaigns, "paid_social", days, rng)
        n = len(daily)
        cost = np.round(daily.clicks * rng.uniform(6, 11, n), 2)
        analytics = pd.DataFrame(
            {
                "campaign_id": daily.campaign_id,
                "day": to_hubspot_ts(daily.day_us.to_numpy()),
                "clicks": daily.clicks,
                "impressions": (daily.clicks * rng.uniform(60, 140, n)).round().astype(int) + rng.poisson(100, n),
                "cost_in_local_currency": cost,
                "cost_in_usd": cost,
                "external_website_conversions": np.round(daily.clicks * rng.uniform(0, 0.05, n)).astype(int),
                "landing_page_clicks": daily.clicks,
            }
        )
        write_csv(analytics, raw / "linkedin_ads" / "ad_analytics_by_campaign.csv")
        result.linkedin_rows = n
    progress.step(f"ads: {result.google_rows:,} Google Ads and {result.linkedin_rows:,} LinkedIn daily rows")
    return result
