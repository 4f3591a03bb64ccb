"""Data-quality checkpoint over the marts (Great Expectations), run after `dbt build`."""
