{#
    GitHub actions (Fivetran github schema): issues and pull requests opened, pull requests merged
    (credited to their author, at merge time), reviews and comments. The channel is the repository.
#}
{%- set text_type = dbt.type_string() %}
with issues as (
    select * from {{ ref('stg_github__issues') }}
),

repositories as (
    select
        repository_id,
        full_name
    from {{ ref('stg_github__repositories') }}
),

unioned as (
    select
        {{ dbt.concat(["'github:issue:'", 'cast(issue_id as ' ~ text_type ~ ')']) }} as activity_id,
        case when is_pull_request then 'pr_opened' else 'issue_opened' end as activity_type,
        author_id as user_id,
        repository_id,
        created_at as occurred_at,
        issue_id as content_id,
        cast(null as {{ dbt.type_bigint() }}) as parent_content_id
    from issues
    union all
    select
        {{ dbt.concat(["'github:merged:'", 'cast(merged.issue_id as ' ~ text_type ~ ')']) }} as activity_id,
        'pr_merged' as activity_type,
        issues.author_id as user_id,
        issues.repository_id,
        merged.merged_at as occurred_at,
        merged.issue_id as content_id,
        cast(null as {{ dbt.type_bigint() }}) as parent_content_id
    from {{ ref('stg_github__merged_pull_requests') }} as merged
    inner join issues
        on merged.issue_id = issues.issue_id
    union all
    select
        {{ dbt.concat(["'github:review:'", 'cast(reviews.review_id as ' ~ text_type ~ ')']) }} as activity_id,
        'review' as activity_type,
        reviews.reviewer_id as user_id,
        issues.repository_id,
        reviews.submitted_at as occurred_at,
        reviews.review_id as content_id,
        pull_requests.issue_id as parent_content_id
    from {{ ref('stg_github__pull_request_reviews') }} as reviews
    inner join {{ ref('stg_github__pull_requests') }} as pull_requests
        on reviews.pull_request_id = pull_requests.pull_request_id
    inner join issues
        on pull_requests.issue_id = issues.issue_id
    union all
    select
        {{ dbt.concat(["'github:comment:'", 'cast(comments.issue_comment_id as ' ~ text_type ~ ')']) }} as activity_id,
        'comment' as activity_type,
        comments.author_id as user_id,
        issues.repository_id,
        comments.created_at as occurred_at,
        comments.issue_comment_id as content_id,
        comments.issue_id as parent_content_id
    from {{ ref('stg_github__issue_comments') }} as comments
    inner join issues
        on comments.issue_id = issues.issue_id
),

users as (
    select
        github_user_id,
        is_bot
    from {{ ref('stg_github__users') }}
),

final as (
    select
        unioned.activity_id,
        'github' as platform,
        unioned.activity_type,
        {{ dbt.concat(["'github_user:'", 'cast(unioned.user_id as ' ~ text_type ~ ')']) }} as actor_identifier_id,
        repositories.full_name as channel_name,
        cast(unioned.content_id as {{ dbt.type_string() }}) as content_id,
        cast(unioned.parent_content_id as {{ dbt.type_string() }}) as parent_content_id,
        unioned.occurred_at,
        coalesce(users.is_bot, false) as is_bot_actor
    from unioned
    left join repositories
        on unioned.repository_id = repositories.repository_id
    left join users
        on unioned.user_id = users.github_user_id
    where unioned.user_id is not null
)

select * from final
