"""What each dashboard page shows: one overview and one page per department, as data.

The Streamlit app (app.py) and the static HTML export (export.py) both render these specs, so the two
always show the same numbers. Every number is a column a mart publishes, selected as it stands (the latest
complete period's row, or a plain sum of a mart's rows over a dimension): no formula is re-written here. The
SQL is fixed text written in this file; nothing a user types or a file holds reaches it (the department of a
target list is a bound parameter).

`marts_read(page)` lists the marts a page's SQL names; models/marts/report/_report__exposures.yml declares
the same lists as dbt exposures (tests/python/test_dashboard.py checks they agree), so lineage shows which
page reads which mart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LAST_MONTH = "is_complete_period order by month_start desc limit 1"
LAST_QUARTER = "is_complete_period order by quarter_start desc limit 1"
MONTH_LABEL = "strftime(month_start, '%B %Y')"
QUARTER_LABEL = "'Q' || quarter(quarter_start) || ' ' || year(quarter_start)"


@dataclass(frozen=True)
class Headline:
    """One number: `sql` returns one row (value, period label)."""

    label: str
    sql: str
    kind: str  # count | number | usd | share | hours | days
    help: str


@dataclass(frozen=True)
class Chart:
    """A trend: `sql` returns long rows (x, series, y); one line or bar per series."""

    title: str
    sql: str
    mark: str  # line | bar
    y_title: str
    x_type: str = "temporal"


@dataclass(frozen=True)
class Listing:
    """A list the department acts on: `sql` returns the rows shown, columns named for people."""

    title: str
    sql: str
    caption: str


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    gains: str
    needs: str  # what feeds the page: shown in every empty state
    headlines: tuple[Headline, ...]
    charts: tuple[Chart, ...] = ()
    listings: tuple[Listing, ...] = ()
    targets_department: str | None = None  # None: every department's targets (the overview)
    extra_marts: tuple[str, ...] = field(default=())

    @property
    def audience(self) -> str:
        """Who the page's "What's in it for …" line speaks to."""
        return "everyone" if self.targets_department is None else self.title.lower()

    @property
    def no_targets(self) -> str:
        """The empty state of the targets table: what is missing and how to add it."""
        scope = "any department" if self.targets_department is None else f"the {self.title.lower()} department"
        return (
            f"no targets for {scope}. Add rows to config/targets.csv (template in config_template/targets.csv) "
            "and rebuild"
        )


TARGETS_SQL = """
select
    department as "Department",
    metric as "Metric",
    period_grain as "Period",
    period_start as "Starts",
    target_value as "Target",
    actual_value as "Actual",
    attainment as "Attainment",
    projected_value as "Projected to period end",
    status as "Status"
from marts.report__targets_vs_actuals
where department = coalesce(?, department)
order by period_start desc, department, metric
"""

ACTIVE_MEMBERS = Headline(
    "Active members",
    f"select active_members, {MONTH_LABEL} from marts.community__engagement_monthly where {LAST_MONTH}",
    "count",
    "Members with any activity in the last complete month, all platforms (community__engagement_monthly).",
)
INFLUENCED_PIPELINE = Headline(
    "Influenced pipeline",
    f"select pipeline_amount, {MONTH_LABEL} from marts.sales__pipeline_monthly"
    f" where is_community_influenced and {LAST_MONTH}",
    "usd",
    "Amount of opportunities created in the last complete month at accounts whose people were active in the "
    "community before (sales__pipeline_monthly).",
)
DEFLECTED_TICKETS = Headline(
    "Deflected tickets",
    f"select deflected_tickets, {MONTH_LABEL} from marts.support__community_deflection_monthly where {LAST_MONTH}",
    "number",
    "Support tickets the community's answers saved in the last complete month (support__community_deflection_monthly).",
)
FEEDBACK_ITEMS = Headline(
    "Feedback items",
    f"select sum(items), max({MONTH_LABEL}) from marts.product__feedback_monthly where month_start = ("
    "select max(month_start) from marts.product__feedback_monthly where is_complete_period)",
    "count",
    "Feature requests, bugs and praise from the community in the last complete month, all themes "
    "(product__feedback_monthly).",
)
NRR_WITH_MEMBERS = Headline(
    "NRR with members",
    f"select net_revenue_retention, {QUARTER_LABEL} from marts.success__retention_summary"
    f" where segmentation = 'community_members' and segment = 'with_members' and {LAST_QUARTER}",
    "share",
    "Net revenue retention of customer accounts with community members, last complete quarter "
    "(success__retention_summary).",
)
TOTAL_ROI = Headline(
    "Community ROI",
    f"select roi, {QUARTER_LABEL} from marts.finance__community_roi where department = 'total' and {LAST_QUARTER}",
    "share",
    "(Value - cost) / cost of the community, last complete quarter (finance__community_roi; assumptions on the "
    "Finance page).",
)

