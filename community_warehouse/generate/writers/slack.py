"""Slack workspace export, unzipped, as Slack writes it.

Layout (https://slack.com/help/articles/220556107): `users.json`, `channels.json`, and one folder per
public channel holding one JSON array of messages per day, `<channel>/<YYYY-MM-DD>.json`. Messages
carry Slack's own keys: `ts` as a string of epoch seconds, `thread_ts`/`parent_user_id` on replies,
`reply_count`/`reply_users`/`latest_reply` on thread parents, `reactions[]` with `name`, `users`,
`count`, `subtype` for system and bot messages (`channel_join`, `bot_message`, `bot_add`), and
`edited`. Absent keys are omitted, never written as null — as in real exports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.community import community_email
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import (
    base36_ids,
    epoch_us,
    unique_numbers,
    write_json_array,
    write_json_array_files,
)
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

SLACK_SHARE = 0.75
TEAM_ID = "T024QLABS"
SECOND = 1_000_000

KIND_MESSAGE, KIND_REPLY, KIND_JOIN, KIND_BOT_MESSAGE, KIND_APP_MESSAGE, KIND_BOT_ADD = range(6)


@dataclass
class SlackResult:
    identities: pd.DataFrame
    files: int
    messages: int
    reactions: int


def is_day_file(path: Path) -> bool:
    """A channel's day file, `<channel>/<YYYY-MM-DD>.json` (not users.json, channels.json or a stray file)."""
    return path.suffix == ".json" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", path.stem) is not None


def _unique_handles(base: pd.Series) -> pd.Series:
    while base.duplicated().any():
        seen = base.groupby(base, sort=False).cumcount().to_numpy()
        base = base + np.where(seen > 0, (seen + 1).astype(str), "")
    return base


def _month_bounds(world: World) -> tuple[np.ndarray, np.ndarray]:
    starts = [epoch_us(d) for d in world.month_starts]
    last = world.month_starts[-1]
    nxt = epoch_us(last.replace(year=last.year + (last.month == 12), month=last.month % 12 + 1))
    starts_arr = np.array(starts, dtype=np.int64)
    return starts_arr, np.diff(np.append(starts_arr, nxt))


def _bump_collisions(channel: np.ndarray, ts: np.ndarray, movable: np.ndarray) -> np.ndarray:
    """Slack's `ts` is unique within a channel: shift colliding movable messages by 1 µs until unique."""
    ts = ts.copy()
    while True:
        order = np.lexsort((~movable, ts, channel))
        c, t = channel[order], ts[order]
        dup = np.zeros(len(order), bool)
        dup[1:] = (c[1:] == c[:-1]) & (t[1:] == t[:-1])
        clash = order[dup & movable[order]]
        if len(clash) == 0:
            if dup.any():
                raise RuntimeError("two fixed Slack messages share a channel and ts")
            return ts
        ts[clash] += 1


def _pick_in_same_month(rng, candidate_month, candidate_rows, month):
    """For each event in `month`, a uniformly random candidate row from the same month (-1 if none)."""
    order = np.argsort(candidate_month, kind="stable")
    counts = np.bincount(candidate_month, minlength=month.max(initial=0) + 1)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    n = counts[month]
    pick = starts[month] + np.floor(rng.random(len(month)) * np.maximum(n, 1)).astype(np.int64)
    return np.where(n > 0, candidate_rows[order][np.minimum(pick, len(order) - 1)], -1)


