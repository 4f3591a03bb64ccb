with base as (
    {{ staged_rows(ref('base_hubspot__deal_pipeline_stage')) }}
),

final as (
    select
        pipeline_stage_id,
        pipeline_id,
        stage_label,
        win_probability,
        is_closed,
        is_closed_won,
        display_order,
        is_active,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
