-- normalize, word_stem, from_utf8 with a replacement have no Spark counterpart (catalog §7).
-- expect: flagged non-mappable
SELECT word_stem('running'), word_stem('corriendo', 'es'), from_utf8(x'ff', '?'), normalize('x')
