-- Special forms without a runnable case: Trino 476 has no MULTISET type (the documented MULTISET, MULTISET UNION / INTERSECT / EXCEPT, IS A SET, MEMBER OF, SUBMULTISET, and the multiset functions collect, fusion, intersection, element, set do not parse there), and exclude_columns is a table function our parser does not read; their rules are non_mappable. Snapshot only.
-- covers: MULTISET, collect, fusion, intersection, element, set, MULTISET UNION, MULTISET INTERSECT, MULTISET EXCEPT, IS A SET, IS NOT A SET, MEMBER OF, SUBMULTISET, exclude_columns
-- expect: error syntax-error
SELECT MULTISET[1, 2] MULTISET UNION MULTISET[3] AS u
