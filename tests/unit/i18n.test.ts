import { describe, expect, it } from 'vitest';
import da from '../../client/i18n/da.json';
import en from '../../client/i18n/en.json';
import sv from '../../client/i18n/sv.json';
import { tldrawLocale } from '../../client/i18n';
import { FEATURE_STRINGS } from '../../client/i18n/features';
import { GROUP_NAMES, groupName } from '../../shared/domain/groupNames';
import { GROUPS } from '../../shared/domain/groups';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('has Danish and English complete, key for key', () => {
    expect(keys(da).sort()).toEqual(keys(en).sort());
  });

  it('has Swedish complete too', () => {
    expect(keys(sv).sort()).toEqual(keys(en).sort());
  });

  it.each(Object.entries(FEATURE_STRINGS))('has the %s view in Danish, Swedish and English, key for key', (_name, strings) => {
    expect(keys(strings.da).sort()).toEqual(keys(strings.en).sort());
    expect(keys(strings.sv).sort()).toEqual(keys(strings.en).sort());
  });

  it('names every stakeholder group in Danish, Swedish and English, and Greenlandic falls back to Danish', () => {
    for (const group of GROUPS) {
      for (const names of Object.values(GROUP_NAMES)) expect(names[group]).toBeTruthy();
      expect(groupName(group, 'kl')).toBe(GROUP_NAMES.da[group]);
    }
  });

  it("gives tldraw a language it has: Greenlandic readers get Danish", () => {
    expect(tldrawLocale('kl')).toBe('da');
    expect(tldrawLocale('sv')).toBe('sv');
    expect(tldrawLocale('da')).toBe('da');
    expect(tldrawLocale('xx')).toBe('en');
  });
});
