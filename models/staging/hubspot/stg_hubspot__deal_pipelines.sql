with base as (
    {{ staged_rows(ref('base_hubspot__deal_pipeline')) }}
),

final as (
    select
        pipeline_id,
        pipeline_label,
        is_active,
        display_order,
        created_at,
        updated_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
