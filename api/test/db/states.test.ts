import { ARTIFACT_STATUSES, JOB_STATES, VIDEO_STATUSES } from '@artifact-stories/contracts/states';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';

// Released migrations never change, so their CHECK lists stay written out in SQL. This is what keeps them
// the same lists as the contracts': a new state needs a new migration, and this test says so.
describe('the database accepts exactly the states of the contracts', () => {
  const db = openDatabase(':memory:');
  const tableSql = (name: string) =>
    (
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) as {
        sql: string;
      }
    ).sql;
  const inList = (values: readonly string[]) => `IN (${values.map((v) => `'${v}'`).join(', ')})`;

  it.each([
    ['jobs', 'state', JOB_STATES],
    ['videos', 'status', VIDEO_STATUSES],
    ['artifacts', 'status', ARTIFACT_STATUSES],
    ['exhibitions', 'status', ARTIFACT_STATUSES],
  ] as const)('%s.%s', (table, column, states) => {
    expect(tableSql(table)).toContain(`CHECK (${column} ${inList(states)})`);
  });
});
