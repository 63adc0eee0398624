-- Query of /work/shared/tools/sqlite-catalog.sh (shell escapes resolved; $COLUMN_ORDER replaced at run time).
WITH
q(x) AS (SELECT 1),
tbl AS (
  SELECT m.name, m.sql, tl.wr, tl.strict
  FROM sqlite_schema m JOIN pragma_table_list tl ON tl.name = m.name AND tl.schema = 'main'
  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
),
col AS (
  SELECT t.name AS tname, c.*
  FROM tbl t, pragma_table_xinfo(t.name) c
),
lines(line) AS (
  SELECT 'table "' || replace(name, '"', '""') || '"'
         || CASE WHEN instr(upper(sql), 'AUTOINCREMENT') > 0 THEN ' AUTOINCREMENT' ELSE '' END
         || CASE WHEN wr THEN ' WITHOUT ROWID' ELSE '' END
         || CASE WHEN strict THEN ' STRICT' ELSE '' END
  FROM tbl
  UNION ALL
  SELECT 'column "' || replace(tname, '"', '""') || '"."' || replace(name, '"', '""') || '": '
         || CASE WHEN type = '' THEN '(none)' ELSE upper(type) END
         || CASE WHEN "notnull" THEN ' NOT NULL' ELSE '' END
         || CASE WHEN dflt_value IS NOT NULL THEN ' DEFAULT ' || dflt_value ELSE '' END
         || CASE WHEN pk > 0 THEN ' PRIMARY KEY' ELSE '' END
         || CASE hidden WHEN 2 THEN ' GENERATED VIRTUAL' WHEN 3 THEN ' GENERATED STORED' WHEN 1 THEN ' HIDDEN' ELSE '' END
  FROM col
  UNION ALL
  SELECT 'column-order "' || replace(tname, '"', '""') || '": ' || group_concat(cn, ', ')
  FROM (SELECT tname, '"' || replace(name, '"', '""') || '"' AS cn FROM col WHERE $COLUMN_ORDER = 1 ORDER BY tname, cid)
  GROUP BY tname
  UNION ALL
  SELECT 'primary-key "' || replace(tname, '"', '""') || '": (' || group_concat(cn, ', ') || ')'
  FROM (SELECT tname, '"' || replace(name, '"', '""') || '"' AS cn FROM col WHERE pk > 0 ORDER BY tname, pk)
  GROUP BY tname
  UNION ALL
  SELECT 'foreign-key "' || replace(tname, '"', '""') || '": (' || group_concat(fc, ', ') || ') REFERENCES "'
         || replace(rt, '"', '""') || '" ' || CASE WHEN count(tc) = 0 THEN '(implicit pk)' ELSE '(' || group_concat(tc, ', ') || ')' END
         || ' ON DELETE ' || od || ' ON UPDATE ' || ou || CASE WHEN mt = 'NONE' THEN '' ELSE ' MATCH ' || mt END
  FROM (SELECT t.name AS tname, f.id, f."table" AS rt, f.on_delete AS od, f.on_update AS ou, f."match" AS mt,
               '"' || replace(f."from", '"', '""') || '"' AS fc,
               CASE WHEN f."to" IS NULL THEN NULL ELSE '"' || replace(f."to", '"', '""') || '"' END AS tc
        FROM tbl t, pragma_foreign_key_list(t.name) f
        ORDER BY t.name, f.id, f.seq)
  GROUP BY tname, id
  UNION ALL
  SELECT 'index "' || replace(tname, '"', '""') || '"."' || replace(iname, '"', '""') || '": '
         || CASE WHEN uq THEN 'UNIQUE ' ELSE '' END
         || '(' || group_concat(k, ', ') || ') origin=' || origin
         || CASE WHEN partial AND instr(upper(isql), ' WHERE ') > 0
                 THEN ' WHERE ' || trim(substr(isql, instr(upper(isql), ' WHERE ') + 7)) ELSE '' END
         || CASE WHEN max(has_expr) = 1 THEN ' sql=' || isql ELSE '' END
  FROM (SELECT ix.cid = -2 AS has_expr, t.name AS tname, il.name AS iname, il."unique" AS uq, il.origin, il.partial,
               (SELECT m.sql FROM sqlite_schema m WHERE m.type = 'index' AND m.name = il.name) AS isql,
               CASE WHEN ix.cid = -2 THEN '<expr>' WHEN ix.cid = -1 THEN '<rowid>' ELSE '"' || replace(ix.name, '"', '""') || '"' END
               || CASE WHEN ix."desc" THEN ' DESC' ELSE ' ASC' END
               || CASE WHEN upper(ix.coll) = 'BINARY' THEN '' ELSE ' COLLATE ' || ix.coll END AS k
        FROM tbl t, pragma_index_list(t.name) il, pragma_index_xinfo(il.name) ix
        WHERE ix.key = 1
        ORDER BY t.name, il.name, ix.seqno)
  GROUP BY tname, iname
  UNION ALL
  SELECT 'view "' || replace(name, '"', '""') || '": ' || sql FROM sqlite_schema WHERE type = 'view'
  UNION ALL
  SELECT 'trigger "' || replace(tbl_name, '"', '""') || '"."' || replace(name, '"', '""') || '": ' || sql
  FROM sqlite_schema WHERE type = 'trigger'
)
SELECT replace(replace(line, char(10), '\n'), char(9), '\t') FROM lines;
