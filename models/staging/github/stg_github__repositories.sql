with base as (
    {{ staged_rows(ref('base_github__repository')) }}
),

final as (
    select
        repository_id,
        repository_name,
        full_name,
        owner_id,
        is_private,
        is_fork,
        is_archived,
        default_branch,
        language,
        created_at,
        fivetran_synced_at
    from base
)

select * from final
