import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  actions,
  can,
  permissionTable,
  resources,
  type Action,
  type Resource,
  type Role,
} from '../../src/domain/staff/permissions.js';

const me = 'staff-me';
const mine = { ownerIds: [me] };
const theirs = { ownerIds: ['someone-else'] };
const myPublished = { ownerIds: [me], isPublished: true };

// role × resource × action on someone else's item, my draft and my published item: [theirs, mine, myPublished]
const expectations: [Role, Resource, Action, boolean, boolean, boolean][] = [
  ['contributor', 'post', 'create', true, true, true],
  ['contributor', 'post', 'read', false, true, true],
  ['contributor', 'post', 'update', false, true, false],
  ['contributor', 'post', 'delete', false, true, false],
  ['contributor', 'post', 'publish', false, false, false],
  ['contributor', 'media', 'update', false, true, true],
  ['contributor', 'tag', 'create', false, false, false],
  ['contributor', 'settings', 'update', false, false, false],
  ['author', 'post', 'publish', false, true, true],
  ['author', 'post', 'update', false, true, true],
  ['author', 'page', 'create', false, false, false],
  ['author', 'tag', 'update', false, false, false],
  ['editor', 'post', 'publish', true, true, true],
  ['editor', 'page', 'delete', true, true, true],
  ['editor', 'tag', 'delete', true, true, true],
  ['editor', 'staff', 'create', false, false, false],
  ['editor', 'settings', 'read', true, true, true],
  ['editor', 'settings', 'update', false, false, false],
  ['administrator', 'staff', 'update', true, true, true],
  ['administrator', 'settings', 'update', true, true, true],
  ['administrator', 'integration', 'create', true, true, true],
  ['owner', 'redirect', 'delete', true, true, true],
];

test('the role matrix, role by role, on others\u2019 items, own drafts and own published items', () => {
  for (const [role, resource, action, onTheirs, onMine, onMyPublished] of expectations) {
    const actor = { role, staffId: me };
    const label = `${role} ${action} ${resource}`;
    assert.equal(can(actor, action, resource, theirs), onTheirs, `${label} (someone else's)`);
    assert.equal(can(actor, action, resource, mine), onMine, `${label} (own draft)`);
    assert.equal(can(actor, action, resource, myPublished), onMyPublished, `${label} (own, published)`);
  }
});

test('no role gets less than the role below it', () => {
  const order: Role[] = ['contributor', 'author', 'editor', 'administrator', 'owner'];
  for (let i = 1; i < order.length; i++)
    for (const resource of resources)
      for (const action of actions)
        for (const target of [theirs, mine, myPublished]) {
          const lower = can({ role: order[i - 1]!, staffId: me }, action, resource, target);
          const higher = can({ role: order[i]!, staffId: me }, action, resource, target);
          assert.ok(!lower || higher, `${order[i]} may not ${action} ${resource} though ${order[i - 1]} may`);
        }
});

test('docs/roles.md shows exactly the matrix the code enforces', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'roles.md'), 'utf8');
  const generated =
    /<!-- generated from permissionMatrix: begin -->\n([\s\S]*)<!-- generated from permissionMatrix: end -->/.exec(
      doc,
    );
  assert.ok(generated, 'the generated section is in docs/roles.md');
  assert.equal(generated[1], permissionTable());
});
