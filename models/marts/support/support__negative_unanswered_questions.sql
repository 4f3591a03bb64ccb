{#
    Questions members asked in support spaces (config support_spaces) that nobody has answered yet and
    whose text reads negative (VADER compound ≤ −0.05): frustrated people waiting, a list support can
    work through. Oldest first matters less than most negative and most valuable, so each row carries
    the wait, the score and the account's ARR; the BI tool sorts. A question is answered once someone
    other than its author replied (int_community__conversations, CHAOSS first response).
#}
with as_of as (
    select data_as_of_at from {{ ref('int_calendar__as_of') }}
),

support_spaces as (
    select
        platform,
        channel_name
    from {{ ref('stg_config__support_spaces') }}
),

questions as (
    select
        conversations.conversation_id,
        conversations.platform,
        conversations.channel_name,
        conversations.content_id,
        conversations.member_id,
        conversations.started_at,
        conversations.replies,
        conversations.reactions
    from {{ ref('int_community__conversations') }} as conversations
    inner join support_spaces
        on
            conversations.platform = support_spaces.platform
            and conversations.channel_name = support_spaces.channel_name
    where
        conversations.is_question
        and conversations.first_response_at is null
        and conversations.member_id is not null
        and not conversations.is_staff
        and not conversations.is_bot
),

texts as (
    select
        texts.activity_id,
        texts.text,
        sentiment.sentiment_score
    from {{ ref('int_activities__texts') }} as texts
    inner join {{ ref('int_activities__sentiment') }} as sentiment
        on texts.activity_id = sentiment.activity_id
    where sentiment.sentiment_label = 'negative'
),

member_accounts as (
    {{ primary_account_periods() }}
),

final as (
    select
        questions.conversation_id,
        questions.platform,
        questions.channel_name,
        questions.content_id,
        questions.member_id,
        member_accounts.account_id,
        case
            when member_accounts.account_id is not null then {{ cents('coalesce(account_months.arr_usd, 0)') }}
        end as account_arr_usd,
        questions.started_at,
        cast(
            {{ timestamp_to_epoch_seconds('as_of.data_as_of_at') }}
            - {{ timestamp_to_epoch_seconds('questions.started_at') }} as double
        ) / 3600 as hours_waiting,
        questions.replies,
        questions.reactions,
        texts.sentiment_score,
        {{ spreadsheet_safe_text('texts.text') }} as question_text
    from questions
    inner join texts
        on questions.conversation_id = texts.activity_id
    cross join as_of
    left join member_accounts
        on
            questions.member_id = member_accounts.member_id
            and {{ during_affiliation('questions.started_at', 'member_accounts') }}
    left join {{ ref('int_success__account_months') }} as account_months
        on
            member_accounts.account_id = account_months.account_id
            and {{ month_start('questions.started_at') }} = account_months.month_start
)

select * from final
