import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEmployees } from '../../../src/domain/triage/employees.ts';

test('titled names, normalised titles, names after a role', () => {
  assert.deepEqual(findEmployees('Op 3 november kwam mevrouw Jansen langs met de heer Smits.'), ['mevrouw Jansen', 'de heer Smits']);
  assert.deepEqual(findEmployees('Ik sprak mevr. de Vries-Bakker en dhr. Koç.'), ['mevrouw de Vries-Bakker', 'de heer Koç']);
  assert.deepEqual(findEmployees('De casemanager, Anouk Visser, belde niet terug.'), ['Anouk Visser']);
  assert.deepEqual(findEmployees('A social worker, Mrs Hendriks, visited us.'), ['Mrs Hendriks']);
});

test('a title and name wrapped over two lines are still found', () => {
  assert.deepEqual(findEmployees('Dat heeft mevrouw\nSmeets verkeerd opgeschreven.'), ['mevrouw Smeets']);
});

test('salutations and the complainant are no staff', () => {
  assert.deepEqual(findEmployees('Beste mevrouw De Vries,\n\nIk heb een klacht over de heer Van Dam.'), ['de heer Van Dam']);
  assert.deepEqual(findEmployees('Mevrouw Dekker belde met mevrouw Jansen.', ['Marieke Dekker']), ['mevrouw Jansen']);
  assert.deepEqual(findEmployees('de mevrouw van veilig thuis luisterde niet'), []);
});
