with source as (
    select * from {{ source('config', 'question_spaces') }}
),

final as (
    select
        nullif(trim(platform), '') as platform,
        nullif(trim(activity_type), '') as activity_type,
        nullif(trim(channel_name), '') as channel_name,
        nullif(trim(description), '') as description
    from source
)

select * from final
