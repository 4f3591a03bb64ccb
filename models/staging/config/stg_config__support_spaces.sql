with source as (
    select * from {{ source('config', 'support_spaces') }}
),

final as (
    select
        nullif(trim(platform), '') as platform,
        nullif(trim(channel_name), '') as channel_name,
        nullif(trim(description), '') as description
    from source
)

select * from final
