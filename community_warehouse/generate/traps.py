"""Identity traps real CRMs hold, planted into the written exports with their truth.

- shared_assistant: an executive assistant's address typed onto several executives' contacts — in
  HubSpot as an additional address (so her scheduling mail is logged to them), in Salesforce as the
  contact's e-mail itself (Salesforce allows one address on many contacts).
- household: the personal address of someone on the forum (often their forum login) in another
  person's `hs_additional_emails`.
GitHub noreply sign-ups and job changes are drawn by their writers (discourse.py, world.py); this module
only marks them in the truth. Each trap has its own random stream, so the rest of the demo is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from community_warehouse.generate.community import platform
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


def _append_addresses(current: pd.Series, addresses: pd.Series) -> pd.Series:
    """`a;b` + c → `a;b;c`; empty + c → `c` (HubSpot separates additional addresses with `;`)."""
    text = current.fillna("").astype(str)
    return text.where(text == "", text + ";") + addresses.to_numpy()


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

    def pick_staff(contacts: pd.DataFrame, min_staff: int, companies: int, executives: int, rng) -> pd.DataFrame:
        """Per chosen company (at least `min_staff` contacts), one assistant and `executives` others,
        each with the assistant's work address. Vectorised: one random key per contact."""
        contacts = contacts.assign(company=contacts.person_id.map(company_of).to_numpy())
        size = contacts.groupby("company").person_id.transform("size")
        eligible = np.unique(contacts.company[size >= min_staff])
        chosen = rng.permutation(eligible)[:companies]
        picked = contacts[contacts.company.isin(chosen)].assign(key=lambda f: rng.random(len(f)))
        picked = picked.sort_values(["company", "key"], kind="stable")
        picked["rank"] = picked.groupby("company").cumcount()
        assistants = picked[picked["rank"] == 0].set_index("company").person_id
        staff = picked[(picked["rank"] >= 1) & (picked["rank"] <= executives)].copy()
        staff["assistant"] = staff.company.map(assistants).to_numpy()
        staff["address"] = [_norm(a) for a in people.work_email.reindex(staff.assistant).to_numpy()]
        return staff

    # Shared assistant addresses.
    rng = rng_for(world.config.seed, "traps", "shared_assistant")
    if hubspot is not None:
        contacts = ids[(ids.source == "hubspot") & (ids.kind == "person") & (ids.mailbox == "work")]
        staff = pick_staff(contacts.drop_duplicates("person_id"), 4, max(3, round(members / 400)), 3, rng)
        address_of = pd.Series(staff.address.to_numpy(), index=staff.identifier.to_numpy())
        rows = hubspot.id.isin(address_of.index)
        hubspot.loc[rows, ADDITIONAL] = _append_addresses(
            hubspot.loc[rows, ADDITIONAL], hubspot.id[rows].map(address_of)
        )
        mark(ids.source.eq("hubspot") & ids.identifier.isin(address_of.index), "shared_assistant")
        mark(ids.person_id.isin(staff.assistant), "shared_assistant")
        hubspot_trapped = set(address_of.index) | set(
            ids.identifier[ids.source.eq("hubspot") & ids.person_id.isin(staff.assistant)]
        )
        for address, group in staff.groupby("address", sort=True):
            typed = ";".join(f"hubspot_contact:{i}" for i in group.identifier)
            addresses.append({"trap": "shared_assistant", "address": address, "typed_onto": typed})
    if salesforce is not None:
        contacts = ids[(ids.source == "salesforce") & (ids.entity == "contact")]
        staff = pick_staff(contacts, 3, max(2, round(members / 1000)), 2, rng)
        address_of = pd.Series(staff.address.to_numpy(), index=staff.identifier.to_numpy())
        rows = salesforce.id.isin(address_of.index)
        salesforce.loc[rows, "email"] = salesforce.id[rows].map(address_of).to_numpy()
        exec_rows = ids.source.eq("salesforce") & ids.identifier.isin(address_of.index)
        ids.loc[exec_rows, "email_written"] = ids.identifier[exec_rows].map(address_of).to_numpy()
        ids.loc[exec_rows, "mailbox"] = "assistant"
        mark(exec_rows, "shared_assistant")
        mark(ids.person_id.isin(staff.assistant), "shared_assistant")
        for address, group in staff.groupby("address", sort=True):
            typed = ";".join(f"salesforce_contact:{i}" for i in group.identifier)
            addresses.append({"trap": "shared_assistant", "address": address, "typed_onto": typed})

    # Household addresses: the personal address of someone on the forum typed onto another person's
    # contact. Drawn from the world, not from the forum's export, so HubSpot's file is the same whether
    # or not the forum is generated.
    rng = rng_for(world.config.seed, "traps", "household")
    if hubspot is not None:
        forum_people = platform(world, "discourse").people
        contacts = ids[(ids.source == "hubspot") & (ids.kind == "person")].drop_duplicates("identifier")
        contacts = contacts[~contacts.identifier.isin(hubspot_trapped)]
        n = min(max(3, round(members / 500)), len(forum_people), len(contacts))
        owners = forum_people.iloc[rng.permutation(len(forum_people))[:n]].reset_index(drop=True)
        typed_onto = contacts.iloc[rng.permutation(len(contacts))[:n]].reset_index(drop=True)
        pairs = pd.DataFrame(
            {
                "owner": owners.person_id,
                "address": [_norm(a) for a in owners.personal_email],
                "contact": typed_onto.identifier,
                "contact_person": typed_onto.person_id,
            }
        )
        pairs = pairs[pairs.owner != pairs.contact_person].drop_duplicates("address")
        address_of = pd.Series(pairs.address.to_numpy(), index=pairs.contact.to_numpy())
        rows = hubspot.id.isin(address_of.index)
        hubspot.loc[rows, ADDITIONAL] = _append_addresses(
            hubspot.loc[rows, ADDITIONAL], hubspot.id[rows].map(address_of)
        )
        mark(ids.source.eq("hubspot") & ids.identifier.isin(address_of.index), "household")
        mark(ids.person_id.isin(pairs.owner), "household")
        for address, contact in zip(pairs.address, pairs.contact, strict=True):
            addresses.append({"trap": "household", "address": address, "typed_onto": f"hubspot_contact:{contact}"})

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
