import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FACILITATOR } from '../../shared/domain/identity';
import { goalField, MAX_REPORT_TEXT_CHARS, reportTextOf, setGoalSummary, setReportSummary } from '../../shared/domain/reports';
import { REPORT_GOALS_KEY } from '../../shared/domain/templates';
import { reportsOf, workshopOf } from '../../shared/schema';
import { citizen, judge, workshop } from './voicesFixtures';

const reason = (refusal: { reason: string } | null) => refusal?.reason ?? null;
const GOALS = ['Tydelige roller', 'Bedre samarbejde'];

function withGoals() {
  const w = workshop();
  workshopOf(w.doc).set(REPORT_GOALS_KEY, GOALS);
  return w;
}

describe('the text of a gathering’s report', () => {
  it('is empty until the facilitator writes it, then holds the summary and one text per goal', () => {
    const { doc, gathering } = withGoals();
    expect(reportTextOf(doc, gathering.id)).toEqual({ summary: '', goalSummaries: ['', ''] });
    setReportSummary(doc, gathering.id, 'Vi talte om roller.');
    setGoalSummary(doc, gathering.id, 1, 'Møderne bliver kortere.');
    expect(reportTextOf(doc, gathering.id)).toEqual({ summary: 'Vi talte om roller.', goalSummaries: ['', 'Møderne bliver kortere.'] });
    // A workshop without report goals has no goal texts to read.
    workshopOf(doc).delete(REPORT_GOALS_KEY);
    expect(reportTextOf(doc, gathering.id).goalSummaries).toEqual([]);
  });

  it('refuses a text over the limit, an unknown goal and an unknown gathering before writing', () => {
    const { doc, gathering } = withGoals();
    expect(() => setReportSummary(doc, gathering.id, 'x'.repeat(MAX_REPORT_TEXT_CHARS + 1))).toThrow(RangeError);
    expect(() => setGoalSummary(doc, gathering.id, -1, 'x')).toThrow(RangeError);
    expect(() => setGoalSummary(doc, gathering.id, 1.5, 'x')).toThrow(RangeError);
    expect(() => setReportSummary(doc, 'gathering:nowhere', 'x')).toThrow();
    expect(reportsOf(doc).size).toBe(0);
  });

  it('two laptops writing different goals of a report both keep theirs', () => {
    const { doc, gathering } = withGoals();
    setReportSummary(doc, gathering.id, 'Først');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setGoalSummary(doc, gathering.id, 0, 'Roller');
    setGoalSummary(other, gathering.id, 1, 'Samarbejde');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(reportTextOf(other, gathering.id).goalSummaries).toEqual(['Roller', 'Samarbejde']);
    expect(reportTextOf(doc, gathering.id)).toEqual(reportTextOf(other, gathering.id));
  });
});

describe('the gate keeps the report texts the facilitator’s, and of a known shape', () => {
  it('lets the facilitator write, change and clear a summary and goal texts', () => {
    const { doc, gathering } = withGoals();
    expect(judge(doc, FACILITATOR, (client) => setReportSummary(client, gathering.id, 'Vi talte om roller.'))).toBeNull();
    expect(judge(doc, FACILITATOR, (client) => setGoalSummary(client, gathering.id, 0, 'x'.repeat(MAX_REPORT_TEXT_CHARS)))).toBeNull();
    expect(judge(doc, FACILITATOR, (client) => setReportSummary(client, gathering.id, ''))).toBeNull();
    expect(judge(doc, FACILITATOR, (client) => reportsOf(client).get(gathering.id)?.delete(goalField(0)))).toBeNull();
    expect(reportTextOf(doc, gathering.id)).toEqual({ summary: '', goalSummaries: ['', ''] });
    expect(judge(doc, FACILITATOR, (client) => reportsOf(client).delete(gathering.id))).toBeNull();
  });

  it('refuses a participant', () => {
    const { doc, gathering } = withGoals();
    expect(reason(judge(doc, citizen, (client) => setReportSummary(client, gathering.id, 'Mit eget referat')))).toBe('facilitator-only');
    setReportSummary(doc, gathering.id, 'Referat');
    expect(reason(judge(doc, citizen, (client) => setGoalSummary(client, gathering.id, 0, 'x')))).toBe('facilitator-only');
    expect(reason(judge(doc, citizen, (client) => reportsOf(client).delete(gathering.id)))).toBe('facilitator-only');
    expect(reportTextOf(doc, gathering.id).summary).toBe('Referat');
  });

  it('refuses an oversize text, even from the facilitator', () => {
    const { doc, gathering } = withGoals();
    setReportSummary(doc, gathering.id, 'Referat');
    const oversize = 'x'.repeat(MAX_REPORT_TEXT_CHARS + 1);
    expect(judge(doc, FACILITATOR, (client) => reportsOf(client).get(gathering.id)?.set('summary', oversize))).toMatchObject({ reason: 'invalid-report', detail: 'text' });
    expect(judge(doc, FACILITATOR, (client) => reportsOf(client).get(gathering.id)?.set(goalField(1), oversize))).toMatchObject({ reason: 'invalid-report', detail: 'text' });
    expect(reportTextOf(doc, gathering.id).summary).toBe('Referat');
  });

  it('refuses anything but texts under a known gathering', () => {
    const { doc, gathering } = withGoals();
    setReportSummary(doc, gathering.id, 'Referat');
    const fields = (client: Y.Doc) => reportsOf(client).get(gathering.id) as Y.Map<unknown>;
    const bad: Array<[string, unknown]> = [
      ['summary', 7],
      ['summary', { text: 'x' }],
      ['summary', null],
      ['goal:-1', 'x'],
      ['goal:20', 'x'],
      ['goal:01', 'x'],
      ['colour', 'red'],
    ];
    for (const [field, value] of bad) {
      expect(reason(judge(doc, FACILITATOR, (client) => fields(client).set(field, value))), field).toBe('invalid-report');
    }
    expect(reason(judge(doc, FACILITATOR, (client) => fields(client).set('summary', new Y.Text('x'))))).toBe('invalid-report');
    expect(reason(judge(doc, FACILITATOR, (client) => (reportsOf(client) as Y.Map<unknown>).set(gathering.id, { summary: 'x' })))).toBe('invalid-report');
    expect(reason(judge(doc, FACILITATOR, (client) => reportsOf(client).set('gathering:nowhere', new Y.Map())))).toBe('unknown-gathering');
    expect(reason(judge(doc, FACILITATOR, (client) => reportsOf(client).set('x'.repeat(100_000), new Y.Map())))).toBe('unknown-gathering');
  });
});
