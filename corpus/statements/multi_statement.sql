-- A file with several statements, line and block comments, and a semicolon inside a string literal (snapshot only, not run).
-- expect: ok

/* Step 1: a staging table */
CREATE TABLE staging_nation AS
SELECT n_nationkey, n_name, 'a;b' AS tag   -- the ';' inside the literal does not split
FROM nation;

-- Step 2: append more rows
INSERT INTO staging_nation
SELECT n_nationkey + 25, lower(n_name), 'it''s'
FROM nation
WHERE n_regionkey = 1;

/* Step 3: a view on top,
   spanning lines */
CREATE OR REPLACE VIEW staging_view AS
SELECT tag, count(*) AS n FROM staging_nation GROUP BY tag;
