import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, amsterdamDateOf, daysBetween, parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import type { CalendarDate } from '../../../src/domain/calendar-date.ts';
import { isWorkingDay } from '../../../src/domain/dutch-holidays.ts';
import {
  computeDeadline,
  computeNoticeDeadline,
  DEFAULT_DEADLINE_POLICY,
  DeadlineCommandInput,
  validateExtension,
} from '../../../src/domain/deadlines.ts';
import type { DeadlinePolicy, Route } from '../../../src/domain/deadlines.ts';

const d = parseCalendarDate;
const policy = DEFAULT_DEADLINE_POLICY;
const noShift: DeadlinePolicy = { shiftToWorkingDay: false, extraHolidays: [] };

function* everyDay(from: string, to: string): Generator<CalendarDate> {
  for (let day = d(from); day <= to; day = addDays(day, 1)) yield day;
}

describe('worked examples from domain.md', () => {
  it('receipt Thu 19 Nov 2026 gives Thu 31 Dec 2026', () => {
    const r = computeDeadline({ received: d('2026-11-19'), route: 'standard', policy });
    assert.equal(r.deadline, '2026-12-31');
    assert.equal(r.unshifted, '2026-12-31');
    assert.equal(r.shiftedFrom, null);
    assert.equal(r.termDays, 42);
    assert.equal(r.extensionWeeks, 0);
    assert.equal(r.reason, '42 days after receipt (Awb 9:11, standard route)');
  });

  it("receipt Mon 16 Mar 2026 gives Mon 27 Apr 2026 (King's Day), so Tue 28 Apr 2026", () => {
    const r = computeDeadline({ received: d('2026-03-16'), route: 'standard', policy });
    assert.equal(r.deadline, '2026-04-28');
    assert.equal(r.shiftedFrom, '2026-04-27');
    assert.equal(
      r.reason,
      "42 days after receipt (Awb 9:11, standard route); 2026-04-27 is King's Day, moved to the next working day 2026-04-28 (Algemene termijnenwet art. 1)",
    );
  });

  it('receipt Fri 13 Nov 2026 gives Fri 25 Dec 2026, so Mon 28 Dec 2026', () => {
    const r = computeDeadline({ received: d('2026-11-13'), route: 'standard', policy });
    assert.equal(r.deadline, '2026-12-28');
    assert.equal(r.shiftedFrom, '2026-12-25');
    assert.match(r.reason, /2026-12-25 is Christmas Day, moved to the next working day 2026-12-28/);
  });

  it('a message at 23:30Z on 19 Nov 2026 is received on 20 Nov in Amsterdam, which moves the deadline', () => {
    const received = amsterdamDateOf(new Date('2026-11-19T23:30:00Z'));
    const r = computeDeadline({ received, route: 'standard', policy });
    assert.equal(r.unshifted, '2027-01-01');
    assert.equal(r.deadline, '2027-01-04');
    assert.match(r.reason, /New Year's Day/);
  });

  it('names a weekend day in the reason', () => {
    const r = computeDeadline({ received: d('2026-11-14'), route: 'standard', policy });
    assert.equal(r.shiftedFrom, '2026-12-26');
    assert.equal(r.deadline, '2026-12-28');
    assert.match(r.reason, /2026-12-26 is Boxing Day/);
    const sunday = computeDeadline({ received: d('2026-11-15'), route: 'standard', policy });
    assert.match(sunday.reason, /2026-12-27 is a Sunday, moved to the next working day 2026-12-28/);
  });
});

function checkProperties(route: Route, termDays: number): void {
  let shifted = 0;
  for (const received of everyDay('2000-01-01', '2100-10-01')) {
    const r = computeDeadline({ received, route, policy });
    const plain = addDays(received, termDays);
    assert.equal(r.termDays, termDays);
    assert.equal(r.unshifted, plain);
    assert.ok(isWorkingDay(r.deadline), `${received}: ${r.deadline} is not a working day`);
    assert.ok(r.deadline >= plain, `${received}: deadline before received + ${termDays}`);
    if (isWorkingDay(plain)) {
      assert.equal(r.deadline, plain);
      assert.equal(r.shiftedFrom, null);
    } else {
      shifted += 1;
      assert.equal(r.shiftedFrom, plain);
      // the first working day: nothing in between is a working day
      for (let day = plain; day < r.deadline; day = addDays(day, 1)) assert.equal(isWorkingDay(day), false);
      assert.ok(daysBetween(plain, r.deadline) <= 5);
      assert.match(r.reason, /Algemene termijnenwet art\. 1/);
    }
  }
  assert.ok(shifted > 10_000, 'weekends alone shift about 2 in 7 deadlines');
}

describe('properties for every receipt day 2000-2100', () => {
  it('standard route: a working day, at least received + 42, exactly that when it is a working day', () => {
    checkProperties('standard', 42);
  });

  it('committee route: the same with 70 days', () => {
    checkProperties('committee', 70);
  });

  it('with the shift switched off the deadline is always received + term, and the reason says so', () => {
    for (const received of everyDay('2026-01-01', '2027-12-31')) {
      for (const route of ['standard', 'committee'] as const) {
        const r = computeDeadline({ received, route, policy: noShift });
        assert.equal(r.deadline, r.unshifted);
        assert.equal(r.shiftedFrom, null);
        if (!isWorkingDay(r.deadline)) assert.match(r.reason, /not moved, because the Algemene termijnenwet shift is switched off/);
      }
    }
  });
});

describe('extension', () => {
  it('counts from the unshifted term end, then shifts', () => {
    // 16 Mar 2026: 6 weeks end on King's Day 27 Apr (shifted to 28 Apr). One extra week counts from
    // 27 Apr, giving Mon 4 May; counting from 28 Apr would have given 5 May, a holiday, then 6 May.
    const r = computeDeadline({ received: d('2026-03-16'), route: 'standard', extensionWeeks: 1, policy });
    assert.equal(r.termDays, 49);
    assert.equal(r.unshifted, '2026-05-04');
    assert.equal(r.deadline, '2026-05-04');
    assert.equal(r.shiftedFrom, null);
    assert.match(r.reason, /42 days after receipt plus an extension of 1 week, 49 days in all/);
  });

  it('shifts the extended end when it falls on a holiday', () => {
    const r = computeDeadline({ received: d('2026-11-13'), route: 'standard', extensionWeeks: 1, policy });
    assert.equal(r.unshifted, '2027-01-01');
    assert.equal(r.deadline, '2027-01-04');
    assert.equal(r.shiftedFrom, '2027-01-01');
  });

  it('property: 1-4 weeks on both routes add exactly weeks * 7 to the unshifted end', () => {
    for (const received of everyDay('2026-01-01', '2030-12-31')) {
      for (const route of ['standard', 'committee'] as const) {
        const base = computeDeadline({ received, route, policy });
        for (const extensionWeeks of [1, 2, 3, 4]) {
          const r = computeDeadline({ received, route, extensionWeeks, policy });
          assert.equal(r.unshifted, addDays(base.unshifted, extensionWeeks * 7));
          assert.ok(isWorkingDay(r.deadline));
          assert.ok(r.deadline > base.deadline);
          assert.match(r.reason, new RegExp(`extension of ${extensionWeeks} week`));
        }
      }
    }
    const fourWeeks = computeDeadline({ received: d('2026-03-16'), route: 'committee', extensionWeeks: 4, policy });
    assert.equal(fourWeeks.termDays, 98);
  });

  it('refuses an extension outside 0-4 whole weeks', () => {
    for (const extensionWeeks of [5, -1, 1.5, Number.NaN]) {
      assert.throws(
        () => computeDeadline({ received: d('2026-03-16'), route: 'standard', extensionWeeks, policy }),
        RangeError,
        String(extensionWeeks),
      );
    }
    assert.throws(
      () => computeDeadline({ received: d('2026-03-16'), route: 'standard', extensionWeeks: 5, policy }),
      /at most 4 weeks/,
    );
  });
});

describe('configured extra holidays', () => {
  it('moves a deadline past a day made equal to a holiday', () => {
    // 2 Apr 2026 + 42 = Ascension Day 14 May; the Friday after is often made a holiday by decree.
    const without = computeDeadline({ received: d('2026-04-02'), route: 'standard', policy });
    assert.equal(without.deadline, '2026-05-15');
    const withExtra = computeDeadline({
      received: d('2026-04-02'),
      route: 'standard',
      policy: { shiftToWorkingDay: true, extraHolidays: ['2026-05-15'] },
    });
    assert.equal(withExtra.deadline, '2026-05-18');
    assert.equal(withExtra.shiftedFrom, '2026-05-14');
    const onExtra = computeDeadline({
      received: d('2026-04-03'),
      route: 'standard',
      policy: { shiftToWorkingDay: true, extraHolidays: ['2026-05-15'] },
    });
    assert.match(onExtra.reason, /2026-05-15 is a day equal to a public holiday \(configured\)/);
  });
});

describe('computeNoticeDeadline (Awb 9:8)', () => {
  it('is 4 weeks after receipt', () => {
    const r = computeNoticeDeadline(d('2026-03-16'), policy);
    assert.equal(r.termDays, 28);
    assert.equal(r.deadline, '2026-04-13');
    assert.equal(r.shiftedFrom, null);
    assert.match(r.reason, /28 days after receipt \(Awb 9:8/);
  });

  it("shifts like the handling term (30 Mar 2026 + 28 = King's Day)", () => {
    const r = computeNoticeDeadline(d('2026-03-30'), policy);
    assert.equal(r.deadline, '2026-04-28');
    assert.equal(r.shiftedFrom, '2026-04-27');
    assert.equal(computeNoticeDeadline(d('2026-03-30'), noShift).deadline, '2026-04-27');
  });

  it('property 2000-2100: a working day, at least received + 28, exactly that when it is a working day', () => {
    for (const received of everyDay('2000-01-01', '2100-11-01')) {
      const r = computeNoticeDeadline(received, policy);
      const plain = addDays(received, 28);
      assert.ok(isWorkingDay(r.deadline));
      assert.ok(r.deadline >= plain);
      assert.equal(r.deadline === plain, isWorkingDay(plain));
      assert.equal(r.shiftedFrom, r.deadline === plain ? null : plain);
    }
  });
});

describe('validateExtension', () => {
  const base = { currentDeadline: d('2026-04-28'), alreadyExtended: false, weeks: 4, today: d('2026-04-20') };

  it('allows one extension of 1-4 weeks before or on the deadline', () => {
    for (const weeks of [1, 2, 3, 4]) assert.deepEqual(validateExtension({ ...base, weeks }), { ok: true, weeks });
    assert.deepEqual(validateExtension({ ...base, today: d('2026-04-28') }), { ok: true, weeks: 4 });
  });

  it('refuses 0, more than 4 or partial weeks', () => {
    for (const weeks of [0, 5, 2.5, -1]) {
      const r = validateExtension({ ...base, weeks });
      assert.equal(r.ok, false);
      assert.equal(r.ok ? '' : r.code, 'extension_weeks_out_of_range');
      assert.match(r.ok ? '' : r.message, /1 to 4 whole weeks/);
    }
  });

  it('refuses a second extension', () => {
    const r = validateExtension({ ...base, alreadyExtended: true });
    assert.equal(r.ok ? '' : r.code, 'already_extended');
    assert.match(r.ok ? '' : r.message, /written consent/);
  });

  it('refuses after the deadline', () => {
    const r = validateExtension({ ...base, today: d('2026-04-29') });
    assert.equal(r.ok ? '' : r.code, 'deadline_passed');
    assert.match(r.ok ? '' : r.message, /2026-04-28 has passed/);
  });
});

describe('DeadlineCommandInput', () => {
  function messages(input: unknown): string[] {
    const r = DeadlineCommandInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }

  it('applies defaults', () => {
    assert.deepEqual(DeadlineCommandInput.parse({ received: '2026-03-16' }), {
      received: '2026-03-16',
      route: 'standard',
      extendWeeks: 0,
    });
  });

  it('accepts command-line strings for the extension', () => {
    assert.deepEqual(DeadlineCommandInput.parse({ received: '2026-03-16', route: 'committee', extendWeeks: '4' }), {
      received: '2026-03-16',
      route: 'committee',
      extendWeeks: 4,
    });
    assert.equal(DeadlineCommandInput.parse({ received: '2026-03-16', extendWeeks: 2 }).extendWeeks, 2);
  });

  it('explains a bad or missing date', () => {
    assert.deepEqual(messages({}), ['received: --received is required: the receipt day as YYYY-MM-DD, e.g. 2026-03-16']);
    assert.match(messages({ received: '2026-02-30' })[0] ?? '', /^received: this day does not exist/);
    assert.match(messages({ received: '16-03-2026' })[0] ?? '', /^received: expected a date as YYYY-MM-DD/);
  });

  it('explains a bad route or extension', () => {
    assert.deepEqual(messages({ received: '2026-03-16', route: 'fast' }), ['route: --route must be "standard" or "committee"']);
    assert.match(messages({ received: '2026-03-16', extendWeeks: '5' })[0] ?? '', /at most 4/);
    for (const extendWeeks of ['-1', 'two', '1.5', '', 9]) {
      assert.equal(messages({ received: '2026-03-16', extendWeeks }).length, 1, JSON.stringify(extendWeeks));
    }
  });
});
