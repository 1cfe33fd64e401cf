package com.example.udf;

import org.apache.hadoop.hive.ql.exec.UDF;

/** A company UDF as Trino and Spark would both run it: trim, lower-case, drop a "+tag". */
public class NormalizeEmail extends UDF {
    public String evaluate(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase();
        int at = t.indexOf('@');
        int plus = t.indexOf('+');
        if (at > 0 && plus >= 0 && plus < at) {
            t = t.substring(0, plus) + t.substring(at);
        }
        return t;
    }
}
