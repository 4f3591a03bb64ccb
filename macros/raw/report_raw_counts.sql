{#
    on-run-end: the records each source's files held, as the base models read them (every raw record,
    staged or not), with how many were quarantined (erased on request among them) or were duplicates. One query for all base models
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
                ~ " sum(case when _is_duplicate then 1 else 0 end) as duplicates,"
                ~ " sum(case when _quarantine_reason = 'erased on request' then 1 else 0 end) as erased"
                ~ " from " ~ result.node.relation_name
            ) -%}
        {%- endfor -%}
        {%- if selects -%}
            {%- set rows = run_query(
                "select source_name, sum(records), sum(quarantined), sum(duplicates), sum(erased) from ("
                ~ selects | join(' union all ') ~ ") as counts group by source_name order by source_name"
            ) -%}
            {{- log("Records read per source (base models built in this run):", info=True) -}}
            {%- for row in rows -%}
                {{- log("  " ~ row[0] ~ ": " ~ '{:,}'.format(row[1] | int) ~ " records, " ~ '{:,}'.format((row[2] or 0) | int) ~ " quarantined, " ~ '{:,}'.format((row[3] or 0) | int) ~ " duplicates" ~ ((", of the quarantined " ~ '{:,}'.format(row[4] | int) ~ " erased on request") if (row[4] or 0) > 0 else ''), info=True) -}}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
