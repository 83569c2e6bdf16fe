-- CreateTable
CREATE TABLE "StatusCount" (
    "periodId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "status" "ImplementationStatus" NOT NULL,
    "assessment" "Assessment" NOT NULL,
    "workflowState" "WorkflowState" NOT NULL,
    "count" INTEGER NOT NULL,
    "progressSum" INTEGER NOT NULL,

    CONSTRAINT "StatusCount_pkey" PRIMARY KEY ("periodId","areaId","status","assessment","workflowState")
);


-- Keep "StatusCount" exact. Statement-level triggers with transition tables: a bulk insert (the seed, an
-- import) costs one grouped upsert, not one per row. Deltas are applied in key order, so concurrent
-- statements lock the counter rows in the same order and cannot deadlock on them (the app changes an
-- update in one statement per transaction).
CREATE FUNCTION "status_count_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Hold the proposals' area still until commit: an area moved concurrently (status_count_move_area)
  -- waits for this transaction, then sees its rows, so no count is left under the old area.
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM "Proposal" WHERE id IN (SELECT "proposalId" FROM new_rows) ORDER BY id FOR SHARE;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM "Proposal" WHERE id IN (SELECT "proposalId" FROM old_rows) ORDER BY id FOR SHARE;
  ELSE
    PERFORM 1 FROM "Proposal" WHERE id IN (SELECT "proposalId" FROM new_rows UNION SELECT "proposalId" FROM old_rows) ORDER BY id FOR SHARE;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "StatusCount" AS c ("periodId", "areaId", status, assessment, "workflowState", count, "progressSum")
      SELECT n."periodId", p."areaId", n.status, n.assessment, n."workflowState", count(*)::int, sum(n.progress)::int
      FROM new_rows n JOIN "Proposal" p ON p.id = n."proposalId"
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("periodId", "areaId", status, assessment, "workflowState")
      DO UPDATE SET count = c.count + EXCLUDED.count, "progressSum" = c."progressSum" + EXCLUDED."progressSum";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "StatusCount" AS c ("periodId", "areaId", status, assessment, "workflowState", count, "progressSum")
      SELECT o."periodId", p."areaId", o.status, o.assessment, o."workflowState", -count(*)::int, -sum(o.progress)::int
      FROM old_rows o JOIN "Proposal" p ON p.id = o."proposalId"
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("periodId", "areaId", status, assessment, "workflowState")
      DO UPDATE SET count = c.count + EXCLUDED.count, "progressSum" = c."progressSum" + EXCLUDED."progressSum";
  ELSE
    INSERT INTO "StatusCount" AS c ("periodId", "areaId", status, assessment, "workflowState", count, "progressSum")
      SELECT d."periodId", d."areaId", d.status, d.assessment, d."workflowState", sum(d.n)::int, sum(d.s)::int
      FROM (
        SELECT n."periodId", p."areaId", n.status, n.assessment, n."workflowState", 1 AS n, n.progress AS s
        FROM new_rows n JOIN "Proposal" p ON p.id = n."proposalId"
        UNION ALL
        SELECT o."periodId", p."areaId", o.status, o.assessment, o."workflowState", -1, -o.progress
        FROM old_rows o JOIN "Proposal" p ON p.id = o."proposalId"
      ) d
      GROUP BY 1, 2, 3, 4, 5
      HAVING sum(d.n) <> 0 OR sum(d.s) <> 0
      ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("periodId", "areaId", status, assessment, "workflowState")
      DO UPDATE SET count = c.count + EXCLUDED.count, "progressSum" = c."progressSum" + EXCLUDED."progressSum";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "StatusUpdate_count_insert" AFTER INSERT ON "StatusUpdate"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_count_apply"();
CREATE TRIGGER "StatusUpdate_count_update" AFTER UPDATE ON "StatusUpdate"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_count_apply"();
CREATE TRIGGER "StatusUpdate_count_delete" AFTER DELETE ON "StatusUpdate"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_count_apply"();

-- A proposal moved to another area takes its counts along.
CREATE FUNCTION "status_count_move_area"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatusCount" AS c ("periodId", "areaId", status, assessment, "workflowState", count, "progressSum")
    SELECT d."periodId", d."areaId", d.status, d.assessment, d."workflowState", sum(d.n)::int, sum(d.s)::int
    FROM (
      SELECT s."periodId", m."areaId", s.status, s.assessment, s."workflowState", m.sign AS n, m.sign * s.progress AS s
      FROM (
        SELECT n.id, n."areaId", 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o."areaId" <> n."areaId"
        UNION ALL
        SELECT o.id, o."areaId", -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o."areaId" <> n."areaId"
      ) m
      JOIN "StatusUpdate" s ON s."proposalId" = m.id
    ) d
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(d.n) <> 0 OR sum(d.s) <> 0
    ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("periodId", "areaId", status, assessment, "workflowState")
    DO UPDATE SET count = c.count + EXCLUDED.count, "progressSum" = c."progressSum" + EXCLUDED."progressSum";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Proposal_count_move_area" AFTER UPDATE ON "Proposal"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_count_move_area"();

-- The counts of the updates that exist already.
INSERT INTO "StatusCount" ("periodId", "areaId", status, assessment, "workflowState", count, "progressSum")
  SELECT s."periodId", p."areaId", s.status, s.assessment, s."workflowState", count(*)::int, sum(s.progress)::int
  FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
  GROUP BY 1, 2, 3, 4, 5;
