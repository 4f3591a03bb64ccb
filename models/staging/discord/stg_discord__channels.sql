with base as (
    {{ staged_rows(ref('base_discord__channel_exports')) }}
),

final as (
    select
        channel_id,
        channel_name,
        category_name,
        channel_type,
        channel_topic,
        guild_id,
        guild_name,
        exported_at
    from base
)

select * from final
