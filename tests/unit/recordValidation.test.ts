import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The installed version of a package, read from its folder (some packages do not export package.json). */
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

describe('the server validates records with the client’s own tldraw schema', () => {
  it('runs the @tldraw/tlschema of the tldraw version the board is built with', () => {
    const tldraw = versionOf('tldraw');
    expect(versionOf('@tldraw/tlschema')).toBe(tldraw);
    const declared = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(declared.dependencies['@tldraw/tlschema']).toBe(declared.dependencies.tldraw);
  });
});
