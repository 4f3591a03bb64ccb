{#
    The Orbit level (1 = advocates … 4 = explorers) a love score earns, given the minimum love of
    levels 1, 2 and 3 (`thresholds`, highest first).
#}
{% macro orbit_level(love, thresholds) -%}
    case
        when {{ love }} >= {{ thresholds[0] }} then 1
        when {{ love }} >= {{ thresholds[1] }} then 2
        when {{ love }} >= {{ thresholds[2] }} then 3
        else 4
    end
{%- endmacro %}


{# The thresholds of orbit_level from the project vars, validated: numbers, not increasing from level 1 to 3. #}
{% macro orbit_level_thresholds() -%}
    {%- set thresholds = [
        number_var('community_orbit_level_1_min_love', 30, min_value=0),
        number_var('community_orbit_level_2_min_love', 10, min_value=0),
        number_var('community_orbit_level_3_min_love', 3, min_value=0),
    ] -%}
    {%- if not (thresholds[0] >= thresholds[1] >= thresholds[2]) -%}
        {{ exceptions.raise_compiler_error(
            "The Orbit level thresholds must not increase from level 1 to level 3, but "
            ~ "community_orbit_level_1_min_love = " ~ thresholds[0]
            ~ ", community_orbit_level_2_min_love = " ~ thresholds[1]
            ~ ", community_orbit_level_3_min_love = " ~ thresholds[2]
            ~ ". Fix them in dbt_project.yml under `vars:`."
        ) }}
    {%- endif -%}
    {{- return(thresholds) -}}
{%- endmacro %}
