/**
 * Steps the console's browser tests share: signing in by keyboard (password, then TOTP code),
 * axe-core's WCAG 2.1 A/AA check of the current page, and following a form to the page it leads to.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './browser.ts';
import type { TestConsole } from './console.ts';

export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`), [], `axe on ${what}`);
}

export async function signIn(page: Page, ko: TestConsole, who: { email: string; password: string; secret: string | null }): Promise<void> {
  await page.goto(`${ko.url}/aanmelden`);
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('#password').press('Enter');
  await page.waitForURL(/\/aanmelden\/code$/);
  await page.locator('#code').fill(ko.code(who.secret ?? ''));
  await page.locator('#code').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/aanmelden'));
}

/** Presses Enter on a submit button and waits for the page the form leads to (after any redirect). */
export async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.press('Enter')]);
}

/** Opens the folded form whose summary says `title` (keyboard: Enter on the summary). */
export async function openForm(page: Page, title: string): Promise<Locator> {
  const details = page.locator('details', { has: page.locator('summary', { hasText: title }) });
  await details.locator('summary').press('Enter');
  return details.locator('form');
}
