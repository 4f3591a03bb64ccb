{#
    On a base model: every raw record is accounted for exactly once,
        raw rows = base rows = staged rows + quarantined rows + duplicates removed.
    `raw_array_column`, for records nested in a file (a DiscordChatExporter file's `messages`, an API
    page's `data`): the raw rows are the elements of that array across every file; with
    `keeps_unparseable_files`, a file that does not parse counts as one row (the base model keeps it). Returns one row of
    counts when the equation does not hold. (The quarantine model selects the base rows with a reason,
    so quarantined rows reach it by construction.)
#}
{% test accounts_for_every_raw_record(model, raw, staged, raw_array_column=none, keeps_unparseable_files=false) %}
    with counts as (
        select
            (
                select
                    {% if raw_array_column and keeps_unparseable_files %}
                        coalesce(sum(case when _parse_error is not null then 1
                                          else coalesce({{ array_size(raw_array_column) }}, 0) end), 0)
                    {% elif raw_array_column %}coalesce(sum(coalesce({{ array_size(raw_array_column) }}, 0)), 0)
                    {% else %}count(*){% endif %}
                from {{ raw }}
            ) as raw_rows,
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
