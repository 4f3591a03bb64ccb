"""Discourse, as its REST API returns it: `discourse/users/*.json`, `categories.json`, `topics/*.json`.

- `users/active-<page>.json`: pages of `/admin/users/list/active.json?show_emails=true` (arrays of users,
  with `email`), including the `system` user. A few people signed up with their GitHub noreply address.
- `categories.json`: `/categories.json` (`category_list.categories[]`).
- `topics/<id>.json`: one `/t/{id}.json` document per topic with every post in `post_stream.posts`
  (a full export; the live API pages posts 20 at a time). Support topics may have an accepted answer
  (the Solved plugin: `accepted_answer` on the topic, `accepted_answer: true` on the post); some posts
  were deleted (`deleted_at`, `user_deleted`). Timestamps are ISO 8601 in UTC (`…Z`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.community import community_email, expand, month_bounds, pick_same_month, platform
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import text_replace
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

CATEGORIES = (
    # id, name, slug, weight, read_restricted
    (1, "General", "general", 5, False),
    (4, "Announcements", "announcements", 0, False),
    (5, "Support", "support", 10, False),
    (6, "Feature requests", "feature-requests", 4, False),
    (7, "Show and tell", "show-and-tell", 2, False),
    (3, "Staff", "staff", 0, True),
)
USERS_PER_PAGE = 100


@dataclass
class DiscourseResult:
    identities: pd.DataFrame
    topics: int
    posts: int


def _iso_z(us: np.ndarray) -> np.ndarray:
    text = np.datetime_as_string(np.asarray(us, dtype=np.int64).astype("datetime64[us]"), unit="ms")
    return np.char.add(text, "Z").astype(object)


def write_discourse(world: World, raw: Path, progress: Progress) -> DiscourseResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "discourse")
    out = raw / "discourse"
    (out / "users").mkdir(parents=True, exist_ok=True)
    (out / "topics").mkdir(parents=True, exist_ok=True)
    on = platform(world, "discourse")
    members = on.people
    k = len(members)
    starts, lengths = month_bounds(world)

    # Users: ids from 2 (1 is the first admin), plus Discourse's own `system` user (-1).
    user_ids = 2 + np.arange(k)
    work = members.work_email.to_numpy()
    email, _ = community_email(members, rng)
    gh_draw = rng.random(k)
    gh_id = rng.integers(10**6, 10**8, k)
    # Signed up with GitHub: its private address names the person's GitHub login, in today's form
    # (<id>+<login>@users.noreply.github.com) or the form used before 2017 (<login>@users.noreply…).
    trap_rng = rng_for(cfg.seed, "discourse", "github_noreply")
    github_login = (
        pd.Series(platform(world, "github").people.set_index("person_index").handle)
        .reindex(members.person_index.to_numpy())
        .fillna("")
        .to_numpy()
        .astype(str)
    )
    gh_noreply = (github_login != "") & ((gh_draw < 0.01) | (trap_rng.random(k) < 0.12))
    old_form = trap_rng.random(k) < 0.4
    email = np.where(
        gh_noreply,
        np.char.add(
            np.where(old_form, "", np.char.add(gh_id.astype(str), "+")),
            np.char.add(github_login, "@users.noreply.github.com"),
        ),
        email,
    )
    joined = starts[np.clip(members.join_month.to_numpy(), 0, cfg.months - 1)] + (rng.random(k) * 20 * 86_400e6).astype(
        np.int64
    )
    users = pd.DataFrame(
        {
            "id": user_ids,
            "username": members.handle.to_numpy(),
            "name": (members.display_first_name + " " + members.last_name).to_numpy(),
            "email": email,
            "active": True,
            "admin": members.is_staff.to_numpy(),
            "moderator": members.is_staff.to_numpy(),
            "created_at": _iso_z(joined),
            # Seen last within the export: a last visit after the export was taken is a broken clock.
            "last_seen_at": _iso_z(
                np.minimum(joined + rng.integers(1, 400, k) * 86_400_000_000, starts[-1] + lengths[-1] - 1)
            ),
            "trust_level": np.clip(rng.poisson(1.2, k), 0, 4),
            "staged": False,
            "title": np.where(members.is_staff.to_numpy(), "Quarry Labs team", None),
        }
    )
    system = pd.DataFrame(
        [
            {
                "id": -1,
                "username": "system",
                "name": "system",
                "email": "no_email",
                "active": True,
                "admin": True,
                "moderator": True,
                "created_at": _iso_z(np.array([starts[0]]))[0],
                "last_seen_at": None,
                "trust_level": 4,
                "staged": False,
                "title": None,
            }
        ]
    )
    all_users = pd.concat([system, users], ignore_index=True)
    records = json.loads(all_users.to_json(orient="records", force_ascii=False))
    for page, lo in enumerate(range(0, len(records), USERS_PER_PAGE), start=1):
        (out / "users" / f"active-{page:04d}.json").write_text(
            json.dumps(records[lo : lo + USERS_PER_PAGE], ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    # Topics and posts.
    author, month, ts = expand(on.counts, rng, starts, lengths)
    opens = rng.random(len(author)) < 0.25
    weights = np.array([c[3] for c in CATEGORIES], float)
    t_cat = np.array([c[0] for c in CATEGORIES])[rng.choice(len(CATEGORIES), opens.sum(), p=weights / weights.sum())]
    topics = pd.DataFrame({"author": author[opens], "month": month[opens], "ts": ts[opens], "category_id": t_cat})
    topics = topics.sort_values("ts", kind="stable").reset_index(drop=True)
    topics["topic_id"] = 100 + np.arange(len(topics))
    reply_topic = pick_same_month(rng, topics.month.to_numpy(), month[~opens])
    ok = reply_topic >= 0
    delay = (rng.lognormal(np.log(3 * 3600), 1.3, ok.sum()) * 1e6).astype(np.int64)
    replies = pd.DataFrame(
        {"author": author[~opens][ok], "topic": reply_topic[ok], "ts": topics.ts.to_numpy()[reply_topic[ok]] + delay}
    )
    firsts = pd.DataFrame({"author": topics.author, "topic": np.arange(len(topics)), "ts": topics.ts})
    posts = pd.concat([firsts.assign(first=True), replies.assign(first=False)], ignore_index=True)
    posts = posts.sort_values(["topic", "ts"], kind="stable").reset_index(drop=True)
    posts["post_number"] = posts.groupby("topic").cumcount() + 1
    posts["post_id"] = 1000 + np.arange(len(posts))
    posts["reply_to"] = np.where(
        (posts.post_number > 2) & (rng.random(len(posts)) < 0.3), np.maximum(posts.post_number - 1, 1), None
    )
    posts["likes"] = rng.poisson(0.8, len(posts))
    posts["deleted"] = (posts.post_number > 1) & (rng.random(len(posts)) < 0.02)
    topic_id = topics.topic_id.to_numpy()[posts.topic.to_numpy()]
    posts["topic_id"] = topic_id
    text = text_replace(
        np.array(vocab.STATEMENT_TEMPLATES + vocab.QUESTION_TEMPLATES)[rng.integers(0, 10, len(posts))],
        "{t}",
        np.array(vocab.TOPICS)[rng.integers(0, 18, len(posts))],
    )
    posts["cooked"] = np.where(posts.deleted, "<p>(post deleted by author)</p>", "<p>" + text.astype(object) + "</p>")

    # Accepted answers: most support topics with replies get one, by someone other than the asker.
    support = topics.category_id.to_numpy()[posts.topic.to_numpy()] == 5
    candidates = posts[
        (~posts["first"])
        & support
        & ~posts.deleted
        & (posts.author.to_numpy() != topics.author.to_numpy()[posts.topic.to_numpy()])
    ]
    accepted = candidates.groupby("topic").post_id.first()
    accepted = accepted[rng.random(len(accepted)) < 0.6]
    posts["accepted"] = posts.post_id.isin(accepted.to_numpy())

    posts["user_id"] = user_ids[posts.author.to_numpy()]
    posts["username"] = members.handle.to_numpy()[posts.author.to_numpy()]
    posts["name"] = users.name.to_numpy()[posts.author.to_numpy()]
    posts["staff"] = members.is_staff.to_numpy()[posts.author.to_numpy()]
    posts["created_at"] = _iso_z(posts.ts.to_numpy())
    posts["deleted_at"] = np.where(posts.deleted, _iso_z(posts.ts.to_numpy() + 86_400_000_000), None)
    topics["title"] = text_replace(
        np.array(vocab.QUESTION_TEMPLATES)[rng.integers(0, 5, len(topics))],
        "{t}",
        np.array(vocab.TOPICS)[rng.integers(0, 18, len(topics))],
    )
    topics["created_at"] = _iso_z(topics.ts.to_numpy())
    topics["views"] = rng.poisson(40, len(topics)) + 5
    topics["user_id"] = user_ids[topics.author.to_numpy()]
    topics["username"] = members.handle.to_numpy()[topics.author.to_numpy()]
    acc = posts[posts.accepted].set_index("topic")
    topics["accepted_post_number"] = acc.post_number.reindex(np.arange(len(topics))).to_numpy()
    topics["accepted_username"] = acc.username.reindex(np.arange(len(topics))).to_numpy()

    docs = _topic_documents(topics, posts)
    for topic_id, doc in docs:
        (out / "topics" / f"{topic_id}.json").write_text(doc, encoding="utf-8")
    post_category = topics.category_id.to_numpy()[posts.topic.to_numpy()]
    categories = {
        "category_list": {
            "can_create_category": False,
            "can_create_topic": True,
            "categories": [
                {
                    "id": cid,
                    "name": name,
                    "slug": slug,
                    "color": "0088CC",
                    "text_color": "FFFFFF",
                    "topic_count": int((topics.category_id == cid).sum()),
                    "post_count": int((post_category == cid).sum()),
                    "description": f"{name} discussions",
                    "read_restricted": restricted,
                }
                for cid, name, slug, _w, restricted in CATEGORIES
            ],
        }
    }
    (out / "categories.json").write_text(json.dumps(categories, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    progress.step(f"discourse: {k:,} users, {len(topics):,} topics, {len(posts):,} posts")
    identities = pd.DataFrame(
        {
            "source": "discourse",
            "entity": "user",
            "identifier": user_ids.astype(str),
            "person_id": members.person_id.to_numpy(),
            "kind": "person",
            "email_written": email,
            "mailbox": np.where(gh_noreply, "github_noreply", np.where(email == work, "work", "personal")),
        }
    )
    return DiscourseResult(identities=identities, topics=len(topics), posts=len(posts))


def _topic_documents(topics: pd.DataFrame, posts: pd.DataFrame) -> list[tuple[int, str]]:
    con = duckdb.connect()
    con.register("topics", topics.assign(topic=np.arange(len(topics))))
    con.register("posts", posts)
    rows = con.execute("""
        with p as (
            select topic, list({
                'id': post_id, 'name': name, 'username': username,
                'avatar_template': '/user_avatar/forum.quarrylabs.io/' || username || '/{size}/1_2.png',
                'created_at': created_at, 'cooked': cooked, 'post_number': post_number, 'post_type': 1,
                'updated_at': created_at, 'reply_count': 0, 'reply_to_post_number': reply_to, 'quote_count': 0,
                'incoming_link_count': 0, 'reads': 1 + likes * 3, 'score': likes * 5.0, 'topic_id': topic_id,
                'user_id': user_id, 'hidden': false, 'trust_level': 1, 'deleted_at': deleted_at,
                'user_deleted': deleted, 'staff': staff, 'accepted_answer': accepted,
                'actions_summary': case when likes > 0 then [{'id': 2, 'count': likes}] else [] end
            } order by post_number) as posts, max(created_at) as last_posted_at, count(*) as n,
            sum(likes) as like_count
            from posts group by topic
        )
        select t.topic_id, to_json({
            'post_stream': {'posts': p.posts},
            'id': t.topic_id, 'title': t.title, 'fancy_title': t.title,
            'slug': lower(replace(replace(t.title, ' ', '-'), '?', '')),
            'posts_count': p.n, 'created_at': t.created_at, 'last_posted_at': p.last_posted_at,
            'views': t.views, 'reply_count': p.n - 1, 'like_count': p.like_count, 'category_id': t.category_id,
            'user_id': t.user_id, 'archetype': 'regular', 'visible': true, 'closed': false, 'archived': false,
            'deleted_at': null, 'tags': [],
            'accepted_answer': case when t.accepted_post_number is not null then
                {'post_number': cast(t.accepted_post_number as integer), 'username': t.accepted_username} end,
            'details': {'created_by': {'id': t.user_id, 'username': t.username}}
        }) from topics t join p using (topic)
        order by t.topic_id
    """).fetchall()
    con.close()
    return rows
