-- String literal escaping: a doubled quote is one quote, a backslash is an ordinary character (also inside a regex), ${x} is plain text, double quotes inside single quotes (catalog §1, §21).
-- expect: ok
SELECT 'it''s' AS quote,
       '\d+' AS backslash,
       length('\d+') AS backslash_len,
       regexp_like('a12', '\d+') AS regex_ok,
       regexp_like('d', '^\d$') AS regex_d,
       '${x}' AS dollar,
       '"q"' AS dq,
       'a\tb' AS not_a_tab,
       '' AS empty,
       '''' AS lone_quote,
       concat('C:\', 'dir') AS path
