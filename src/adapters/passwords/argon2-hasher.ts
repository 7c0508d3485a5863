import type { PasswordHasher } from '../../domain/ports.js';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, so written as its value). */
const argon2id = 2;

/** How much an argon2id hash costs to make and to check: memory in KiB, and passes over it. */
export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
}

/** The OWASP-recommended minimum for argon2id: 19 MiB, 2 passes (1 lane). */
export const owaspMinimumCost: Argon2Cost = { memoryCost: 19_456, timeCost: 2 };

/**
 * argon2id at `cost`, loaded on first use: a serving process that never checks a password never
 * loads it. A hash carries its own cost, so checking one costs what it cost to make.
 */
export function createArgon2Hasher(cost: Argon2Cost): PasswordHasher {
  return {
    async hash(password) {
      const { hash } = await import('@node-rs/argon2');
      return hash(password, { algorithm: argon2id, ...cost, parallelism: 1 });
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
}

/** The site's password hasher: argon2id at the OWASP minimum. */
export const argon2Hasher: PasswordHasher = createArgon2Hasher(owaspMinimumCost);
