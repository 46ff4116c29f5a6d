import type Database from 'better-sqlite3';

/** The tables rebuilt, parents before children; `videos` is rebuilt because `captions` points at it. */
const TABLES = ['artifacts', 'artifact_ethnic_groups', 'videos', 'captions'] as const;
const RENAMED = new Map<string, string>(TABLES.map((t) => [t, `${t}_new`]));

const quoteless = (name: string) => name.replace(/^["'`[]|["'`\]]$/g, '');

/**
 * Makes artifact ids never come back: `artifacts.id` becomes AUTOINCREMENT, so deleting the newest artifact
 * no longer hands its id to the next one (a tab still open on the deleted one would otherwise edit the new
 * one). SQLite cannot add AUTOINCREMENT in place, and inside the migration's transaction foreign keys stay
 * on, so dropping `artifacts` would cascade into its children. Hence every table that points at it is
 * rebuilt as a copy pointing at the copies, the originals are dropped children first, and the copies
 * renamed (which rewrites their REFERENCES). Row counts and a foreign key check guard the result.
 */
export function rebuildArtifactsWithAutoincrement(db: Database.Database): void {
  const schemaOf = (type: string, table: string) =>
    db
      .prepare('SELECT sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL')
      .all(type, table) as { sql: string }[];

  // A table outside the four that points at one of them would lose its rows to the cascade: refuse.
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  for (const name of names.filter((n) => !RENAMED.has(n))) {
    const parents = db
      .prepare('SELECT "table" FROM pragma_foreign_key_list(?)')
      .pluck()
      .all(name) as string[];
    const hit = parents.find((p) => RENAMED.has(quoteless(p)));
    if (hit)
      throw new Error(`Cannot rebuild artifacts: table ${name} references ${hit}; extend this migration.`);
  }

  const counts = new Map(
    TABLES.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]),
  );
  const extras = TABLES.flatMap((t) => [...schemaOf('index', t), ...schemaOf('trigger', t)]);

  for (const table of TABLES) {
    let [{ sql } = { sql: '' }] = schemaOf('table', table);
    sql = sql.replace(/^CREATE TABLE\s+("?)(\w+)\1/, `CREATE TABLE ${table}_new`);
    sql = sql.replace(/REFERENCES\s+("?)(\w+)\1/g, (all, _q, parent: string) =>
      RENAMED.has(parent) ? `REFERENCES ${parent}_new` : all,
    );
    if (table === 'artifacts')
      sql = sql.replace(/\bid INTEGER PRIMARY KEY\b/, 'id INTEGER PRIMARY KEY AUTOINCREMENT');
    if (table === 'artifacts' && !sql.includes('AUTOINCREMENT'))
      throw new Error('artifacts.id is not as expected');
    db.exec(sql);
    db.exec(`INSERT INTO ${table}_new SELECT * FROM ${table}`);
  }
  for (const table of [...TABLES].reverse()) db.exec(`DROP TABLE ${table}`);
  for (const table of TABLES) db.exec(`ALTER TABLE ${table}_new RENAME TO ${table}`);
  for (const { sql } of extras) db.exec(sql);

  for (const table of TABLES) {
    const now = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    if (now !== counts.get(table)) throw new Error(`Rebuilding ${table} changed its row count`);
  }
  if (db.prepare('SELECT * FROM pragma_foreign_key_check').all().length) {
    throw new Error('Rebuilding artifacts broke a foreign key');
  }
  // Ids already handed out and deleted may still be named in the search outbox: never reuse those either.
  db.exec(`INSERT INTO sqlite_sequence (name, seq)
    SELECT 'artifacts', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'artifacts')`);
  db.exec(`UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT COALESCE(MAX(artifact_id), 0) FROM search_outbox))
    WHERE name = 'artifacts'`);
}
