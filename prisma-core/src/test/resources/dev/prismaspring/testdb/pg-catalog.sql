-- Query of /work/shared/tools/pg-catalog.sh (kept identical; :'column_order' is replaced at run time).
SET search_path = '';
SET client_min_messages = warning;
SET lc_messages = 'C';
SET prisma_catalog.column_order = :'column_order';
WITH
nsp AS (
  SELECT n.oid, n.nspname
  FROM pg_catalog.pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objid = n.oid AND d.deptype = 'e')
),
ext_obj AS (   -- objects created by an extension
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype = 'e'
),
rel AS (
  SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.relrowsecurity, n.nspname,
         pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname
  FROM pg_catalog.pg_class c JOIN nsp n ON n.oid = c.relnamespace
  WHERE NOT EXISTS (SELECT 1 FROM ext_obj e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid)
),
tbl AS (SELECT * FROM rel WHERE relkind IN ('r', 'p', 'f')),
col AS (
  SELECT t.oid AS relid, t.qname, a.attnum, a.attname, a.attnotnull, a.attidentity, a.attgenerated,
         a.attcollation, a.atttypid,
         pg_catalog.format_type(a.atttypid, a.atttypmod) AS typ,
         pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS dflt,
         ty.typcollation
  FROM tbl t
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
),
fk_action(code, txt) AS (
  VALUES ('a', 'NO ACTION'), ('r', 'RESTRICT'), ('c', 'CASCADE'), ('n', 'SET NULL'), ('d', 'SET DEFAULT')
),
con AS (
  SELECT co.*, t.qname,
         (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY k.ord)
            FROM pg_catalog.unnest(co.conkey) WITH ORDINALITY k(attnum, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum) AS cols,
         (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY k.ord)
            FROM pg_catalog.unnest(co.confkey) WITH ORDINALITY k(attnum, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum) AS fcols,
         (SELECT pg_catalog.format('%I.%I', fn.nspname, fc.relname)
            FROM pg_catalog.pg_class fc JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
           WHERE fc.oid = co.confrelid) AS ftable
  FROM pg_catalog.pg_constraint co JOIN tbl t ON t.oid = co.conrelid
  WHERE co.contype <> 'n'          -- NOT NULL constraints (PostgreSQL 18+) are shown on the column lines
),
idx AS (
  SELECT i.*, ic.relname AS iname, t.qname, am.amname, am.oid AS amoid,
         pg_catalog.pg_indexam_has_property(am.oid, 'can_order') AS can_order,
         (pg_catalog.to_jsonb(i.*) ->> 'indnullsnotdistinct')::boolean AS nulls_not_distinct,   -- column exists from PostgreSQL 15
         (SELECT co.contype FROM pg_catalog.pg_constraint co
           WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')
           LIMIT 1) AS owner_contype
  FROM pg_catalog.pg_index i
  JOIN tbl t ON t.oid = i.indrelid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
),
idx_key AS (
  SELECT x.indexrelid, k.pos,
         CASE WHEN k.pos <= x.indnkeyatts THEN
           CASE WHEN x.indkey[k.pos - 1] = 0
                THEN '(' || pg_catalog.pg_get_indexdef(x.indexrelid, k.pos::int, false) || ')'
                ELSE pg_catalog.quote_ident(a.attname) END
           || CASE WHEN x.indcollation[k.pos - 1] <> 0
                    AND x.indcollation[k.pos - 1] <> CASE WHEN x.indkey[k.pos - 1] = 0
                                                          THEN 100   -- expression: hide the database default collation
                                                          ELSE COALESCE(NULLIF(a.attcollation, 0), ty.typcollation, 0) END
                   THEN ' COLLATE ' || (SELECT pg_catalog.format('%I.%I', cn.nspname, cl.collname)
                                          FROM pg_catalog.pg_collation cl JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
                                         WHERE cl.oid = x.indcollation[k.pos - 1])
                   ELSE '' END
           || CASE WHEN opc.opcdefault THEN ''
                   ELSE ' ' || CASE WHEN opn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(opc.opcname)
                                    ELSE pg_catalog.format('%I.%I', opn.nspname, opc.opcname) END END
           || CASE WHEN NOT x.can_order THEN ''
                   WHEN (x.indoption[k.pos - 1] & 1) = 1
                     THEN ' DESC' || CASE WHEN (x.indoption[k.pos - 1] & 2) = 2 THEN '' ELSE ' NULLS LAST' END
                   ELSE ' ASC' || CASE WHEN (x.indoption[k.pos - 1] & 2) = 2 THEN ' NULLS FIRST' ELSE '' END END
         ELSE
           CASE WHEN x.indkey[k.pos - 1] = 0
                THEN '(' || pg_catalog.pg_get_indexdef(x.indexrelid, k.pos::int, false) || ')'
                ELSE pg_catalog.quote_ident(a.attname) END
         END AS txt,
         k.pos <= x.indnkeyatts AS is_key
  FROM idx x
  CROSS JOIN LATERAL pg_catalog.generate_series(1, x.indnatts) AS k(pos)
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.pos - 1] AND x.indkey[k.pos - 1] <> 0
  LEFT JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
  LEFT JOIN pg_catalog.pg_opclass opc ON k.pos <= x.indnkeyatts AND opc.oid = x.indclass[k.pos - 1]
  LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace
),
lines(line) AS (
  -- schemas
  SELECT 'schema ' || pg_catalog.quote_ident(nspname) FROM nsp
  UNION ALL
  -- extensions (plpgsql is always there)
  SELECT 'extension ' || pg_catalog.quote_ident(e.extname) || ' schema ' || pg_catalog.quote_ident(n.nspname)
  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname <> 'plpgsql'
  UNION ALL
  -- enums, values in order
  SELECT 'enum ' || pg_catalog.format('%I.%I', n.nspname, t.typname) || ' ('
         || COALESCE((SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                        FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '') || ')'
  FROM pg_catalog.pg_type t JOIN nsp n ON n.oid = t.typnamespace
  WHERE t.typtype = 'e'
    AND NOT EXISTS (SELECT 1 FROM ext_obj x WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid)
  UNION ALL
  -- other user-defined types (not table row types, not array types, not extension types)
  SELECT 'type ' || pg_catalog.format('%I.%I', n.nspname, t.typname) || ' kind='
         || CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite' WHEN 'r' THEN 'range'
                           WHEN 'm' THEN 'multirange' WHEN 'b' THEN 'base' ELSE t.typtype::text END
         || CASE WHEN t.typtype = 'd' THEN
                   ' ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)
                   || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                   || COALESCE(' DEFAULT ' || t.typdefault, '')
                   || COALESCE((SELECT ' ' || pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(dc.oid), ' ' ORDER BY dc.conname)
                                  FROM pg_catalog.pg_constraint dc WHERE dc.contypid = t.oid), '')
                 WHEN t.typtype = 'c' THEN
                   ' (' || COALESCE((SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                                       FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
                 ELSE '' END
  FROM pg_catalog.pg_type t JOIN nsp n ON n.oid = t.typnamespace
  WHERE t.typtype IN ('d', 'c', 'r', 'm', 'b')
    AND NOT (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))
    AND NOT (t.typtype = 'b' AND t.typcategory = 'A')
    AND NOT EXISTS (SELECT 1 FROM ext_obj x WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid)
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d    -- multirange/array types made for a range
                    WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid AND d.deptype = 'i')
  UNION ALL
  -- tables
  SELECT 'table ' || qname
         || CASE relkind WHEN 'p' THEN ' kind=partitioned' WHEN 'f' THEN ' kind=foreign' ELSE '' END
         || CASE WHEN relpersistence = 'u' THEN ' UNLOGGED' ELSE '' END
         || CASE WHEN relrowsecurity THEN ' ROW LEVEL SECURITY' ELSE '' END
  FROM tbl
  UNION ALL
  -- views
  SELECT 'view ' || qname || CASE WHEN relkind = 'm' THEN ' materialized' ELSE '' END || ': '
         || pg_catalog.replace(pg_catalog.replace(pg_catalog.pg_get_viewdef(oid, false), E'\n', '\n'), E'\t', '\t')
  FROM rel WHERE relkind IN ('v', 'm')
  UNION ALL
  -- columns
  SELECT 'column ' || qname || '.' || pg_catalog.quote_ident(attname) || ': ' || typ
         || CASE WHEN attcollation <> 0 AND attcollation <> typcollation
                 THEN ' COLLATE ' || (SELECT pg_catalog.format('%I.%I', cn.nspname, cl.collname)
                                        FROM pg_catalog.pg_collation cl JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
                                       WHERE cl.oid = attcollation)
                 ELSE '' END
         || CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END
         || CASE WHEN attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_catalog.replace(dflt, E'\n', '\n') || ') STORED'
                 WHEN dflt IS NOT NULL THEN ' DEFAULT ' || pg_catalog.replace(pg_catalog.replace(dflt, E'\n', '\n'), E'\t', '\t')
                 ELSE '' END
         || CASE attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
  FROM col
  UNION ALL
  -- physical column order, one line per table
  SELECT 'column-order ' || qname || ': ' || pg_catalog.string_agg(pg_catalog.quote_ident(attname), ', ' ORDER BY attnum)
  FROM col WHERE pg_catalog.current_setting('prisma_catalog.column_order', true) IS DISTINCT FROM '0'
  GROUP BY qname
  UNION ALL
  -- constraints
  SELECT 'constraint ' || qname || '.' || pg_catalog.quote_ident(conname) || ': '
         || CASE contype
              WHEN 'p' THEN 'PRIMARY KEY (' || cols || ')'
              WHEN 'u' THEN 'UNIQUE ' || CASE WHEN pg_catalog.pg_get_constraintdef(oid) LIKE 'UNIQUE NULLS NOT DISTINCT%' THEN 'NULLS NOT DISTINCT ' ELSE '' END
                            || '(' || cols || ')'
              WHEN 'f' THEN 'FOREIGN KEY (' || cols || ') REFERENCES ' || ftable || ' (' || fcols || ')'
                            || ' ON DELETE ' || (SELECT txt FROM fk_action WHERE code = confdeltype::text)
                            || ' ON UPDATE ' || (SELECT txt FROM fk_action WHERE code = confupdtype::text)
                            || CASE confmatchtype WHEN 'f' THEN ' MATCH FULL' WHEN 'p' THEN ' MATCH PARTIAL' ELSE '' END
              ELSE pg_catalog.replace(pg_catalog.pg_get_constraintdef(oid), E'\n', '\n')
            END
         || CASE WHEN condeferrable THEN ' DEFERRABLE' || CASE WHEN condeferred THEN ' INITIALLY DEFERRED' ELSE '' END ELSE '' END
         || CASE WHEN NOT convalidated THEN ' NOT VALID' ELSE '' END
  FROM con
  UNION ALL
  -- indexes
  SELECT 'index ' || x.qname || '.' || pg_catalog.quote_ident(x.iname) || ': '
         || CASE WHEN x.indisunique THEN 'UNIQUE ' ELSE '' END
         || x.amname
         || ' (' || (SELECT pg_catalog.string_agg(k.txt, ', ' ORDER BY k.pos) FROM idx_key k WHERE k.indexrelid = x.indexrelid AND k.is_key) || ')'
         || COALESCE(' INCLUDE (' || (SELECT pg_catalog.string_agg(k.txt, ', ' ORDER BY k.pos) FROM idx_key k WHERE k.indexrelid = x.indexrelid AND NOT k.is_key) || ')', '')
         || CASE WHEN x.nulls_not_distinct THEN ' NULLS NOT DISTINCT' ELSE '' END
         || COALESCE(' WHERE ' || pg_catalog.replace(pg_catalog.pg_get_expr(x.indpred, x.indrelid, false), E'\n', '\n'), '')
         || CASE x.owner_contype WHEN 'p' THEN ' PRIMARY KEY CONSTRAINT' WHEN 'u' THEN ' UNIQUE CONSTRAINT' WHEN 'x' THEN ' EXCLUDE CONSTRAINT' ELSE '' END
  FROM idx x
  UNION ALL
  -- sequences
  SELECT 'sequence ' || r.qname || ': ' || pg_catalog.format_type(s.seqtypid, NULL)
         || ' START ' || s.seqstart || ' INCREMENT ' || s.seqincrement || ' MIN ' || s.seqmin || ' MAX ' || s.seqmax
         || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END
         || COALESCE((SELECT ' OWNED BY ' || pg_catalog.format('%I.%I.%I', tn.nspname, tc.relname, ta.attname)
                        FROM pg_catalog.pg_depend d
                        JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                        JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                        JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                       WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = r.oid
                         AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')
                       LIMIT 1), '')
  FROM rel r JOIN pg_catalog.pg_sequence s ON s.seqrelid = r.oid
  WHERE r.relkind = 'S'
  UNION ALL
  -- triggers (user triggers only; FK triggers are internal)
  SELECT 'trigger ' || t.qname || '.' || pg_catalog.quote_ident(tg.tgname) || ': '
         || pg_catalog.pg_get_triggerdef(tg.oid, false)
  FROM pg_catalog.pg_trigger tg JOIN tbl t ON t.oid = tg.tgrelid
  WHERE NOT tg.tgisinternal
  UNION ALL
  -- functions / procedures not owned by an extension
  SELECT 'function ' || pg_catalog.format('%I.%I', n.nspname, p.proname)
         || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
         || COALESCE(' RETURNS ' || pg_catalog.pg_get_function_result(p.oid), '')
  FROM pg_catalog.pg_proc p JOIN nsp n ON n.oid = p.pronamespace
  WHERE NOT EXISTS (SELECT 1 FROM ext_obj x WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND x.objid = p.oid)
  UNION ALL
  -- comments on tables, views, indexes, sequences, columns
  SELECT 'comment on '
         || CASE WHEN d.objsubid = 0 THEN
                   CASE r.relkind WHEN 'i' THEN 'index ' WHEN 'S' THEN 'sequence ' WHEN 'v' THEN 'view ' WHEN 'm' THEN 'view ' ELSE 'table ' END || r.qname
                 ELSE 'column ' || r.qname || '.' || pg_catalog.quote_ident(a.attname) END
         || ': ' || pg_catalog.replace(pg_catalog.replace(pg_catalog.quote_literal(d.description), E'\n', '\n'), E'\t', '\t')
  FROM pg_catalog.pg_description d
  JOIN rel r ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = r.oid
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.objsubid AND d.objsubid > 0
  UNION ALL
  SELECT 'comment on type ' || pg_catalog.format('%I.%I', n.nspname, t.typname) || ': '
         || pg_catalog.replace(pg_catalog.replace(pg_catalog.quote_literal(d.description), E'\n', '\n'), E'\t', '\t')
  FROM pg_catalog.pg_description d
  JOIN pg_catalog.pg_type t ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objoid = t.oid
  JOIN nsp n ON n.oid = t.typnamespace
)
SELECT l FROM (SELECT pg_catalog.replace(pg_catalog.replace(line, E'\n', '\n'), E'\t', '\t') AS l FROM lines) q
ORDER BY l COLLATE "C";
