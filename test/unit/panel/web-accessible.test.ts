import { describe, expect, it } from 'vitest';
import { panelWebAccessibleResources } from '../../../lib/panel/web-accessible';

describe('the panel’s web_accessible_resources', () => {
  it('exposes panel.html to the enabled wikis only', () => {
    expect(
      panelWebAccessibleResources(['http://127.0.0.1:8182', 'https://wiki.xenproject.org'], 'chrome'),
    ).toEqual([
      { resources: ['panel.html'], matches: ['http://127.0.0.1:8182/*', 'https://wiki.xenproject.org/*'] },
    ]);
    expect(panelWebAccessibleResources(['http://127.0.0.1:8182'], 'firefox')).toEqual([
      { resources: ['panel.html'], matches: ['http://127.0.0.1/*'] },
    ]);
    expect(panelWebAccessibleResources([], 'chrome')).toEqual([]);
  });
});
