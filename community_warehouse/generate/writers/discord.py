"""Discord, as DiscordChatExporter writes it (JSON format): `discord/<Guild> - <Category> - <channel> [<id>].json`.

One JSON document per channel (split into `[part N]` files of at most 5,000 messages, as the exporter's
`--partition` option does): `guild`, `channel`, `dateRange`, `exportedAt`, `messages[]`,
`messageCount`. Messages carry `type` (Default, Reply, GuildMemberJoin), `timestamp` in the exporter's
local time with its UTC offset, `timestampEdited`, `author` (with `isBot`), `reactions[]` with the
reacting users, and `reference` on replies. Absent values are written as null, as the exporter does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.community import expand, month_bounds, pick_same_month, platform, snowflakes
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import text_replace
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DISCORD_EPOCH_MS = 1_420_070_400_000
GUILD = ("Quarry Labs Community", "917328504271847424")
CHANNELS = (
    # name, category, popularity
    ("general", "Community", 10),
    ("help", "Support", 9),
    ("showcase", "Community", 3),
    ("off-topic", "Community", 4),
    ("announcements", "Info", 0),
)
EMOJI = (("👍", "thumbsup"), ("🎉", "tada"), ("❤️", "heart"), ("🚀", "rocket"), ("👀", "eyes"), ("🙏", "pray"))
TEXTS = (
    "anyone tried {t} with a big warehouse? 🤔",
    "just shipped {t} to prod 🚀",
    "how do I debug {t}?",
    "thanks, that fixed it 🙏",
    "same issue here with {t}",
    "مرحبا، هل يعمل {t} مع Spark؟",
    "שלום! מישהו ניסה את {t}?",
    "¿alguien usa {t} en producción?",
    "lol 😂",
)
PART_SIZE = 5_000


@dataclass
class DiscordResult:
    identities: pd.DataFrame
    messages: int
    files: int


def _local_iso(us: np.ndarray) -> np.ndarray:
    """Berlin wall-clock time with its offset, as the exporter writes it: 2025-03-04T13:34:56.123+01:00."""
    local = pd.to_datetime(pd.Series(us), unit="us", utc=True).dt.tz_convert("Europe/Berlin")
    text = local.dt.strftime("%Y-%m-%dT%H:%M:%S.%f").str[:-3] + local.dt.strftime("%z")
    return (text.str[:-2] + ":" + text.str[-2:]).to_numpy()


def write_discord(world: World, raw: Path, progress: Progress) -> DiscordResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "discord")
    out = raw / "discord"
    out.mkdir(parents=True, exist_ok=True)
    on = platform(world, "discord")
    members = on.people
    starts, lengths = month_bounds(world)
    k = len(members)

    author, month, ts = expand(on.counts, rng, starts, lengths)
    kind = rng.random(len(author))
    is_post, is_reply, is_reaction = kind < 0.5, (kind >= 0.5) & (kind < 0.8), kind >= 0.8
    weights = np.array([c[2] for c in CHANNELS], float)
    channel = rng.choice(len(CHANNELS), is_post.sum(), p=weights / weights.sum())
    posts = pd.DataFrame({"author": author[is_post], "month": month[is_post], "ts": ts[is_post], "channel": channel})
    parent = pick_same_month(rng, posts.month.to_numpy(), month[is_reply])
    ok = parent >= 0
    replies = pd.DataFrame(
        {
            "author": author[is_reply][ok],
            "month": month[is_reply][ok],
            "ts": posts.ts.to_numpy()[parent[ok]] + (rng.lognormal(np.log(900), 1.2, ok.sum()) * 1e6).astype(np.int64),
            "channel": posts.channel.to_numpy()[parent[ok]],
            "parent": parent[ok],
        }
    )
    # Joining the server: a system message in #general, before the member's first post.
    join_month = np.clip(members.join_month.to_numpy(), 0, cfg.months - 1)
    joins = pd.DataFrame(
        {
            "author": np.arange(k),
            "month": join_month,
            "ts": starts[join_month] + (rng.random(k) * 0.2 * lengths[join_month]).astype(np.int64),
            "channel": 0,
        }
    )
    staff = np.flatnonzero(members.is_staff.to_numpy())
    n_ann = cfg.months * 2
    announcements = pd.DataFrame(
        {
            "author": rng.choice(staff, n_ann) if len(staff) else np.zeros(n_ann, int),
            "month": np.repeat(np.arange(cfg.months), 2),
            "ts": starts[np.repeat(np.arange(cfg.months), 2)] + rng.integers(0, 25, n_ann) * 86_400_000_000,
            "channel": len(CHANNELS) - 1,
        }
    )
    msg = pd.concat(
        [
            posts.assign(type="Default", parent=-1),
            replies.assign(type="Reply"),
            joins.assign(type="GuildMemberJoin", parent=-1),
            announcements.assign(type="Default", parent=-1),
        ],
        ignore_index=True,
    )
    msg["id"] = snowflakes(msg.ts.to_numpy() // 1000 * 1000, DISCORD_EPOCH_MS, rng)
    # A reply's `parent` is the row of its post among the first len(posts) rows of `msg`.
    msg["parent_id"] = np.where(msg.type == "Reply", msg.id.to_numpy()[np.clip(msg.parent, 0, len(posts) - 1)], 0)
    msg["edited_ts"] = np.where(
        (msg.type != "GuildMemberJoin") & (rng.random(len(msg)) < 0.05),
        msg.ts + rng.integers(60, 7200, len(msg)) * 1_000_000,
        -1,
    )
    text_i = rng.integers(0, len(TEXTS), len(msg))
    topic_i = rng.integers(0, len(vocab.TOPICS), len(msg))
    msg["content"] = np.where(
        msg.type == "GuildMemberJoin",
        "",
        text_replace(np.array(TEXTS)[text_i], "{t}", np.array(vocab.TOPICS)[topic_i]),
    )
    msg["timestamp"] = _local_iso(msg.ts.to_numpy())
    msg["edited"] = np.where(msg.edited_ts >= 0, _local_iso(np.maximum(msg.edited_ts.to_numpy(), 0)), None)
    msg["row"] = np.arange(len(msg))

    # Reactions: on a post or reply of the same month.
    reactable = msg[msg.type.isin(["Default", "Reply"])]
    target = pick_same_month(rng, reactable.month.to_numpy(), month[is_reaction])
    reactions = pd.DataFrame(
        {
            "row": reactable.row.to_numpy()[target[target >= 0]],
            "author": author[is_reaction][target >= 0],
            "emoji": rng.integers(0, len(EMOJI), (target >= 0).sum()),
        }
    ).drop_duplicates(["row", "author", "emoji"])

    user_ids = snowflakes(np.full(k, starts[0]) - rng.integers(0, 2_000, k) * 86_400_000_000, DISCORD_EPOCH_MS, rng)
    users = pd.DataFrame(
        {
            "author": np.arange(k),
            "user_id": user_ids.astype(str),
            "name": members.handle.to_numpy(),
            "nickname": (
                members.display_first_name + np.where(rng.random(k) < 0.5, " " + members.last_name, "")
            ).to_numpy(),
            "is_staff": members.is_staff.to_numpy(),
        }
    )
    channel_ids = snowflakes(np.full(len(CHANNELS), starts[0]), DISCORD_EPOCH_MS, rng).astype(str)
    channels = pd.DataFrame(
        {
            "channel": range(len(CHANNELS)),
            "channel_id": channel_ids,
            "channel_name": [c[0] for c in CHANNELS],
            "category": [c[1] for c in CHANNELS],
        }
    )
    emoji = pd.DataFrame(
        {"emoji": range(len(EMOJI)), "emoji_name": [e[0] for e in EMOJI], "emoji_code": [e[1] for e in EMOJI]}
    )
    msg = msg.sort_values(["channel", "ts", "id"]).reset_index(drop=True)
    msg["part"] = msg.groupby("channel").cumcount() // PART_SIZE + 1

    con = duckdb.connect()
    for name, frame in {
        "msg": msg,
        "reactions": reactions,
        "users": users,
        "channels": channels,
        "emoji": emoji,
    }.items():
        con.register(name, frame)
    author_json = """{
        'id': u.user_id, 'name': u.name, 'discriminator': '0000', 'nickname': u.nickname, 'color': null,
        'isBot': false, 'roles': case when u.is_staff then [{'id': '917330000000000001', 'name': 'Team',
        'color': '#F1C40F', 'position': 2}] else [] end,
        'avatarUrl': 'https://cdn.discordapp.com/embed/avatars/0.png'
    }"""
    rows = con.execute(f"""
        with rx as (
            select r.row, e.emoji_name, e.emoji_code, list({author_json.replace("u.", "ru.")}
                order by ru.user_id) as users, count(*) as n
            from reactions r join users ru on ru.author = r.author join emoji e using (emoji)
            group by all
        ), per_message as (
            select row, list({{'emoji': {{'id': '', 'name': emoji_name, 'code': emoji_code, 'isAnimated': false,
                'imageUrl': 'https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/1f44d.svg'}},
                'count': n, 'users': users}} order by emoji_code) as reactions
            from rx group by row
        )
        select c.channel_name, c.category, c.channel_id, m.part, max(m.part) over (partition by m.channel) as parts,
            to_json({{
            'id': cast(m.id as varchar), 'type': m.type, 'timestamp': m.timestamp, 'timestampEdited': m.edited,
            'callEndedTimestamp': null, 'isPinned': false, 'content': m.content, 'author': {author_json},
            'attachments': [], 'embeds': [], 'stickers': [], 'reactions': coalesce(pm.reactions, []),
            'mentions': [],
            'reference': case when m.type = 'Reply' then {{'messageId': cast(m.parent_id as varchar),
                'channelId': c.channel_id, 'guildId': '{GUILD[1]}'}} end
        }}) as j
        from msg m join channels c using (channel) join users u on u.author = m.author
        left join per_message pm on pm.row = m.row
        order by m.channel, m.part, m.ts, m.id
    """).fetchall()
    con.close()
    exported = f"{world.month_starts[-1]:%Y-%m}-28T09:00:00.000+02:00"
    files = 0
    current, buffer = None, []

    def flush() -> None:
        nonlocal files
        if current is None:
            return
        name, category, channel_id, part, parts = current
        suffix = f" [part {part}]" if parts > 1 else ""
        doc = (
            "{\n"
            f'  "guild": {{"id": "{GUILD[1]}", "name": "{GUILD[0]}", "iconUrl": "https://cdn.discordapp.com/icons/'
            f'{GUILD[1]}/a1b2c3.png"}},\n'
            f'  "channel": {{"id": "{channel_id}", "type": "GuildTextChat", "categoryId": "{channel_id[:-3]}000", '
            f'"category": "{category}", "name": "{name}", "topic": null}},\n'
            '  "dateRange": {"after": null, "before": null},\n'
            f'  "exportedAt": "{exported}",\n'
            '  "messages": [\n    ' + ",\n    ".join(buffer) + "\n  ],\n"
            f'  "messageCount": {len(buffer)}\n'
            "}\n"
        )
        (out / f"{GUILD[0]} - {category} - {name} [{channel_id}]{suffix}.json").write_text(doc, encoding="utf-8")
        files += 1

    for name, category, channel_id, part, parts, j in rows:
        key = (name, category, channel_id, part, parts)
        if key != current:
            flush()
            current, buffer = key, []
        buffer.append(j)
    flush()
    progress.step(f"discord: {k:,} members, {len(msg):,} messages, {len(reactions):,} reactions, {files} files")
    identities = pd.DataFrame(
        {
            "source": "discord",
            "entity": "user",
            "identifier": users.user_id.to_numpy(),
            "person_id": members.person_id.to_numpy(),
            "kind": "person",
            "email_written": "",
            "mailbox": "",
        }
    )
    return DiscordResult(identities=identities, messages=len(msg), files=files)
