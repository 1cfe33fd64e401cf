-- title_case and random_string are refused (not functions of Trino 476; no faithful Spark form). (Snapshot only: Trino 476, the engine CI records with, does not run it.)
-- expect: flagged non-mappable
SELECT title_case('hello world-foo'), random_string(5)
