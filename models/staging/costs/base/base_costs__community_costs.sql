with source as (
    select * from {{ source('costs', 'community_costs') }}
),

typed as (
    select
        cast({{ parse_timestamp("concat(trim(month), '-01')") }} as date) as month_start,
        nullif(trim(program), '') as program,
        lower(nullif(trim(category), '')) as category,
        {{ dbt.safe_cast("replace(trim(amount), ',', '')", dbt.type_numeric()) }} as amount,
        upper(nullif(trim(currency), '')) as currency,
        nullif(trim(month), '') as month_text,
        nullif(trim(amount), '') as amount_text,
        _file_name,
        _raw_record,
        _parse_error
    from source
),

erasure_applied as (
    -- No column here says whose record a row is: nothing to erase (macros/staging/erasure.sql).
    {{ erase_requested('typed', []) }}
),

validated as (
    select
        *,
        case
            when _erasure is not null then _erasure
            when _parse_error is not null then _parse_error
            when month_start is null then 'unparseable month (expected YYYY-MM)'
            when amount is null then 'unparseable amount'
            when amount < 0 then 'negative amount'
            when currency is null or length(currency) <> 3 then 'missing or malformed currency'
            when program is null then 'missing program'
            {{- implausible_time_reasons(['month_start']) }}
        end as _quarantine_reason
    from erasure_applied
),

quarantine_text as (
    {{ quarantine_text('validated') }}
),

final as (
    select
        month_start,
        program,
        category,
        amount,
        currency,
        month_text,
        amount_text,
        {{ base_disposition_columns('month_start, program, category, amount, currency', '_file_name') }}
    from quarantine_text
)

select * from final
