with source as (
    select * from {{ source('config', 'identity_splits') }}
),

final as (
    select
        nullif(trim(identifier_type_a), '') as identifier_type_a,
        nullif(trim(identifier_value_a), '') as identifier_value_a,
        nullif(trim(identifier_type_b), '') as identifier_type_b,
        nullif(trim(identifier_value_b), '') as identifier_value_b,
        nullif(trim(reason), '') as reason
    from source
)

select * from final
