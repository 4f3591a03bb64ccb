with base as (
    {{ staged_rows(ref('base_hubspot__deal')) }}
),

final as (
    select
        deal_id,
        deal_name,
        amount,
        pipeline_id,
        pipeline_stage_id,
        owner_id,
        portal_id,
        created_at,
        closed_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
