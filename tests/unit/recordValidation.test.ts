import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

describe('the server validates records with the client’s own tldraw schema', () => {
  it('runs the @tldraw/tlschema of the tldraw version the board is built with', () => {
    const tldraw = versionOf('tldraw');
    expect(versionOf('@tldraw/tlschema')).toBe(tldraw);
    const declared = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(declared.dependencies['@tldraw/tlschema']).toBe(declared.dependencies.tldraw);
  });
});
