// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../client/i18n';
import { SetAsideNotice } from '../../client/workshop/SetAsideNotice';
import { StatusIndicator } from '../../client/workshop/StatusIndicator';

declare global {
  // eslint-disable-next-line no-var
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

describe('what a person is told on the board', () => {
  let container: HTMLElement;
  beforeAll(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    initI18n();
    setLanguage('en', false);
  });
  afterEach(() => container?.remove());

  function render(node: React.ReactNode) {
    container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(node));
    return root;
  }

  it('tells, politely and without blocking, that records were set aside, and can be dismissed', () => {
    render(<SetAsideNotice records={[{ id: 'shape:bad', reason: 'x is not a number' }]} />);
    const notice = container.querySelector('[role="status"]');
    expect(notice?.getAttribute('aria-live')).toBe('polite');
    expect(notice?.textContent).toContain('1 item on the board could not be shown and was set aside.');
    act(() => (container.querySelector('button') as HTMLButtonElement).click());
    expect(container.querySelector('[role="status"]')).toBeNull();
  });

  it('says nothing when nothing was set aside', () => {
    render(<SetAsideNotice records={[]} />);
    expect(container.textContent).toBe('');
  });

  it('reads the connection out in words, in Danish too', () => {
    render(<StatusIndicator status="reconnecting" />);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Reconnecting… your changes are kept');
    act(() => setLanguage('da', false));
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Genforbinder… dine ændringer er gemt');
    act(() => setLanguage('en', false));
  });
});
