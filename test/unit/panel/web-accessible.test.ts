import { describe, expect, it } from 'vitest';
import { panelWebAccessibleResources } from '../../../lib/panel/web-accessible';

describe('panel web-accessible resources', () => {
  it('expose only panel.html and comments.html, to http(s) pages (wikis enabled at run time need it too)', () => {
    expect(panelWebAccessibleResources()).toEqual([
      { resources: ['panel.html', 'comments.html'], matches: ['https://*/*', 'http://*/*'] },
    ]);
  });
});
