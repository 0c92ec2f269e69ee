import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountAddressFromClaims } from '../../../src/console/oidc.ts';

test('the officer account comes from the configured claim; an unverified e-mail names nobody', () => {
  assert.equal(accountAddressFromClaims({ email: 'Anna@WijZijnHecht.nl', email_verified: true }, 'email'), 'anna@wijzijnhecht.nl');
  assert.equal(accountAddressFromClaims({ email: 'anna@wijzijnhecht.nl', email_verified: false }, 'email'), '');
  assert.equal(accountAddressFromClaims({ email: 'anna@wijzijnhecht.nl', preferred_username: 'a.jansen@wijzijnhecht.nl' }, 'preferred_username'), 'a.jansen@wijzijnhecht.nl');
  assert.equal(accountAddressFromClaims({ preferred_username: 'no-address' }, 'preferred_username'), '');
  assert.equal(accountAddressFromClaims({}, 'email'), '');
});
