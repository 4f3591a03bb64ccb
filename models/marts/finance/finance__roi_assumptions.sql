{#
    Every var that feeds a number in the department ROI marts, with the value this build used, its
    default, unit, department and meaning: what a CFO reads before trusting finance__community_roi.
    Rendered from roi_assumptions() (macros/finance), the same list the marts take their values from.
#}
with assumptions as (
    {% for row in roi_assumptions() %}
        select
            {{ loop.index }} as display_order,
            '{{ row.name }}' as var_name,
            '{{ row.department }}' as department,
            '{{ roi_assumption_text(row.value) }}' as var_value,
            '{{ roi_assumption_text(row.default) }}' as default_value,
            '{{ row.unit }}' as unit,
            '{{ row.meaning | replace("'", "") }}' as meaning
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (
    select
        cast(display_order as {{ dbt.type_bigint() }}) as display_order,
        var_name,
        department,
        var_value,
        default_value,
        var_value != default_value as is_overridden,
        unit,
        meaning
    from assumptions
)

select * from final
