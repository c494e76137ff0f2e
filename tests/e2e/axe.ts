import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext, ImpactValue, RunOptions } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * axe-core in the pages of a browser context, under Flet's own Content-Security-Policy.
 *
 * The server forbids inline scripts, so `page.addScriptTag({ content })` is refused. axe is
 * given to the context as an init script instead: Playwright hands it to Chromium through the
 * DevTools protocol (`Page.addScriptToEvaluateOnNewDocument`), which runs it in every new
 * document before the page's own scripts and is not a script element, so the policy does not
 * apply to it. The pages keep their real policy (no `bypassCSP`): what is audited is what a
 * person is served.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 rules, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail a view. */
export const BLOCKING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

/** One rule broken on a view, with the elements that break it. */
export interface Violation {
  rule: string;
  impact: ImpactValue;
  help: string;
  /** CSS selectors of the offending elements, with axe's summary of what is wrong. */
  nodes: Array<{ target: string; summary: string }>;
}

/** What axe said of a view. */
export interface Audit {
  violations: Violation[];
  /** Rules axe could not decide by itself (e.g. contrast over an image or a gradient), with their elements. */
  incomplete: Violation[];
  /** Rules that passed on at least one element. */
  passes: number;
}

/** Makes axe available in every page of `context`, from its first script on. */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/** Runs axe on `page` with the WCAG 2.0/2.1 A and AA rules; `exclude` lists selectors left out. */
export async function audit(page: Page, exclude: readonly string[] = []): Promise<Audit> {
  return page.evaluate(
    async ({ exclude, tags }) => {
      const axe = (window as unknown as { axe?: AxeApi }).axe;
      if (!axe) throw new Error('axe is not in the page: was installAxe() called on its context?');
      const context: ElementContext = exclude.length ? { exclude: exclude.map((selector) => [selector]) } : document;
      const options: RunOptions = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] };
      const run = await axe.run(context, options);
      // Only plain data crosses back: axe's results may hold references into the page.
      const plain = (v: (typeof run.violations)[number]) => ({
        rule: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' > '),
          summary: (n.failureSummary ?? [...n.any, ...n.all, ...n.none].map((check) => check.message).join('; ')).replace(/\s+/g, ' '),
        })),
      });
      return { violations: run.violations.map(plain), incomplete: run.incomplete.map(plain), passes: run.passes.length };
    },
    { exclude: [...exclude], tags: WCAG_TAGS },
  );
}

/** The part of axe's API the audit uses. */
interface AxeApi {
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
}

/** The violations that fail a view (serious or critical). */
export function blocking(result: Audit): Violation[] {
  return result.violations.filter((v) => BLOCKING_IMPACTS.includes(v.impact));
}

/** A line per violation, for a test's report. */
export function describeViolations(violations: Violation[]): string[] {
  return violations.map((v) => `${v.impact} ${v.rule} (${v.help}): ${v.nodes.map((n) => n.target).join(', ')}`);
}
