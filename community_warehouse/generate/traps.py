"""Identity traps real CRMs hold, planted into the written exports with their truth.

- shared_assistant: an executive assistant's address typed onto several executives' contacts — in
  HubSpot as an additional address (so her scheduling mail is logged to them), in Salesforce as the
  contact's e-mail itself (Salesforce allows one address on many contacts).
- household: a partner's address in one person's `hs_additional_emails` that is the other person's
  forum login.
GitHub noreply sign-ups and job changes are drawn by their writers (discourse.py, world.py); this module
only marks them in the truth. Each trap has its own random stream, so the rest of the demo is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.config import rng_for
from community_warehouse.generate.io import write_csv
from community_warehouse.generate.world import World

ADDITIONAL = "property_hs_additional_emails"


@dataclass
class Planted:
    identities: pd.DataFrame
    """The truth's identities with a `trap` column (empty when the identifier is in no trap)."""
    addresses: pd.DataFrame
    """One row per planted shared address: trap, address, and the records it was typed onto."""


def _append_address(current: pd.Series, address: str) -> pd.Series:
    text = current.fillna("").astype(str)
    return text.where(text == "", text + ";") + address


def _norm(address: str) -> str:
    return address.strip().lower()


def plant_traps(world: World, out: Path, identities: pd.DataFrame) -> Planted:
    ids = identities.copy()
    ids["trap"] = ""
    people = world.people.set_index("person_id")
    company_of = people.company_index
    addresses: list[dict] = []
    members = world.config.members

    hubspot_path = out / "hubspot" / "contact.csv"
    salesforce_path = out / "salesforce" / "contact.csv"
    hubspot = pd.read_csv(hubspot_path, dtype=str, keep_default_na=False) if hubspot_path.exists() else None
    salesforce = pd.read_csv(salesforce_path, dtype=str, keep_default_na=False) if salesforce_path.exists() else None

    def mark(mask: pd.Series, trap: str) -> None:
        ids.loc[mask & (ids.trap == ""), "trap"] = trap

    # Shared assistant addresses.
    rng = rng_for(world.config.seed, "traps", "shared_assistant")
    if hubspot is not None:
        contacts = ids[(ids.source == "hubspot") & (ids.kind == "person") & (ids.mailbox == "work")].drop_duplicates(
            "person_id"
        )
        contacts = contacts.assign(company=contacts.person_id.map(company_of))
        by_company = contacts.groupby("company").filter(lambda g: len(g) >= 4)
        companies = by_company.company.unique()
        chosen = rng.permutation(companies)[: max(3, round(members / 400))]
        for company in sorted(chosen):
            staff = by_company[by_company.company == company]
            staff = staff.iloc[rng.permutation(len(staff))]
            assistant, executives = staff.iloc[0], staff.iloc[1:4]
            address = _norm(people.work_email[assistant.person_id])
            rows = hubspot.id.isin(executives.identifier)
            hubspot.loc[rows, ADDITIONAL] = _append_address(hubspot.loc[rows, ADDITIONAL], address)
            mark(ids.source.eq("hubspot") & ids.identifier.isin(executives.identifier), "shared_assistant")
            mark(ids.person_id.eq(assistant.person_id), "shared_assistant")
            addresses.append(
                {
                    "trap": "shared_assistant",
                    "address": address,
                    "typed_onto": ";".join(f"hubspot_contact:{i}" for i in executives.identifier),
                }
            )
    if salesforce is not None:
        contacts = ids[(ids.source == "salesforce") & (ids.entity == "contact")]
        contacts = contacts.assign(company=contacts.person_id.map(company_of))
        by_company = contacts.groupby("company").filter(lambda g: len(g) >= 3)
        companies = by_company.company.unique()
        chosen = rng.permutation(companies)[: max(2, round(members / 1000))]
        for company in sorted(chosen):
            staff = by_company[by_company.company == company]
            staff = staff.iloc[rng.permutation(len(staff))]
            assistant, executives = staff.iloc[0], staff.iloc[1:3]
            address = _norm(people.work_email[assistant.person_id])
            salesforce.loc[salesforce.id.isin(executives.identifier), "email"] = address
            exec_rows = ids.source.eq("salesforce") & ids.identifier.isin(executives.identifier)
            ids.loc[exec_rows, "email_written"] = address
            ids.loc[exec_rows, "mailbox"] = "assistant"
            mark(exec_rows, "shared_assistant")
            mark(ids.person_id.eq(assistant.person_id), "shared_assistant")
            addresses.append(
                {
                    "trap": "shared_assistant",
                    "address": address,
                    "typed_onto": ";".join(f"salesforce_contact:{i}" for i in executives.identifier),
                }
            )

    # Household addresses: one person's forum login typed onto another person's contact.
    rng = rng_for(world.config.seed, "traps", "household")
    if hubspot is not None:
        forum = ids[(ids.source == "discourse") & (ids.kind == "person") & (ids.mailbox == "personal")]
        contacts = ids[(ids.source == "hubspot") & (ids.kind == "person") & (ids.trap == "")]
        owners = forum.iloc[rng.permutation(len(forum))[: max(3, round(members / 500))]]
        for _, owner in owners.iterrows():
            candidates = contacts[(contacts.person_id != owner.person_id) & (contacts.trap == "")]
            if candidates.empty:
                break
            typed_onto = candidates.iloc[int(rng.integers(0, len(candidates)))]
            address = _norm(owner.email_written)
            rows = hubspot.id == typed_onto.identifier
            hubspot.loc[rows, ADDITIONAL] = _append_address(hubspot.loc[rows, ADDITIONAL], address)
            mark(ids.source.eq("hubspot") & ids.identifier.eq(typed_onto.identifier), "household")
            mark(ids.person_id.eq(owner.person_id), "household")
            contacts = contacts[contacts.identifier != typed_onto.identifier]
            addresses.append(
                {"trap": "household", "address": address, "typed_onto": f"hubspot_contact:{typed_onto.identifier}"}
            )

    # Marked only: drawn by their writers.
    mark(ids.mailbox.eq("github_noreply"), "github_noreply")
    movers = people.index[people.job_change_month >= 0]
    mark(ids.person_id.isin(movers), "job_change")

    if hubspot is not None:
        write_csv(hubspot, hubspot_path)
    if salesforce is not None:
        write_csv(salesforce, salesforce_path)
    return Planted(identities=ids, addresses=pd.DataFrame(addresses, columns=["trap", "address", "typed_onto"]))


def affiliations_truth(world: World) -> pd.DataFrame:
    """Each person's employers over time: one row per (person, company) with valid_from / valid_to
    (month starts; empty = open)."""
    people = world.people
    companies = world.companies.set_index("company_index").domain
    month = world.config.month_starts
    moved = people.job_change_month.to_numpy() >= 0
    change = [month[m].isoformat() if m >= 0 else "" for m in people.job_change_month]
    current = pd.DataFrame(
        {
            "person_id": people.person_id,
            "domain": companies.reindex(people.company_index).to_numpy(),
            "valid_from": np.where(moved, change, ""),
            "valid_to": "",
        }
    )[people.company_index.to_numpy() > 0]
    before = pd.DataFrame(
        {
            "person_id": people.person_id[moved],
            "domain": companies.reindex(people.previous_company_index[moved]).to_numpy(),
            "valid_from": "",
            "valid_to": np.array(change, dtype=object)[moved],
        }
    )
    return pd.concat([before, current], ignore_index=True).sort_values(["person_id", "valid_from"])