def write_slack(world: World, raw: Path, progress: Progress) -> SlackResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "slack")
    people = world.people
    months = cfg.months
    month_start, month_len = _month_bounds(world)

    # ---- who is on Slack --------------------------------------------------------------------------
    n = len(people)
    on_slack = people.is_member.to_numpy() & ((rng.random(n) < SLACK_SHARE) | people.is_staff.to_numpy())
    sp = people[on_slack].reset_index(drop=True)
    k = len(sp)
    has_company = sp.company_index.to_numpy() >= 0
    is_staff = sp.is_staff.to_numpy()

    email, use_work = community_email(sp, rng)
    use_work = use_work | is_staff
    email = pd.Series(np.where(use_work, sp.work_email, sp.personal_email))
    u = rng.random(k)
    plus = (u < 0.04) & ~is_staff
    parts = email.str.partition("@")
    email = pd.Series(np.where(plus, parts[0] + "+slack@" + parts[2], email))
    title_case = (u >= 0.04) & (u < 0.10)
    upper = (u >= 0.10) & (u < 0.14)
    parts = email.str.partition("@")
    email = pd.Series(np.where(title_case, parts[0].str.title() + "@" + parts[2], email))
    email = pd.Series(np.where(upper, email.str.upper(), email))
    mailbox = np.where(use_work, "work", "personal")

    style = rng.integers(0, 4, k)
    first = sp.first_name.str.lower()
    last = sp.last_name.str.lower()
    handle = pd.Series(
        np.select(
            [style == 0, style == 1, style == 2],
            [first, first + "." + last, first + last.str[0]],
            first.str[0] + last,
        )
    )

    # Shared role accounts (team@company) and bots join the workspace too.
    companies = world.companies.set_index("company_index")
    slack_companies = np.unique(sp.company_index[has_company & ~is_staff])
    n_role = max(1, k // 400) if len(slack_companies) else 0
    role_company = rng.choice(slack_companies, n_role, replace=False) if n_role else np.array([], int)
    role_local = np.array(["team", "community", "info"])[rng.integers(0, 3, n_role)]
    role_domain = companies.domain.reindex(role_company).to_numpy()
    role_email = [f"{a}@{b}" for a, b in zip(role_local, role_domain, strict=True)]
    role_name = [f"{c} Team" for c in companies.name.reindex(role_company)]
    role_handle = [f"{d.split('.')[0]}-team" for d in role_domain]

    n_bots = len(vocab.SLACK_BOTS)
    all_handles = _unique_handles(
        pd.concat(
            [handle, pd.Series(role_handle, dtype=object), pd.Series([b[0] for b in vocab.SLACK_BOTS])],
            ignore_index=True,
        )
    )
    user_ids = np.array(base36_ids("U", unique_numbers(rng, k + n_role + n_bots, 36**8, 36**10), 10))
    bot_ids = base36_ids("B", unique_numbers(rng, n_bots, 36**8, 36**10), 10)
    app_ids = base36_ids("A", unique_numbers(rng, n_bots, 36**8, 36**10), 10)

    last_active = np.where(
        world.active[sp.person_index].any(axis=1),
        months - 1 - np.argmax(world.active[sp.person_index][:, ::-1], axis=1),
        -1,
    )
    deleted = (rng.random(k) < 0.08) & (last_active < months - 3) & ~is_staff

    users = pd.DataFrame(
        {
            "user_idx": np.arange(k + n_role + n_bots),
            "id": user_ids,
            "name": all_handles.to_numpy(),
            "deleted": np.concatenate([deleted, np.zeros(n_role + n_bots, bool)]),
            "real_name": np.concatenate(
                [
                    (sp.display_first_name + " " + sp.last_name).to_numpy(),
                    role_name,
                    [b[1] for b in vocab.SLACK_BOTS],
                ]
            ),
            "first_name": np.concatenate([sp.display_first_name.to_numpy(), [""] * (n_role + n_bots)]),
            "last_name": np.concatenate([sp.last_name.to_numpy(), [""] * (n_role + n_bots)]),
            "tz": np.concatenate([sp.timezone.to_numpy(), ["America/New_York"] * (n_role + n_bots)]),
            "title": np.concatenate([np.where(rng.random(k) < 0.5, sp.job_title, ""), [""] * (n_role + n_bots)]),
            "email": np.concatenate([email.to_numpy(), role_email, [None] * n_bots]),
            "is_admin": np.concatenate([is_staff, np.zeros(n_role + n_bots, bool)]),
            "is_owner": np.concatenate([is_staff & (np.cumsum(is_staff) == 1), np.zeros(n_role + n_bots, bool)]),
            "is_bot": np.concatenate([np.zeros(k + n_role, bool), np.ones(n_bots, bool)]),
            "bot_id": np.concatenate([[None] * (k + n_role), bot_ids]),
            "updated": month_start[-1] // SECOND + rng.integers(0, 86400 * 28, k + n_role + n_bots),
        }
    )

    # ---- activity: counts per author and month, expanded to events ------------------------------
    mult = np.ones(months)
    for c in world.campaigns:
        mult[c.month_index] = c.activity_multiplier
    active = world.active[sp.person_index]
    lam = sp.propensity.to_numpy()[:, None] * 1.2 * mult[None, :]
    counts = rng.poisson(lam) * active
    role_counts = rng.poisson(0.8, (n_role, months)) * (rng.random((n_role, months)) < 0.3)
    counts = np.vstack([counts, role_counts]).astype(np.int64)
    author, month = np.nonzero(counts)
    reps = counts[author, month]
    author = np.repeat(author, reps)
    month = np.repeat(month, reps)
    e = len(author)
    kind_draw = rng.random(e)
    is_msg = kind_draw < 0.55
    is_reply = (kind_draw >= 0.55) & (kind_draw < 0.82)
    is_reaction = kind_draw >= 0.82

    channel_names = [c[0] for c in vocab.SLACK_CHANNELS]
    weights = np.array([c[1] for c in vocab.SLACK_CHANNELS], float)
    announcements = channel_names.index("announcements")
    w_member = weights.copy()
    w_member[announcements] = 0
    w_staff = weights.copy()
    w_staff[announcements] = 8
    author_staff = np.concatenate([is_staff, np.zeros(n_role, bool)])[author]

    # top-level messages
    t_author, t_month = author[is_msg], month[is_msg]
    t_channel = np.where(
        author_staff[is_msg],
        rng.choice(len(channel_names), len(t_author), p=w_staff / w_staff.sum()),
        rng.choice(len(channel_names), len(t_author), p=w_member / w_member.sum()),
    )
    t_ts = month_start[t_month] + (rng.random(len(t_author)) * month_len[t_month]).astype(np.int64)
    t_ts = _bump_collisions(t_channel, t_ts, np.ones(len(t_ts), bool))

    # replies: to a random thread parent posted the same month
    r_author, r_month = author[is_reply], month[is_reply]
    parent = _pick_in_same_month(rng, t_month, np.arange(len(t_ts)), r_month)
    orphan = parent < 0  # nothing to reply to that month: post at top level instead
    r_author, r_month, parent = r_author[~orphan], r_month[~orphan], parent[~orphan]
    delay = np.minimum(rng.lognormal(np.log(20 * 60), 1.5, len(parent)), 7 * 86400).astype(np.int64) + 1
    r_ts = t_ts[parent] + delay * SECOND + rng.integers(0, SECOND, len(parent))
    r_channel = t_channel[parent]

    # channel joins: #general on joining the workspace, other channels just before a first post there
    human_author = np.concatenate([t_author, r_author])
    human_channel = np.concatenate([t_channel, r_channel])
    human_ts = np.concatenate([t_ts, r_ts])
    key = human_author.astype(np.int64) * len(channel_names) + human_channel
    order = np.lexsort((human_ts, key))
    first_mask = np.ones(len(order), bool)
    first_mask[1:] = key[order][1:] != key[order][:-1]
    fj = order[first_mask]
    j_author = human_author[fj]
    j_channel = human_channel[fj]
    j_ts = human_ts[fj] - rng.integers(60, 2 * 86400, len(fj)) * SECOND

    join_month = np.concatenate([sp.join_month.to_numpy(), rng.integers(0, months, n_role)])
    general_ts = month_start[join_month] + (rng.random(k + n_role) * month_len[join_month]).astype(np.int64)
    earliest_join = np.full(k + n_role, np.iinfo(np.int64).max)
    np.minimum.at(earliest_join, j_author, j_ts)
    general_ts = np.minimum(general_ts, earliest_join - SECOND)
    not_general = j_channel != 0
    j_author = np.concatenate([np.arange(k + n_role), j_author[not_general]])
    j_channel = np.concatenate([np.zeros(k + n_role, np.int64), j_channel[not_general]])
    j_ts = np.concatenate([general_ts, j_ts[not_general]])

    # bots: integration posts every month
    bot_rows = []
    bot_channel = {"github": "dev", "jira": "dev", "polly": "general", "zapier": "events"}
    per_month = {"github": 30, "jira": 12, "polly": 2, "zapier": 6}
    for b, (bname, _real, bkind) in enumerate(vocab.SLACK_BOTS):
        cnt = rng.poisson(per_month[bname], months)
        bm = np.repeat(np.arange(months), cnt)
        bts = month_start[bm] + (rng.random(len(bm)) * month_len[bm]).astype(np.int64)
        kind = KIND_BOT_MESSAGE if bkind == "bot_message" else KIND_APP_MESSAGE
        bot_rows.append(
            pd.DataFrame({"bot": b, "channel": channel_names.index(bot_channel[bname]), "ts": bts, "kind": kind})
        )
        bot_rows.append(
            pd.DataFrame(
                {
                    "bot": [b],
                    "channel": [channel_names.index(bot_channel[bname])],
                    "ts": [month_start[0] + 3600 * SECOND * (b + 1)],
                    "kind": [KIND_BOT_ADD],
                }
            )
        )
    bots = pd.concat(bot_rows, ignore_index=True)

    # ---- one table of every message ---------------------------------------------------------------
    n_t, n_r, n_j, n_b = len(t_ts), len(r_ts), len(j_ts), len(bots)
    bot_user_idx = k + n_role + bots.bot.to_numpy()
    staff_owner = int(np.flatnonzero(is_staff)[0]) if is_staff.any() else 0
    msg = pd.DataFrame(
        {
            "channel": np.concatenate([t_channel, r_channel, j_channel, bots.channel]).astype(np.int64),
            "ts_us": np.concatenate([t_ts, r_ts, j_ts, bots.ts]).astype(np.int64),
            "kind": np.concatenate(
                [np.full(n_t, KIND_MESSAGE), np.full(n_r, KIND_REPLY), np.full(n_j, KIND_JOIN), bots.kind]
            ),
            "user_idx": np.concatenate(
                [
                    t_author,
                    r_author,
                    j_author,
                    np.where(
                        bots.kind == KIND_BOT_MESSAGE,
                        -1,
                        np.where(bots.kind == KIND_BOT_ADD, staff_owner, bot_user_idx),
                    ),
                ]
            ),
            "bot": np.concatenate([np.full(n_t + n_r + n_j, -1), bots.bot]),
            "parent_row": np.concatenate([np.full(n_t, -1), parent, np.full(n_j + n_b, -1)]),
        }
    )
    movable = msg.kind.to_numpy() != KIND_MESSAGE
    msg["ts_us"] = _bump_collisions(msg.channel.to_numpy(), msg.ts_us.to_numpy(), movable)
    msg["row"] = np.arange(len(msg))
    human = (msg.kind == KIND_MESSAGE) | (msg.kind == KIND_REPLY)
    msg["edited_us"] = np.where(
        human & (rng.random(len(msg)) < 0.04), msg.ts_us + rng.integers(30, 3600, len(msg)) * SECOND, -1
    )
    msg["mention_parent"] = (msg.kind == KIND_REPLY) & (rng.random(len(msg)) < 0.3)
    # Deleted thread parents stay in the export as tombstones, so their replies keep a parent.
    has_replies = np.isin(msg.row.to_numpy(), msg.parent_row[msg.kind == KIND_REPLY].to_numpy())
    msg["tombstone"] = has_replies & (rng.random(len(msg)) < 0.02)
    topic = rng.integers(0, len(vocab.TOPICS), len(msg))
    template = rng.integers(0, 1000, len(msg))
    # A reply talks about its thread's topic.
    parent_row = msg.parent_row.to_numpy()
    topic = np.where(parent_row >= 0, topic[np.clip(parent_row, 0, None)], topic)
    msg["topic"] = topic
    msg["template"] = template
    msg["mood"] = _moods(world, msg, month_start)

    # reactions: on any human message or reply posted the same month
    x_author, x_month = author[is_reaction], month[is_reaction]
    human_rows = msg.row[human].to_numpy()
    human_month = np.searchsorted(month_start, msg.ts_us[human].to_numpy(), side="right") - 1
    target = _pick_in_same_month(rng, np.clip(human_month, 0, months - 1), human_rows, x_month)
    emoji_w = 1.0 / np.arange(1, len(vocab.SLACK_EMOJI) + 1)
    emoji = rng.choice(len(vocab.SLACK_EMOJI), len(target), p=emoji_w / emoji_w.sum())
    reactions = pd.DataFrame({"row": target, "user_idx": x_author, "emoji": emoji, "ord": np.arange(len(target))})
    reactions = reactions[reactions.row >= 0].drop_duplicates(["row", "user_idx", "emoji"])

    progress.step(f"slack: {len(msg):,} messages, {len(reactions):,} reactions in memory")
    files = _render(
        world,
        raw / "slack",
        users,
        msg,
        reactions,
        channel_names,
        bot_ids,
        app_ids,
        k,
        staff_owner,
        month_start,
        progress,
    )

    identities = pd.DataFrame(
        {
            "source": "slack",
            "entity": "user",
            "identifier": user_ids,
            "person_id": np.concatenate([sp.person_id.to_numpy(), [""] * (n_role + n_bots)]),
            "kind": ["person"] * k + ["role"] * n_role + ["bot"] * n_bots,
            "email_written": np.concatenate([email.to_numpy(), role_email, [""] * n_bots]),
            "mailbox": np.concatenate([mailbox, ["role"] * n_role, [""] * n_bots]),
        }
    )
    return SlackResult(identities=identities, files=files, messages=len(msg), reactions=len(reactions))


MOOD_NONE, MOOD_CAMPAIGN, MOOD_COMPLAINT = 0, 1, 2


def _moods(world: World, msg: pd.DataFrame, month_start: np.ndarray) -> np.ndarray:
    """The mood of each top-level human message (vocab.CAMPAIGN_STATEMENTS, COMPLAINT_STATEMENTS).

    Drawn from a stream of its own, so the rest of the export is the same as without moods.
    """
    rng = rng_for(world.config.seed, "slack", "mood")
    n = len(msg)
    month = np.searchsorted(month_start, msg.ts_us.to_numpy(), side="right") - 1
    in_campaign = np.isin(month, [c.month_index for c in world.campaigns])
    top_level = msg.kind.to_numpy() == KIND_MESSAGE
    u = rng.random(n)
    return np.where(
        top_level & in_campaign & (u < vocab.CAMPAIGN_STATEMENT_SHARE),
        MOOD_CAMPAIGN,
        np.where(top_level & ~in_campaign & (u < vocab.COMPLAINT_STATEMENT_SHARE), MOOD_COMPLAINT, MOOD_NONE),
    )


def _render(
    world,
    root: Path,
    users,
    msg,
    reactions,
    channel_names,
    bot_ids,
    app_ids,
    k,
    staff_owner,
    month_start,
    progress: Progress,
) -> int:
    cfg = world.config
    con = duckdb.connect()
    con.execute("set threads to 2")
    topics = pd.DataFrame({"topic": range(len(vocab.TOPICS)), "topic_text": vocab.TOPICS})
    texts = pd.DataFrame(
        {
            "template": range(1000),
            "question": [vocab.QUESTION_TEMPLATES[i % len(vocab.QUESTION_TEMPLATES)] for i in range(1000)],
            "statement": [vocab.STATEMENT_TEMPLATES[i % len(vocab.STATEMENT_TEMPLATES)] for i in range(1000)],
            "reply": [vocab.REPLY_TEMPLATES[i % len(vocab.REPLY_TEMPLATES)] for i in range(1000)],
            "campaign": [vocab.CAMPAIGN_STATEMENTS[i % len(vocab.CAMPAIGN_STATEMENTS)] for i in range(1000)],
            "complaint": [vocab.COMPLAINT_STATEMENTS[i % len(vocab.COMPLAINT_STATEMENTS)] for i in range(1000)],
        }
    )
    channels = pd.DataFrame(
        {
            "channel": range(len(channel_names)),
            "channel_name": channel_names,
            "purpose": [c[2] for c in vocab.SLACK_CHANNELS],
        }
    )
    bots = pd.DataFrame(
        {
            "bot": range(len(vocab.SLACK_BOTS)),
            "bot_name": [b[0] for b in vocab.SLACK_BOTS],
            "bot_real_name": [b[1] for b in vocab.SLACK_BOTS],
            "bot_id": bot_ids,
            "app_id": app_ids,
        }
    )
    for name, frame in {
        "users": users,
        "msg": msg,
        "reactions": reactions,
        "topics": topics,
        "texts": texts,
        "channels": channels,
        "bots": bots,
    }.items():
        con.register(name, frame)

    ts_text = "cast({c} // 1000000 as varchar) || '.' || lpad(cast({c} % 1000000 as varchar), 6, '0')"
    con.execute(f"""
        create temp table m as
        select
            msg.*,
            ch.channel_name,
            u.id as user_id,
            {ts_text.format(c="msg.ts_us")} as ts,
            strftime(make_timestamp(msg.ts_us), '%Y-%m-%d') as day
        from msg
        join channels ch using (channel)
        left join users u on u.user_idx = msg.user_idx
    """)
    con.execute(f"""
        create temp table threads as
        with firsts as (
            select parent_row, user_id, min(ts_us) as first_us
            from m where kind = {KIND_REPLY} group by all
        )
        select
            parent_row,
            sum(n) as reply_count,
            count(*) as reply_users_count,
            {ts_text.format(c="max(last_us)")} as latest_reply,
            list(user_id order by first_us, user_id) as reply_users
        from (
            select f.parent_row, f.user_id, f.first_us, count(*) as n, max(r.ts_us) as last_us
            from firsts f
            join m r on r.parent_row = f.parent_row and r.user_id = f.user_id and r.kind = {KIND_REPLY}
            group by all
        )
        group by parent_row
    """)
    con.execute(
        """
        create temp table rx as
        with per_emoji as (
            select r.row, e.emoji, list(u.id order by r.ord) as users, count(*) as n, min(r.ord) as first_ord
            from reactions r
            join users u using (user_idx)
            join (select unnest(?) as emoji, generate_subscripts(?, 1) - 1 as emoji_idx) e
                on e.emoji_idx = r.emoji
            group by all
        )
        select row, list({'name': emoji, 'users': users, 'count': n} order by first_ord) as reactions
        from per_emoji group by row
    """,
        [list(vocab.SLACK_EMOJI), list(vocab.SLACK_EMOJI)],
    )

    progress.step("slack: writing users.json and channels.json")
    write_json_array(
        con,
        f"""
        select json_merge_patch('{{}}', to_json({{
            'id': id, 'team_id': '{TEAM_ID}', 'name': name, 'deleted': deleted, 'real_name': real_name,
            'tz': tz,
            'profile': {{
                'title': title, 'phone': '', 'real_name': real_name, 'real_name_normalized': real_name,
                'display_name': name, 'display_name_normalized': name, 'email': email,
                'first_name': first_name, 'last_name': last_name, 'bot_id': bot_id, 'team': '{TEAM_ID}'
            }},
            'is_admin': is_admin, 'is_owner': is_owner, 'is_primary_owner': is_owner,
            'is_restricted': false, 'is_ultra_restricted': false, 'is_bot': is_bot, 'is_app_user': false,
            'updated': updated
        }})) from users order by user_idx
    """,
        root / "users.json",
    )

    created = int(month_start[0] // 1_000_000) - 30 * 86400
    write_json_array(
        con,
        f"""
        with members as (
            select channel, list(distinct user_id order by user_id) as members
            from m where kind = {KIND_JOIN} group by channel
        )
        select to_json({{
            'id': 'C' || upper(substr(md5('{cfg.seed}:' || channel_name), 1, 10)),
            'name': channel_name,
            'created': {created},
            'creator': (select id from users where user_idx = {staff_owner}),
            'is_archived': false,
            'is_general': channel = 0,
            'members': coalesce(members, []),
            'topic': {{'value': '', 'creator': '', 'last_set': 0}},
            'purpose': {{'value': purpose, 'creator': (select id from users where user_idx = {staff_owner}),
                         'last_set': {created}}}
        }}) from channels left join members using (channel) order by channel
    """,
        root / "channels.json",
    )

    n_files = con.execute("select count(distinct (channel_name, day)) from m").fetchone()[0]
    progress.start_files(n_files, "slack: day files")
    message_json = f"""
        with parent as (select row, user_id as parent_user_id, ts as parent_ts from m)
        select
            m.channel_name,
            m.day,
            json_merge_patch('{{}}', to_json({{
                'client_msg_id': case when m.kind in ({KIND_MESSAGE}, {KIND_REPLY}) and not m.tombstone then
                    regexp_replace(md5('{cfg.seed}:' || m.channel_name || m.ts),
                                   '^(.{{8}})(.{{4}})(.{{4}})(.{{4}})(.{{12}})$', '\\1-\\2-\\3-\\4-\\5') end,
                'type': 'message',
                'subtype': case when m.tombstone then 'tombstone'
                                when m.kind = {KIND_JOIN} then 'channel_join'
                                when m.kind = {KIND_BOT_MESSAGE} then 'bot_message'
                                when m.kind = {KIND_BOT_ADD} then 'bot_add' end,
                'text': case
                    when m.tombstone then 'This message was deleted.'
                    when m.kind = {KIND_JOIN} then '<@' || m.user_id || '> has joined the channel'
                    when m.kind = {KIND_BOT_ADD} then 'added an integration to this channel: ' || b.bot_name
                    when m.kind in ({KIND_BOT_MESSAGE}, {KIND_APP_MESSAGE}) then
                        case b.bot_name
                            when 'github' then '[core:main] 1 new commit: ' || t.statement
                            when 'jira' then 'Issue updated: ' || tp.topic_text
                            when 'polly' then 'New poll: which topic next? ' || tp.topic_text
                            else 'New event registration synced from the events calendar'
                        end
                    when m.kind = {KIND_REPLY} then
                        case when m.mention_parent then '<@' || p.parent_user_id || '> ' else '' end
                        || replace(t.reply, '{{t}}', tp.topic_text)
                    when m.channel_name = 'help' then replace(t.question, '{{t}}', tp.topic_text)
                    when m.mood = {MOOD_CAMPAIGN} then replace(t.campaign, '{{t}}', tp.topic_text)
                    when m.mood = {MOOD_COMPLAINT} then replace(t.complaint, '{{t}}', tp.topic_text)
                    else replace(t.statement, '{{t}}', tp.topic_text)
                end,
                'user': case when m.tombstone then 'USLACKBOT' else m.user_id end,
                'bot_id': b.bot_id,
                'username': case when m.kind = {KIND_BOT_MESSAGE} then b.bot_name end,
                'app_id': case when m.kind = {KIND_APP_MESSAGE} then b.app_id end,
                'ts': m.ts,
                'team': case when m.user_id is not null then '{TEAM_ID}' end,
                'hidden': case when m.tombstone then true end,
                'edited': case when m.edited_us >= 0 and not m.tombstone then
                    {{'user': m.user_id, 'ts': {ts_text.format(c="m.edited_us")}}} end,
                'thread_ts': case when m.kind = {KIND_REPLY} then p.parent_ts
                                  when th.parent_row is not null then m.ts end,
                'reply_count': th.reply_count,
                'reply_users_count': th.reply_users_count,
                'latest_reply': th.latest_reply,
                'reply_users': th.reply_users,
                'parent_user_id': case when m.kind = {KIND_REPLY} then p.parent_user_id end,
                'reactions': case when not m.tombstone then rx.reactions end
            }})) as json
        from m
        left join parent p on p.row = m.parent_row
        left join threads th on th.parent_row = m.row
        left join rx on rx.row = m.row
        left join bots b on b.bot = m.bot
        left join texts t on t.template = m.template
        left join topics tp on tp.topic = m.topic
        order by m.channel_name, m.day, m.ts_us
    """
    written = write_json_array_files(
        con, message_json, lambda key: root / key[0] / f"{key[1]}.json", on_file=progress.advance
    )
    progress.finish_files()
    con.close()
    return written