ACTIVE_MEMBERS_TREND = Chart(
    "Members per month",
    """
    select month_start, series, members from (
        select month_start, 'active' as series, active_members as members, is_complete_period
        from marts.community__engagement_monthly
        union all
        select month_start, 'new', new_members, is_complete_period from marts.community__engagement_monthly
        union all
        select month_start, 'returning', returning_members, is_complete_period from marts.community__engagement_monthly
        union all
        select month_start, 'reactivated', reactivated_members, is_complete_period
        from marts.community__engagement_monthly
    ) where is_complete_period order by month_start, series
    """,
    "line",
    "Members",
)

PAGES: tuple[Page, ...] = (
    Page(
        key="overview",
        title="Overview",
        gains=(
            "What the community is worth to each team, in each team's own numbers: members for the community "
            "team, pipeline for sales, tickets for support, feedback for product, retention for success, and "
            "return on investment for finance. Each department's page says more."
        ),
        needs="The overview reads every department's marts; switched-off sources leave their numbers empty.",
        headlines=(
            ACTIVE_MEMBERS,
            INFLUENCED_PIPELINE,
            DEFLECTED_TICKETS,
            FEEDBACK_ITEMS,
            NRR_WITH_MEMBERS,
            TOTAL_ROI,
        ),
        charts=(ACTIVE_MEMBERS_TREND,),
    ),
    Page(
        key="community",
        title="Community",
        gains=(
            "Who is active, who is new, who is drifting away and who carries the community: the members to "
            "thank, the members to win back, and the questions still waiting."
        ),
        needs="Community pages need at least one community source (Slack, Discord, Discourse, GitHub, events, X).",
        headlines=(
            ACTIVE_MEMBERS,
            Headline(
                "New members",
                f"select new_members, {MONTH_LABEL} from marts.community__engagement_monthly where {LAST_MONTH}",
                "count",
                "Members whose first activity fell in the last complete month.",
            ),
            Headline(
                "Member retention",
                f"select retention_rate, {MONTH_LABEL} from marts.community__engagement_monthly where {LAST_MONTH}",
                "share",
                "Members active in the month before who were active again (community__engagement_monthly).",
            ),
            Headline(
                "Stickiness (DAU/MAU)",
                f"select stickiness, {MONTH_LABEL} from marts.community__engagement_monthly where {LAST_MONTH}",
                "share",
                "Average daily active members over monthly active members.",
            ),
        ),
        charts=(
            ACTIVE_MEMBERS_TREND,
            Chart(
                "Share of questions answered, by platform",
                "select month_start, platform, answered_share from marts.community__responsiveness_monthly"
                " where questions > 0 and is_complete_period order by month_start, platform",
                "line",
                "Answered share",
            ),
            Chart(
                "Active members: history and forecast",
                """
                select month_start, 'actual' as series, cast(active_members as double) as members
                from marts.community__engagement_monthly where is_complete_period
                union all
                select forecast_month, 'forecast', active_members_forecast
                from marts.community__engagement_forecast where platform = 'all'
                union all
                select forecast_month, 'forecast low', active_members_lower
                from marts.community__engagement_forecast where platform = 'all'
                union all
                select forecast_month, 'forecast high', active_members_upper
                from marts.community__engagement_forecast where platform = 'all'
                order by 1, 2
                """,
                "line",
                "Active members",
            ),
        ),
        listings=(
            Listing(
                "Advocates to thank",
                """
                select display_name as "Member", orbit_level_name as "Level", account_name as "Account",
                    love as "Love", reach as "Reach", contributions as "Contributions",
                    events_attended as "Events", last_active_at as "Last active"
                from marts.community__advocates order by reach_rank limit 15
                """,
                "The most connected members (community__advocates): invite them to speak, review, lead.",
            ),
            Listing(
                "Members most likely to drift away",
                """
                select member_id as "Member", months_since_active as "Months since active",
                    activities_last_3 as "Activities, last 3 months", tenure_months as "Tenure (months)",
                    churn_probability as "Churn probability", risk_decile as "Risk decile"
                from marts.community__member_risk
                where as_of_month = (select max(as_of_month) from marts.community__member_risk)
                order by churn_probability desc, member_id limit 15
                """,
                "Calibrated churn risk at the latest month (community__member_risk); backtested in "
                "community__member_risk_backtest.",
            ),
            Listing(
                "Community health (CHAOSS / LFX), last complete quarter",
                """
                select platform as "Platform", quarter_start as "Quarter", health_score as "Health score",
                    health_band as "Band", lifecycle as "Lifecycle", active_contributors as "Active contributors",
                    median_hours_to_first_response as "Median hours to first response"
                from marts.community__health_quarterly
                where quarter_start = (select max(quarter_start) from marts.community__health_quarterly
                    where is_complete_period)
                order by platform
                """,
                "LFX Insights health score v1 per platform (community__health_quarterly).",
            ),
            Listing(
                "Trending terms, latest month",
                """
                select term as "Term", mentions as "Mentions", distinct_members as "Members", lift as "Lift"
                from marts.community__trending_terms
                where month_start = (select max(month_start) from marts.community__trending_terms)
                    and trend_rank <= 10
                order by trend_rank
                """,
                "Words and phrases mentioned more than in the months before (community__trending_terms).",
            ),
        ),
        targets_department="community",
    ),
    Page(
        key="marketing",
        title="Marketing",
        gains=(
            "The leads, opportunities and revenue the community channel earns next to paid channels, at the "
            "same cost measures (CAC, ROAS), and what customers say brought them."
        ),
        needs="Marketing pages need the CRM (HubSpot or Salesforce) and web analytics; spend needs the ad platforms.",
        headlines=(
            Headline(
                "Community revenue (linear)",
                f"select attributed_revenue, {MONTH_LABEL} from marts.marketing__channel_performance_monthly"
                f" where channel = 'community' and attribution_model = 'linear' and {LAST_MONTH}",
                "usd",
                "Won revenue the linear attribution model credits to the community channel, last complete month.",
            ),
            Headline(
                "Community leads (linear)",
                f"select attributed_leads, {MONTH_LABEL} from marts.marketing__channel_performance_monthly"
                f" where channel = 'community' and attribution_model = 'linear' and {LAST_MONTH}",
                "number",
                "Leads the linear attribution model credits to the community channel, last complete month.",
            ),
            Headline(
                "Self-reported: community",
                f"select self_reported_share, {MONTH_LABEL} from marts.marketing__self_reported_vs_modeled"
                f" where channel = 'community' and {LAST_MONTH}",
                "share",
                "Share of new customers who named the community when asked how they heard of us.",
            ),
            Headline(
                "Social mentions",
                f"select mentions, {MONTH_LABEL} from marts.marketing__social_mentions_monthly where {LAST_MONTH}",
                "count",
                "Posts on X mentioning the product, last complete month (marketing__social_mentions_monthly).",
            ),
        ),
        charts=(
            Chart(
                "Attributed revenue by channel (linear model)",
                "select month_start, channel, attributed_revenue from marts.marketing__channel_performance_monthly"
                " where attribution_model = 'linear' and is_complete_period order by month_start, channel",
                "bar",
                "Revenue (USD)",
            ),
            Chart(
                "Social mentions by sentiment",
                """
                select month_start, series, mentions from (
                    select month_start, 'positive' as series, positive_mentions as mentions, is_complete_period
                    from marts.marketing__social_mentions_monthly
                    union all
                    select month_start, 'neutral', neutral_mentions, is_complete_period
                    from marts.marketing__social_mentions_monthly
                    union all
                    select month_start, 'negative', negative_mentions, is_complete_period
                    from marts.marketing__social_mentions_monthly
                ) where is_complete_period order by month_start, series
                """,
                "bar",
                "Mentions",
            ),
        ),
        listings=(
            Listing(
                "Channels, last complete month (linear model)",
                """
                select channel as "Channel", attributed_leads as "Leads",
                    attributed_opportunities as "Opportunities", attributed_revenue as "Revenue (USD)",
                    spend_usd as "Spend (USD)", customer_acquisition_cost_usd as "CAC (USD)",
                    return_on_ad_spend as "ROAS"
                from marts.marketing__channel_performance_monthly
                where attribution_model = 'linear' and month_start = (
                    select max(month_start) from marts.marketing__channel_performance_monthly
                    where is_complete_period)
                order by attributed_revenue desc, channel
                """,
                "marketing__channel_performance_monthly; the other models (first/last touch, U, W, time decay) "
                "are in the mart.",
            ),
            Listing(
                "What customers say vs what the models credit, last complete month",
                """
                select channel as "Channel", new_customers as "New customers",
                    self_reported_share as "Self-reported share", linear_share as "Linear-model share",
                    self_reported_minus_modeled_share as "Self-reported minus modeled"
                from marts.marketing__self_reported_vs_modeled
                where month_start = (select max(month_start) from marts.marketing__self_reported_vs_modeled
                    where is_complete_period)
                order by self_reported_share desc nulls last, channel
                """,
                "marketing__self_reported_vs_modeled: dark social shows where the two disagree.",
            ),
        ),
        targets_department="marketing",
    ),
    Page(
        key="sales",
        title="Sales",
        gains=(
            "Pipeline and revenue at accounts whose people are active in the community, how much more often "
            "those deals are won, and the open deals where a champion is already talking to us."
        ),
        needs="Sales pages need the CRM (HubSpot or Salesforce) and at least one community source.",
        headlines=(
            INFLUENCED_PIPELINE,
            Headline(
                "Influenced won amount",
                f"select won_amount, {MONTH_LABEL} from marts.sales__pipeline_monthly"
                f" where is_community_influenced and {LAST_MONTH}",
                "usd",
                "Won amount of the community-influenced opportunities created in the last complete month.",
            ),
            Headline(
                "Win rate, influenced",
                f"select win_rate, {MONTH_LABEL} from marts.sales__pipeline_monthly"
                f" where is_community_influenced and opportunities_closed > 0 and {LAST_MONTH}",
                "share",
                "Won over closed, community-influenced opportunities created in the latest complete month with any "
                "of them closed (sales__pipeline_monthly).",
            ),
            Headline(
                "Win rate, not influenced",
                f"select win_rate, {MONTH_LABEL} from marts.sales__pipeline_monthly"
                f" where not is_community_influenced and opportunities_closed > 0 and {LAST_MONTH}",
                "share",
                "Won over closed, other opportunities created in the latest complete month with any of them closed.",
            ),
        ),
        charts=(
            Chart(
                "Pipeline created, by community influence",
                """
                select month_start,
                    case when is_community_influenced then 'influenced' else 'not influenced' end as series,
                    pipeline_amount
                from marts.sales__pipeline_monthly where is_complete_period order by month_start, series
                """,
                "bar",
                "Pipeline (USD)",
            ),
        ),
        listings=(
            Listing(
                "Open deals with community members",
                """
                select account_name as "Account", opportunity_name as "Opportunity", amount as "Amount (USD)",
                    stage_name as "Stage", created_at as "Created", community_members as "Community members",
                    active_members_in_window as "Active before the deal"
                from marts.sales__opportunity_community
                where is_community_influenced and not is_closed
                order by amount desc nulls last, opportunity_id limit 20
                """,
                "sales__opportunity_community: ask the account's active members for an introduction.",
            ),
        ),
        targets_department="sales",
    ),
    Page(
        key="support",
        title="Support",
        gains=(
            "Questions the community answers so support does not have to, what that saves, and the unhappy "
            "questions still waiting for anyone."
        ),
        needs="Support pages need Zendesk and question spaces in Slack, Discord or Discourse (seed question_spaces).",
        headlines=(
            DEFLECTED_TICKETS,
            Headline(
                "Support savings",
                f"select savings_usd, {MONTH_LABEL} from marts.support__community_deflection_monthly"
                f" where {LAST_MONTH}",
                "usd",
                "Deflected tickets times the cost per ticket, last complete month (assumptions on the Finance page).",
            ),
            Headline(
                "Answered by the community",
                f"select community_answered_share, {MONTH_LABEL} from marts.support__community_deflection_monthly"
                f" where {LAST_MONTH}",
                "share",
                "Share of support questions whose first answer came from a member, not staff.",
            ),
            Headline(
                "Unanswered questions",
                f"select unanswered_questions, {MONTH_LABEL} from marts.support__community_deflection_monthly"
                f" where {LAST_MONTH}",
                "count",
                "Support questions asked in the last complete month with no response yet.",
            ),
        ),
        charts=(
            Chart(
                "Tickets created and deflected",
                """
                select month_start, series, tickets from (
                    select month_start, 'created' as series, cast(tickets_created as double) as tickets,
                        is_complete_period
                    from marts.support__community_deflection_monthly
                    union all
                    select month_start, 'deflected', deflected_tickets, is_complete_period
                    from marts.support__community_deflection_monthly
                ) where is_complete_period order by month_start, series
                """,
                "line",
                "Tickets",
            ),
        ),
        listings=(
            Listing(
                "Unhappy questions still unanswered",
                """
                select platform as "Platform", channel_name as "Channel", started_at as "Asked",
                    hours_waiting as "Hours waiting", account_arr_usd as "Account ARR (USD)",
                    sentiment_score as "Sentiment", question_text as "Question"
                from marts.support__negative_unanswered_questions
                order by account_arr_usd desc nulls last, hours_waiting desc, conversation_id limit 20
                """,
                "support__negative_unanswered_questions: negative sentiment, no response, biggest accounts first.",
            ),
        ),
        targets_department="support",
    ),
    Page(
        key="product",
        title="Product",
        gains=(
            "What members ask for, report and praise, grouped by theme and weighted by the revenue of the "
            "accounts asking."
        ),
        needs="Product pages need feedback spaces in Slack, Discord, Discourse or GitHub (seed feedback_spaces).",
        headlines=(
            FEEDBACK_ITEMS,
            Headline(
                "Items from customers",
                f"select sum(items_from_customers), max({MONTH_LABEL}) from marts.product__feedback_monthly"
                " where month_start = (select max(month_start) from marts.product__feedback_monthly"
                " where is_complete_period)",
                "count",
                "Feedback items from members of customer accounts, last complete month, all themes.",
            ),
        ),
        charts=(
            Chart(
                "Feedback items by theme",
                "select month_start, theme, items from marts.product__feedback_monthly where is_complete_period"
                " order by month_start, theme",
                "bar",
                "Items",
            ),
        ),
        listings=(
            Listing(
                "Feedback themes by ARR, last complete month",
                """
                select theme as "Theme", items as "Items", items_from_customers as "From customers",
                    distinct_accounts as "Accounts", arr_represented_usd as "ARR represented (USD)"
                from marts.product__feedback_monthly
                where month_start = (select max(month_start) from marts.product__feedback_monthly
                    where is_complete_period)
                order by arr_represented_usd desc nulls last, theme
                """,
                "product__feedback_monthly: the ARR of the distinct accounts behind each theme.",
            ),
            Listing(
                "Feedback from the biggest accounts",
                """
                select theme as "Theme", platform as "Platform", created_at as "Posted",
                    account_arr_usd as "Account ARR (USD)", item_text as "Feedback"
                from marts.product__feedback_items
                where account_arr_usd > 0
                order by account_arr_usd desc, created_at desc, feedback_item_id limit 20
                """,
                "product__feedback_items.",
            ),
        ),
        targets_department="product",
    ),
    Page(
        key="success",
        title="Success",
        gains=(
            "Whether accounts with community members keep and grow their revenue better than the others, and "
            "which accounts look unhealthy now."
        ),
        needs="Success pages need billing (subscriptions) and at least one community source.",
        headlines=(
            NRR_WITH_MEMBERS,
            Headline(
                "NRR without members",
                f"select net_revenue_retention, {QUARTER_LABEL} from marts.success__retention_summary"
                f" where segmentation = 'community_members' and segment = 'without_members' and {LAST_QUARTER}",
                "share",
                "Net revenue retention of customer accounts without community members, last complete quarter.",
            ),
            Headline(
                "GRR, all accounts",
                f"select gross_revenue_retention, {QUARTER_LABEL} from marts.success__retention_summary"
                f" where segmentation = 'all' and {LAST_QUARTER}",
                "share",
                "Gross revenue retention of all customer accounts, last complete quarter.",
            ),
            Headline(
                "Logo churn, all accounts",
                f"select logo_churn_rate, {QUARTER_LABEL} from marts.success__retention_summary"
                f" where segmentation = 'all' and {LAST_QUARTER}",
                "share",
                "Share of customer accounts lost in the last complete quarter.",
            ),
        ),
        charts=(
            Chart(
                "Net revenue retention, with and without community members",
                "select quarter_start, segment, net_revenue_retention from marts.success__retention_summary"
                " where segmentation = 'community_members' and is_complete_period order by quarter_start, segment",
                "line",
                "NRR",
            ),
        ),
        listings=(
            Listing(
                "Accounts by health, latest month (least healthy first)",
                """
                select health.account_id as "Account id", accounts.account_name as "Account",
                    health.arr_usd as "ARR (USD)", health.health_score as "Health score",
                    health.baseline_score as "Baseline risk score",
                    health.active_members_last_3_months as "Active members, last 3 months",
                    health.tickets_last_3_months as "Tickets, last 3 months"
                from marts.success__account_health as health
                left join marts.success__account_monthly as accounts
                    on health.account_id = accounts.account_id and health.month_start = accounts.month_start
                where health.month_start = (select max(month_start) from marts.success__account_health)
                order by health.health_score, health.account_id limit 20
                """,
                "success__account_health. The backtest below says how far to trust the score.",
            ),
            Listing(
                "How well the scores predicted churn (backtest)",
                """
                select risk_model as "Score", outcome as "Outcome", account_months as "Account-months",
                    events as "Events", auc as "AUC", event_rate_in_riskiest_tenth as "Event rate, riskiest tenth",
                    event_rate_elsewhere as "Event rate, elsewhere"
                from marts.success__account_health_backtest order by outcome, risk_model
                """,
                "success__account_health_backtest: where the baseline's AUC is higher, rank accounts by it.",
            ),
        ),
        targets_department="success",
    ),
    Page(
        key="finance",
        title="Finance",
        gains=(
            "What the community is worth against what it costs, per department and in total, with every "
            "assumption behind the numbers in view."
        ),
        needs="Finance pages need the cost export (costs) and the departments' sources.",
        headlines=(
            Headline(
                "Community value",
                f"select value_usd, {QUARTER_LABEL} from marts.finance__community_roi"
                f" where department = 'total' and {LAST_QUARTER}",
                "usd",
                "Value counted in the total, last complete quarter (finance__community_roi).",
            ),
            Headline(
                "Community cost",
                f"select cost_usd, {QUARTER_LABEL} from marts.finance__community_roi"
                f" where department = 'total' and {LAST_QUARTER}",
                "usd",
                "What the community cost in the last complete quarter.",
            ),
            TOTAL_ROI,
        ),
        charts=(
            Chart(
                "Value by department",
                "select quarter_start, department, value_usd from marts.finance__community_roi"
                " where department != 'total' and value_usd is not null and is_complete_period"
                " order by quarter_start, department",
                "bar",
                "Value (USD)",
            ),
        ),
        listings=(
            Listing(
                "Value and ROI by department, last complete quarter",
                """
                select department as "Department", value_usd as "Value (USD)", cost_usd as "Cost (USD)",
                    roi as "ROI", is_value_in_total as "In the total", value_method as "How the value is counted"
                from marts.finance__community_roi
                where quarter_start = (select max(quarter_start) from marts.finance__community_roi
                    where is_complete_period)
                order by department = 'total', department
                """,
                "finance__community_roi.",
            ),
            Listing(
                "Assumptions behind the ROI",
                """
                select var_name as "Var", department as "Department", var_value as "Value",
                    default_value as "Default", is_overridden as "Overridden", unit as "Unit", meaning as "Meaning"
                from marts.finance__roi_assumptions order by display_order
                """,
                "finance__roi_assumptions: change a value with make build VARS='{\"var_name\": value}'.",
            ),
        ),
        targets_department="finance",
    ),
)

PAGE_BY_KEY = {page.key: page for page in PAGES}


def page_sql(page: Page) -> list[str]:
    """Every statement the page runs."""
    return [
        TARGETS_SQL,
        *(h.sql for h in page.headlines),
        *(c.sql for c in page.charts),
        *(item.sql for item in page.listings),
    ]


def marts_read(page: Page) -> set[str]:
    """The marts a page reads, from its SQL (`marts.<name>`)."""
    return {name for sql in page_sql(page) for name in re.findall(r"\bmarts\.(\w+)", sql)} | set(page.extra_marts)
