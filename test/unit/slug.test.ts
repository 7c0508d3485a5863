import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isValidSlug, slugify } from '../../src/domain/shared/slug.js';

test('slugs for Norwegian, Arabic, emoji and punctuation', () => {
  assert.equal(slugify('Blåbærsyltetøy på Ærø'), 'blabaersyltetoy-pa-aero');
  assert.equal(slugify('Crème brûlée – “quoted”'), 'creme-brulee-quoted');
  assert.equal(slugify('مرحبا بالعالم'), 'مرحبا-بالعالم');
  assert.equal(slugify('🎉 Party 🎉 time'), 'party-time');
  assert.equal(slugify('🎉🎉'), '');
  assert.equal(slugify('Привет, мир'), 'привет-мир');
});

test('any string gives a slug that is empty or valid, never longer than asked', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (input) => {
      const slug = slugify(input);
      assert.ok(slug === '' || isValidSlug(slug), JSON.stringify([input, slug]));
      assert.ok([...slug].length <= 80);
      assert.ok(!slug.includes('/') && !slug.includes('?') && !slug.includes('#'));
    }),
    { numRuns: 2000 },
  );
});
