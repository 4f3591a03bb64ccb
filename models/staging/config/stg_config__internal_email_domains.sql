with source as (
    select * from {{ source('config', 'internal_email_domains') }}
),

final as (
    select
        nullif(trim(email_domain), '') as email_domain,
        nullif(trim(description), '') as description
    from source
)

select * from final
