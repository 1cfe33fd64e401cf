-- word_stem and from_utf8 with a replacement have no Spark counterpart (catalog §7); normalize has its own case (normalize.sql).
-- expect: flagged non-mappable
SELECT word_stem('running'), word_stem('corriendo', 'es'), from_utf8(x'ff', '?')
