"""Zendesk Support, as Fivetran's Zendesk connector lands it: `zendesk/<table>.csv`.

Tables: `organization` (customer companies), `user` (end-users at customers and the support agents),
`ticket` and `ticket_comment`. Customers whose people are community members file fewer tickets
(the injected deflection effect, in `_truth/manifest.json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.commerce import EFFECTS, Commerce
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import epoch_us, id_text, pick_in_group, text_replace, to_hubspot_ts, write_csv
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

DAY_US = 86_400 * 1_000_000
AGENTS = (("Sam", "Okoro"), ("Lena", "Hartmann"), ("Diego", "Ramos"), ("Aiko", "Mori"))
SUBJECTS = (
    "Error when running {t}",
    "How do I set up {t}?",
    "Billing question",
    "{t} is slow",
    "Cannot log in",
    "Feature request: better {t}",
    "Question about {t}",
)


@dataclass
class ZendeskResult:
    identities: pd.DataFrame
    tickets: int


def write_zendesk(world: World, commerce: Commerce, raw: Path, progress: Progress) -> ZendeskResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "zendesk")
    out = raw / "zendesk"
    month_us = np.array([epoch_us(d) for d in world.month_starts], dtype=np.int64)
    window_end = month_us[-1] + 31 * DAY_US
    synced = window_end + DAY_US
    companies = world.companies.set_index("company_index")
    people = world.people

    def ts(us) -> list[str]:
        return to_hubspot_ts(np.asarray(us, dtype=np.int64))

    subs = commerce.subscriptions
    org_companies = np.unique(subs.company_index[(subs.source == "sales") & (subs.company_index > 0)])
    n_org = len(org_companies)
    org_ids = pd.Series(360_000_000_000 + np.arange(n_org) * 7919 + rng.integers(0, 7000, n_org), index=org_companies)
    write_csv(
        pd.DataFrame(
            {
                "id": org_ids.to_numpy(),
                "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, n_org)),
                "created_at": ts(month_us[0] - rng.integers(0, 300, n_org) * DAY_US),
                "name": companies.name.reindex(org_companies).to_numpy(),
                "external_id": "",
                "shared_tickets": "false",
                "shared_comments": "false",
                "updated_at": ts(np.full(n_org, window_end)),
                "url": np.char.add(
                    np.char.add("https://quarrylabs.zendesk.com/api/v2/organizations/", org_ids.to_numpy().astype(str)),
                    ".json",
                ),
            }
        ),
        out / "organization.csv",
    )

    # End-users: half the people at customer organisations, and every self-serve subscriber.
    at_org = people[people.company_index.isin(org_companies)]
    at_org = at_org[rng.random(len(at_org)) < 0.5]
    self_serve = people.iloc[np.unique(subs.person_index[subs.source == "self_serve"])]
    end_users = pd.concat([at_org, self_serve[~self_serve.person_index.isin(at_org.person_index)]])
    e = len(end_users)
    use_work = end_users.work_email.to_numpy() != ""
    email = np.where(use_work, end_users.work_email, end_users.personal_email)
    user_ids = 400_000_000_000 + np.arange(e + len(AGENTS)) * 104_729 + rng.integers(0, 100_000, e + len(AGENTS))
    agent_ids = user_ids[e:]
    org_of_user = org_ids.reindex(end_users.company_index).to_numpy()
    users = pd.DataFrame(
        {
            "id": user_ids,
            "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, e + len(AGENTS))),
            "active": "true",
            "created_at": ts(
                np.concatenate(
                    [
                        month_us[np.clip(end_users.join_month, 0, None)],
                        np.full(len(AGENTS), month_us[0] - 400 * DAY_US),
                    ]
                )
            ),
            "email": np.concatenate([email, [f"{a.lower()}.{b.lower()}@quarrylabs.io" for a, b in AGENTS]]),
            "name": np.concatenate(
                [
                    (end_users.display_first_name + " " + end_users.last_name).to_numpy(),
                    [f"{a} {b}" for a, b in AGENTS],
                ]
            ),
            "organization_id": np.concatenate([id_text(org_of_user), [""] * len(AGENTS)]),
            "role": ["end-user"] * e + ["agent"] * len(AGENTS),
            "suspended": "false",
            "time_zone": np.concatenate([end_users.timezone.to_numpy(), ["Eastern Time (US & Canada)"] * len(AGENTS)]),
            "locale": "en-US",
            "updated_at": ts(np.full(e + len(AGENTS), window_end)),
        }
    )
    write_csv(users, out / "user.csv")

    # Tickets: per active subscription and month, fewer at member companies.
    user_of_person = pd.Series(user_ids[:e], index=end_users.person_index.to_numpy())
    sub_start = subs.start_us.to_numpy()
    sub_end = np.where(subs.ended_us >= 0, subs.ended_us, window_end)
    active = (sub_start[:, None] < month_us[None, :] + 30 * DAY_US) & (sub_end[:, None] > month_us[None, :])
    employees = companies.employees.reindex(subs.company_index.clip(lower=0)).fillna(1).to_numpy()
    base = np.where(subs.source == "sales", 0.25 * np.sqrt(np.maximum(employees, 1) / 10), 0.06)
    lam = base * np.where(subs.is_member_company, EFFECTS["ticket_rate_multiplier_member_company"], 1.0)
    counts = rng.poisson(lam[:, None] * active)
    sub_i, month_i = np.nonzero(counts)
    reps = counts[sub_i, month_i]
    sub_i, month_i = np.repeat(sub_i, reps), np.repeat(month_i, reps)
    # A random end-user at the organisation for company subscriptions; the subscriber for self-serve ones.
    at_company = pick_in_group(
        rng, end_users.company_index.to_numpy(), user_ids[:e], subs.company_index.to_numpy()[sub_i]
    )
    subscriber = user_of_person.reindex(subs.person_index.to_numpy()[sub_i]).fillna(-1).to_numpy().astype(np.int64)
    is_sales = subs.source.to_numpy()[sub_i] == "sales"
    requester = np.where(is_sales & (at_company >= 0), at_company, subscriber)
    keep = requester >= 0
    sub_i, month_i, requester = sub_i[keep], month_i[keep], requester[keep]
    t = len(sub_i)
    created = month_us[month_i] + (rng.random(t) * 30 * DAY_US).astype(np.int64)
    created = np.minimum(created, window_end - DAY_US)
    first_reply = created + (rng.exponential(6, t) * 3_600_000_000).astype(np.int64)
    solved = first_reply + (rng.exponential(48, t) * 3_600_000_000).astype(np.int64)
    status = np.where(
        solved < window_end - 3 * DAY_US,
        np.where(solved < window_end - 30 * DAY_US, "closed", "solved"),
        rng.choice(["open", "pending", "new"], t),
    )
    ticket_ids = 1000 + np.arange(t)
    template = np.array(SUBJECTS)[rng.integers(0, len(SUBJECTS), t)]
    topic = np.array(vocab.TOPICS)[rng.integers(0, len(vocab.TOPICS), t)]
    subject = text_replace(template, "{t}", topic).astype(object)
    org_of_ticket = org_ids.reindex(subs.company_index.to_numpy()[sub_i]).to_numpy()
    write_csv(
        pd.DataFrame(
            {
                "id": ticket_ids,
                "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, t)),
                "assignee_id": agent_ids[rng.integers(0, len(AGENTS), t)],
                "brand_id": 360003529474,
                "created_at": ts(created),
                "description": "Hi, " + subject.astype(str) + ". Thanks!",
                "group_id": 360006965034,
                "is_public": "true",
                "organization_id": id_text(org_of_ticket),
                "priority": rng.choice(["low", "normal", "high", "urgent"], t, p=[0.2, 0.55, 0.2, 0.05]),
                "requester_id": requester,
                "status": status,
                "subject": subject,
                "submitter_id": requester,
                "type": rng.choice(["question", "incident", "problem", "task"], t, p=[0.5, 0.3, 0.1, 0.1]),
                "updated_at": ts(np.minimum(solved, window_end)),
                "url": np.char.add(
                    np.char.add("https://quarrylabs.zendesk.com/api/v2/tickets/", ticket_ids.astype(str)),
                    ".json",
                ),
                "via_channel": rng.choice(["email", "web", "chat", "api"], t, p=[0.5, 0.3, 0.15, 0.05]),
            }
        ),
        out / "ticket.csv",
    )
    # Comments: the request, the agent's first reply, and sometimes a follow-up.
    follow = rng.random(t) < 0.4
    comment_ticket = np.concatenate([ticket_ids, ticket_ids, ticket_ids[follow]])
    comment_user = np.concatenate([requester, agent_ids[rng.integers(0, len(AGENTS), t)], requester[follow]])
    comment_at = np.concatenate([created, first_reply, first_reply[follow] + 3_600_000_000])
    n_c = len(comment_ticket)
    write_csv(
        pd.DataFrame(
            {
                "id": 1_030_820_000_000 + np.arange(n_c) * 13,
                "_fivetran_synced": ts(synced + rng.integers(0, DAY_US, n_c)),
                "body": np.concatenate(
                    [
                        np.full(t, "Original request"),
                        np.full(t, "Thanks for reaching out!"),
                        np.full(follow.sum(), "That fixed it, thank you."),
                    ]
                ),
                "created": ts(comment_at),
                "public": "true",
                "ticket_id": comment_ticket,
                "user_id": comment_user,
                "facebook_comment": "false",
                "tweet": "false",
                "voice_comment": "false",
            }
        ).sort_values(["ticket_id", "created"]),
        out / "ticket_comment.csv",
    )
    progress.step(f"zendesk: {n_org:,} organizations, {e:,} end-users, {t:,} tickets, {n_c:,} comments")
    identities = pd.DataFrame(
        {
            "source": "zendesk",
            "entity": "user",
            "identifier": user_ids[:e].astype(str),
            "person_id": end_users.person_id.to_numpy(),
            "kind": "person",
            "email_written": email,
            "mailbox": np.where(use_work, "work", "personal"),
        }
    )
    return ZendeskResult(identities=identities, tickets=t)
