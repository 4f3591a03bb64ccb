with base as (
    {{ staged_rows(ref('base_hubspot__company')) }}
),

final as (
    select
        company_id,
        company_name,
        -- "www.acme.io", "ACME.io" and "https://acme.io/about" all mean acme.io (no backreferences:
        -- DuckDB writes them \1, Spark $1)
        nullif(
            regexp_replace(regexp_replace(lower(trim(domain_text)), '^(https?://)?(www[.])?', ''), '/.*$', ''),
            ''
        ) as company_domain,
        website,
        industry,
        country,
        employee_count,
        annual_revenue,
        created_at,
        is_deleted,
        fivetran_synced_at
    from base
)

select * from final
