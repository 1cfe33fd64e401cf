-- Trino AI functions (ai_analyze_sentiment, ai_classify, ai_extract, ai_fix_grammar, ai_gen, ai_mask, ai_similarity, ai_translate) are refused: non-mappable.
-- Snapshot-only: the ai connector is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch) and needs a configured model provider, so this Trino cannot analyze it; argument types follow functions/ai.html.
-- expect: flagged non-mappable
WITH t(txt) AS (VALUES ('I love Trino'), ('Buy now!'), ('John is 25 years old, call 555-1234'), (''), (NULL))
SELECT txt,
  ai_analyze_sentiment(txt) AS sentiment,
  ai_classify(txt, ARRAY['spam', 'not spam']) AS label,
  ai_extract(txt, ARRAY['name', 'age']) AS extracted,
  ai_fix_grammar(txt) AS fixed,
  ai_gen('Describe in a few words: ' || txt) AS generated,
  ai_mask(txt, ARRAY['phone', 'address']) AS masked,
  ai_similarity(txt, 'The sky is blue') AS similarity,
  ai_translate(txt, 'zh-TW') AS translated
FROM t
