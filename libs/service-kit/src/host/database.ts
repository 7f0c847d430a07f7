// The one rule for a service's database: the database MONGO_URL names in its path, else the service's
// default (`hangviet_registry`, …). Opened with mongoose, which services use for their models.
import mongoose from 'mongoose';

const NAME = /^[A-Za-z0-9_-]{1,63}$/;

/** `mongodb://h1:27017,h2:27017/hangviet_x?replicaSet=rs` → `hangviet_x`; no path → `fallback`. */
export function databaseName(mongoUrl: string, fallback: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?#]*\/?([^?#]*)/.exec(mongoUrl);
  if (!match) throw new Error(`MONGO_URL: expected a mongodb:// or mongodb+srv:// URL`);
  const path = decodeURIComponent(match[1] ?? '');
  const name = path === '' ? fallback : path;
  if (!NAME.test(name)) throw new Error(`database name '${name}' must be 1–63 letters, digits, _ or -`);
  return name;
}

/** Connects, with indexes created by the service itself (never implicitly by mongoose on first use). */
export async function openDatabase(mongoUrl: string, dbName: string): Promise<mongoose.Connection> {
  return mongoose.createConnection(mongoUrl, { dbName, autoIndex: false, autoCreate: false }).asPromise();
}
