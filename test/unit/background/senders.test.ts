import { describe, expect, it } from 'vitest';
import {
  contentScriptOrigin,
  isOwnExtensionPage,
  requireExtensionPage,
} from '../../../lib/background/senders';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION = `chrome-extension://${OWN}`;

describe('who may ask the background for drafts', () => {
  it('recognises our own extension pages, framed in a tab or not', () => {
    expect(isOwnExtensionPage({ id: OWN, url: `${EXTENSION}/panel.html#x` }, OWN, `${EXTENSION}/`)).toBe(
      true,
    );
    expect(isOwnExtensionPage({ id: OWN, url: `${EXTENSION}/dashboard.html` }, OWN, EXTENSION)).toBe(true);
  });

  it('refuses content scripts, other extensions and senders without a URL', () => {
    expect(
      isOwnExtensionPage({ id: OWN, url: 'http://wiki.test/index.php?title=Ideas' }, OWN, EXTENSION),
    ).toBe(false);
    expect(
      isOwnExtensionPage({ id: 'other', url: 'chrome-extension://other/panel.html' }, OWN, EXTENSION),
    ).toBe(false);
    expect(
      isOwnExtensionPage(
        { id: OWN, url: `chrome-extension://${OWN.replace('a', 'b')}/panel.html` },
        OWN,
        EXTENSION,
      ),
    ).toBe(false);
    expect(isOwnExtensionPage({ id: OWN }, OWN, EXTENSION)).toBe(false);
    expect(isOwnExtensionPage({ id: OWN, url: 'not a url' }, OWN, EXTENSION)).toBe(false);
    expect(() => requireExtensionPage({ id: OWN, url: 'http://wiki.test/' }, OWN, EXTENSION)).toThrow(
      /Refused/,
    );
  });

  it('knows a page adapter by its tab and its wiki’s web origin', () => {
    expect(
      contentScriptOrigin({ id: OWN, url: 'http://wiki.test/index.php?title=X', tabId: 4 }, EXTENSION),
    ).toBe('http://wiki.test');
    expect(
      contentScriptOrigin({ id: OWN, url: 'http://wiki.test/', tabId: undefined }, EXTENSION),
    ).toBeNull();
    expect(contentScriptOrigin({ id: OWN, url: `${EXTENSION}/panel.html`, tabId: 4 }, EXTENSION)).toBeNull();
    expect(contentScriptOrigin({ id: OWN, url: 'file:///etc/passwd', tabId: 4 }, EXTENSION)).toBeNull();
  });
});
