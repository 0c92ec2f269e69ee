import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import { isWorkingDay } from '../../../src/domain/dutch-holidays.ts';
import { nextOverdueReminder, planFirstReminders, planReminders, reminderKey, type Reminder } from '../../../src/domain/reminder-plan.ts';

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

const working = (date: string) => isWorkingDay(d(date));

describe('planFirstReminders (queued when a deadline is set)', () => {
  it('plans the reminders up to the due day and the first overdue one, not the other eleven weeks', () => {
    const plan = planFirstReminders({ deadline, today: d('2026-03-16'), isWorkingDay: working });
    assert.deepEqual(plan.map((r) => [r.date, r.key]), [
      ['2026-04-14', '2026-04-28-before-14'],
      ['2026-04-21', '2026-04-28-before-7'],
      ['2026-04-24', '2026-04-28-before-2'],
      ['2026-04-28', '2026-04-28-due-0'],
      ['2026-05-06', '2026-04-28-overdue-7'], // 5 May is a holiday
    ]);
  });

  it('past the deadline (a reopened complaint) plans the next overdue one still to come', () => {
    assert.deepEqual(planFirstReminders({ deadline, today: d('2026-05-20'), isWorkingDay: working }).map((r) => r.key), ['2026-04-28-overdue-28']);
    assert.deepEqual(planFirstReminders({ deadline, today: d('2026-08-01') }), [], 'past the last week: nothing');
    assert.deepEqual(planFirstReminders({ deadline, today: d('2026-01-01'), overdueWeeks: 0 }).map((r) => r.kind), ['before', 'before', 'before', 'due']);
  });
});

describe('nextOverdueReminder (queued when a due or overdue reminder fires)', () => {
  const next = (after: string, today: string, overdueWeeks?: number) =>
    nextOverdueReminder({ deadline, today: d(today), after, isWorkingDay: working, ...(overdueWeeks === undefined ? {} : { overdueWeeks }) });

  it('after the due day comes the first week, after each week the next, on its working day', () => {
    assert.deepEqual(next('2026-04-28-due-0', '2026-04-28'), { date: '2026-05-06', kind: 'overdue', daysLeft: -8, key: '2026-04-28-overdue-7' });
    assert.equal(next('2026-04-28-overdue-7', '2026-05-06')?.key, '2026-04-28-overdue-14');
    assert.equal(next('2026-04-28-overdue-77', '2026-07-14')?.key, '2026-04-28-overdue-84');
  });

  it('stops after the last week (12 by default), after a reminder before the deadline, and for another deadline\'s key', () => {
    assert.equal(next('2026-04-28-overdue-84', '2026-07-21'), null, 'week 12 is the last');
    assert.equal(next('2026-04-28-overdue-21', '2026-05-19', 3), null, 'a shorter horizon');
    assert.equal(next('2026-04-28-overdue-14', '2026-05-12', 3)?.key, '2026-04-28-overdue-21');
    assert.equal(next('2026-04-28-before-2', '2026-04-24'), null, 'what follows a reminder before the deadline was queued with it');
    assert.equal(next('2026-05-12-due-0', '2026-05-12'), null, 'another deadline');
    assert.equal(next('2026-04-28-overdue-91', '2026-07-28'), null, 'a week past the horizon');
  });

  it('a reminder that fires late (after an outage) skips the weeks already past', () => {
    assert.equal(next('2026-04-28-due-0', '2026-05-13')?.key, '2026-04-28-overdue-21');
    assert.equal(next('2026-04-28-overdue-7', '2026-05-19')?.key, '2026-04-28-overdue-21', 'one due today is kept');
  });

  it('property: the first plan and the chain of next reminders give exactly the whole plan, each day once', () => {
    // Two years of deadlines (every weekday, every holiday), planned before, on, and after them.
    for (let i = 0; i < 150; i += 1) {
      const dl = addDays(d('2026-01-05'), i * 5);
      for (const offset of [-14, 1, 30, 84]) {
        const today = addDays(dl, offset);
        const whole = planReminders({ deadline: dl, today, isWorkingDay: working });
        const queued = new Map<string, Reminder>();
        const pending = planFirstReminders({ deadline: dl, today, isWorkingDay: working });
        // Each queued reminder fires on its day; a due or overdue one queues what follows it.
        for (let reminder = pending.shift(); reminder; reminder = pending.shift()) {
          assert.ok(!queued.has(reminder.key), `${reminder.key} queued once`);
          queued.set(reminder.key, reminder);
          if (reminder.kind === 'before') continue;
          const following = nextOverdueReminder({ deadline: dl, today: reminder.date, after: reminder.key, isWorkingDay: working });
          if (following && !queued.has(following.key) && !pending.some((r) => r.key === following.key)) pending.push(following);
        }
        assert.deepEqual([...queued.values()].sort((a, b) => a.date.localeCompare(b.date)), whole, `deadline ${dl}, planned on ${today}`);
      }
    }
  });
});
