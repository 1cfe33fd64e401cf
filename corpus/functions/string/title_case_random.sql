-- title_case and random_string are refused (not functions of Trino 476; no faithful Spark form).
-- expect: flagged non-mappable
SELECT title_case('hello world-foo'), random_string(5)
