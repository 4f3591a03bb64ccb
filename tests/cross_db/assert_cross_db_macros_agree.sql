-- The project's portable SQL helpers give the hand-computed answer on every engine. Runs in every
-- build, so the DuckDB and Spark builds each prove them; returns the cases that fail.
with cases as (
    select
        'safe_cast of bad text is null' as case_name,
        {{ dbt.safe_cast("'abc'", dbt.type_bigint()) }} is null as passed
    union all
    select
        'safe_cast of good text' as case_name,
        {{ dbt.safe_cast("'42'", dbt.type_bigint()) }} = 42 as passed
    union all
    select
        'epoch seconds with microseconds' as case_name,
        {{ epoch_seconds_to_timestamp("'1452845865.000008'") }}
        = cast('2016-01-15 08:17:45.000008' as {{ dbt.type_timestamp() }}) as passed
    union all
    select
        'epoch of bad text is null' as case_name,
        {{ epoch_seconds_to_timestamp("'soon'") }} is null as passed
    union all
    select
        'text timestamp with a one-digit hour' as case_name,
        {{ parse_timestamp("'2020-12-30 3:15:52'") }}
        = cast('2020-12-30 03:15:52' as {{ dbt.type_timestamp() }}) as passed
    union all
    select
        'an ISO offset is applied' as case_name,
        {{ parse_timestamp("'2013-02-04T15:26:26.278-05:00'") }}
        = cast('2013-02-04 20:26:26.278' as {{ dbt.type_timestamp() }}) as passed
    union all
    select
        'a Z suffix means UTC' as case_name,
        {{ parse_timestamp("'2024-03-01T17:04:23.123Z'") }}
        = cast('2024-03-01 17:04:23.123' as {{ dbt.type_timestamp() }}) as passed
    union all
    select
        'epoch milliseconds' as case_name,
        {{ epoch_millis_to_timestamp("'1700000000123'") }}
        = cast('2023-11-14 22:13:20.123' as {{ dbt.type_timestamp() }}) as passed
    union all
    select
        'split_part counts from 1' as case_name,
        {{ dbt.split_part("'slack/help/2025-01-02.json'", "'/'", 2) }} = 'help' as passed
    union all
    select
        'match_email trims, lower-cases, drops the plus-tag' as case_name,
        {{ match_email("' Jane.Doe+Slack@Acme.IO '") }} = 'jane.doe@acme.io' as passed
    union all
    select
        'email parts' as case_name,
        {{ email_local_part("'jane@acme.io'") }} = 'jane' and {{ email_domain("'jane@acme.io'") }} = 'acme.io' as passed
    union all
    select
        'safe_divide by zero is null' as case_name,
        {{ safe_divide('1', '0') }} is null as passed
    union all
    select
        'safe_divide of integers is a fraction' as case_name,
        {{ safe_divide('1', '4') }} = 0.25 as passed
    union all
    select
        'regexp_replace_all replaces every match' as case_name,
        {{ regexp_replace_all("'a--b--c'", "'-+'", "'-'") }} = 'a-b-c' as passed
    union all
    select
        'normalize_free_text folds case, accents and spaces' as case_name,
        {{ normalize_free_text("'  Comunidád   de\tSlack '") }} = 'comunidad de slack' as passed
    union all
    select
        'normalize_free_text maps every accented letter to its own' as case_name,
        {{ normalize_free_text("'Ñoño Çà Über Ÿ Øre Ēī'") }} = 'nono ca uber y ore ei' as passed
    union all
    select
        'safe_divide keeps double precision' as case_name,
        abs({{ safe_divide('1', '3') }} - 0.333333333333333) < 0.000000000000001 as passed
    union all
    select
        'surrogate_key is md5 of the joined text' as case_name,
        {{ surrogate_key(["'member'", '42']) }} = 'bb0c67a977cd0e85420010572b38fba5' as passed
    union all
    select
        'surrogate_key spells nulls' as case_name,
        {{ surrogate_key(["'a'", 'null']) }} = '3eb893f5340c62378e60083b1035aba6' as passed
    union all
    select
        'month_start of the last second of a month' as case_name,
        {{ month_start('last_second_of_march') }} = cast('2025-03-01' as date) as passed
    from (select cast('2025-03-31 23:59:59' as {{ dbt.type_timestamp() }}) as last_second_of_march) as t
    union all
    select
        'datediff in months counts month boundaries' as case_name,
        {{ dbt.datediff('d1', 'd2', 'month') }} = 2 as passed
    from (
        select
            cast('2025-01-31' as date) as d1,
            cast('2025-03-01' as date) as d2
    ) as t
    union all
    select
        'spreadsheet_safe_text marks a formula as text' as case_name,
        {{ spreadsheet_safe_text("'=HYPERLINK(\"http://x\")'") }} = concat(chr(39), '=HYPERLINK("http://x")') as passed
    union all
    select
        'spreadsheet_safe_text marks +, -, @, tab and carriage return, and nothing else' as case_name,
        {{ spreadsheet_safe_text("'+1'") }} = concat(chr(39), '+1')
        and {{ spreadsheet_safe_text("'-2'") }} = concat(chr(39), '-2')
        and {{ spreadsheet_safe_text("'@SUM(A1)'") }} = concat(chr(39), '@SUM(A1)')
        and {{ spreadsheet_safe_text("concat(chr(9), 'x')") }} = concat(chr(39), chr(9), 'x')
        and {{ spreadsheet_safe_text("concat(chr(13), 'x')") }} = concat(chr(39), chr(13), 'x')
        and {{ spreadsheet_safe_text("'Ada = Lovelace'") }} = 'Ada = Lovelace'
        and {{ spreadsheet_safe_text("''") }} = ''
        and {{ spreadsheet_safe_text('cast(null as ' ~ dbt.type_string() ~ ')') }} is null as passed
    union all
    select
        'an anchored regexp_replace replaces once on both engines' as case_name,
        regexp_replace('www.www.acme.io', '^(https?://)?(www[.])?', '') = 'www.acme.io' as passed
)

select case_name
from cases
where not coalesce(passed, false)
