import type { PasswordHasher } from '../../domain/ports.js';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, so written as its value). */
const argon2id = 2;

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). Loaded on first use: a
 * serving process that never checks a password never loads it.
 */
export const argon2Hasher: PasswordHasher = {
  async hash(password) {
    const { hash } = await import('@node-rs/argon2');
    return hash(password, { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  },
  async verify(hashed, password) {
    const { verify } = await import('@node-rs/argon2');
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  },
};
