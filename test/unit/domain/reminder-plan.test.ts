import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import { isWorkingDay } from '../../../src/domain/dutch-holidays.ts';
import { planReminders, reminderKey } from '../../../src/domain/reminder-plan.ts';

const d = parseCalendarDate;
const deadline = d('2026-04-28');

describe('planReminders', () => {
  it('plans 14, 7 and 2 days before, the day itself and 12 weekly overdue reminders by default', () => {
    const plan = planReminders({ deadline, today: d('2026-03-16') });
    assert.equal(plan.length, 3 + 1 + 12);
    assert.deepEqual(plan.slice(0, 5), [
      { date: '2026-04-14', kind: 'before', daysLeft: 14, key: '2026-04-28-before-14' },
      { date: '2026-04-21', kind: 'before', daysLeft: 7, key: '2026-04-28-before-7' },
      { date: '2026-04-26', kind: 'before', daysLeft: 2, key: '2026-04-28-before-2' },
      { date: '2026-04-28', kind: 'due', daysLeft: 0, key: '2026-04-28-due-0' },
      { date: '2026-05-05', kind: 'overdue', daysLeft: -7, key: '2026-04-28-overdue-7' },
    ]);
    assert.deepEqual(plan.at(-1), { date: '2026-07-21', kind: 'overdue', daysLeft: -84, key: '2026-04-28-overdue-84' });
  });

  it('drops reminders before today and keeps one due today', () => {
    const plan = planReminders({ deadline, today: d('2026-04-21') });
    assert.deepEqual(plan.slice(0, 3).map((r) => r.key), ['2026-04-28-before-7', '2026-04-28-before-2', '2026-04-28-due-0']);
    const later = planReminders({ deadline, today: d('2026-04-22') });
    assert.equal(later[0]?.key, '2026-04-28-before-2');
  });

  it('plans only the remaining overdue reminders once the deadline has passed', () => {
    const plan = planReminders({ deadline, today: d('2026-05-06'), overdueWeeks: 3 });
    assert.deepEqual(plan.map((r) => [r.date, r.kind, r.daysLeft]), [
      ['2026-05-12', 'overdue', -14],
      ['2026-05-19', 'overdue', -21],
    ]);
    assert.deepEqual(planReminders({ deadline, today: d('2026-08-01') }), []);
  });

  it('takes custom offsets, ignores duplicates and allows no overdue reminders', () => {
    const plan = planReminders({ deadline, today: d('2026-01-01'), offsetsDays: [3, 10, 3], overdueWeeks: 0 });
    assert.deepEqual(plan.map((r) => r.key), ['2026-04-28-before-10', '2026-04-28-before-3', '2026-04-28-due-0']);
  });

  it('refuses offsets that are not whole days above 0 and a bad overdue horizon', () => {
    for (const offsetsDays of [[0], [-2], [1.5]]) {
      assert.throws(() => planReminders({ deadline, today: deadline, offsetsDays }), RangeError);
    }
    assert.throws(() => planReminders({ deadline, today: deadline, overdueWeeks: -1 }), RangeError);
  });

  it('moves reminders off non-working days when given a calendar, keeping the keys', () => {
    const plan = planReminders({
      deadline,
      today: d('2026-03-16'),
      overdueWeeks: 2,
      isWorkingDay: (date) => isWorkingDay(date),
    });
    assert.deepEqual(plan.map((r) => [r.date, r.daysLeft, r.key]), [
      ['2026-04-14', 14, '2026-04-28-before-14'],
      ['2026-04-21', 7, '2026-04-28-before-7'],
      ['2026-04-24', 4, '2026-04-28-before-2'], // Sun 26 Apr -> Fri 24 Apr (Sat before)
      ['2026-04-28', 0, '2026-04-28-due-0'],
      ['2026-05-06', -8, '2026-04-28-overdue-7'], // 5 May is a holiday -> 6 May
      ['2026-05-12', -14, '2026-04-28-overdue-14'],
    ]);
  });

  it('keeps one reminder per date when moved reminders meet (the nearer one wins)', () => {
    // Deadline Tue 2026-12-29: 2 days before is Sun 27 Dec -> back over Boxing Day and Christmas to
    // Thu 24 Dec; 5 days before is Thu 24 Dec itself.
    const plan = planReminders({
      deadline: d('2026-12-29'),
      today: d('2026-12-01'),
      offsetsDays: [5, 2],
      overdueWeeks: 0,
      isWorkingDay: (date) => isWorkingDay(date),
    });
    assert.deepEqual(plan.map((r) => [r.date, r.key]), [
      ['2026-12-24', '2026-12-29-before-2'],
      ['2026-12-29', '2026-12-29-due-0'],
    ]);
  });

  it('reminds on the last working day before a deadline that is not one', () => {
    const plan = planReminders({
      deadline: d('2026-04-27'), // King's Day, with the shift switched off
      today: d('2026-04-20'),
      offsetsDays: [2],
      overdueWeeks: 0,
      isWorkingDay: (date) => isWorkingDay(date),
    });
    assert.deepEqual(plan, [{ date: '2026-04-24', kind: 'due', daysLeft: 3, key: '2026-04-27-due-0' }]);
  });

  it('is deterministic, and a new deadline gives new keys', () => {
    const a = planReminders({ deadline, today: d('2026-03-16') });
    assert.deepEqual(planReminders({ deadline, today: d('2026-03-16') }), a);
    const extended = planReminders({ deadline: d('2026-05-26'), today: d('2026-03-16') });
    const keysA = new Set(a.map((r) => r.key));
    assert.ok(extended.every((r) => !keysA.has(r.key)));
    assert.equal(reminderKey(deadline, 'overdue', -7), '2026-04-28-overdue-7');
  });

  it('property: for many deadlines and days, reminders are sorted, from today on, with unique colon-free keys', () => {
    for (let i = 0; i < 400; i += 1) {
      const dl = addDays(d('2026-01-05'), i * 3);
      for (const offset of [-100, -15, -7, -1, 0, 1, 3, 30]) {
        const today = addDays(dl, offset);
        const plan = planReminders({ deadline: dl, today, isWorkingDay: (date) => isWorkingDay(date) });
        const dates = plan.map((r) => r.date);
        assert.deepEqual(dates, [...dates].sort());
        assert.equal(new Set(dates).size, dates.length);
        assert.equal(new Set(plan.map((r) => r.key)).size, plan.length);
        for (const r of plan) {
          assert.ok(r.date >= today);
          assert.ok(!r.key.includes(':'));
          assert.ok(r.key.startsWith(`${dl}-${r.kind}-`));
          // A due reminder moves to the previous working day when the deadline is not one
          // (possible with the Algemene termijnenwet shift switched off), so it may have days left.
          if (r.kind === 'before') assert.ok(r.daysLeft > 0);
          if (r.kind === 'due') assert.ok(r.daysLeft >= 0 && r.daysLeft <= 5);
          if (r.kind === 'overdue') assert.ok(r.daysLeft < 0);
          assert.equal(addDays(r.date, r.daysLeft), dl);
        }
      }
    }
  });
});
