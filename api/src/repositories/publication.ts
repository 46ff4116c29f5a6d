import type { ArtifactStatus } from '@artifact-stories/contracts/states';
import type { Db } from '../db/database.ts';

/** The tables whose rows are published like an artifact: status, updated_at and published_at. */
type Publishable = 'artifacts' | 'exhibitions';

/**
 * Publishes or unpublishes one row; whether there was such a row. updated_at always moves forward (even
 * twice in one millisecond: editors' version checks compare it), and published_at keeps the time the row
 * was first published, so an unpublish and a publish again do not move it up the "newest" lists.
 */
export function writeStatus(
  db: Db,
  table: Publishable,
  id: number,
  status: ArtifactStatus,
  now: number,
): boolean {
  const { changes } = db
    .prepare(
      `UPDATE ${table} SET status = ?, updated_at = MAX(?, updated_at + 1),
         published_at = CASE WHEN ? = 'published' THEN COALESCE(published_at, ?) ELSE published_at END
       WHERE id = ?`,
    )
    .run(status, now, status, now, id);
  return changes > 0;
}
