-- current_time (time with time zone) and localtime (time): Spark has no usable TIME type, flagged.
-- expect: flagged non-mappable
SELECT current_time AS t, localtime AS lt
