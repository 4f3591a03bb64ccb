with source as (
    select * from {{ source('billing', 'subscriptions') }}
),

typed as (
    select
        nullif(trim(id), '') as subscription_id,
        nullif(trim({{ adapter.quote('Customer ID') }}), '') as customer_id,
        {{ clean_email(adapter.quote('Customer Email')) }} as customer_email,
        nullif(trim({{ adapter.quote('Plan') }}), '') as plan_name,
        nullif(trim({{ adapter.quote('Product') }}), '') as product_name,
        {{ dbt.safe_cast(adapter.quote('Quantity'), dbt.type_int()) }} as quantity,
        lower(nullif(trim({{ adapter.quote('Interval') }}), '')) as billing_interval,
        {{ dbt.safe_cast(adapter.quote('Amount'), dbt.type_numeric()) }} as amount_per_interval,
        lower(nullif(trim({{ adapter.quote('Currency') }}), '')) as currency,
        lower(nullif(trim({{ adapter.quote('Status') }}), '')) as subscription_status,
        nullif(trim({{ adapter.quote('Coupon') }}), '') as coupon_code,
        coalesce(
            {{ dbt.safe_cast(adapter.quote('Cancel At Period End'), dbt.type_boolean()) }}, false
        ) as cancels_at_period_end,
        {{ parse_timestamp(adapter.quote('Created (UTC)')) }} as created_at,
        {{ parse_timestamp(adapter.quote('Start (UTC)')) }} as started_at,
        {{ parse_timestamp(adapter.quote('Current Period Start (UTC)')) }} as current_period_started_at,
        {{ parse_timestamp(adapter.quote('Current Period End (UTC)')) }} as current_period_ends_at,
        {{ parse_timestamp(adapter.quote('Canceled At (UTC)')) }} as canceled_at,
        {{ parse_timestamp(adapter.quote('Ended At (UTC)')) }} as ended_at,
        nullif(trim({{ adapter.quote('Amount') }}), '') as amount_text,
        nullif(trim({{ adapter.quote('Created (UTC)') }}), '') as created_at_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- Rows of a person whose erasure was requested become tombstones (macros/staging/erasure.sql).
    {{ erase_requested('typed', [('billing_customer', 'customer_id'), ('email', 'customer_email')]) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when subscription_id is null then 'missing id'
            when customer_id is null then 'missing Customer ID'
            when amount_text is null or amount_per_interval is null then 'missing or unparseable Amount'
            when amount_per_interval < 0 then 'negative amount'
            when created_at_text is null or created_at is null then 'missing or unparseable Created (UTC)'
            {{- implausible_time_reasons(['created_at', 'started_at', 'canceled_at']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        subscription_id,
        customer_id,
        customer_email,
        plan_name,
        product_name,
        quantity,
        billing_interval,
        amount_per_interval,
        currency,
        subscription_status,
        coupon_code,
        cancels_at_period_end,
        created_at,
        started_at,
        current_period_started_at,
        current_period_ends_at,
        canceled_at,
        ended_at,
        amount_text,
        created_at_text,
        {{ base_disposition_columns('subscription_id', '_file_name') }}
    from quarantine_text
)

select * from final
