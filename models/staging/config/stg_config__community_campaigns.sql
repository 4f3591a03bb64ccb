with source as (
    select * from {{ source('config', 'community_campaigns') }}
),

final as (
    select
        nullif(trim(campaign_name), '') as campaign_name,
        nullif(trim(utm_campaign), '') as utm_campaign,
        cast(nullif(trim(starts_on), '') as date) as starts_on,
        cast(nullif(trim(ends_on), '') as date) as ends_on,
        nullif(trim(description), '') as description
    from source
)

select * from final
