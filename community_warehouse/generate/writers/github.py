"""GitHub, as Fivetran's GitHub connector lands it: `github/<table>.csv`.

Tables: `repository`, `user` (people, the organisation and bots such as dependabot[bot]), `issue`
(pull requests are issues with `pull_request = true`, as in GitHub's API), `pull_request`,
`issue_comment`, `pull_request_review`, `label`, `issue_label` and `issue_merged`. The `user` table has
no e-mail: GitHub identities are linked through other evidence (a profile, a noreply address).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate import vocab
from community_warehouse.generate.community import expand, month_bounds, pick_same_month, platform
from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import text_replace, to_hubspot_ts, write_csv
from community_warehouse.generate.progress import Progress
from community_warehouse.generate.world import World

REPOS = ((282976101, "quarry-core"), (282976102, "quarry-docs"), (282976103, "quarry-examples"))
LABELS = (
    (2928211801, "bug", "d73a4a"),
    (2928211802, "enhancement", "a2eeef"),
    (2928211803, "feature request", "5030D6"),
    (2928211804, "question", "d876e3"),
    (2928211805, "documentation", "0075ca"),
    (2928211806, "good first issue", "7057ff"),
)
ORG_ID = 2722259
BOTS = ((49699333, "dependabot[bot]"), (41898282, "github-actions[bot]"))
HOUR_US = 3_600_000_000


@dataclass
class GithubResult:
    identities: pd.DataFrame
    issues: int


def _sha(rng: np.random.Generator, n: int) -> np.ndarray:
    digits = np.array(list("0123456789abcdef"))[rng.integers(0, 16, (n, 40))]
    return np.ascontiguousarray(digits).view("<U40").ravel().astype(object)


def write_github(world: World, raw: Path, progress: Progress) -> GithubResult:
    cfg = world.config
    rng = rng_for(cfg.seed, "github")
    out = raw / "github"
    on = platform(world, "github")
    members = on.people
    k = len(members)
    starts, lengths = month_bounds(world)
    window_end = starts[-1] + lengths[-1]
    synced = window_end + 86_400_000_000

    def ts(us):
        return to_hubspot_ts(np.asarray(us, dtype=np.int64))

    user_ids = 1_000_000 + np.arange(k) * 37 + rng.integers(0, 37, k)
    companies = world.companies.set_index("company_index")
    company = np.where(
        members.company_index.to_numpy() >= 0,
        "@" + companies.name.reindex(members.company_index.clip(lower=0)).fillna("").str.replace(" ", "").to_numpy(),
        "",
    )
    users = pd.DataFrame(
        {
            "id": np.concatenate([user_ids, [ORG_ID], [b[0] for b in BOTS]]),
            "_fivetran_synced": ts(np.full(k + 1 + len(BOTS), synced)),
            "bio": "",
            "blog": "",
            "company": np.concatenate([np.where(rng.random(k) < 0.5, company, ""), ["", "", ""]]),
            "created_at": ts(starts[0] - rng.integers(100, 3000, k + 1 + len(BOTS)) * 86_400_000_000),
            "hireable": "",
            "location": np.concatenate([np.where(rng.random(k) < 0.4, members.country.to_numpy(), ""), ["", "", ""]]),
            "login": np.concatenate([members.handle.to_numpy(), ["quarrylabs"], [b[1] for b in BOTS]]),
            "name": np.concatenate(
                [(members.display_first_name + " " + members.last_name).to_numpy(), ["Quarry Labs"], ["", ""]]
            ),
            "site_admin": "false",
            "type": ["User"] * k + ["Organization"] + ["Bot"] * len(BOTS),
            "updated_at": ts(np.full(k + 1 + len(BOTS), window_end - 86_400_000_000)),
        }
    )
    write_csv(users, out / "user.csv")
    write_csv(
        pd.DataFrame(
            {
                "id": [r[0] for r in REPOS],
                "_fivetran_synced": ts(np.full(3, synced)),
                "archived": "false",
                "created_at": ts(np.full(3, starts[0] - 900 * 86_400_000_000)),
                "default_branch": "main",
                "description": ["The Quarry engine", "Documentation", "Example projects"],
                "fork": "false",
                "full_name": ["quarrylabs/" + r[1] for r in REPOS],
                "homepage": "https://quarrylabs.io",
                "language": ["Python", "Markdown", "SQL"],
                "name": [r[1] for r in REPOS],
                "owner_id": ORG_ID,
                "private": "false",
            }
        ),
        out / "repository.csv",
    )
    write_csv(
        pd.DataFrame(
            {
                "id": [lb[0] for lb in LABELS],
                "_fivetran_synced": ts(np.full(len(LABELS), synced)),
                "color": [lb[2] for lb in LABELS],
                "description": "",
                "is_default": "false",
                "name": [lb[1] for lb in LABELS],
                "url": [
                    "https://api.github.com/repos/quarrylabs/quarry-core/labels/" + lb[1].replace(" ", "%20")
                    for lb in LABELS
                ],
            }
        ),
        out / "label.csv",
    )

    author, month, at = expand(on.counts, rng, starts, lengths)
    kind = rng.random(len(author))
    is_issue, is_pr = kind < 0.25, (kind >= 0.25) & (kind < 0.45)
    is_comment, is_review = (kind >= 0.45) & (kind < 0.85), kind >= 0.85
    # Dependabot opens pull requests every month too.
    n_bot = cfg.months * 3
    bot_month = np.repeat(np.arange(cfg.months), 3)
    issues = (
        pd.DataFrame(
            {
                "user_id": np.concatenate([user_ids[author[is_issue | is_pr]], np.full(n_bot, BOTS[0][0])]),
                "month": np.concatenate([month[is_issue | is_pr], bot_month]),
                "created_us": np.concatenate(
                    [at[is_issue | is_pr], starts[bot_month] + rng.integers(0, 27, n_bot) * 86_400_000_000]
                ),
                "is_pr": np.concatenate([is_pr[is_issue | is_pr], np.ones(n_bot, bool)]),
            }
        )
        .sort_values("created_us", kind="stable")
        .reset_index(drop=True)
    )
    i = len(issues)
    issues["repository_id"] = np.array([r[0] for r in REPOS])[rng.choice(3, i, p=[0.7, 0.2, 0.1])]
    issues["number"] = issues.groupby("repository_id").cumcount() + 1
    issues["id"] = 595_300_000 + np.arange(i) * 13 + rng.integers(0, 13, i)
    closed = rng.random(i) < 0.6
    closed_us = issues.created_us.to_numpy() + (rng.exponential(10, i) * 24 * HOUR_US).astype(np.int64)
    closed = closed & (closed_us < window_end)
    topic = np.array(vocab.TOPICS)[rng.integers(0, len(vocab.TOPICS), i)]
    title = np.where(
        issues.is_pr,
        np.char.add("Fix ", topic.astype(str)),
        np.char.add(
            np.array(["Bug: ", "Feature request: ", "Question about "])[rng.integers(0, 3, i)], topic.astype(str)
        ),
    )
    write_csv(
        pd.DataFrame(
            {
                "id": issues.id,
                "_fivetran_synced": ts(np.full(i, synced)),
                "body": "",
                "closed_at": np.where(closed, ts(closed_us), ""),
                "created_at": ts(issues.created_us),
                "locked": "false",
                "milestone_id": "",
                "number": issues.number,
                "pull_request": np.where(issues.is_pr, "true", "false"),
                "repository_id": issues.repository_id,
                "state": np.where(closed, "closed", "open"),
                "title": title,
                "updated_at": ts(np.where(closed, closed_us, issues.created_us)),
                "user_id": issues.user_id,
            }
        ),
        out / "issue.csv",
    )

    prs = issues[issues.is_pr.to_numpy()]
    p = len(prs)
    merged = closed[issues.is_pr.to_numpy()] & (rng.random(p) < 0.8)
    head = np.char.add("fix-", text_replace(topic[issues.is_pr.to_numpy()], " ", "-").astype(str))
    write_csv(
        pd.DataFrame(
            {
                "id": 495_600_000 + np.arange(p) * 7,
                "_fivetran_synced": ts(np.full(p, synced)),
                "base_label": "quarrylabs:main",
                "base_ref": "main",
                "base_repo_id": prs.repository_id.to_numpy(),
                "base_sha": _sha(rng, p),
                "base_user_id": ORG_ID,
                "head_label": head,
                "head_ref": head,
                "head_repo_id": prs.repository_id.to_numpy(),
                "head_sha": _sha(rng, p),
                "head_user_id": prs.user_id.to_numpy(),
                "issue_id": prs.id.to_numpy(),
                "merge_commit_sha": np.where(merged, _sha(rng, p), ""),
            }
        ),
        out / "pull_request.csv",
    )
    maintainers = user_ids[members.is_staff.to_numpy()]
    write_csv(
        pd.DataFrame(
            {
                "commit_sha": _sha(rng, merged.sum()),
                "issue_id": prs.id.to_numpy()[merged],
                "merged_at": ts(closed_us[issues.is_pr.to_numpy()][merged]),
                "_fivetran_synced": ts(np.full(merged.sum(), synced)),
                "actor_id": rng.choice(maintainers if len(maintainers) else [ORG_ID], merged.sum()),
            }
        ),
        out / "issue_merged.csv",
    )

    # Comments on an issue or PR of the same month; reviews on a PR of the same month.
    target = pick_same_month(rng, issues.month.to_numpy(), month[is_comment])
    ok = target >= 0
    c = int(ok.sum())
    write_csv(
        pd.DataFrame(
            {
                "id": 689_360_000 + np.arange(c) * 3,
                "_fivetran_synced": ts(np.full(c, synced)),
                "body": "",
                "created_at": ts(np.maximum(at[is_comment][ok], issues.created_us.to_numpy()[target[ok]] + 60_000_000)),
                "issue_id": issues.id.to_numpy()[target[ok]],
                "updated_at": ts(at[is_comment][ok]),
                "user_id": user_ids[author[is_comment][ok]],
            }
        ),
        out / "issue_comment.csv",
    )
    pr_month = prs.month.to_numpy()
    rtarget = pick_same_month(rng, pr_month, month[is_review])
    rok = rtarget >= 0
    r = int(rok.sum())
    write_csv(
        pd.DataFrame(
            {
                "id": 388_520_000 + np.arange(r) * 5,
                "_fivetran_synced": ts(np.full(r, synced)),
                "body": "",
                "commit_sha": _sha(rng, r),
                "pull_request_id": (495_600_000 + np.arange(p) * 7)[rtarget[rok]],
                "state": rng.choice(["APPROVED", "COMMENTED", "CHANGES_REQUESTED"], r, p=[0.5, 0.35, 0.15]),
                "submitted_at": ts(
                    np.maximum(at[is_review][rok], prs.created_us.to_numpy()[rtarget[rok]] + 3_600_000_000)
                ),
                "user_id": user_ids[author[is_review][rok]],
            }
        ),
        out / "pull_request_review.csv",
    )
    # Labels: one or two per issue, by its kind.
    first_label = np.where(
        issues.is_pr, 2928211801, np.array([2928211801, 2928211803, 2928211804])[rng.integers(0, 3, i)]
    )
    extra = rng.random(i) < 0.3
    write_csv(
        pd.DataFrame(
            {
                "issue_id": np.concatenate([issues.id.to_numpy(), issues.id.to_numpy()[extra]]),
                "label_id": np.concatenate([first_label, np.full(extra.sum(), 2928211806)]),
                "_fivetran_synced": ts(np.full(i + extra.sum(), synced)),
            }
        ).drop_duplicates(["issue_id", "label_id"]),
        out / "issue_label.csv",
    )
    progress.step(f"github: {k:,} users, {i:,} issues and pull requests, {c:,} comments, {r:,} reviews")
    identities = pd.DataFrame(
        {
            "source": "github",
            "entity": "user",
            "identifier": user_ids.astype(str),
            "person_id": members.person_id.to_numpy(),
            "kind": "person",
            "email_written": "",
            "mailbox": "",
        }
    )
    return GithubResult(identities=identities, issues=i)
