import type Database from 'better-sqlite3';

/**
 * Prepared statements, kept per connection: preparing the same SQL on every call was a seventh of
 * a case's write time. Dynamic SQL (IN lists of varying length) is cached too, up to a bound.
 */
const MAX_PER_CONNECTION = 1_000;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) {
    if (cache.size >= MAX_PER_CONNECTION) cache.clear();
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** The SQL of every statement this connection keeps prepared: what the desk has been running. */
export function preparedSql(db: Database.Database): string[] {
  return [...(caches.get(db)?.keys() ?? [])];
}
