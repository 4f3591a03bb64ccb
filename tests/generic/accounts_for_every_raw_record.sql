{#
    On a base model: every raw record is accounted for exactly once,
        raw rows = base rows = staged rows + quarantined rows + duplicates removed.
    Returns one row of counts when that does not hold. (The quarantine model selects the base rows
    with a reason, so quarantined rows reach it by construction.)
#}
{% test accounts_for_every_raw_record(model, raw, staged) %}
    with counts as (
        select
            (select count(*) from {{ raw }}) as raw_rows,
            (select count(*) from {{ model }}) as base_rows,
            (select count(*) from {{ staged }}) as staged_rows,
            (select count(*) from {{ model }} where _quarantine_reason is not null) as quarantined_rows,
            (select count(*) from {{ model }} where _is_duplicate) as duplicate_rows
    )

    select *
    from counts
    where
        raw_rows <> base_rows
        or raw_rows <> staged_rows + quarantined_rows + duplicate_rows
{% endtest %}
