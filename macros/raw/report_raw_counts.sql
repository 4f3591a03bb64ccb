{#
    on-run-end: the records each source's files held, as the base models read them (every raw record,
    staged or not), with how many were quarantined or were duplicates. One query for all base models
    built in this run; sources switched off or not selected are not listed.
#}
{% macro report_raw_counts(results) %}
    {%- if execute -%}
        {%- set selects = [] -%}
        {%- for result in results
            if result.node.resource_type == 'model' and result.node.name.startswith('base_') and result.status == 'success' -%}
            {%- set source_name = result.node.name[5:].split('__')[0] -%}
            {%- do selects.append(
                "select '" ~ source_name ~ "' as source_name, count(*) as records,"
                ~ " sum(case when _quarantine_reason is not null then 1 else 0 end) as quarantined,"
                ~ " sum(case when _is_duplicate then 1 else 0 end) as duplicates"
                ~ " from " ~ result.node.relation_name
            ) -%}
        {%- endfor -%}
        {%- if selects -%}
            {%- set rows = run_query(
                "select source_name, sum(records), sum(quarantined), sum(duplicates) from ("
                ~ selects | join(' union all ') ~ ") as counts group by source_name order by source_name"
            ) -%}
            {{- log("Records read per source (base models built in this run):", info=True) -}}
            {%- for row in rows -%}
                {{- log("  " ~ row[0] ~ ": " ~ '{:,}'.format(row[1] | int) ~ " records, " ~ '{:,}'.format((row[2] or 0) | int) ~ " quarantined, " ~ '{:,}'.format((row[3] or 0) | int) ~ " duplicates", info=True) -}}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
