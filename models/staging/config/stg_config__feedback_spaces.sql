with source as (
    select * from {{ source('config', 'feedback_spaces') }}
),

final as (
    select
        nullif(trim(platform), '') as platform,
        nullif(trim(space_kind), '') as space_kind,
        nullif(trim(space_name), '') as space_name,
        nullif(trim(description), '') as description
    from source
)

select * from final
