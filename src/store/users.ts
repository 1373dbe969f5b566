/** Review users and their sessions. Session tokens are stored only as SHA-256 hashes. */
import type { Queryable } from './db.ts';

export type Role = 'reviewer' | 'admin';

export interface User {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export interface SessionUser extends User {
  csrfToken: string;
}

/** Inserts a user; throws pg's unique violation (SQLSTATE 23505) when the name is taken. */
export async function insertUser(db: Queryable, username: string, passwordHash: string, role: Role): Promise<User> {
  const rows = await db.query<{ id: number; username: string; role: Role; disabled: boolean }>(
    `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3) RETURNING id, username, role, disabled`,
    [username, passwordHash, role],
  );
  return rows[0]!;
}

/** Replaces a user's password and role (used by `courtwatch user add` on an existing name with --force). */
export async function updateUserPassword(db: Queryable, username: string, passwordHash: string, role: Role): Promise<User | null> {
  const rows = await db.query<{ id: number; username: string; role: Role; disabled: boolean }>(
    `UPDATE users SET password_hash = $2, role = $3, disabled = false WHERE username = $1 RETURNING id, username, role, disabled`,
    [username, passwordHash, role],
  );
  return rows[0] ?? null;
}

export async function findUserByName(db: Queryable, username: string): Promise<UserWithHash | null> {
  const rows = await db.query<{ id: number; username: string; role: Role; disabled: boolean; password_hash: string }>(
    `SELECT id, username, role, disabled, password_hash FROM users WHERE username = $1`,
    [username],
  );
  const r = rows[0];
  return r ? { id: r.id, username: r.username, role: r.role, disabled: r.disabled, passwordHash: r.password_hash } : null;
}

export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId: number; csrfToken: string; ttlSeconds: number },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [session.tokenHash, session.userId, session.csrfToken, session.ttlSeconds],
  );
}

/** The live session's user, or null when the session is unknown, expired, or its user is disabled. */
export async function findSessionUser(db: Queryable, tokenHash: string): Promise<SessionUser | null> {
  const rows = await db.query<{ id: number; username: string; role: Role; disabled: boolean; csrf_token: string }>(
    `SELECT u.id, u.username, u.role, u.disabled, s.csrf_token
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { id: r.id, username: r.username, role: r.role, disabled: r.disabled, csrfToken: r.csrf_token } : null;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query(`DELETE FROM sessions WHERE expires_at <= now() RETURNING 1`);
  return rows.length;
}
