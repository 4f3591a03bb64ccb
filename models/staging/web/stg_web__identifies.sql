with base as (
    {{ staged_rows(ref('base_web__identifies')) }}
),

final as (
    select
        identify_id,
        anonymous_id,
        user_id,
        email,
        identified_at,
        received_at
    from base
)

select * from final
