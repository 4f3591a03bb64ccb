"""X (Twitter), as the API v2 recent-search endpoint returns it: `social/x/page-<n>.json`.

Each file is one response page: `data[]` (tweets with `id`, `text`, `author_id`, `created_at`,
`conversation_id`, `lang`, `public_metrics`, `entities.mentions`/`hashtags`), `includes.users[]` (the
authors, with `public_metrics.followers_count`), and `meta` (`result_count`, `newest_id`, `oldest_id`,
`next_token`). Pages run newest first, as the API does. Authors are community members with an X
account and outsiders who mention the product.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.community import expand, month_bounds, platform, snowflakes
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import text_replace
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

X_EPOCH_MS = 1_288_834_974_657
PAGE = 100
TEXTS = (
    "Loving {t} in @quarrylabs 🚀",
    "Anyone else using {t} with @quarrylabs?",
    "Great talk on {t} at the #QuarrySummit",
    "@quarrylabs {t} saved my week 🙏",
    "Wrote up how we use {t} with @quarrylabs",
)


@dataclass
class XResult:
    identities: pd.DataFrame
    tweets: int


def _iso(us: np.ndarray) -> np.ndarray:
    return np.char.add(np.datetime_as_string(np.asarray(us, dtype=np.int64).astype("datetime64[us]"), unit="ms"), "Z")


def write_x(world: World, raw: Path, progress: Progress) -> XResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "social_x")
    out = raw / "social" / "x"
    out.mkdir(parents=True, exist_ok=True)
    on = platform(world, "x")
    members = on.people
    k = len(members)
    starts, lengths = month_bounds(world)
    author, _month, at = expand(on.counts, rng, starts, lengths)
    # Outsiders: accounts that mention the product but are nobody we know.
    n_out = max(5, k // 4)
    out_month = rng.integers(0, cfg.months, n_out * 2)
    out_author = k + rng.integers(0, n_out, n_out * 2)
    author = np.concatenate([author, out_author])
    at = np.concatenate([at, starts[out_month] + (rng.random(n_out * 2) * lengths[out_month]).astype(np.int64)])
    n = len(author)
    user_ids = 1_500_000_000 + np.arange(k + n_out) * 97 + rng.integers(0, 97, k + n_out)
    handles = np.concatenate(
        [
            members.handle.to_numpy(),
            [f"data_{w}_{i}" for i, w in enumerate(rng.choice(["nerd", "guru", "ops", "weekly", "digest"], n_out))],
        ]
    )
    names = np.concatenate(
        [
            (members.display_first_name + " " + members.last_name).to_numpy(),
            [f"Data {h.split('_')[1].title()} {i}" for i, h in enumerate(handles[k:])],
        ]
    )
    followers = np.round(rng.lognormal(5.0, 1.6, k + n_out)).astype(int)
    tweet_ids = snowflakes(at // 1000 * 1000, X_EPOCH_MS, rng)
    text = text_replace(
        np.array(TEXTS)[rng.integers(0, len(TEXTS), n)],
        "{t}",
        np.array(vocab.TOPICS)[rng.integers(0, len(vocab.TOPICS), n)],
    )
    likes = rng.poisson(np.maximum(followers[author] / 200, 0.3))
    tweets = pd.DataFrame(
        {"id": tweet_ids, "author": author, "at_us": at, "text": text, "likes": likes, "created_at": _iso(at)}
    )
    accounts = pd.DataFrame(
        {
            "author": np.arange(k + n_out),
            "user_id": user_ids,
            "username": handles,
            "name": names,
            "followers": followers,
        }
    )
    con = duckdb.connect()
    con.register("tweets", tweets)
    con.register("accounts", accounts)
    pages = con.execute(f"""
        with t as (
            select *, (row_number() over (order by at_us desc, id desc) - 1) // {PAGE} as page,
                   strpos(text, '@quarrylabs') - 1 as mention_at
            from tweets
        ), tj as (
            select t.page, t.at_us, t.id, t.author, to_json({{
                'id': cast(t.id as varchar), 'text': t.text, 'author_id': cast(a.user_id as varchar),
                'created_at': t.created_at, 'conversation_id': cast(t.id as varchar), 'lang': 'en',
                'edit_history_tweet_ids': [cast(t.id as varchar)],
                'public_metrics': {{'retweet_count': t.likes // 5, 'reply_count': t.likes // 8,
                    'like_count': t.likes, 'quote_count': 0, 'bookmark_count': 0,
                    'impression_count': t.likes * 40 + 30}},
                'entities': case when t.mention_at >= 0
                    then json(to_json({{'mentions': [{{'start': t.mention_at, 'end': t.mention_at + 11,
                          'username': 'quarrylabs', 'id': '1200000000000000001'}}]}}))
                    else json(to_json({{'hashtags': [{{'start': strpos(t.text, '#') - 1, 'end': length(t.text),
                          'tag': 'QuarrySummit'}}]}})) end
            }}) as j
            from t join accounts a using (author)
        ), users_per_page as (
            select page, list({{
                'id': cast(user_id as varchar), 'name': name, 'username': username,
                'created_at': '2015-06-01T00:00:00.000Z',
                'public_metrics': {{'followers_count': followers, 'following_count': followers // 3 + 10,
                    'tweet_count': followers * 2 + 5, 'listed_count': followers // 50}},
                'verified': false
            }} order by user_id) as users
            from (select distinct t.page, a.* from t join accounts a using (author))
            group by page
        )
        select tj.page, json_merge_patch('{{}}', to_json({{
            'data': list(json(tj.j) order by tj.at_us desc, tj.id desc),
            'includes': {{'users': any_value(u.users)}},
            'meta': {{'newest_id': cast(max(tj.id) as varchar), 'oldest_id': cast(min(tj.id) as varchar),
                     'result_count': count(*),
                     'next_token': case when tj.page < (select max(page) from t)
                                        then 'b26v89c19zqg8o3f' || lpad(cast(tj.page + 1 as varchar), 6, '0') end}}
        }})) as doc
        from tj join users_per_page u using (page)
        group by tj.page order by tj.page
    """).fetchall()
    con.close()
    for page, doc in pages:
        (out / f"page-{page + 1:05d}.json").write_text(doc + "\n", encoding="utf-8")
    files = len(pages)
    progress.step(f"social/x: {n:,} tweets by {k + n_out:,} accounts in {files} pages")
    identities = pd.DataFrame(
        {
            "source": "social",
            "entity": "x_user",
            "identifier": user_ids[:k].astype(str),
            "person_id": members.person_id.to_numpy(),
            "kind": "person",
            "email_written": "",
            "mailbox": "",
        }
    )
    return XResult(identities=identities, tweets=n)
