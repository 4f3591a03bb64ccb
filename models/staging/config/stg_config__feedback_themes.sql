with source as (
    select * from {{ source('config', 'feedback_themes') }}
),

final as (
    select
        cast(nullif(trim(priority), '') as integer) as priority,
        nullif(trim(pattern), '') as pattern,
        nullif(trim(theme), '') as theme,
        nullif(trim(description), '') as description
    from source
)

select * from final
